import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { AnyRoute } from '../../src/server/route.js';
import { allRoutes } from '../../src/server/routes/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { validExample } from './access-matrix.examples.js';

/**
 * GET never changes state (issue 10, item 5). Every GET route of the route table, called with real
 * ids of the demo world as users of several roles, leaves every table as it was: the row counts of
 * all tables after each request, and a checksum of each table's content after each user's pass.
 * Only the audit log (reads of client data are logged, by law) and sessions (last seen) may change.
 */
const USERS = ['ohjaaja', 'sosiaalityo', 'opettaja', 'kuraattori', 'esihenkilo', 'admin', 'anni'] as const;
const MAY_CHANGE = new Set(['audit_log', 'sessions']);

const routes = allRoutes().filter((r) => r.method === 'GET');
let t: TestApp;
let tables: string[];

/** Reads past row-level security (as the session user): the test must see every row. */
function asOwner<T>(db: Kysely<DB>, fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE NONE`.execute(tx);
    return fn(tx);
  });
}

async function first(tx: Transaction<DB>, query: string): Promise<string | undefined> {
  const { rows } = await sql<{ v: unknown }>`${sql.raw(query)}`.execute(tx);
  return rows[0]?.v == null ? undefined : String(rows[0].v);
}

async function rowCounts(): Promise<Map<string, number>> {
  return asOwner(t.db, async (tx) => {
    const union = tables.map((x) => `SELECT '${x}' AS name, count(*)::int AS n FROM "${x}"`).join(' UNION ALL ');
    const { rows } = await sql<{ name: string; n: number }>`${sql.raw(union)}`.execute(tx);
    return new Map(rows.map((r) => [r.name, Number(r.n)]));
  });
}

/** One md5 per table over its rows in a stable order: catches UPDATEs that row counts miss. */
async function checksums(only?: string): Promise<Map<string, string>> {
  return asOwner(t.db, async (tx) => {
    const out = new Map<string, string>();
    for (const name of tables.filter((x) => !MAY_CHANGE.has(x) && (!only || x === only))) {
      const v = await first(tx, `SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS v FROM "${name}" r`);
      out.set(name, v ?? '');
    }
    return out;
  });
}

function differences<V>(before: Map<string, V>, after: Map<string, V>): string[] {
  return [...after].filter(([k, v]) => !MAY_CHANGE.has(k) && before.get(k) !== v).map(([k, v]) => `${k} ${String(before.get(k)).slice(0, 8)}→${String(v).slice(0, 8)}`);
}

interface Ids { client?: string; pupil?: string; meeting?: string; referral?: string; service?: string; organization?: string; unit?: string }
const idsOf = new Map<string, Ids>();
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  tables = await asOwner(t.db, async (tx) => {
    const { rows } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(tx);
    return rows.map((r) => r.name);
  });
  for (const username of USERS) {
    cookies.set(username, await t.login(username));
    // Ids the user can really see, so the reads reach the handlers and not only the 404s.
    const ids = await asOwner(t.db, async (tx) => {
      const u = await tx.selectFrom('users').select(['id', 'organization_id', 'unit_id', 'client_id']).where('username', '=', username).executeTakeFirstOrThrow();
      const org = u.organization_id;
      const client =
        u.client_id ??
        (await first(tx, `SELECT client_id AS v FROM client_relationships WHERE organization_id = '${org}' ORDER BY client_id LIMIT 1`)) ??
        (await first(tx, `SELECT client_id AS v FROM pupil_enrolments WHERE organization_id = '${org}' ORDER BY client_id LIMIT 1`));
      return {
        client,
        pupil: await first(tx, `SELECT client_id AS v FROM pupil_enrolments ${u.unit_id ? `WHERE unit_id = '${u.unit_id}'` : ''} ORDER BY client_id LIMIT 1`),
        meeting: client ? await first(tx, `SELECT id AS v FROM meetings WHERE client_id = '${client}' ORDER BY id LIMIT 1`) : undefined,
        referral: await first(tx, `SELECT id AS v FROM referrals WHERE organization_id = '${org}' OR to_organization_id = '${org}' ORDER BY id LIMIT 1`),
        service: await first(tx, `SELECT id AS v FROM catalog_services ORDER BY id LIMIT 1`),
        organization: org,
        unit: u.unit_id ?? (await first(tx, `SELECT unit_id AS v FROM pupil_enrolments ORDER BY unit_id LIMIT 1`)),
      } satisfies Ids;
    });
    idsOf.set(username, ids);
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

function urlFor(route: AnyRoute, ids: Ids): string {
  const fallback = '00000000-0000-4000-8000-00000000beef';
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => {
    const u = route.url;
    if (name === 'clientId') return ids.pupil ?? ids.client ?? fallback;
    if (name === 'version') return '1';
    if (name === 'code') return '186';
    if (name === 'unitId') return ids.unit ?? fallback;
    if (u.startsWith('/api/v1/clients/')) return ids.client ?? fallback;
    if (u.startsWith('/api/v1/meetings/')) return ids.meeting ?? fallback;
    if (u.startsWith('/api/v1/referrals/')) return ids.referral ?? fallback;
    if (u.includes('/organizations/')) return ids.organization ?? fallback;
    if (u.includes('/services/')) return ids.service ?? fallback;
    return fallback;
  });
  const query = validExample(route.query)?.value as Record<string, unknown> | undefined;
  const qs = new URLSearchParams(Object.entries(query ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return qs.size ? `${path}?${qs}` : path;
}

describe('GET never changes state', () => {
  it('leaves every table (but the audit log and sessions) unchanged for every GET route × role', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let before = await rowCounts();
    let sums = await checksums();
    for (const user of USERS) {
      const ids = idsOf.get(user)!;
      for (const route of routes) {
        const url = urlFor(route, ids);
        const res = await t.call('GET', url, { cookie: cookies.get(user) });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) problems.push(`${url} as ${user} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        const after = await rowCounts();
        const changed = differences(before, after);
        if (changed.length) problems.push(`${url} as ${user} changed row counts: ${changed.join(', ')}`);
        before = after;
      }
      const afterSums = await checksums();
      const changed = differences(sums, afterSums);
      if (changed.length) problems.push(`the GET routes as ${user} changed the content of: ${changed.join(', ')}`);
      sums = afterSums;
    }
    console.log(`get-is-safe (${t.engine}): ${routes.length} GET routes × ${USERS.length} users; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(problems).toEqual([]);
    // The ids were real: most reads reached their handlers instead of stopping at 404.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(routes.length * USERS.length * 0.4);
  });

  it('a client reads notifications with GET (still unread) and marks them read only with POST', async () => {
    const anni = idsOf.get('anni')!.client!;
    const url = `/api/v1/clients/${anni}/notifications`;
    const unread = async () => (await t.call('GET', url, { cookie: cookies.get('anni') })).json().items.filter((i: { readAt: string | null }) => !i.readAt);
    const before = await unread();
    expect(before.length).toBeGreaterThan(0);
    expect(await unread()).toHaveLength(before.length);
    // A worker with access may read the list but not mark the client's notifications read.
    const worker = await t.call('POST', `${url}/read`, { cookie: cookies.get('ohjaaja'), body: { ids: [before[0].id] } });
    expect(worker.statusCode).toBe(403);
    const bad = await t.call('POST', `${url}/read`, { cookie: cookies.get('anni'), body: { ids: ['not-a-uuid'] }, lang: 'sv' });
    expect(bad.statusCode).toBe(400);
    const marked = await t.call('POST', `${url}/read`, { cookie: cookies.get('anni'), body: { ids: [before[0].id] } });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().items.find((i: { id: string }) => i.id === before[0].id).readAt).not.toBeNull();
    expect(await unread()).toHaveLength(before.length - 1);
    // Another client's notifications: denied as not found.
    const someoneElse = (await t.db.selectFrom('clients').select('id').where('id', '<>', anni).orderBy('id').executeTakeFirstOrThrow()).id;
    const other = await t.call('POST', `/api/v1/clients/${someoneElse}/notifications/read`, { cookie: cookies.get('anni'), body: { ids: [before[0].id] } });
    expect(other.statusCode).toBe(404);
  });
});
