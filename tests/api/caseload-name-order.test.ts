/**
 * The caseload page is a range of the worker index ordered by the client's name (migration 0971): each
 * relationship carries a copy of its client's names, kept by trigger. The page is only right while the
 * copies are, so this covers every way they could go stale — a client renamed (also inside a request's
 * tenant, under row-level security), a relationship started, transferred to another worker, ended,
 * deleted, moved to another client, or its copies written directly — and checks the page's order and
 * counts against the clients' own names after each.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/identity/actor.js';
import { inTransaction } from '../../src/domain/shared/tx.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

interface Item { id: string; firstName: string; lastName: string }
interface Page { total: number; counts: Record<string, number>; items: Item[] }

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function worker(username: string) {
  const u = await t.db.selectFrom('users as u').innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.role', 'u.organization_id', 'o.county_code']).where('u.username', '=', username).executeTakeFirstOrThrow();
  return { ...u, cookie: await t.login(username) };
}

/** Every page of the worker's caseload, 20 at a time, joined. */
async function caseload(cookie: string): Promise<Page> {
  const first = (await t.call('GET', '/api/v1/guidance/caseload?pageSize=20', { cookie })).json() as Page;
  const items = [...first.items];
  for (let page = 2; page <= Math.ceil(first.total / 20); page += 1) {
    const res = (await t.call('GET', `/api/v1/guidance/caseload?page=${page}&pageSize=20`, { cookie })).json() as Page;
    expect(res.total).toBe(first.total);
    items.push(...res.items);
  }
  return { total: first.total, counts: first.counts, items };
}

/** What the page must show: the worker's open relationships, by the clients' own names (and id on a tie). */
async function expected(userId: string) {
  const rows = await t.db.selectFrom('client_relationships as r').innerJoin('clients as c', 'c.id', 'r.client_id')
    .select(['c.id', 'c.last_name', 'c.first_name', 'r.level'])
    .where('r.responsible_user_id', '=', userId).where('r.ended_at', 'is', null)
    .orderBy('c.last_name').orderBy('c.first_name').orderBy('c.id').execute();
  const counts = { 'neuvonta-ja-ohjaus': 0, asiakasohjaus: 0, 'intensiivinen-palveluohjaus': 0 };
  for (const r of rows) counts[r.level as keyof typeof counts] += 1;
  return { total: rows.length, counts, order: rows.map((r) => `${r.id} ${r.last_name} ${r.first_name}`) };
}

async function expectPage(w: { id: string; cookie: string }) {
  const want = await expected(w.id);
  const got = await caseload(w.cookie);
  expect(got.total).toBe(want.total);
  expect(got.counts).toEqual(want.counts);
  expect(got.items.map((i) => `${i.id} ${i.lastName} ${i.firstName}`)).toEqual(want.order);
}

