import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ROLES, type Role } from '../../src/domain/identity/roles.js';
import type { AnyRoute } from '../../src/server/route.js';
import { allRoutes } from '../../src/server/routes/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { validExample } from './access-matrix.examples.js';

/**
 * The access matrix: every route marked `clientData` × every role × a client of a foreign
 * organisation answers 404 (or 403 where the route is closed to the role altogether, which says
 * nothing about the client), and every refused attempt is in the audit log with allowed = false.
 * Generated from allRoutes(), so a new client-data route is covered the day it lands.
 */
const USER_OF_ROLE: Record<Role, string> = {
  'client-counsellor': 'ohjaaja',
  'social-worker': 'sosiaalityo',
  'social-instructor': 'sosiaaliohjaaja',
  'case-manager': 'asiakasvastaava',
  'work-ability-coordinator': 'tyokyky',
  'employment-coach': 'valmentaja',
  teacher: 'opettaja',
  'student-welfare': 'kuraattori',
  'school-nurse': 'terveydenhoitaja',
  'ngo-worker': 'jarjesto',
  manager: 'esihenkilo',
  admin: 'admin',
  client: 'eero',
};

const PROFESSIONAL_OR_MANAGER: readonly Role[] = ROLES.filter((r) => r !== 'admin' && r !== 'client');
function routeAdmits(route: AnyRoute, role: Role): boolean {
  const auth = route.auth ?? 'authenticated';
  if (auth === 'public' || auth === 'authenticated') return true;
  if (auth === 'professional') return PROFESSIONAL_OR_MANAGER.includes(role);
  return (auth as readonly Role[]).includes(role);
}

const routes = allRoutes().filter((r) => r.clientData);
let t: TestApp;
let foreignClient: string;
const cookies = new Map<Role, string>();
const userIds = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  // A client of HUS only: no demo user's organisation has a relationship, consent, referral or meeting.
  const { rows } = await sql<{ id: string }>`
    WITH c AS (
      INSERT INTO clients (county_code, organization_id, first_name, last_name, birth_date)
      SELECT county_code, id, 'Vieras', 'Asiakas', '1990-05-05' FROM organizations WHERE key = 'hus' RETURNING id, organization_id, county_code)
    INSERT INTO client_relationships (client_id, organization_id, county_code, level)
    SELECT id, organization_id, county_code, 'asiakasohjaus' FROM c RETURNING client_id AS id`.execute(t.db);
  foreignClient = rows[0]!.id;
  for (const role of ROLES) {
    cookies.set(role, await t.login(USER_OF_ROLE[role]));
    const u = await t.db.selectFrom('users').select('id').where('username', '=', USER_OF_ROLE[role]).executeTakeFirstOrThrow();
    userIds.set(role, u.id);
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

function urlOf(route: AnyRoute, clientId: string): string {
  const param = route.clientData!.param;
  const others = (validExample(route.params)?.value ?? {}) as Record<string, unknown>;
  return route.url.replace(/:(\w+)/g, (_, name: string) => (name === param ? clientId : String(others[name] ?? '00000000-0000-4000-8000-00000000beef')));
}

/** Routes whose clientData parameter is the client's id (others name a meeting, task … by its id). */
const byClientId = (route: AnyRoute) => new RegExp(`/(clients|pupils)/:${route.clientData!.param}(/|$)`).test(route.url);
const NOBODY = '00000000-0000-4000-8000-0000000000aa';

async function refusals(userId: string) {
  const row = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('client_id', '=', foreignClient)
    .where('user_id', '=', userId)
    .where('allowed', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe(`access matrix on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('covers a demo user for every role and finds client-data routes', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const role of ROLES) expect(USER_OF_ROLE[role]).toBeTruthy();
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s → 404 for every role on a foreign client, refusal audited', async (_name, route) => {
    const body = validExample(route.body);
    const query = validExample(route.query);
    expect(body, `no valid example body for ${route.method} ${route.url}`).toBeDefined();
    expect(query, `no valid example query for ${route.method} ${route.url}`).toBeDefined();
    const qs = query?.value ? `?${new URLSearchParams(query.value as Record<string, string>).toString()}` : '';
    for (const role of ROLES) {
      const before = await refusals(userIds.get(role)!);
      const res = await t.call(route.method, urlOf(route, foreignClient) + qs, { cookie: cookies.get(role)!, body: body?.value });
      expect(res.body).not.toContain('Vieras');
      if (res.statusCode === 403) {
        // A refusal by role, before any client is looked at, tells nothing about the client: the same
        // answer must come for a client that does not exist.
        const ghost = await t.call(route.method, urlOf(route, NOBODY) + qs, { cookie: cookies.get(role)!, body: body?.value });
        expect(ghost.statusCode, `${role} ${route.method} ${route.url}: 403 depends on the client`).toBe(403);
        continue;
      }
      expect(res.statusCode, `${role} ${route.method} ${route.url}: ${res.body}`).toBe(404);
      if (byClientId(route) && routeAdmits(route, role)) {
        expect(await refusals(userIds.get(role)!), `${role} ${route.method} ${route.url}: refusal not audited`).toBeGreaterThan(before);
      }
    }
  }, 120_000);
});
