import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../domain/identity/actor.js';
import { resolveSession, type SessionPolicy } from '../../domain/identity/index.js';
import type { AppContext } from '../route.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'polku_session';

export function sessionPolicy(ctx: AppContext): SessionPolicy {
  return { idleMinutes: ctx.config.sessionIdleMinutes, absoluteHours: ctx.config.sessionAbsoluteHours };
}

/** Resolves the session cookie to an actor before every API handler. */
export function registerAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.sessionToken = token;
    // Outside a transaction: every statement of resolveSession (the lookup, and the rare touch or
    // delete) is one statement that stands alone, so BEGIN/COMMIT around it only added two round
    // trips to every authenticated request (docs/performance.md, fourth round). Sessions and the
    // user directory are not tenant data (0801), so no tenant context is needed for the lookup.
    req.actor = await resolveSession(ctx.db, token, sessionPolicy(ctx), { correlationId: String(req.id), ip: req.ip ?? null });
  });
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    maxAge: ctx.config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies });
}
