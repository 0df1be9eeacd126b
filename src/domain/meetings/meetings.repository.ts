import type { Tx } from '../../db/schema.js';
import type { NetworkMapEntry } from './meetings.tables.js';
import './meetings.tables.js';

/** The only place with SQL for network meetings. */

export interface NewMeeting {
  countyCode: string;
  organizationId: string;
  clientId: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  method: string;
  purpose: string;
  agenda: string[];
  clientQuestions: string[];
  networkMap: NetworkMapEntry[];
  chairName: string | null;
  noteTakerName: string | null;
  createdBy: string | null;
  status?: 'planned' | 'held';
}

export async function insertMeeting(tx: Tx, m: NewMeeting): Promise<string> {
  const row = await tx
    .insertInto('meetings')
    .values({
      county_code: m.countyCode,
      organization_id: m.organizationId,
      client_id: m.clientId,
      starts_at: m.startsAt,
      duration_minutes: m.durationMinutes,
      place: m.place,
      method: m.method,
      purpose: m.purpose,
      agenda: m.agenda,
      client_questions: m.clientQuestions,
      network_map: JSON.stringify(m.networkMap),
      chair_name: m.chairName,
      note_taker_name: m.noteTakerName,
      created_by: m.createdBy,
      status: m.status ?? 'planned',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewParticipant {
  name: string;
  role: string;
  kind: string;
  userId: string | null;
  organizationId: string | null;
}

export async function insertParticipants(tx: Tx, meetingId: string, clientId: string, countyCode: string, list: NewParticipant[]) {
  if (list.length === 0) return;
  await tx
    .insertInto('meeting_participants')
    .values(
      list.map((p, i) => ({
        meeting_id: meetingId,
        client_id: clientId,
        county_code: countyCode,
        user_id: p.userId,
        organization_id: p.organizationId,
        name: p.name,
        role: p.role,
        kind: p.kind,
        position: i,
      })),
    )
    .execute();
}

export function findMeeting(tx: Tx, id: string) {
  return tx.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function participantsOf(tx: Tx, meetingId: string) {
  return tx
    .selectFrom('meeting_participants as p')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.name', 'p.role', 'p.kind', 'p.user_id', 'p.organization_id', 'o.name as organization_name'])
    .where('p.meeting_id', '=', meetingId)
    .orderBy('p.position')
    .execute();
}

/** Meetings of one client, newest first, with participant counts. */
export function meetingsOfClient(tx: Tx, clientId: string) {
  return listQuery(tx).where('m.client_id', '=', clientId).orderBy('m.starts_at', 'desc').execute();
}

/** Meetings the worker called or is invited to, from a date on. */
export function meetingsOfUser(tx: Tx, userId: string, from: Date) {
  return listQuery(tx)
    .where('m.starts_at', '>=', from)
    .where((eb) =>
      eb.or([
        eb('m.created_by', '=', userId),
        eb.exists(eb.selectFrom('meeting_participants as q').select('q.id').whereRef('q.meeting_id', '=', 'm.id').where('q.user_id', '=', userId)),
      ]),
    )
    .orderBy('m.starts_at')
    .limit(100)
    .execute();
}

function listQuery(tx: Tx) {
  return tx
    .selectFrom('meetings as m')
    .innerJoin('clients as c', 'c.id', 'm.client_id')
    .select((eb) => [
      'm.id',
      'm.client_id',
      'c.first_name',
      'c.last_name',
      'm.starts_at',
      'm.place',
      'm.method',
      'm.status',
      'm.minutes_recorded_at',
      'm.client_approved_at',
      eb.selectFrom('meeting_participants as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.meeting_id', '=', 'm.id').as('participant_count'),
    ]);
}

export async function hasEarlierHeldMeeting(tx: Tx, clientId: string, before: Date, exceptId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('meetings')
    .select('id')
    .where('client_id', '=', clientId)
    .where('status', '=', 'held')
    .where('starts_at', '<', before)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return !!row;
}

export async function saveMinutes(
  tx: Tx,
  id: string,
  m: { summary: string; feedbackRound: string | null; checklist: string[]; chairName: string | null; noteTakerName: string | null; recordedBy: string | null; at: Date },
) {
  await tx
    .updateTable('meetings')
    .set({
      status: 'held',
      minutes_summary: m.summary,
      feedback_round: m.feedbackRound,
      client_checklist: m.checklist,
      chair_name: m.chairName,
      note_taker_name: m.noteTakerName,
      minutes_recorded_at: m.at,
      minutes_recorded_by: m.recordedBy,
    })
    .where('id', '=', id)
    .execute();
}

export async function approveMinutes(tx: Tx, id: string, at: Date, note: string | null) {
  await tx.updateTable('meetings').set({ client_approved_at: at, client_approval_note: note }).where('id', '=', id).execute();
}

/** Active relationships of the organisation (the clients it may call meetings for), the worker's own first. */
export function clientsOfOrganization(tx: Tx, organizationId: string, userId: string) {
  return tx
    .selectFrom('client_relationships as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .select(['c.id', 'c.first_name', 'c.last_name', 'r.level', 'r.responsible_user_id'])
    .where('r.organization_id', '=', organizationId)
    .where('r.ended_at', 'is', null)
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .limit(500)
    .execute()
    .then((rows) => rows.sort((a, b) => Number(b.responsible_user_id === userId) - Number(a.responsible_user_id === userId)));
}

/** The professionals already around the client: responsible and backup workers of active relationships. */
export function workersAroundClient(tx: Tx, clientId: string) {
  return tx
    .selectFrom('client_relationships as r')
    .innerJoin('users as u', (j) => j.on((eb) => eb.or([eb('u.id', '=', eb.ref('r.responsible_user_id')), eb('u.id', '=', eb.ref('r.backup_user_id'))])))
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.display_name', 'u.title', 'u.organization_id', 'o.name as organization_name', 'o.sector'])
    .where('r.client_id', '=', clientId)
    .where('r.ended_at', 'is', null)
    .execute();
}

export function closeOnesOf(tx: Tx, clientId: string) {
  return tx.selectFrom('client_close_ones').select(['name', 'relation']).where('client_id', '=', clientId).execute();
}

export function clientRow(tx: Tx, clientId: string) {
  return tx.selectFrom('clients').select(['id', 'first_name', 'last_name', 'county_code']).where('id', '=', clientId).executeTakeFirst();
}

export async function organizationsExist(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectFrom('organizations').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Plan actions (0300) that belong to the client's one plan, out of the given ids. */
export async function planActionsOfClient(tx: Tx, clientId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectFrom('plan_actions as a')
    .innerJoin('client_plan_members as pm', 'pm.plan_id', 'a.plan_id')
    .select('a.id')
    .where('pm.client_id', '=', clientId)
    .where('a.id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
