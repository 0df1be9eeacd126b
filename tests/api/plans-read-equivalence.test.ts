/**
 * The plan read brings its members' names with the plan row, and the links of its actions (tasks and
 * meeting decisions, school-absence steps, referrals) come in one statement instead of three (issue 11,
 * request path). These tests keep the previous statements as the reference and check that every demo
 * plan, with links of every kind added (ties in dates included), reads exactly the same on both engines.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanActionLink } from '../../src/contracts/plans.contracts.js';
import type { Tx } from '../../src/db/schema.js';
import { actionLinks, loadPlanRows } from '../../src/domain/plans/plans.repository.js';
import { loadPlan } from '../../src/domain/plans/plans.service.js';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let plans: { planId: string; clientId: string }[];

const isoDate = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** The previous statements, verbatim (git history: plans.repository.ts actionLinks and plans.service.ts loadPlan). */
const reference = {
  async actionLinks(tx: Tx, clientId: string, actionIds: string[], opts: { includeSchool: boolean }) {
    const links = new Map<string, PlanActionLink[]>();
    if (actionIds.length === 0) return links;
    const add = (actionId: string | null, link: PlanActionLink) => {
      if (actionId) links.set(actionId, [...(links.get(actionId) ?? []), link]);
    };
    const tasks = await tx
      .selectFrom('followup_tasks as t')
      .leftJoin('meetings as m', (j) => j.onRef('m.id', '=', 't.meeting_id').onRef('m.client_id', '=', 't.client_id'))
      .select(['t.id', 't.title', 't.status', 't.due', 't.meeting_id', 't.plan_action_id', 'm.starts_at as meeting_at'])
      .where('t.client_id', '=', clientId)
      .where('t.plan_action_id', 'in', actionIds)
      .orderBy('t.due')
      .orderBy('t.id')
      .execute();
    for (const x of tasks) {
      const decision = x.meeting_id !== null && x.meeting_at !== null;
      add(x.plan_action_id, { kind: decision ? 'meeting-decision' : 'task', id: x.id, title: x.title, status: x.status, date: isoDate(x.due), meetingId: decision ? x.meeting_id : null });
    }
    const steps = !opts.includeSchool ? [] : await tx
      .selectFrom('absence_steps')
      .select(['id', 'code', 'done_on', 'plan_action_id'])
      .where('client_id', '=', clientId)
      .where('plan_action_id', 'in', actionIds)
      .orderBy('done_on')
      .orderBy('id')
      .execute();
    for (const s of steps) add(s.plan_action_id, { kind: 'absence-step', id: s.id, title: s.code, status: 'done', date: isoDate(s.done_on), meetingId: null });
    const referrals = await tx
      .selectFrom('referrals')
      .select(['id', 'service_name', 'status', 'status_changed_at', 'plan_action_id'])
      .where('client_id', '=', clientId)
      .where('plan_action_id', 'in', actionIds)
      .orderBy('status_changed_at')
      .orderBy('id')
      .execute();
    for (const r of referrals) add(r.plan_action_id, { kind: 'referral', id: r.id, title: r.service_name, status: r.status, date: isoDate(r.status_changed_at), meetingId: null });
    return links;
  },
  async memberLabel(tx: Tx, planId: string) {
    const rows = await loadPlanRows(tx, planId);
    if (rows.members.length === 0) return '';
    const names = await tx.selectFrom('clients').select(['id', 'first_name', 'last_name']).where('id', 'in', rows.members).execute();
    const map = new Map(names.map((c) => [c.id, `${c.first_name} ${c.last_name}`]));
    return rows.members.map((id) => map.get(id) ?? '').join(', ');
  },
};

