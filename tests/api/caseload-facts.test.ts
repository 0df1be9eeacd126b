/**
 * The caseload page reads each client's follow-up values (latest assessment's segment, the worker's next open
 * task and the due dates of all of them, the plan's review date, the municipality's name, the last contact)
 * from client_caseload_facts, kept by triggers (migration 0980), instead of looking them up per row (0971).
 * The page is only right while the facts are, so after every kind of write that changes one of them — an
 * assessment added or deleted, a task added, done, moved, retitled, handed to another worker or deleted, a
 * plan's review date changed or a member added or removed, a client moving municipality, a municipality
 * renamed, a meeting held, a contact logged (also inside a worker's tenant, under row-level security), a
 * relationship transferred or ended — the page is compared with 0971's look-ups (kept below as the
 * reference, verbatim but for the parameters and the id tie-breaks 0980 adds) on three days, and the API
 * page is checked for the written value itself.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/db/schema.js';
import type { Actor } from '../../src/domain/identity/actor.js';
import { finnishCalendarDate } from '../../src/domain/shared/calendar.js';
import { inTransaction } from '../../src/domain/shared/tx.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

interface Worker { id: string; role: string; organization_id: string; county_code: string; cookie: string; actor: Actor }
interface Item {
  id: string; segment: string | null; municipalityName: string | null; overdueTasks: number; alerts: string[]; noContactDays: number | null;
  nextTask: { title: string; due: string; overdue: boolean } | null;
}
interface PageRow { total: number; advice: number; guidance: number; intensive: number; items: Record<string, unknown>[] }

const TODAY = finnishCalendarDate(new Date());
const dayOffset = (days: number) => new Date(Date.parse(`${TODAY}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
// Today, and days on which the written due and review dates fall on either side.
const DAYS = [TODAY, dayOffset(20), dayOffset(400)];

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function worker(username: string): Promise<Worker> {
  const u = await t.db.selectFrom('users as u').innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.role', 'u.organization_id', 'o.county_code']).where('u.username', '=', username).executeTakeFirstOrThrow();
  const actor = { userId: u.id, username, role: u.role, organizationId: u.organization_id, countyCode: u.county_code, clientId: null } as unknown as Actor;
  return { ...u, cookie: await t.login(username), actor };
}

/** 0971's page (migrations 0943, 0970, 0971): every value looked up per row; ties broken by id as 0980 does. */
async function referencePage(tx: Tx, userId: string, today: string): Promise<PageRow> {
  const { rows } = await sql<PageRow>`
    SELECT n.total::int, n.advice::int, n.guidance::int, n.intensive::int,
           (SELECT coalesce(json_agg(p ORDER BY p.last_name, p.first_name, p.id), '[]'::json)
              FROM (
                SELECT c.id, c.first_name, c.last_name, c.birth_date, c.identity_code, m.name_fi AS municipality_name, k.level, k.started_at,
                       (SELECT a.segment FROM assessments a WHERE a.client_id = c.id ORDER BY a.at DESC, a.id DESC LIMIT 1) AS segment,
                       nt.title AS next_task_title, nt.due AS next_task_due,
                       coalesce(nt.overdue, 0) AS overdue_tasks,
                       (SELECT CASE WHEN pl.review_date < ${today}::date THEN pl.review_date END FROM client_plans pl
                         WHERE pl.id = (SELECT pm.plan_id FROM client_plan_members pm WHERE pm.client_id = c.id)) AS plan_review_date,
                       CASE WHEN k.level = 'intensiivinen-palveluohjaus'
                            THEN greatest((SELECT max(cc.at) FROM client_contacts cc WHERE cc.client_id = c.id),
                                          (SELECT max(mt.starts_at) FROM meetings mt WHERE mt.client_id = c.id AND mt.status = 'held'),
                                          k.started_at) END AS last_contact_at
                  FROM (SELECT r.client_id, r.level, r.started_at
                          FROM client_relationships r
                         WHERE r.responsible_user_id = ${userId} AND r.ended_at IS NULL
                         ORDER BY r.client_last_name, r.client_first_name, r.client_id, r.id) k
                  JOIN clients c ON c.id = k.client_id
                  LEFT JOIN municipalities m ON m.code = c.municipality_code
                  LEFT JOIN LATERAL (
                    SELECT t.title, t.due, count(*) FILTER (WHERE t.due < ${today}::date) OVER () AS overdue
                      FROM followup_tasks t
                     WHERE t.client_id = c.id AND t.owner_user_id = ${userId} AND t.status = 'open'
                     ORDER BY t.due, t.created_at, t.id LIMIT 1) nt ON true) p) AS items
      FROM (SELECT count(*) AS total,
                   count(*) FILTER (WHERE r.level = 'neuvonta-ja-ohjaus') AS advice,
                   count(*) FILTER (WHERE r.level = 'asiakasohjaus') AS guidance,
                   count(*) FILTER (WHERE r.level = 'intensiivinen-palveluohjaus') AS intensive
              FROM client_relationships r
             WHERE r.responsible_user_id = ${userId} AND r.ended_at IS NULL) n`.execute(tx);
  return rows[0]!;
}

