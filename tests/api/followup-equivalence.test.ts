/**
 * The worker's alert list and own task list read their clients' names with the rows, the settings and
 * referral time limits in one statement, and the overdue plan reviews with the relationships (issue 11,
 * request path). These tests keep the previous statements and the previous `computeAlerts` as the
 * reference and check that every demo worker gets exactly the same alerts and tasks on several days,
 * on both engines. One intended difference: stuck referrals in the organisation's shared inbox became
 * one alert with their number (`withInboxGrouped` applies that to the previous answer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/db/schema.js';
import { computeAlerts, myTasks, settingsFor, type Alert } from '../../src/domain/followup/index.js';
import { alertSettingsFor } from '../../src/domain/followup/followup.alerts.js';
import {
  addDays,
  byUrgency,
  daysBetween,
  deadlineAlertDue,
  finnishDate,
  isOverdue,
  referralStuck,
  statutoryDeadline,
  type FollowupSettings,
} from '../../src/domain/followup/followup.rules.js';
import type { Actor } from '../../src/domain/identity/actor.js';
import { inTransaction } from '../../src/domain/shared/tx.js';
import { placePlanReviews, professionalActors } from '../helpers/followup-fixtures.js';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let actors: Actor[];

const TITLES = {
  taskOverdue: 'Tehtävä myöhässä',
  notReceived: 'Lähetettä ei ole otettu vastaan',
  notAccepted: 'Lähetettä ei ole hyväksytty',
  noContact: 'Ei yhteyttä tiiviin palveluohjauksen asiakkaaseen',
  planReview: 'Suunnitelman tarkistus myöhässä',
  caseload: 'Tiiviin palveluohjauksen asiakkaita yli suosituksen',
};

const taskCols = ['t.id', 't.title', 't.due', 't.status', 't.client_id', 't.owner_name', 't.owner_user_id', 't.owner_organization_id', 't.organization_id', 't.county_code', 't.source', 't.meeting_id', 't.plan_action_id', 't.referral_id', 't.outcome_note'] as const;

/** The previous statements and `computeAlerts`, verbatim but for the Finnish titles (git history: followup.alerts.ts before this change). */
const reference = {
  tasksOfOwner: (tx: Tx, userId: string, openOnly: boolean) => {
    let q = tx.selectFrom('followup_tasks as t').select(taskCols).where('t.owner_user_id', '=', userId);
    if (openOnly) q = q.where('t.status', '=', 'open');
    return q.orderBy('t.due').orderBy('t.created_at').limit(500).execute();
  },
  async clientNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.selectFrom('clients').select(['id', 'first_name', 'last_name']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`]));
  },
  async myTasks(tx: Tx, actor: Actor, status: 'open' | 'all', now: Date) {
    const rows = await reference.tasksOfOwner(tx, actor.userId, status === 'open');
    const names = await reference.clientNames(tx, rows.map((r) => r.client_id));
    const today = finnishDate(now);
    return rows.map((r) => ({
      id: r.id, title: r.title, due: r.due, status: r.status, overdue: isOverdue(r, today), clientId: r.client_id, clientName: names.get(r.client_id) ?? null,
      ownerName: r.owner_name, ownerUserId: r.owner_user_id, source: r.source, meetingId: r.meeting_id, planActionId: r.plan_action_id, referralId: r.referral_id, outcomeNote: r.outcome_note,
    }));
  },
  async computeAlerts(tx: Tx, actor: Actor, now: Date, s: FollowupSettings): Promise<Alert[]> {
    const today = finnishDate(now);
    const out: Alert[] = [];
    const alert = (a: Partial<Alert> & Pick<Alert, 'type' | 'title'>): Alert => ({ clientId: null, clientName: null, since: null, due: null, refType: null, refId: null, count: null, limit: null, ...a });
    for (const t of await reference.tasksOfOwner(tx, actor.userId, true)) {
      if (t.due < today) out.push(alert({ type: 'task-overdue', title: `${TITLES.taskOverdue}: ${t.title}`, clientId: t.client_id, since: t.due, due: t.due, refType: 'task', refId: t.id }));
    }
    const referrals = await tx
      .selectFrom('referrals as f')
      .select(['f.id', 'f.client_id', 'f.status', 'f.status_changed_at', 'f.service_name', 'f.to_organization_id', 'f.from_user_id', 'f.urgency'])
      .where('f.status', 'in', ['requested', 'received'])
      .where((eb) => eb.or([eb('f.from_user_id', '=', actor.userId), eb('f.to_organization_id', '=', actor.organizationId)]))
      .orderBy('f.status_changed_at')
      .limit(200)
      .execute();
    const limits = await tx.selectFrom('referral_time_limits').select(['organization_id', 'not_received_days', 'not_accepted_days']).where('county_code', '=', actor.countyCode).execute();
    for (const r of referrals) {
      const own = limits.find((l) => l.organization_id === r.to_organization_id) ?? limits.find((l) => l.organization_id === null);
      const stuck = referralStuck(
        { status: r.status, statusChangedDate: finnishDate(new Date(r.status_changed_at)) },
        today,
        { notReceivedDays: own?.not_received_days ?? s.referralNotReceivedDays, notAcceptedDays: own?.not_accepted_days ?? s.referralNotAcceptedDays },
      );
      if (!stuck) continue;
      const label = stuck === 'not-received' ? TITLES.notReceived : TITLES.notAccepted;
      out.push(alert({ type: 'referral-stuck', title: `${label}: ${r.service_name}`, clientId: r.client_id, since: finnishDate(new Date(r.status_changed_at)), refType: 'referral', refId: r.id }));
    }
    const relationships = await tx
      .selectFrom('client_relationships as r')
      .select((eb) => [
        'r.client_id',
        'r.level',
        'r.started_at',
        eb.selectFrom('client_contacts as c').select((e) => e.fn.max('c.at').as('at')).whereRef('c.client_id', '=', 'r.client_id').as('last_contact_at'),
        eb.selectFrom('meetings as m').select((e) => e.fn.max('m.starts_at').as('at')).whereRef('m.client_id', '=', 'r.client_id').where('m.status', '=', 'held').as('last_meeting_at'),
      ])
      .where('r.responsible_user_id', '=', actor.userId)
      .where('r.ended_at', 'is', null)
      .execute();
    const intensive = relationships.filter((r) => r.level === 'intensiivinen-palveluohjaus');
    for (const r of intensive) {
      const times = [r.last_contact_at, r.last_meeting_at, r.started_at].filter(Boolean).map((d) => new Date(d as Date).getTime());
      const last = finnishDate(new Date(Math.max(...times)));
      if (daysBetween(last, today) > s.intensiveContactDays) {
        out.push(alert({ type: 'no-contact', title: TITLES.noContact, clientId: r.client_id, since: last, due: addDays(last, s.intensiveContactDays), count: daysBetween(last, today), limit: s.intensiveContactDays }));
      }
    }
    const intensiveClients = new Set(intensive.map((r) => r.client_id));
    if (intensiveClients.size > s.intensiveCaseloadLimit) {
      out.push(alert({ type: 'caseload-over-limit', title: TITLES.caseload, count: intensiveClients.size, limit: s.intensiveCaseloadLimit }));
    }
    const clientIds = [...new Set(relationships.map((r) => r.client_id))];
    const reviews = clientIds.length === 0 ? [] : await tx
      .selectFrom('client_plans as p')
      .innerJoin('client_plan_members as pm', 'pm.plan_id', 'p.id')
      .select(['p.id', 'pm.client_id', 'p.review_date'])
      .where('pm.client_id', 'in', clientIds)
      .where('p.review_date', '<', today)
      .execute();
    for (const p of reviews) {
      out.push(alert({ type: 'plan-review-overdue', title: TITLES.planReview, clientId: p.client_id, since: p.review_date, due: p.review_date, refType: 'plan', refId: p.id }));
    }
    const contacts = await tx
      .selectFrom('concerns as c')
      .select(['c.id', 'c.client_id', 'c.at', 'c.received_at', 'c.status'])
      .where('c.to_organization_id', '=', actor.organizationId)
      .where('c.route', 'in', ['shl35-consent', 'shl35-duty'])
      .where((eb) => eb.or([eb('c.status', '=', 'sent'), eb('c.received_by', '=', actor.userId)]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('assessments as a').select('a.id').whereRef('a.client_id', '=', 'c.client_id').whereRef('a.at', '>=', 'c.at').where('a.organization_id', '=', actor.organizationId))))
      .limit(100)
      .execute();
    for (const c of contacts) {
      const trigger = finnishDate(new Date(c.at));
      for (const rule of s.statutoryDeadlines) {
        const deadline = statutoryDeadline(rule, trigger);
        if (!deadlineAlertDue(deadline, today, rule.warnDaysBefore)) continue;
        out.push(alert({ type: 'statutory-deadline', title: rule.label.fi, clientId: c.client_id, since: trigger, due: deadline, refType: 'concern', refId: c.id }));
      }
    }
    const names = await reference.clientNames(tx, out.map((a) => a.clientId).filter((x): x is string => !!x));
    return out.map((a) => ({ ...a, clientName: a.clientId ? (names.get(a.clientId) ?? null) : null })).sort(byUrgency);
  },
};

/** The alerts in urgency order; within one type and date the previous statements had no defined order, so ties are ordered by their reference. */
const canonical = (alerts: Alert[]) => [...alerts].sort((a, b) => byUrgency(a, b) || `${a.refId}${a.clientId}${a.title}`.localeCompare(`${b.refId}${b.clientId}${b.title}`));
/**
 * What the previous alerts become now that stuck referrals in the organisation's shared inbox (not sent by
 * the worker) are one alert with their number: the referrals the worker sent keep one alert each.
 */
async function withInboxGrouped(tx: Tx, actor: Actor, before: Alert[]): Promise<Alert[]> {
  const ids = before.filter((a) => a.type === 'referral-stuck').map((a) => a.refId!);
  const sent = new Set(ids.length ? (await tx.selectFrom('referrals').select('id').where('id', 'in', ids).where('from_user_id', '=', actor.userId).execute()).map((r) => r.id) : []);
  const inbox = before.filter((a) => a.type === 'referral-stuck' && !sent.has(a.refId!));
  if (inbox.length === 0) return before;
  const n = inbox.length;
  const grouped: Alert = {
    type: 'referral-stuck', title: n === 1 ? 'Organisaationne saapuneissa lähetteissä yksi odottaa yli määräajan' : `Organisaationne saapuneissa lähetteissä ${n} odottaa yli määräajan`,
    clientId: null, clientName: null, since: inbox.map((a) => a.since!).sort()[0]!, due: null, refType: 'referral-inbox', refId: null, count: n, limit: null,
  };
  return [...before.filter((a) => !inbox.includes(a)), grouped];
}

const DAYS = [0, 45, 400].map((d) => new Date(TEST_TODAY.getTime() + d * 86_400_000));

beforeAll(async () => {
  t = await createTestApp();
  actors = await professionalActors(t.db, 'equivalence');
  // One plan review long overdue and one due exactly on the first day (not overdue that day).
  expect(await placePlanReviews(t.db, DAYS[0]!)).toBeGreaterThanOrEqual(2);
});
afterAll(async () => {
  await t?.close();
});

describe(`alerts and own tasks, new statements against the previous ones, on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('every demo worker gets the same alerts on three days, and every alert source contributes', async () => {
    const seen = new Set<string>();
    let compared = 0;
    let grouped = 0;
    for (const actor of actors) {
      for (const now of DAYS) {
        const [before, after] = await inTransaction(t.database.db, actor, async (tx) => [
          await withInboxGrouped(tx, actor, await reference.computeAlerts(tx, actor, now, await settingsFor(tx, actor))),
          await computeAlerts(tx, actor, 'fi', now, await alertSettingsFor(tx, actor)),
        ]);
        grouped += after.filter((a) => a.refType === 'referral-inbox').length;
        expect([...after].sort(byUrgency), `${actor.username} ${now.toISOString()}`).toEqual(after);
        expect(canonical(after), `${actor.username} ${now.toISOString()}`).toEqual(canonical(before));
        for (const a of before) seen.add(a.type);
        compared += before.length;
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(grouped, 'some worker has stuck referrals in the shared inbox').toBeGreaterThan(0);
    for (const type of ['task-overdue', 'referral-stuck', 'no-contact', 'plan-review-overdue']) expect([...seen]).toContain(type);
  });

  it('every demo worker gets the same own tasks (open and all), names included', async () => {
    let withName = 0;
    for (const actor of actors) {
      for (const status of ['open', 'all'] as const) {
        const [before, after] = await inTransaction(t.database.db, actor, async (tx) => [
          await reference.myTasks(tx, actor, status, TEST_TODAY),
          (await myTasks(tx, actor, status, TEST_TODAY)).items,
        ]);
        expect(after.map((x) => x.due), actor.username).toEqual(before.map((x) => x.due));
        const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
        expect(byId(after), `${actor.username} ${status}`).toEqual(byId(before));
        withName += after.filter((x) => x.clientName).length;
      }
    }
    expect(withName).toBeGreaterThan(0);
  });
});
