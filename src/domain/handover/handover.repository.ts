import type { Tx } from '../../db/schema.js';

export function relationshipOf(tx: Tx, id: string) {
  return tx
    .selectFrom('client_relationships as r')
    .leftJoin('users as u', 'u.id', 'r.responsible_user_id')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select(['r.id', 'r.client_id', 'r.organization_id', 'r.county_code', 'r.ended_at', 'r.level', 'r.unit_id', 'u.display_name as worker_name', 'o.name as org_name', 'o.sector as org_sector'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export function activeRelationshipOf(tx: Tx, clientId: string, organizationId: string) {
  return tx
    .selectFrom('client_relationships')
    .select(['id', 'level'])
    .where('client_id', '=', clientId)
    .where('organization_id', '=', organizationId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function insertHandover(
  tx: Tx,
  h: { countyCode: string; organizationId: string; clientId: string; fromRelationshipId: string; referralId: string; summary: string; jointMeetingAt: Date | null; createdBy: string },
) {
  const row = await tx
    .insertInto('handovers')
    .values({
      county_code: h.countyCode, organization_id: h.organizationId, client_id: h.clientId, from_relationship_id: h.fromRelationshipId,
      referral_id: h.referralId, summary: h.summary, joint_meeting_at: h.jointMeetingAt, joint_meeting_held_at: null,
      client_confirmed_at: null, client_confirmed_how: null, completed_at: null, created_by: h.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const handoverColumns = [
  'h.id', 'h.county_code', 'h.organization_id', 'h.client_id', 'h.from_relationship_id', 'h.referral_id', 'h.summary', 'h.joint_meeting_at',
  'h.joint_meeting_held_at', 'h.client_confirmed_at', 'h.client_confirmed_how', 'h.status', 'h.completed_at', 'h.created_at',
  'r.status as referral_status', 'r.to_organization_id', 'r.service_name', 'r.to_provider_name', 'fo.name as from_org_name', 'fo.sector as from_org_sector',
  'tor.name as to_org_name', 'tor.sector as to_org_sector',
] as const;

function handoverQuery(tx: Tx) {
  return tx
    .selectFrom('handovers as h')
    .innerJoin('referrals as r', 'r.id', 'h.referral_id')
    .innerJoin('organizations as fo', 'fo.id', 'h.organization_id')
    .leftJoin('organizations as tor', 'tor.id', 'r.to_organization_id')
    .select(handoverColumns);
}
export type HandoverRow = NonNullable<Awaited<ReturnType<typeof getHandover>>>;

export function getHandover(tx: Tx, id: string) {
  return handoverQuery(tx).where('h.id', '=', id).executeTakeFirst();
}

export function handoversOfClient(tx: Tx, clientId: string) {
  return handoverQuery(tx).where('h.client_id', '=', clientId).orderBy('h.created_at', 'desc').execute();
}

export function openHandoverOfRelationship(tx: Tx, relationshipId: string) {
  return tx.selectFrom('handovers').select('id').where('from_relationship_id', '=', relationshipId).where('status', '=', 'open').executeTakeFirst();
}

export async function updateHandover(tx: Tx, id: string, values: { joint_meeting_at?: Date; joint_meeting_held_at?: Date; client_confirmed_at?: Date; client_confirmed_how?: string; status?: 'completed' | 'cancelled'; completed_at?: Date }) {
  await tx.updateTable('handovers').set(values).where('id', '=', id).execute();
}

export async function endRelationshipRow(tx: Tx, id: string, at: Date) {
  await tx.updateTable('client_relationships').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

/** Who accepted the handover referral: they become the new responsible worker. */
export function acceptingUser(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_events as e')
    .innerJoin('users as u', 'u.id', 'e.by_user_id')
    .select(['u.id', 'u.display_name', 'u.title', 'u.phone', 'u.email', 'u.unit_id'])
    .where('e.referral_id', '=', referralId)
    .where('e.status', '=', 'accepted')
    .orderBy('e.at', 'desc')
    .executeTakeFirst();
}

export function worker(tx: Tx, userId: string) {
  return tx.selectFrom('users').select(['id', 'display_name', 'title', 'phone', 'email']).where('id', '=', userId).executeTakeFirst();
}

export async function insertEnding(
  tx: Tx,
  e: {
    countyCode: string; organizationId: string; clientId: string; relationshipId: string; finalEvaluation: string; clientFeedback: string;
    workerFeedback: string; howClientManages: string; whomToContact: string; followUpDate: string | null; informedOrganizationIds: string[]; endedBy: string; at: Date;
  },
) {
  const row = await tx
    .insertInto('relationship_endings')
    .values({
      county_code: e.countyCode, organization_id: e.organizationId, client_id: e.clientId, relationship_id: e.relationshipId,
      final_evaluation: e.finalEvaluation, client_feedback: e.clientFeedback, worker_feedback: e.workerFeedback,
      how_client_manages: e.howClientManages, whom_to_contact: e.whomToContact, follow_up_date: e.followUpDate,
      informed_organization_ids: e.informedOrganizationIds, ended_by: e.endedBy, ended_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function endingOf(tx: Tx, relationshipId: string) {
  return tx.selectFrom('relationship_endings').selectAll().where('relationship_id', '=', relationshipId).executeTakeFirst();
}

export function organizationsIn(tx: Tx, ids: string[], countyCode: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('organizations').select(['id', 'name', 'sector']).where('id', 'in', ids).where('county_code', '=', countyCode).execute();
}