/** No relationship, open or ended, whose copies differ from its client's names. */
async function staleCopies() {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM client_relationships r JOIN clients c ON c.id = r.client_id
    WHERE r.client_last_name IS DISTINCT FROM c.last_name OR r.client_first_name IS DISTINCT FROM c.first_name`.execute(t.db);
  return rows[0]!.n;
}

async function newClient(w: { organization_id: string; county_code: string }, lastName: string, firstName: string) {
  return (await t.db.insertInto('clients')
    .values({ county_code: w.county_code, organization_id: w.organization_id, first_name: firstName, last_name: lastName, birth_date: '1975-03-03' })
    .returning('id').executeTakeFirstOrThrow()).id;
}

async function startRelationship(w: { id: string; organization_id: string; county_code: string }, clientId: string, level = 'asiakasohjaus') {
  return (await t.db.insertInto('client_relationships')
    .values({ client_id: clientId, organization_id: w.organization_id, county_code: w.county_code, level, responsible_user_id: w.id })
    .returning('id').executeTakeFirstOrThrow()).id;
}

describe(`caseload order kept by the relationship's name copy on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('the demo data’s copies match their clients, and every worker’s pages follow the clients’ names', async () => {
    expect(await staleCopies()).toBe(0);
    const a = await worker('sosiaaliohjaaja');
    await expectPage(a);
  });

  it('follows a start, a rename (in the system context and in a worker’s tenant), a transfer, an ending and a deletion', async () => {
    const a = await worker('sosiaaliohjaaja');
    const b = await worker('ohjaaja');
    expect(b.county_code).toBe(a.county_code);
    const ids: string[] = [];
    for (const [last, first] of [['Öhman', 'Eino'], ['Aalto', 'Aino'], ['Mäki', 'Kalle'], ['Aalto', 'Aino'], ['Virtanen', 'Liisa']] as const) {
      ids.push(await newClient(a, last, first));
    }
    const rel = [];
    for (const id of ids) rel.push(await startRelationship(a, id, id === ids[2] ? 'intensiivinen-palveluohjaus' : 'asiakasohjaus'));
    expect(await staleCopies()).toBe(0);
    await expectPage(a);

    // A rename moves the client in the order (first to last, and last to first).
    await t.db.updateTable('clients').set({ last_name: 'Ääri' }).where('id', '=', ids[1]!).execute();
    await t.db.updateTable('clients').set({ last_name: 'Aaltonen', first_name: 'Aapo' }).where('id', '=', ids[0]!).execute();
    expect(await staleCopies()).toBe(0);
    await expectPage(a);

    // The same inside a worker's request transaction: row-level security and the worker's county apply.
    const actor = { userId: a.id, role: a.role, organizationId: a.organization_id, countyCode: a.county_code, clientId: null } as unknown as Actor;
    await inTransaction(t.database.db, actor, (tx) => sql`UPDATE clients SET first_name = 'Aaro' WHERE id = ${ids[3]!}`.execute(tx));
    expect(await staleCopies()).toBe(0);
    await expectPage(a);

    // A write of the copies themselves is replaced by the client's names.
    await sql`UPDATE client_relationships SET client_last_name = 'A', client_first_name = 'A' WHERE id = ${rel[4]!}`.execute(t.db);
    expect(await staleCopies()).toBe(0);

    // A transfer moves the row to the other worker's pages, in order; an ending and a deletion remove it.
    await t.db.updateTable('client_relationships').set({ responsible_user_id: b.id }).where('id', '=', rel[2]!).execute();
    await t.db.updateTable('client_relationships').set({ ended_at: new Date() }).where('id', '=', rel[3]!).execute();
    await t.db.deleteFrom('client_relationships').where('id', '=', rel[4]!).execute();
    await expectPage(a);
    await expectPage(b);

    // A relationship moved to another client takes that client's names; an ended one is still kept right.
    await t.db.updateTable('client_relationships').set({ client_id: ids[4]! }).where('id', '=', rel[1]!).execute();
    await t.db.updateTable('clients').set({ last_name: 'Bäckman' }).where('id', '=', ids[3]!).execute();
    expect(await staleCopies()).toBe(0);
    await expectPage(a);
  });

  // Two connections: only PostgreSQL has them (PGlite runs one transaction at a time).
  it.skipIf(process.env.POLKU_TEST_DATABASE !== 'postgres')('copies the new name when a relationship starts while its client is renamed', async () => {
    const a = await worker('sosiaaliohjaaja');
    const clientId = await newClient(a, 'Vanhanen', 'Veera');
    const actor = { userId: a.id, role: a.role, organizationId: a.organization_id, countyCode: a.county_code, clientId: null } as unknown as Actor;
    let start: Promise<unknown> | null = null;
    await inTransaction(t.database.db, actor, async (rename) => {
      await sql`UPDATE clients SET last_name = 'Uusitalo' WHERE id = ${clientId}`.execute(rename);
      // The relationship starts while the rename has not committed.
      start = inTransaction(t.database.db, actor, (tx) => sql`INSERT INTO client_relationships (client_id, organization_id, county_code, level, responsible_user_id)
        VALUES (${clientId}, ${a.organization_id}, ${a.county_code}, 'asiakasohjaus', ${a.id})`.execute(tx));
      for (let i = 0; i < 100; i++) {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`.execute(t.db);
        if (rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    await start;
    expect(await staleCopies()).toBe(0);
    await expectPage(a);
  });

  it('refuses a relationship whose client does not exist, as before', async () => {
    const a = await worker('sosiaaliohjaaja');
    await expect(startRelationship(a, '00000000-0000-4000-8000-000000000001')).rejects.toThrow();
  });
});
