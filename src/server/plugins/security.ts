import type { FastifyInstance } from 'fastify';
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
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
    // Non-browser clients (curl, integrations) send no Origin; browsers always do on cross-site POSTs.
    if (!origin) return;
    const own = `${req.protocol}://${req.headers.host}`;
    if (origin === own || ctx.config.allowedOrigins.includes(origin)) return;
    throw new AppError(403, 'cross_origin', {
      fi: 'Pyyntö tuli toiselta sivustolta, eikä sitä hyväksytä.',
      sv: 'Begäran kom från en annan webbplats och godkänns inte.',
      en: 'The request came from another site and is not accepted.',
    });
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    if (ctx.config.secureCookies) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}
