import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../../domain/shared/errors.js';
import type { AppContext } from '../route.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Browser protection. State-changing requests are accepted only from Polku's own origin
 * (CSRF defence on top of SameSite=Strict cookies); every response carries protective headers.
 */
export function registerSecurity(app: FastifyInstance, ctx: AppContext) {
  if (ctx.config.rateLimitPerMinute > 0) registerRateLimit(app, ctx.config.rateLimitPerMinute);
  // Both hooks take Fastify's `done` instead of being async: an async hook costs every request a promise
  // and a microtask turn for work that never waits (issue 11). A throw still fails the request as a rejection did.
  app.addHook('onRequest', (req, _reply, done) => {
    checkOrigin(req, ctx.config);
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    setSecurityHeaders(req, reply, ctx.config);
    done(null, payload);
  });
}

/** State-changing requests only from Polku's own origin or an allowed one (throws 403 cross_origin). */
function checkOrigin(req: FastifyRequest, config: Pick<Config, 'allowedOrigins'>) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
  // Non-browser clients (curl, integrations) send no Origin; browsers always do on cross-site POSTs.
  if (!origin) return;
  const own = `${req.protocol}://${req.headers.host}`;
  if (origin === own || config.allowedOrigins.includes(origin)) return;
  throw new AppError(403, 'cross_origin', {
    fi: 'Pyyntö tuli toiselta sivustolta, eikä sitä hyväksytä.',
    sv: 'Begäran kom från en annan webbplats och godkänns inte.',
    en: 'The request came from another site and is not accepted.',
  });
}

/**
 * The protective headers of every response. The onSend hook sets them; Fastify's frameworkErrors
 * path (414/400 from the router) runs no hooks, so its handler calls this directly.
 */
export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply, config: Pick<Config, 'secureCookies'>) {
  reply.header('Content-Security-Policy', CSP);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'same-origin');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  // A malformed URL may not even start with /api/; an error answer is never worth caching.
  if (req.url.startsWith('/api/') || reply.statusCode >= 400) reply.header('Cache-Control', 'no-store');
  if (config.secureCookies) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * A general API rate limit per address and session, in fixed one-minute windows, kept in memory
 * on each node (a load balancer's limit covers the whole cluster in production).
 */
function registerRateLimit(app: FastifyInstance, perMinute: number) {
  let windowStart = Date.now();
  let counts = new Map<string, number>();
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      counts = new Map();
    }
    const key = `${req.ip}|${req.cookies?.polku_session ?? ''}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > perMinute) {
      reply.header('Retry-After', String(Math.ceil((windowStart + 60_000 - now) / 1000)));
      throw new AppError(429, 'rate_limited', {
        fi: 'Liian monta pyyntöä. Odota hetki ja yritä uudelleen.',
        sv: 'För många förfrågningar. Vänta en stund och försök igen.',
        en: 'Too many requests. Wait a moment and try again.',
      });
    }
  });
}
