import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';

/** Filters shared with the reports: period (inclusive days), organisation unit and client group. */
export interface FeedbackFilter {
  countyCode: string;
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD
  unitId?: string | null;
  clientGroup?: string | null;
}

export interface InvitationRow {
  ref_type: 'meeting' | 'ending';
  ref_id: string;
  at: Date;
  organization_id: string;
  organization_name: string;
  sector: string;
  unit_id: string | null;
  level: string | null;
}

/**
 * A client is invited to give feedback after a held network meeting and when a client relationship
 * ends (seed 002: "palautteen kerääminen"), for `days` afterwards, until they answer.
 */
export async function pendingInvitations(tx: Tx, clientId: string, since: Date): Promise<InvitationRow[]> {
  const { rows } = await sql<InvitationRow>`
    SELECT 'meeting' AS ref_type, m.id AS ref_id, m.starts_at AS at, o.id AS organization_id, o.name AS organization_name,
           o.sector, cr.unit_id, cr.level
      FROM meetings m
      JOIN organizations o ON o.id = m.organization_id
      LEFT JOIN LATERAL (SELECT unit_id, level FROM client_relationships r
                          WHERE r.client_id = m.client_id AND r.organization_id = m.organization_id
                          ORDER BY r.ended_at IS NULL DESC, r.started_at DESC LIMIT 1) cr ON true
     WHERE m.client_id = ${clientId} AND m.status = 'held' AND m.starts_at >= ${since}
       AND NOT EXISTS (SELECT 1 FROM feedback_receipts f WHERE f.client_id = m.client_id AND f.ref_type = 'meeting' AND f.ref_id = m.id)
    UNION ALL
    SELECT 'ending', e.id, e.ended_at, o.id, o.name, o.sector, r.unit_id, r.level
      FROM relationship_endings e
      JOIN client_relationships r ON r.id = e.relationship_id
      JOIN organizations o ON o.id = e.organization_id
     WHERE e.client_id = ${clientId} AND e.ended_at >= ${since}
       AND NOT EXISTS (SELECT 1 FROM feedback_receipts f WHERE f.client_id = e.client_id AND f.ref_type = 'ending' AND f.ref_id = e.id)
     ORDER BY at DESC`.execute(tx);
  return rows;
}

export interface NewResponse {
  countyCode: string;
  organizationId: string | null;
  unitId: string | null;
  questionnaireId: string;
  respondent: string;
  clientGroup: string | null;
  submittedOn?: string;
}

export async function insertResponse(tx: Tx, r: NewResponse, ratings: [itemId: string, rating: number][]) {
  const { id } = await tx
    .insertInto('feedback_responses')
    .values({
      county_code: r.countyCode, organization_id: r.organizationId, unit_id: r.unitId, questionnaire_id: r.questionnaireId,
      respondent: r.respondent, client_group: r.clientGroup, ...(r.submittedOn ? { submitted_on: r.submittedOn } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (ratings.length > 0) {
    await tx
      .insertInto('feedback_answers')
      .values(ratings.map(([itemId, rating]) => ({ response_id: id, county_code: r.countyCode, organization_id: r.organizationId, item_id: itemId, rating })))
      .execute();
  }
  return id;
}

export interface NewReceipt {
  countyCode: string;
  organizationId: string | null;
  clientId: string | null;
  userId: string | null;
  questionnaireId: string;
  refType: 'meeting' | 'ending' | null;
  refId: string | null;
}

/** False when this invitation was already answered (the unique index decides, also under concurrency). */
export async function insertReceipt(tx: Tx, r: NewReceipt): Promise<boolean> {
  const row = await tx
    .insertInto('feedback_receipts')
    .values({
      county_code: r.countyCode, organization_id: r.organizationId, client_id: r.clientId, user_id: r.userId,
      questionnaire_id: r.questionnaireId, ref_type: r.refType, ref_id: r.refId,
    })
    .onConflict((oc) => oc.columns(['client_id', 'ref_type', 'ref_id']).where('client_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

export function lastReceiptsOfUser(tx: Tx, userId: string) {
  return tx
    .selectFrom('feedback_receipts')
    .select(['questionnaire_id', (eb) => eb.fn.max('at').as('at')])
    .where('user_id', '=', userId)
    .groupBy('questionnaire_id')
    .execute();
}

export interface AnswerRow {
  response_id: string;
  questionnaire_id: string;
  respondent: string;
  item_id: string;
  rating: number;
}

/** Every rating in the filter, one row each; grouped into responses by the service. */
export async function answersInPeriod(tx: Tx, f: FeedbackFilter): Promise<AnswerRow[]> {
  let q = tx
    .selectFrom('feedback_responses as r')
    .innerJoin('feedback_answers as a', 'a.response_id', 'r.id')
    .select(['r.id as response_id', 'r.questionnaire_id', 'r.respondent', 'a.item_id', 'a.rating'])
    .where('r.county_code', '=', f.countyCode)
    .where('r.submitted_on', '>=', f.from)
    .where('r.submitted_on', '<=', f.to);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.clientGroup) q = q.where((eb) => eb.or([eb('r.client_group', '=', f.clientGroup!), eb('r.respondent', '<>', 'client')]));
  return q.execute();
}

export async function clientBirthDate(tx: Tx, clientId: string): Promise<string | null> {
  const row = await tx.selectFrom('clients').select('birth_date').where('id', '=', clientId).executeTakeFirst();
  if (!row) return null;
  const d = row.birth_date as unknown;
  return d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
}
