/**
 * The caseload page shows, per client on the page, the worker's next open task and the alerts the today
 * view raises about that client (issue 11: "a worker's clients with their next tasks and alerts"). The
 * page computes them in its own statement (migration 0943); computeAlerts and the worker's own task list
 * are the reference: for every demo worker, on three days, each client's signals must be exactly the
 * per-client alerts computeAlerts gives and the first of the worker's open tasks for that client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAlerts, myTasks } from '../../src/domain/followup/index.js';
import { alertSettingsFor } from '../../src/domain/followup/followup.alerts.js';
import { CASELOAD_ALERT_TYPES, finnishDate } from '../../src/domain/followup/followup.rules.js';
import { caseload } from '../../src/domain/guidance/guidance.service.js';
import type { Actor } from '../../src/domain/identity/actor.js';
import { inTransaction } from '../../src/domain/shared/tx.js';
import { placePlanReviews, professionalActors } from '../helpers/followup-fixtures.js';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let actors: Actor[];
const DAYS = [0, 45, 400].map((d) => new Date(TEST_TODAY.getTime() + d * 86_400_000));

beforeAll(async () => {
  t = await createTestApp();
  actors = await professionalActors(t.db, 'caseload-followup', { withClientsOnly: true });
  // One plan review long overdue and one due exactly on the first day (not overdue that day).
  expect(await placePlanReviews(t.db, DAYS[0]!)).toBeGreaterThanOrEqual(2);
});
afterAll(async () => {
  await t?.close();
});

type Item = Awaited<ReturnType<typeof caseload>>['items'][number];

describe(`caseload next tasks and alerts on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('every demo worker’s clients carry exactly the per-client alerts of computeAlerts and their next own task, on three days', async () => {
    const seen = new Set<string>();
    let nextTasks = 0;
    for (const actor of actors) {
      for (const now of DAYS) {
        const today = finnishDate(now);
        const [page, alerts, tasks] = await inTransaction(t.database.db, actor, async (tx) => [
          await caseload(tx, actor, 1, 500, now),
          await computeAlerts(tx, actor, 'fi', now, await alertSettingsFor(tx, actor)),
          (await myTasks(tx, actor, 'open', now)).items,
        ] as const);
        const label = `${actor.username} ${today}`;
        expect(page.items.length, label).toBe(page.total);
        const byClient = new Map<string, Item[]>();
        for (const i of page.items) byClient.set(i.id, [...(byClient.get(i.id) ?? []), i]);
        for (const [clientId, rows] of byClient) {
          const expected = new Set(alerts.filter((a) => a.clientId === clientId && (CASELOAD_ALERT_TYPES as readonly string[]).includes(a.type)).map((a) => a.type));
          const got = new Set(rows.flatMap((r) => r.alerts));
          expect([...got].sort(), `${label} ${clientId}`).toEqual([...expected].sort());
          for (const type of got) seen.add(type);
          const own = tasks.filter((task) => task.clientId === clientId);
          const overdue = alerts.filter((a) => a.type === 'task-overdue' && a.clientId === clientId).length;
          for (const r of rows) {
            expect(r.overdueTasks, `${label} ${clientId}`).toBe(overdue);
            expect(r.nextTask, `${label} ${clientId}`).toEqual(own[0] ? { title: own[0].title, due: own[0].due, overdue: own[0].due < today } : null);
            const quiet = alerts.find((a) => a.type === 'no-contact' && a.clientId === clientId);
            if (r.alerts.includes('no-contact')) expect(r.noContactDays).toBe(quiet!.count);
            else expect(r.noContactDays).toBeNull();
          }
          if (rows[0]!.nextTask) nextTasks += 1;
        }
      }
    }
    // Every signal occurs in the demo world on some day, so the comparison above compared something.
    expect([...seen].sort()).toEqual([...CASELOAD_ALERT_TYPES].sort());
    expect(nextTasks).toBeGreaterThan(0);
  });

  it('follows the organisation’s own no-contact limit, as computeAlerts does', async () => {
    const now = DAYS[1]!;
    const quietCount = async (actor: Actor) => inTransaction(t.database.db, actor, async (tx) => (await caseload(tx, actor, 1, 500, now)).items.filter((i) => i.alerts.includes('no-contact')).length);
    let actor: Actor | undefined;
    let before = 0;
    for (const a of actors) if (!actor && (before = await quietCount(a)) > 0) actor = a;
    if (!actor) throw new Error('no demo worker with a quiet intensive client');
    await t.db.insertInto('followup_settings').values({ county_code: actor.countyCode, organization_id: actor.organizationId, settings: JSON.stringify({ intensiveContactDays: 1000 }) }).execute();
    try {
      expect(await quietCount(actor)).toBe(0);
      const alerts = await inTransaction(t.database.db, actor, async (tx) => computeAlerts(tx, actor, 'fi', now, await alertSettingsFor(tx, actor)));
      expect(alerts.filter((a) => a.type === 'no-contact')).toEqual([]);
    } finally {
      await t.db.deleteFrom('followup_settings').where('organization_id', '=', actor.organizationId).execute();
    }
    expect(await quietCount(actor)).toBe(before);
  });

  it('answers over HTTP with the fields of the contract', async () => {
    const cookie = await t.login(actors[0]!.username);
    const res = await t.call('GET', '/api/v1/guidance/caseload', { cookie });
    expect(res.statusCode).toBe(200);
    for (const i of res.json().items as Item[]) {
      expect(i).toHaveProperty('nextTask');
      expect(typeof i.overdueTasks).toBe('number');
      expect(Array.isArray(i.alerts)).toBe(true);
    }
  });
});