beforeAll(async () => {
  t = await createTestApp();
  plans = (await t.db.selectFrom('client_plan_members').select(['plan_id as planId', 'client_id as clientId']).orderBy('plan_id').execute());
  // Links of every kind on the first plan with actions whose client has referrals, two of each on one day (the order falls back to the id).
  const target = await t.db
    .selectFrom('client_plan_members as m')
    .innerJoin('plan_actions as a', 'a.plan_id', 'm.plan_id')
    .innerJoin('client_plans as p', 'p.id', 'm.plan_id')
    .select(['m.client_id', 'a.id as action_id', 'p.organization_id', 'p.county_code'])
    .where((eb) => eb.exists(eb.selectFrom('referrals as r').select('r.id').whereRef('r.client_id', '=', 'm.client_id')))
    .orderBy('a.position')
    .orderBy('m.client_id')
    .execute();
  expect(target.length).toBeGreaterThan(1);
  const [a, b] = [target[0]!, target.find((x) => x.client_id === target[0]!.client_id && x.action_id !== target[0]!.action_id) ?? target[0]!];
  const meeting = await t.db.selectFrom('meetings').select('id').where('client_id', '=', a.client_id).executeTakeFirst();
  for (const [i, action] of [a, a, b].entries()) {
    await t.db
      .insertInto('followup_tasks')
      .values({ county_code: a.county_code, organization_id: a.organization_id, client_id: a.client_id, title: `Linkitetty ${i}`, owner_name: 'Testi', due: '2026-12-01', plan_action_id: action.action_id, meeting_id: i === 2 ? (meeting?.id ?? null) : null })
      .execute();
    await sql`INSERT INTO absence_steps (client_id, county_code, organization_id, school_year, code, done_on, plan_action_id)
              VALUES (${a.client_id}, ${a.county_code}, ${a.organization_id}, '2026-2027', 'school-meeting', ${'2026-10-0' + (i === 2 ? 2 : 1)}, ${action.action_id})`.execute(t.db);
  }
  const refs = await t.db.selectFrom('referrals').select('id').where('client_id', '=', a.client_id).orderBy('id').limit(3).execute();
  for (const [i, r] of refs.entries()) {
    await sql`UPDATE referrals SET plan_action_id = ${i === 2 ? b.action_id : a.action_id}, status_changed_at = ${new Date(TEST_TODAY.getTime() - (i === 2 ? 86_400_000 : 0))} WHERE id = ${r.id}`.execute(t.db);
  }
});
afterAll(async () => {
  await t?.close();
});

describe(`plan read, new statements against the previous ones, on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('every demo plan gets the same action links, with and without school data, and links of every kind occur', async () => {
    const kinds = new Set<string>();
    let compared = 0;
    for (const { planId, clientId } of plans) {
      const rows = await loadPlanRows(t.db, planId);
      const ids = rows.actions.map((x) => x.id);
      for (const includeSchool of [true, false]) {
        const before = await reference.actionLinks(t.db, clientId, ids, { includeSchool });
        const after = await actionLinks(t.db, clientId, ids, { includeSchool });
        expect(Object.fromEntries(after), `${planId} ${clientId} school=${includeSchool}`).toEqual(Object.fromEntries(before));
        for (const list of before.values()) for (const l of list) kinds.add(l.kind);
        compared += [...before.values()].flat().length;
      }
    }
    expect(compared).toBeGreaterThan(6);
    expect([...kinds].sort()).toEqual(['absence-step', 'referral', 'task', ...(kinds.has('meeting-decision') ? ['meeting-decision'] : [])].sort());
  });

  it('every demo plan is labelled with the same member names, also where the client is responsible for an action', async () => {
    let clientActions = 0;
    for (const { planId } of plans) {
      const rows = await loadPlanRows(t.db, planId);
      const label = await reference.memberLabel(t.db, planId);
      expect(label.length, planId).toBeGreaterThan(0);
      expect(rows.members.map((id) => rows.memberNames.get(id) ?? '').join(', '), planId).toBe(label);
      const plan = await loadPlan(t.db, planId, TEST_TODAY);
      for (const a of plan.actions.filter((x) => x.responsible.kind === 'client')) {
        expect(a.responsible.name, planId).toBe(label);
        clientActions += 1;
      }
    }
    expect(clientActions).toBeGreaterThan(0);
  });
});
