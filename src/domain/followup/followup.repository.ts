import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import { clientNameSql } from '../clients/index.js';
import type { FollowupSettings } from './followup.rules.js';
import './followup.tables.js';

/** The only place with SQL for follow-up. Alert queries read other modules' tables read-only. */

export interface NewTask {
  countyCode: string;
  organizationId: string;
  clientId: string;
  title: string;
  ownerUserId: string | null;
  ownerName: string;
  ownerOrganizationId: string | null;
  due: string;
  source: 'manual' | 'meeting' | 'plan-action' | 'referral' | 'follow-up';
  meetingId?: string | null;
  position?: number;
  planActionId?: string | null;
  referralId?: string | null;
  createdBy: string | null;
  status?: 'open' | 'done' | 'not-done';
  completedAt?: Date | null;
  outcomeNote?: string | null;
}

export async function insertTask(tx: Tx, t: NewTask): Promise<string> {
  const row = await tx
    .insertInto('followup_tasks')
    .values({
      county_code: t.countyCode,
      organization_id: t.organizationId,
      client_id: t.clientId,
      title: t.title,
      owner_user_id: t.ownerUserId,
      owner_name: t.ownerName,
      owner_organization_id: t.ownerOrganizationId,
      due: t.due,
      source: t.source,
      meeting_id: t.meetingId ?? null,
      position: t.position ?? 0,
      plan_action_id: t.planActionId ?? null,
      referral_id: t.referralId ?? null,
      created_by: t.createdBy,
      status: t.status ?? 'open',
      completed_at: t.completedAt ?? null,
      outcome_note: t.outcomeNote ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const taskColumns = [
  't.id',
  't.title',
  't.due',
  't.status',
  't.client_id',
  't.owner_name',
  't.owner_user_id',
  't.owner_organization_id',
  't.organization_id',
  't.county_code',
  't.source',
  't.meeting_id',
  't.plan_action_id',
  't.referral_id',
  't.outcome_note',
] as const;

export type TaskRow = Awaited<ReturnType<typeof findTask>> & object;

export function findTask(tx: Tx, id: string) {
  return tx.selectFrom('followup_tasks as t').select(taskColumns).where('t.id', '=', id).executeTakeFirst();
}

/** The client's display name beside a row, in the same statement (clients' clientNameSql). */
const clientNameOf = (clientId: 't.client_id' | 'f.client_id' | 'r.client_id' | 'c.client_id' | 'm.client_id') => clientNameSql(clientId).as('client_name');

/** The worker's own tasks (open or all) in due order, each with its client's name; `dueBefore`: only those due before that date. */
export function tasksOfOwner(tx: Tx, userId: string, openOnly: boolean, dueBefore?: string) {
  let q = tx.selectFrom('followup_tasks as t').select(taskColumns).select(clientNameOf('t.client_id')).where('t.owner_user_id', '=', userId);
  if (openOnly) q = q.where('t.status', '=', 'open');
  if (dueBefore) q = q.where('t.due', '<', dueBefore);
  return q.orderBy('t.due').orderBy('t.created_at').limit(500).execute();
}

export function tasksOfClient(tx: Tx, clientId: string) {
  return tx.selectFrom('followup_tasks as t').select(taskColumns).where('t.client_id', '=', clientId).orderBy('t.status').orderBy('t.due').execute();
}

export function tasksOfMeeting(tx: Tx, meetingId: string) {
  return tx.selectFrom('followup_tasks as t').select(taskColumns).where('t.meeting_id', '=', meetingId).orderBy('t.position').execute();
}

export async function completeTask(tx: Tx, id: string, status: 'done' | 'not-done', note: string | null, userId: string) {
  await tx
    .updateTable('followup_tasks')
    .set({ status, outcome_note: note, completed_at: new Date(), completed_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

export async function clientNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('clients').select(['id', 'first_name', 'last_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`]));
}

export async function insertContact(
  tx: Tx,
  c: { countyCode: string; organizationId: string; clientId: string; userId: string | null; at: Date; channel: string; note: string | null },
) {
  const row = await tx
    .insertInto('client_contacts')
    .values({ county_code: c.countyCode, organization_id: c.organizationId, client_id: c.clientId, user_id: c.userId, at: c.at, channel: c.channel, note: c.note })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The level of the actor's organisation's active relationship with the client (highest if several). */
export async function relationshipLevel(tx: Tx, clientId: string, organizationId: string): Promise<string | null> {
  const rows = await tx
    .selectFrom('client_relationships')
    .select('level')
    .where('client_id', '=', clientId)
    .where('organization_id', '=', organizationId)
    .where('ended_at', 'is', null)
    .execute();
  const order = ['intensiivinen-palveluohjaus', 'asiakasohjaus', 'neuvonta-ja-ohjaus'];
  return rows.map((r) => r.level).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? null;
}

export async function userById(tx: Tx, id: string) {
  return tx.selectFrom('users').select(['id', 'display_name', 'organization_id', 'role']).where('id', '=', id).where('disabled', '=', false).executeTakeFirst();
}

export async function usersByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; display_name: string; organization_id: string }>();
  const rows = await tx.selectFrom('users').select(['id', 'display_name', 'organization_id']).where('id', 'in', [...new Set(ids)]).where('disabled', '=', false).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function organizationSectors(tx: Tx, ids: (string | null | undefined)[]): Promise<string[]> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return [];
  const rows = await tx.selectFrom('organizations').select('sector').where('id', 'in', list).execute();
  return rows.map((r) => r.sector);
}

export async function settingsLayers(tx: Tx, countyCode: string, organizationId: string): Promise<Partial<FollowupSettings>[]> {
  const rows = await tx
    .selectFrom('followup_settings')
    .select(['organization_id', 'settings'])
    .where('county_code', '=', countyCode)
    .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]))
    .execute();
  // County first, then the organisation's own override.
  return rows.sort((a, b) => Number(a.organization_id !== null) - Number(b.organization_id !== null)).map((r) => r.settings as Partial<FollowupSettings>);
}

/** The stored override of one layer: the county default (organizationId null) or an organisation's own. */
export async function settingsLayer(tx: Tx, countyCode: string, organizationId: string | null): Promise<Partial<FollowupSettings> | null> {
  let q = tx.selectFrom('followup_settings').select('settings').where('county_code', '=', countyCode);
  q = organizationId ? q.where('organization_id', '=', organizationId) : q.where('organization_id', 'is', null);
  const row = await q.executeTakeFirst();
  return row ? (row.settings as Partial<FollowupSettings>) : null;
}

export async function upsertSettings(tx: Tx, countyCode: string, organizationId: string | null, settings: Record<string, unknown>, userId: string) {
  let del = tx.deleteFrom('followup_settings').where('county_code', '=', countyCode);
  del = organizationId ? del.where('organization_id', '=', organizationId) : del.where('organization_id', 'is', null);
  await del.execute();
  await tx
    .insertInto('followup_settings')
    .values({ county_code: countyCode, organization_id: organizationId, settings: JSON.stringify(settings), updated_by: userId })
    .execute();
}

// ── Alert sources ────────────────────────────────────────────────────────────

/**
 * Active relationships the worker is responsible for, with what the alert rules need of each, in one
 * statement (before: two, the second with an `IN` list of every client id): the client's plans whose
 * review date is before `today` (a JSON list, usually empty: a client has at most one plan, 0300); for
 * intensive case management only, the last contact and the last held meeting (the no-contact rule reads
 * them for nobody else); the client's name where one of those alerts can name it.
 *
 * The plan is read by its id, with the review date tested in the aggregate's FILTER: with
 * "review_date < today" in the WHERE, PostgreSQL range-scanned client_plans_review_idx (every
 * overdue plan of the county) once per client — 94 ms instead of 1.5 ms for 200 clients when half
 * of 30k plans were overdue (docs/performance.md, seventh round).
 */
export async function responsibleRelationships(tx: Tx, userId: string, today: string) {
  const { rows } = await sql<{
    client_id: string;
    level: string;
    started_at: Date;
    client_name: string | null;
    last_contact_at: Date | null;
    last_meeting_at: Date | null;
    overdue_reviews: { id: string; review_date: string }[];
  }>`
    SELECT r.client_id, r.level, r.started_at,
           CASE WHEN r.level = 'intensiivinen-palveluohjaus' OR rv.list IS NOT NULL
                THEN ${clientNameSql('r.client_id')} END AS client_name,
           CASE WHEN r.level = 'intensiivinen-palveluohjaus'
                THEN (SELECT max(c.at) FROM client_contacts c WHERE c.client_id = r.client_id) END AS last_contact_at,
           CASE WHEN r.level = 'intensiivinen-palveluohjaus'
                THEN (SELECT max(m.starts_at) FROM meetings m WHERE m.client_id = r.client_id AND m.status = 'held') END AS last_meeting_at,
           coalesce(rv.list, '[]') AS overdue_reviews
      FROM client_relationships r
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('id', p.id, 'review_date', p.review_date)) FILTER (WHERE p.review_date < ${today}) AS list
          FROM client_plans p
         WHERE p.id = (SELECT pm.plan_id FROM client_plan_members pm WHERE pm.client_id = r.client_id)) rv ON true
     WHERE r.responsible_user_id = ${userId} AND r.ended_at IS NULL`.execute(tx);
  return rows;
}

/**
 * The follow-up settings layers in force (county first, then the organisation's own override) and the
 * county's referral time limits, in one statement: both are small and read on every alert list.
 */
export async function alertSettingsAndLimits(tx: Tx, countyCode: string, organizationId: string) {
  const r = await sql<{ layers: Partial<FollowupSettings>[]; limits: { organization_id: string | null; not_received_days: number; not_accepted_days: number }[] }>`
    SELECT
      (SELECT coalesce(json_agg(s.settings ORDER BY s.organization_id IS NOT NULL), '[]')
         FROM followup_settings s
        WHERE s.county_code = ${countyCode} AND (s.organization_id IS NULL OR s.organization_id = ${organizationId})) AS layers,
      (SELECT coalesce(json_agg(json_build_object('organization_id', l.organization_id, 'not_received_days', l.not_received_days, 'not_accepted_days', l.not_accepted_days)), '[]')
         FROM referral_time_limits l
        WHERE l.county_code = ${countyCode}) AS limits`.execute(tx);
  return r.rows[0]!;
}

/** Open referrals the worker sent, in a status that has a time limit: following each up is the sender's task. */
export function sentReferralsWithTimeLimits(tx: Tx, userId: string) {
  return tx
    .selectFrom('referrals as f')
    .select(['f.id', 'f.client_id', 'f.status', 'f.status_changed_at', 'f.service_name', 'f.to_organization_id', 'f.from_user_id', 'f.urgency'])
    .select(clientNameOf('f.client_id'))
    .where('f.status', 'in', ['requested', 'received'])
    .where('f.from_user_id', '=', userId)
    .orderBy('f.status_changed_at')
    .limit(200)
    .execute();
}

/**
 * Referrals waiting in the worker's organisation, sent by someone else, past the organisation's time
 * limits (the same rule as `referralStuck`: more than N days between the Finnish status date and
 * today; the session runs in Finnish time, so `::date` is that date). One count for the shared inbox.
 */
export async function stuckIncomingReferrals(tx: Tx, userId: string, organizationId: string, today: string, notReceivedDays: number, notAcceptedDays: number) {
  const r = await sql<{ n: number; since: Date | string | null }>`
    SELECT count(*)::int AS n, min(f.status_changed_at) AS since
      FROM referrals f
     WHERE f.to_organization_id = ${organizationId}
       AND f.from_user_id IS DISTINCT FROM ${userId}
       AND ((f.status = 'requested' AND f.status_changed_at::date < ${today}::date - ${notReceivedDays}::int)
         OR (f.status = 'received' AND f.status_changed_at::date < ${today}::date - ${notAcceptedDays}::int))`.execute(tx);
  return r.rows[0]!;
}

/** Incoming referrals to the worker's organisation that nobody has accepted yet. */
export function incomingReferrals(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('referrals as f')
    .select(['f.id', 'f.client_id', 'f.service_name', 'f.status', 'f.urgency', 'f.status_changed_at'])
    .select(clientNameOf('f.client_id'))
    .where('f.to_organization_id', '=', organizationId)
    .where('f.status', 'in', ['requested', 'received'])
    .orderBy(sql`CASE f.urgency WHEN 'urgent' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END`)
    .orderBy('f.status_changed_at')
    .limit(30)
    .execute();
}

/** SHL 35 § contacts to the organisation for which no assessment has been recorded since. */
export function openStatutoryContacts(tx: Tx, userId: string, organizationId: string) {
  return tx
    .selectFrom('concerns as c')
    .select(['c.id', 'c.client_id', 'c.at', 'c.received_at', 'c.status'])
    .select(clientNameOf('c.client_id'))
    .where('c.to_organization_id', '=', organizationId)
    .where('c.route', 'in', ['shl35-consent', 'shl35-duty'])
    .where((eb) => eb.or([eb('c.status', '=', 'sent'), eb('c.received_by', '=', userId)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('assessments as a')
            .select('a.id')
            .whereRef('a.client_id', '=', 'c.client_id')
            .whereRef('a.at', '>=', 'c.at')
            .where('a.organization_id', '=', organizationId),
        ),
      ),
    )
    .limit(100)
    .execute();
}

/** Upcoming meetings the worker takes part in or that their organisation called. */
export function upcomingMeetings(tx: Tx, userId: string, organizationId: string, from: Date, until: Date) {
  return tx
    .selectFrom('meetings as m')
    .select(['m.id', 'm.client_id', 'm.starts_at', 'm.place', 'm.method'])
    .select(clientNameOf('m.client_id'))
    .where('m.status', '=', 'planned')
    .where('m.starts_at', '>=', from)
    .where('m.starts_at', '<', until)
    .where((eb) =>
      eb.or([
        eb('m.created_by', '=', userId),
        eb.exists(eb.selectFrom('meeting_participants as p').select('p.id').whereRef('p.meeting_id', '=', 'm.id').where('p.user_id', '=', userId)),
      ]),
    )
    .orderBy('m.starts_at')
    .limit(20)
    .execute();
}

export async function unreadNotificationCount(tx: Tx, userId: string): Promise<number> {
  const row = await tx.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function notificationsOf(tx: Tx, userId: string) {
  return tx
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'client_id', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}

export async function markNotificationsRead(tx: Tx, userId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('id', 'in', ids).where('read_at', 'is', null).execute();
}