/** The page function (0980) with its task head turned into 0971's three values, as guidance.service reads it. */
async function keptPage(tx: Tx, userId: string, today: string): Promise<PageRow> {
  const { rows } = await sql<PageRow>`SELECT total::int, advice::int, guidance::int, intensive::int, items
    FROM polku_caseload_page_json(${userId}, 0, 500, ${today}::date)`.execute(tx);
  const page = rows[0]!;
  const items = page.items.map((r) => {
    const { task_head: head, ...rest } = r as { task_head: [string, string, string[]] | null };
    return { ...rest, next_task_title: head?.[0] ?? null, next_task_due: head?.[1] ?? null, overdue_tasks: head ? head[2].filter((d) => d < today).length : 0 };
  });
  return { ...page, items };
}

const sorted = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));

/** The kept page equals the reference, inside the worker's own request transaction (row-level security applies), on every day. */
async function expectSamePage(w: Worker, label: string) {
  for (const today of DAYS) {
    const [kept, reference] = await inTransaction(t.database.db, w.actor, async (tx) => [await keptPage(tx, w.id, today), await referencePage(tx, w.id, today)] as const);
    expect({ ...kept, items: kept.items.map(sorted) }, `${label} (${w.actor.username}, ${today})`).toEqual({ ...reference, items: reference.items.map(sorted) });
  }
}

