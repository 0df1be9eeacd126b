import { DemoAccounts, LoginRequest, Me, Ok } from '../../contracts/auth.contracts.js';
import { recordAudit } from '../../domain/audit/index.js';
import { login, logout } from '../../domain/identity/index.js';
import { loginRetryAfter } from '../../domain/identity/login-throttle.js';
import { AppError } from '../../domain/shared/errors.js';
import { DEMO_USERS } from '../../db/demo/users.js';
import { clearSessionCookie, sessionPolicy, setSessionCookie } from '../plugins/auth.js';
import { defineRoute, type AnyRoute } from '../route.js';

const BAD_CREDENTIALS = {
  fi: 'Käyttäjätunnus tai salasana on väärin.',
  sv: 'Fel användarnamn eller lösenord.',
  en: 'Wrong username or password.',
};

export const authRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Log in with username and password; sets an HttpOnly session cookie',
    tags: ['auth'],
    auth: 'public',
    body: LoginRequest,
    response: Me,
    handler: async ({ body, req, reply, app, tx }) => {
      const meta = { username: body.username, ip: req.ip ?? null, correlationId: String(req.id) };
      const retryAfter = await tx((t) => loginRetryAfter(t, body.username, req.ip ?? null));
      if (retryAfter > 0) {
        await tx((t) => recordAudit(t, null, { action: 'auth.login-throttled', allowed: false }, meta));
        reply.header('Retry-After', String(retryAfter));
        throw new AppError(429, 'too_many_attempts', {
          fi: `Liian monta epäonnistunutta kirjautumista. Yritä uudelleen ${Math.ceil(retryAfter / 60)} minuutin kuluttua.`,
          sv: `För många misslyckade inloggningar. Försök igen om ${Math.ceil(retryAfter / 60)} minuter.`,
          en: `Too many failed logins. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
        });
      }
      const result = await tx(async (t) => {
        // A new session id at every login (no fixation): the old session, if any, is dropped.
        if (req.sessionToken) await logout(t, req.sessionToken);
        const session = await login(t, { ...body, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null }, sessionPolicy(app));
        await recordAudit(t, null, { action: session ? 'auth.login' : 'auth.login-failed', allowed: !!session }, meta);
        return session;
      });
      if (!result) throw new AppError(401, 'invalid_credentials', BAD_CREDENTIALS);
      setSessionCookie(reply, app, result.token);
      const me = await app.db
        .selectFrom('users as u')
        .innerJoin('organizations as o', 'o.id', 'u.organization_id')
        .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.client_id', 'o.id as org_id', 'o.name as org_name', 'o.sector'])
        .where('u.id', '=', result.userId)
        .executeTakeFirstOrThrow();
      return {
        id: me.id,
        username: me.username,
        displayName: me.display_name,
        role: me.role,
        organization: { id: me.org_id, name: me.org_name, sector: me.sector },
        clientId: me.client_id,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'End the session',
    tags: ['auth'],
    auth: 'public',
    response: Ok,
    handler: async ({ req, reply, app, tx }) => {
      if (req.sessionToken) await tx((t) => logout(t, req.sessionToken!));
      clearSessionCookie(reply, app);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/me',
    summary: 'The logged-in user and their organisation',
    tags: ['auth'],
    response: Me,
    handler: async ({ actor }) => ({
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      organization: { id: actor.organizationId, name: actor.organizationName, sector: actor.organizationSector },
      clientId: actor.clientId,
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/demo-accounts',
    summary: 'Demo accounts (demo mode only; 404 in production)',
    tags: ['auth'],
    auth: 'public',
    response: DemoAccounts,
    handler: async ({ app }) => {
      if (!app.config.demo) throw new AppError(404, 'not_found', { fi: 'Ei löytynyt.', sv: 'Hittades inte.', en: 'Not found.' });
      return {
        items: DEMO_USERS.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName, organization: u.organizationKey })),
      };
    },
  }),
];
