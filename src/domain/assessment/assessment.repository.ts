import type { Tx } from '../../db/schema.js';
import '../clients/clients.tables.js';
import type { ProfileInput } from '../../contracts/clients.contracts.js';

/** SQL of self-assessments, their life-area configuration and professional assessments. */

export async function configuredLifeAreas(tx: Tx, countyCode: string) {
  return tx.selectFrom('life_areas').selectAll().where('county_code', '=', countyCode).where('active', '=', true).orderBy('ordinal').execute();
}

export async function insertSelfAssessment(
  tx: Tx,
  s: { clientId: string; countyCode: string; organizationId: string | null; filledBy: 'client' | 'client-with-worker' | 'client-with-close-one' | 'guardian'; ownWords: string | null; recordedBy: string | null; at?: Date | string },
  answers: { key: string; rating: number; note: string | null }[],
) {
  const row = await tx
    .insertInto('self_assessments')
    .values({ client_id: s.clientId, county_code: s.countyCode, organization_id: s.organizationId, filled_by: s.filledBy, own_words: s.ownWords, recorded_by: s.recordedBy, at: s.at ?? new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (answers.length > 0) {
    await tx
      .insertInto('self_assessment_answers')
      .values(answers.map((a) => ({ self_assessment_id: row.id, county_code: s.countyCode, organization_id: s.organizationId, area_key: a.key, rating: a.rating, note: a.note })))
      .execute();
  }
  return row.id;
}

/** The client's self-assessments, oldest first, with their answers. */
export async function selfAssessmentsOf(tx: Tx, clientId: string) {
  const heads = await tx.selectFrom('self_assessments').selectAll().where('client_id', '=', clientId).orderBy('at').execute();
  if (heads.length === 0) return [];
  const answers = await tx
    .selectFrom('self_assessment_answers')
    .select(['self_assessment_id', 'area_key', 'rating', 'note'])
    .where('self_assessment_id', 'in', heads.map((h) => h.id))
    .execute();
  return heads.map((h) => ({ ...h, answers: answers.filter((a) => a.self_assessment_id === h.id) }));
}

export async function insertAssessment(
  tx: Tx,
  a: {
    clientId: string; countyCode: string; organizationId: string; profile: ProfileInput;
    suggestedSegment: string; suggestedLevel: string; segment: string; level: string;
    overrideReason: string | null; specialSupportNeed: boolean; notes: string | null;
    assessedBy: string; assessedByRole: string; at?: Date | string;
  },
) {
  const row = await tx
    .insertInto('assessments')
    .values({
      client_id: a.clientId,
      county_code: a.countyCode,
      organization_id: a.organizationId,
      everyday_life: a.profile.everydayLife,
      resources: a.profile.resources,
      health: a.profile.health,
      channel: a.profile.channel,
      network: a.profile.network,
      coordination: a.profile.coordination,
      suggested_segment: a.suggestedSegment,
      suggested_level: a.suggestedLevel,
      segment: a.segment,
      level: a.level,
      override_reason: a.overrideReason,
      special_support_need: a.specialSupportNeed,
      notes: a.notes,
      assessed_by: a.assessedBy,
      assessed_by_role: a.assessedByRole,
      at: a.at ?? new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Assessments oldest first, with who made them (name and title are kept visible to the client). */
export async function assessmentsOf(tx: Tx, clientId: string) {
  return tx
    .selectFrom('assessments as a')
    .innerJoin('users as u', 'u.id', 'a.assessed_by')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .selectAll('a')
    .select(['u.display_name', 'u.title', 'o.name as organization_name'])
    .where('a.client_id', '=', clientId)
    .orderBy('a.at')
    .execute();
}

/** Replaces the county's life-area list; answers given under removed keys stay in the history. */
export async function replaceLifeAreas(tx: Tx, countyCode: string, areas: { key: string; nameFi: string; nameSv: string; nameEn: string }[]) {
  await tx.deleteFrom('life_areas').where('county_code', '=', countyCode).execute();
  await tx
    .insertInto('life_areas')
    .values(areas.map((a, i) => ({ county_code: countyCode, key: a.key, ordinal: i + 1, name_fi: a.nameFi, name_sv: a.nameSv, name_en: a.nameEn })))
    .execute();
}
