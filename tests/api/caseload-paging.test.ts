/**
 * The caseload view pages its list (issue 11: a worker at county scale has hundreds of clients). The
 * counts by level still cover every active client; the list comes a page at a time by name, one audit
 * row per page shown. The previous statement (every client at once) is kept here as the reference:
 * the largest page must give exactly its rows, and the pages put together the same list.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASELOAD_PAGE_SIZE } from '../../src/contracts/clients.contracts.js';
import type { Tx } from '../../src/db/schema.js';
import { toListItem } from '../../src/domain/clients/index.js';
import type { Actor } from '../../src/domain/identity/actor.js';
import { inTransaction } from '../../src/domain/shared/tx.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

interface Item { id: string; firstName: string; lastName: string; level: string | null; startedAt: string; nextTask?: unknown; overdueTasks?: unknown; alerts?: unknown; noContactDays?: unknown }

/** The previous caseload statement, verbatim (git history: guidance.repository.ts caseloadRows). */
function referenceRows(tx: Tx, userId: string) {
  return tx
    .selectFrom('client_relationships as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('municipalities as m', 'm.code', 'c.municipality_code')
    .select(['c.id', 'c.first_name', 'c.last_name', 'c.birth_date', 'c.identity_code', 'm.name_fi as municipality_name', 'r.level', 'r.started_at'])
    .select(sql<string | null>`(SELECT a.segment FROM assessments a WHERE a.client_id = c.id ORDER BY a.at DESC LIMIT 1)`.as('segment'))
    .where('r.responsible_user_id', '=', userId)
    .where('r.ended_at', 'is', null)
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .execute();
}

async function reference(username: string) {
  const u = await t.db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.role', 'u.organization_id', 'o.county_code'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = { userId: u.id, role: u.role, organizationId: u.organization_id, countyCode: u.county_code, clientId: null } as unknown as Actor;
  const rows = await inTransaction(t.database.db, actor, (tx) => referenceRows(tx, u.id));
  const counts = { 'neuvonta-ja-ohjaus': 0, asiakasohjaus: 0, 'intensiivinen-palveluohjaus': 0 };
  for (const r of rows) counts[r.level as keyof typeof counts] += 1;
  return { counts, items: rows.map((r) => ({ ...toListItem(r), startedAt: new Date(r.started_at).toISOString() })) };
}

const names = (items: Item[]) => items.map((i) => `${i.lastName} ${i.firstName}`);
/** The list item as the previous statement gave it: the follow-up signals (caseload-followup.test.ts) left out. */
const listed = ({ nextTask: _n, overdueTasks: _o, alerts: _a, noContactDays: _d, ...item }: Item) => item;
const byId = (items: Item[]) => [...items].sort((a, b) => a.id.localeCompare(b.id)).map(listed);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe(`caseload pages on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('the largest page answers what the previous statement did, for every demo worker with clients', async () => {
    const workers = await t.db
      .selectFrom('users as u')
      .select('u.username')
      .where((eb) => eb.exists(eb.selectFrom('client_relationships as r').select('r.id').whereRef('r.responsible_user_id', '=', 'u.id').where('r.ended_at', 'is', null)))
      .execute();
    expect(workers.length).toBeGreaterThan(2);
    for (const { username } of workers) {
      const before = await reference(username);
      const res = await t.call('GET', '/api/v1/guidance/caseload?pageSize=500', { cookie: await t.login(username) });
      expect(res.statusCode, username).toBe(200);
      const after = res.json();
      expect(after.counts, username).toEqual(before.counts);
      expect(after.total, username).toBe(before.items.length);
      expect(names(after.items), username).toEqual(names(before.items));
      expect(byId(after.items), username).toEqual(byId(before.items));
    }
  });

  it('pages a worker with more than one page of clients: 50 by default, counts over all, pages join to the whole list, one audit row each', async () => {
    const user = await t.db.selectFrom('users').select(['id', 'organization_id']).where('username', '=', 'sosiaaliohjaaja').executeTakeFirstOrThrow();
    const county = (await t.db.selectFrom('organizations').select('county_code').where('id', '=', user.organization_id).executeTakeFirstOrThrow()).county_code;
    for (let i = 0; i < 60; i += 1) {
      // Same last name for all and two first names repeated: the order must still be stable across pages.
      const c = await t.db
        .insertInto('clients')
        .values({ county_code: county, organization_id: user.organization_id, first_name: i % 2 ? 'Aada' : 'Veeti', last_name: 'Sivutus', birth_date: '1980-05-05' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const level = i % 3 === 0 ? 'asiakasohjaus' : 'neuvonta-ja-ohjaus';
      await t.db.insertInto('client_relationships').values({ client_id: c.id, organization_id: user.organization_id, county_code: county, level, responsible_user_id: user.id }).execute();
    }
    const cookie = await t.login('sosiaaliohjaaja');
    const before = await reference('sosiaaliohjaaja');
    const first = (await t.call('GET', '/api/v1/guidance/caseload', { cookie })).json();
    expect(first.total).toBe(before.items.length);
    expect(first.total).toBeGreaterThan(CASELOAD_PAGE_SIZE);
    expect(first).toMatchObject({ page: 1, pageSize: CASELOAD_PAGE_SIZE, counts: before.counts });
    expect(first.items).toHaveLength(CASELOAD_PAGE_SIZE);

    const auditBefore = await t.db.selectFrom('audit_log').select('details').where('user_id', '=', user.id).where('action', '=', 'client.caseload').execute();
    const pages: Item[][] = [];
    for (let page = 1; page <= Math.ceil(first.total / 20); page += 1) {
      const res = (await t.call('GET', `/api/v1/guidance/caseload?page=${page}&pageSize=20`, { cookie })).json();
      expect(res.counts).toEqual(before.counts);
      pages.push(res.items);
    }
    const joined = pages.flat();
    expect(joined).toHaveLength(before.items.length);
    expect(new Set(joined.map((i) => i.id)).size).toBe(joined.length);
    expect(names(joined)).toEqual(names(before.items));
    expect(byId(joined)).toEqual(byId(before.items));
    const audit = await t.db.selectFrom('audit_log').select('details').where('user_id', '=', user.id).where('action', '=', 'client.caseload').orderBy('id').execute();
    expect(audit).toHaveLength(auditBefore.length + pages.length);
    expect(audit.at(-1)!.details).toEqual({ count: pages.at(-1)!.length, total: before.items.length, page: pages.length });

    const beyond = (await t.call('GET', '/api/v1/guidance/caseload?page=99', { cookie })).json();
    expect(beyond).toMatchObject({ items: [], total: before.items.length, counts: before.counts, page: 99 });
  });

  it('writes each page’s audit row in the page’s own statement, also past the end: one row, the counts it read, chained', async () => {
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'ohjaaja').executeTakeFirstOrThrow();
    const cookie = await t.login('ohjaaja');
    const { total } = (await t.call('GET', '/api/v1/guidance/caseload', { cookie })).json();
    const rows = () => t.db.selectFrom('audit_log').select(['id', 'chain', 'details', 'prev_hash']).where('user_id', '=', user.id).where('action', '=', 'client.caseload').orderBy('id').execute();
    const before = await rows();
    const res = await t.call('GET', '/api/v1/guidance/caseload?page=999', { cookie });
    expect(res.statusCode).toBe(200);
    const after = await rows();
    expect(after).toHaveLength(before.length + 1);
    const row = after.at(-1)!;
    expect(row.details).toEqual({ count: 0, total, page: 999 });
    // audit_append chained it to the row before it in its chain, as every other audit row.
    const previous = await t.db.selectFrom('audit_log').select('hash').where('chain', '=', row.chain).where('id', '<', row.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
    expect(row.prev_hash ?? null).toBe(previous?.hash ?? null);
  });

  it('refuses a page size over 500 or a page below 1 with 400, and a client login with 403', async () => {
    const cookie = await t.login('ohjaaja');
    expect((await t.call('GET', '/api/v1/guidance/caseload?pageSize=501', { cookie })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/v1/guidance/caseload?page=0', { cookie })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/v1/guidance/caseload', { cookie: await t.login('eero') })).statusCode).toBe(403);
  });
});