/** No client without facts, and none whose facts differ from a recomputation from the source tables. */
async function staleFacts(tx: Tx = t.db) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM clients c LEFT JOIN client_caseload_facts f ON f.client_id = c.id
     WHERE f.client_id IS NULL OR f.county_code IS DISTINCT FROM c.county_code
        OR f.municipality_name IS DISTINCT FROM (SELECT m.name_fi FROM municipalities m WHERE m.code = c.municipality_code)
        OR f.segment IS DISTINCT FROM (SELECT a.segment FROM assessments a WHERE a.client_id = c.id ORDER BY a.at DESC, a.id DESC LIMIT 1)
        OR f.plan_review_date IS DISTINCT FROM (SELECT pl.review_date FROM client_plan_members pm JOIN client_plans pl ON pl.id = pm.plan_id WHERE pm.client_id = c.id)
        OR f.last_contact_at IS DISTINCT FROM greatest((SELECT max(cc.at) FROM client_contacts cc WHERE cc.client_id = c.id),
                                                       (SELECT max(mt.starts_at) FROM meetings mt WHERE mt.client_id = c.id AND mt.status = 'held'))
        OR (SELECT count(*) FROM followup_tasks x WHERE x.client_id = c.id AND x.status = 'open' AND x.owner_user_id IS NOT NULL)
           IS DISTINCT FROM (SELECT coalesce(sum(jsonb_array_length(h.value -> 2)), 0) FROM jsonb_each(coalesce(f.task_heads, '{}')) h)`.execute(tx);
  return rows[0]!.n;
}

async function item(w: Worker, clientId: string): Promise<Item | undefined> {
  const res = await t.call('GET', '/api/v1/guidance/caseload?pageSize=500', { cookie: w.cookie });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: Item[] }).items.find((i) => i.id === clientId);
}

async function newClient(w: Worker, lastName: string, municipalityCode: string | null = null) {
  return (await t.db.insertInto('clients')
    .values({ county_code: w.county_code, organization_id: w.organization_id, first_name: 'Testi', last_name: lastName, birth_date: '1970-05-05', municipality_code: municipalityCode })
    .returning('id').executeTakeFirstOrThrow()).id;
}

async function startRelationship(w: Worker, clientId: string, level: string) {
  return (await t.db.insertInto('client_relationships')
    .values({ client_id: clientId, organization_id: w.organization_id, county_code: w.county_code, level, responsible_user_id: w.id })
    .returning('id').executeTakeFirstOrThrow()).id;
}

async function addTask(w: Worker, clientId: string, title: string, due: string, owner: Worker = w) {
  return (await t.db.insertInto('followup_tasks')
    .values({ county_code: w.county_code, organization_id: w.organization_id, client_id: clientId, title, owner_user_id: owner.id, owner_name: owner.actor.username, due })
    .returning('id').executeTakeFirstOrThrow()).id;
}

async function addAssessment(w: Worker, clientId: string, segment: string) {
  return (await sql<{ id: string }>`INSERT INTO assessments (client_id, county_code, organization_id, everyday_life, resources, health, channel, network, coordination,
      suggested_segment, suggested_level, segment, level, assessed_by, assessed_by_role)
    VALUES (${clientId}, ${w.county_code}, ${w.organization_id}, 1, 1, 1, 1, 1, 1, ${segment}, 'asiakasohjaus', ${segment}, 'asiakasohjaus', ${w.id}, ${w.role})
    RETURNING id`.execute(t.db)).rows[0]!.id;
}

describe(`caseload follow-up values kept per client on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('the demo data’s facts match their sources, and every demo worker’s page equals the look-ups on three days', async () => {
    expect(await staleFacts()).toBe(0);
    const workers = await t.db.selectFrom('client_relationships as r').innerJoin('users as u', 'u.id', 'r.responsible_user_id')
      .select('u.username').distinct().where('r.ended_at', 'is', null).execute();
    expect(workers.length).toBeGreaterThan(1);
    for (const { username } of workers) await expectSamePage(await worker(username), 'demo');
  });

  it('follows assessments, tasks, plans, municipalities, meetings, contacts and relationships', async () => {
    const a = await worker('sosiaaliohjaaja');
    const b = await worker('ohjaaja');
    expect(b.county_code).toBe(a.county_code);
    const munis = (await t.db.selectFrom('municipalities').select(['code', 'name_fi']).where('county_code', '=', a.county_code).orderBy('code').limit(2).execute());
    expect(munis.length).toBe(2);
    const x = await newClient(a, 'Faktala', munis[0]!.code);
    const y = await newClient(a, 'Faktanen');
    const relX = await startRelationship(a, x, 'intensiivinen-palveluohjaus');
    await startRelationship(a, y, 'asiakasohjaus');
    expect(await staleFacts()).toBe(0);
    await expectSamePage(a, 'start');
    expect(await item(a, x)).toMatchObject({ segment: null, municipalityName: munis[0]!.name_fi, nextTask: null, overdueTasks: 0 });

    // Assessments: the latest one's segment; deleting it brings back the one before.
    await addAssessment(a, x, 'yhteiso');
    const later = await addAssessment(a, x, 'verkosto');
    expect((await item(a, x))?.segment).toBe('verkosto');
    await expectSamePage(a, 'assessments');
    await t.db.deleteFrom('assessments').where('id', '=', later).execute();
    expect((await item(a, x))?.segment).toBe('yhteiso');
    await expectSamePage(a, 'assessment deleted');

    // Tasks: the worker's own next one and the overdue count; another worker's task is not theirs.
    const t1 = await addTask(a, x, 'Soita', dayOffset(-3));
    const t2 = await addTask(a, x, 'Käy kotona', dayOffset(5));
    await addTask(a, x, 'Kysy B:ltä', dayOffset(-10), b);
    expect(await item(a, x)).toMatchObject({ nextTask: { title: 'Soita', due: dayOffset(-3), overdue: true }, overdueTasks: 1 });
    expect((await item(a, x))?.alerts).toContain('task-overdue');
    await expectSamePage(a, 'tasks added');
    await t.db.updateTable('followup_tasks').set({ status: 'done', completed_at: new Date() }).where('id', '=', t1).execute();
    expect(await item(a, x)).toMatchObject({ nextTask: { title: 'Käy kotona', overdue: false }, overdueTasks: 0 });
    await expectSamePage(a, 'task done');
    await t.db.updateTable('followup_tasks').set({ due: dayOffset(-1), title: 'Käy kotona heti' }).where('id', '=', t2).execute();
    expect(await item(a, x)).toMatchObject({ nextTask: { title: 'Käy kotona heti', due: dayOffset(-1), overdue: true }, overdueTasks: 1 });
    await expectSamePage(a, 'task moved and retitled');
    await t.db.updateTable('followup_tasks').set({ owner_user_id: b.id }).where('id', '=', t2).execute();
    expect(await item(a, x)).toMatchObject({ nextTask: null, overdueTasks: 0 });
    await expectSamePage(a, 'task handed over');
    await t.db.deleteFrom('followup_tasks').where('id', '=', t2).execute();
    await expectSamePage(b, 'task deleted');

    // The plan's review date, and joining or leaving the plan.
    const plan = (await sql<{ id: string }>`INSERT INTO client_plans (county_code, organization_id, client_id, review_date)
      VALUES (${a.county_code}, ${a.organization_id}, ${x}, ${dayOffset(10)}) RETURNING id`.execute(t.db)).rows[0]!.id;
    await t.db.insertInto('client_plan_members').values({ plan_id: plan, client_id: x, county_code: a.county_code, organization_id: a.organization_id }).execute();
    await t.db.insertInto('client_plan_members').values({ plan_id: plan, client_id: y, county_code: a.county_code, organization_id: a.organization_id }).execute();
    expect((await item(a, y))?.alerts).not.toContain('plan-review-overdue');
    await expectSamePage(a, 'plan members');
    await t.db.updateTable('client_plans').set({ review_date: dayOffset(-2) }).where('id', '=', plan).execute();
    expect((await item(a, y))?.alerts).toContain('plan-review-overdue');
    await expectSamePage(a, 'plan review date');
    await t.db.deleteFrom('client_plan_members').where('client_id', '=', y).execute();
    expect((await item(a, y))?.alerts).not.toContain('plan-review-overdue');
    await expectSamePage(a, 'plan member removed');

    // The client's municipality, and a municipality's name.
    await t.db.updateTable('clients').set({ municipality_code: munis[1]!.code }).where('id', '=', x).execute();
    expect((await item(a, x))?.municipalityName).toBe(munis[1]!.name_fi);
    await t.db.updateTable('municipalities').set({ name_fi: 'Uusikunta' }).where('code', '=', munis[1]!.code).execute();
    expect((await item(a, x))?.municipalityName).toBe('Uusikunta');
    await expectSamePage(a, 'municipality');
    await t.db.updateTable('municipalities').set({ name_fi: munis[1]!.name_fi }).where('code', '=', munis[1]!.code).execute();

    // The last contact of an intensive client: a meeting held (not one only planned), a contact logged in the worker's tenant.
    await sql`UPDATE client_relationships SET started_at = now() - interval '90 days' WHERE id = ${relX}`.execute(t.db);
    expect((await item(a, x))?.alerts).toContain('no-contact');
    const meeting = (await sql<{ id: string }>`INSERT INTO meetings (county_code, organization_id, client_id, starts_at)
      VALUES (${a.county_code}, ${a.organization_id}, ${x}, now() - interval '60 days') RETURNING id`.execute(t.db)).rows[0]!.id;
    await expectSamePage(a, 'meeting planned');
    const quietBefore = (await item(a, x))?.noContactDays;
    await t.db.updateTable('meetings').set({ status: 'held' }).where('id', '=', meeting).execute();
    expect((await item(a, x))?.noContactDays).toBeLessThan(quietBefore!);
    await expectSamePage(a, 'meeting held');
    await inTransaction(t.database.db, a.actor, (tx) =>
      sql`INSERT INTO client_contacts (county_code, organization_id, client_id, user_id, channel) VALUES (${a.county_code}, ${a.organization_id}, ${x}, ${a.id}, 'phone')`.execute(tx));
    expect(await item(a, x)).toMatchObject({ noContactDays: null });
    expect((await item(a, x))?.alerts).not.toContain('no-contact');
    await expectSamePage(a, 'contact logged');

    // A transfer shows the client on B's page with B's own tasks; an ending removes it.
    await t.db.updateTable('client_relationships').set({ responsible_user_id: b.id }).where('id', '=', relX).execute();
    expect(await item(a, x)).toBeUndefined();
    expect((await item(b, x))?.nextTask).toMatchObject({ title: 'Kysy B:ltä', overdue: true });
    await expectSamePage(a, 'transfer (from)');
    await expectSamePage(b, 'transfer (to)');
    await t.db.updateTable('client_relationships').set({ ended_at: new Date() }).where('id', '=', relX).execute();
    expect(await item(b, x)).toBeUndefined();
    await expectSamePage(b, 'ended');
    expect(await staleFacts()).toBe(0);
  });

  // Two connections: only PostgreSQL has them (PGlite runs one transaction at a time).
  it.skipIf(process.env.POLKU_TEST_DATABASE !== 'postgres')('stays right when two transactions write tasks for one client at once', async () => {
    const a = await worker('sosiaaliohjaaja');
    const clientId = await newClient(a, 'Samanaikainen');
    await startRelationship(a, clientId, 'asiakasohjaus');
    const insertTask = (tx: Tx, title: string, due: string) => sql`INSERT INTO followup_tasks (county_code, organization_id, client_id, title, owner_user_id, owner_name, due)
      VALUES (${a.county_code}, ${a.organization_id}, ${clientId}, ${title}, ${a.id}, ${a.actor.username}, ${due})`.execute(tx);
    let second: Promise<unknown> | null = null;
    await inTransaction(t.database.db, a.actor, async (tx1) => {
      await insertTask(tx1, 'Ensimmäinen', dayOffset(3));
      // The second writer's snapshot is taken while the first has not committed; it then waits for the facts row.
      second = inTransaction(t.database.db, a.actor, (tx2) => insertTask(tx2, 'Toinen', dayOffset(5)));
      for (let i = 0; i < 100; i++) {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`.execute(t.db);
        if (rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    await second;
    expect(await staleFacts()).toBe(0);
    expect((await item(a, clientId))?.nextTask?.title).toBe('Ensimmäinen');
  });

  it('lets the app role read the facts of its county but not call the refresh', async () => {
    const a = await worker('sosiaaliohjaaja');
    const clientId = (await t.db.selectFrom('client_relationships').select('client_id').where('responsible_user_id', '=', a.id).where('ended_at', 'is', null)
      .executeTakeFirstOrThrow()).client_id;
    const read = await inTransaction(t.database.db, a.actor, (tx) => sql<{ n: number }>`SELECT count(*)::int AS n FROM client_caseload_facts WHERE client_id = ${clientId}`.execute(tx));
    expect(read.rows[0]!.n).toBe(1);
    await expect(inTransaction(t.database.db, a.actor, (tx) => sql`SELECT client_caseload_refresh(ARRAY[${clientId}]::uuid[])`.execute(tx)))
      .rejects.toThrow(/permission denied/i);
  });

  it('would notice a write the triggers missed', async () => {
    const a = await worker('sosiaaliohjaaja');
    const clientId = (await t.db.selectFrom('client_relationships').select('client_id').where('responsible_user_id', '=', a.id).where('ended_at', 'is', null)
      .executeTakeFirstOrThrow()).client_id;
    const { rows } = await sql<{ segment: string | null }>`SELECT segment FROM client_caseload_facts WHERE client_id = ${clientId}`.execute(t.db);
    const segment = ['omatoimi', 'yhteiso'].find((s) => s !== rows[0]?.segment)!;
    // Without the assessments' insert trigger (dropped inside a transaction that is then undone) the facts go stale.
    await expect(t.database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE NONE`.execute(tx).catch(() => undefined);
      await sql`DROP TRIGGER assessments_caseload_facts_insert ON assessments`.execute(tx);
      await sql`SELECT set_config('polku.role', 'system', true)`.execute(tx);
      await sql`INSERT INTO assessments (client_id, county_code, organization_id, everyday_life, resources, health, channel, network, coordination,
          suggested_segment, suggested_level, segment, level, assessed_by, assessed_by_role, at)
        SELECT ${clientId}, ${a.county_code}, ${a.organization_id}, 1, 1, 1, 1, 1, 1, ${segment}, 'asiakasohjaus', ${segment}, 'asiakasohjaus', ${a.id}, ${a.role}, now() + interval '1 day'`.execute(tx);
      throw new Error(`stale ${await staleFacts(tx)}`);
    })).rejects.toThrow('stale 1');
    expect(await staleFacts()).toBe(0);
  });
});
