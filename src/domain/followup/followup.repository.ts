import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
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

export function tasksOfOwner(tx: Tx, userId: string, openOnly: boolean) {
  let q = tx.selectFrom('followup_tasks as t').select(taskColumns).where('t.owner_user_id', '=', userId);
  if (openOnly) q = q.where('t.status', '=', 'open');
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

/** Active relationships the worker is responsible for, with the last contact with the client. */
export async function responsibleRelationships(tx: Tx, userId: string) {
  return tx
    .selectFrom('client_relationships as r')
    .select((eb) => [
      'r.client_id',
      'r.level',
      'r.started_at',
      eb
        .selectFrom('client_contacts as c')
        .select((e) => e.fn.max('c.at').as('at'))
        .whereRef('c.client_id', '=', 'r.client_id')
        .as('last_contact_at'),
      eb
        .selectFrom('meetings as m')
        .select((e) => e.fn.max('m.starts_at').as('at'))
        .whereRef('m.client_id', '=', 'r.client_id')
        .where('m.status', '=', 'held')
        .as('last_meeting_at'),
    ])
    .where('r.responsible_user_id', '=', userId)
    .where('r.ended_at', 'is', null)
    .execute();
}

/** Plans whose review date has passed, of the clients the worker is responsible for. */
export async function overduePlanReviews(tx: Tx, clientIds: string[], today: string) {
  if (clientIds.length === 0) return [];
  return tx
    .selectFrom('client_plans as p')
    .innerJoin('client_plan_members as pm', 'pm.plan_id', 'p.id')
    .select(['p.id', 'pm.client_id', 'p.review_date'])
    .where('pm.client_id', 'in', clientIds)
    .where('p.review_date', '<', today)
    .execute();
}

/** Open referrals sent by the worker, or waiting in the worker's organisation, in a status that has a time limit. */
export async function referralsWithTimeLimits(tx: Tx, userId: string, organizationId: string, countyCode: string) {
  const rows = await tx
    .selectFrom('referrals as f')
    .select(['f.id', 'f.client_id', 'f.status', 'f.status_changed_at', 'f.service_name', 'f.to_organization_id', 'f.from_user_id', 'f.urgency'])
    .where('f.status', 'in', ['requested', 'received'])
    .where((eb) => eb.or([eb('f.from_user_id', '=', userId), eb('f.to_organization_id', '=', organizationId)]))
    .orderBy('f.status_changed_at')
    .limit(200)
    .execute();
  const limits = await tx
    .selectFrom('referral_time_limits')
    .select(['organization_id', 'not_received_days', 'not_accepted_days'])
    .where('county_code', '=', countyCode)
    .execute();
  return { rows, limits };
}

/** Incoming referrals to the worker's organisation that nobody has accepted yet. */
export function incomingReferrals(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('referrals')
    .select(['id', 'client_id', 'service_name', 'status', 'urgency', 'status_changed_at'])
    .where('to_organization_id', '=', organizationId)
    .where('status', 'in', ['requested', 'received'])
    .orderBy(sql`CASE urgency WHEN 'urgent' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END`)
    .orderBy('status_changed_at')
    .limit(30)
    .execute();
}

/** SHL 35 § contacts to the organisation for which no assessment has been recorded since. */
export function openStatutoryContacts(tx: Tx, userId: string, organizationId: string) {
  return tx
    .selectFrom('concerns as c')
    .select(['c.id', 'c.client_id', 'c.at', 'c.received_at', 'c.status'])
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
