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
    req.actor = await ctx.db.transaction().execute((tx) =>
      resolveSession(tx, token, sessionPolicy(ctx), { correlationId: String(req.id), ip: req.ip ?? null }),
    );
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
