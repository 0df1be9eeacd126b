/** The only place with SQL for school absences (migration 0600). */
import type { Tx } from '../../db/schema.js';
import type { AbsenceThresholds } from './absence.thresholds.js';
import type { AbsenceKind, RequiredActionCode } from './absence.types.js';

export interface EnrolmentRow {
  id: string;
  client_id: string;
  county_code: string;
  organization_id: string;
  unit_id: string;
  unit_name: string;
  class_name: string | null;
  pupil_number: string | null;
  municipality_code: string | null;
}

function enrolmentQuery(tx: Tx) {
  return tx
    .selectFrom('pupil_enrolments as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .select([
      'e.id', 'e.client_id', 'e.county_code', 'e.organization_id', 'e.unit_id', 'u.name as unit_name',
      'e.class_name', 'e.pupil_number', 'o.municipality_code',
    ])
    .where('e.ended_on', 'is', null);
}

export function activeEnrolment(tx: Tx, clientId: string): Promise<EnrolmentRow | undefined> {
  return enrolmentQuery(tx).where('e.client_id', '=', clientId).executeTakeFirst();
}

export function enrolmentsOfUnit(tx: Tx, unitId: string): Promise<EnrolmentRow[]> {
  return enrolmentQuery(tx).where('e.unit_id', '=', unitId).execute();
}

export async function insertEnrolment(
  tx: Tx,
  e: { clientId: string; countyCode: string; organizationId: string; unitId: string; className: string | null; pupilNumber: string | null; startedOn: string; createdBy: string },
) {
  const row = await tx
    .insertInto('pupil_enrolments')
    .values({
      client_id: e.clientId, county_code: e.countyCode, organization_id: e.organizationId, unit_id: e.unitId,
      class_name: e.className, pupil_number: e.pupilNumber, started_on: e.startedOn, created_by: e.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function endEnrolment(tx: Tx, id: string, endedOn: string) {
  await tx.updateTable('pupil_enrolments').set({ ended_on: endedOn }).where('id', '=', id).execute();
}

export async function pupilNumberTaken(tx: Tx, unitId: string, pupilNumber: string): Promise<boolean> {
  const row = await tx
    .selectFrom('pupil_enrolments').select('id')
    .where('unit_id', '=', unitId).where('pupil_number', '=', pupilNumber).where('ended_on', 'is', null)
    .executeTakeFirst();
  return !!row;
}

export interface UnitRow {
  id: string;
  name: string;
  organization_id: string;
  county_code: string;
  municipality_code: string | null;
  sector: string;
}

export function getUnit(tx: Tx, unitId: string): Promise<UnitRow | undefined> {
  return tx
    .selectFrom('units as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.name', 'u.organization_id', 'u.county_code', 'o.municipality_code', 'o.sector'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

/** Schools a student-welfare worker of the county serves. */
export async function welfareStaffUnits(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.selectFrom('school_welfare_staff').select('unit_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.unit_id);
}

export async function addWelfareStaff(tx: Tx, s: { unitId: string; userId: string; countyCode: string; organizationId: string }) {
  await tx
    .insertInto('school_welfare_staff')
    .values({ unit_id: s.unitId, user_id: s.userId, county_code: s.countyCode, organization_id: s.organizationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function welfareGroupOf(tx: Tx, unitId: string) {
  return tx
    .selectFrom('users as u')
    .leftJoin('school_welfare_staff as s', (j) => j.onRef('s.user_id', '=', 'u.id').on('s.unit_id', '=', unitId))
    .select(['u.id', 'u.display_name', 'u.title', 'u.role'])
    .where((eb) => eb.or([eb('u.unit_id', '=', unitId), eb('s.unit_id', '=', unitId)]))
    .where('u.disabled', '=', false)
    .where('u.role', 'in', ['teacher', 'student-welfare', 'school-nurse'])
    .orderBy('u.display_name')
    .execute();
}

// ---------------------------------------------------------------- absences

export interface NewAbsence {
  clientId: string;
  countyCode: string;
  organizationId: string;
  unitId: string | null;
  schoolYear: string;
  date: string;
  hours: number;
  kind: AbsenceKind;
  note: string | null;
  source: 'manual' | 'import';
  importId: string | null;
  recordedBy: string | null;
}

export async function insertAbsences(tx: Tx, rows: readonly NewAbsence[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const ids: string[] = [];
  // Chunks keep each statement well under the 65535-parameter limit of the protocol.
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await tx
      .insertInto('absences')
      .values(
        rows.slice(i, i + 1000).map((a) => ({
          client_id: a.clientId, county_code: a.countyCode, organization_id: a.organizationId, unit_id: a.unitId,
          school_year: a.schoolYear, date: a.date, hours: a.hours, kind: a.kind, note: a.note, source: a.source,
          import_id: a.importId, recorded_by: a.recordedBy,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export function absencesOf(tx: Tx, clientIds: readonly string[], schoolYear: string) {
  if (clientIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('absences')
    .select(['id', 'client_id', 'date', 'hours', 'kind', 'note', 'source', 'created_at'])
    .where('client_id', 'in', clientIds)
    .where('school_year', '=', schoolYear)
    .orderBy('date')
    .orderBy('created_at')
    .execute();
}

// ---------------------------------------------------------------- steps and surveys

export interface NewStep {
  clientId: string;
  countyCode: string;
  organizationId: string;
  unitId: string | null;
  schoolYear: string;
  code: RequiredActionCode;
  doneOn: string;
  followUpDate: string | null;
  responsiblePerson: string | null;
  participants: string | null;
  agreed: string | null;
  supportMeasures: string | null;
  meetingId: string | null;
  planActionId?: string | null;
  concernId: string | null;
  recordedBy: string;
}

export async function insertStep(tx: Tx, s: NewStep): Promise<string> {
  const row = await tx
    .insertInto('absence_steps')
    .values({
      client_id: s.clientId, county_code: s.countyCode, organization_id: s.organizationId, unit_id: s.unitId,
      school_year: s.schoolYear, code: s.code, done_on: s.doneOn, follow_up_date: s.followUpDate,
      responsible_person: s.responsiblePerson, participants: s.participants, agreed: s.agreed,
      support_measures: s.supportMeasures, meeting_id: s.meetingId, concern_id: s.concernId, plan_action_id: s.planActionId ?? null, recorded_by: s.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function stepsOf(tx: Tx, clientIds: readonly string[], schoolYear: string) {
  if (clientIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('absence_steps as s')
    .leftJoin('users as u', 'u.id', 's.recorded_by')
    .select([
      's.id', 's.client_id', 's.code', 's.done_on', 's.follow_up_date', 's.responsible_person', 's.participants',
      's.agreed', 's.support_measures', 's.meeting_id', 's.plan_action_id', 's.concern_id', 'u.display_name as recorded_by_name', 's.created_at',
    ])
    .where('s.client_id', 'in', clientIds)
    .where('s.school_year', '=', schoolYear)
    .orderBy('s.done_on')
    .orderBy('s.created_at')
    .execute();
}

export interface NewSurvey {
  clientId: string;
  countyCode: string;
  organizationId: string;
  schoolYear: string;
  doneOn: string;
  scores: { negativeAffect: number; socialEvaluative: number; attention: number; tangible: number };
  summary: string | null;
  recordedBy: string;
}

export async function insertSurvey(tx: Tx, s: NewSurvey): Promise<string> {
  const row = await tx
    .insertInto('absence_surveys')
    .values({
      client_id: s.clientId, county_code: s.countyCode, organization_id: s.organizationId, school_year: s.schoolYear,
      done_on: s.doneOn, negative_affect: s.scores.negativeAffect, social_evaluative: s.scores.socialEvaluative,
      attention: s.scores.attention, tangible: s.scores.tangible, summary: s.summary, recorded_by: s.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function surveysOf(tx: Tx, clientId: string, schoolYear: string) {
  return tx
    .selectFrom('absence_surveys')
    .select(['id', 'instrument', 'done_on', 'negative_affect', 'social_evaluative', 'attention', 'tangible', 'summary'])
    .where('client_id', '=', clientId)
    .where('school_year', '=', schoolYear)
    .orderBy('done_on')
    .execute();
}

// ---------------------------------------------------------------- thresholds

export async function thresholdsOf(tx: Tx, municipalityCode: string): Promise<Partial<AbsenceThresholds> | null> {
  const r = await tx.selectFrom('absence_thresholds').selectAll().where('municipality_code', '=', municipalityCode).executeTakeFirst();
  if (!r) return null;
  return {
    concernHours: Number(r.concern_hours),
    level1Hours: Number(r.level1_hours),
    level2Hours: Number(r.level2_hours),
    level3Hours: Number(r.level3_hours),
    countKinds: r.count_kinds as AbsenceKind[],
    concernKinds: r.concern_kinds as AbsenceKind[],
  };
}

export async function upsertThresholds(
  tx: Tx,
  m: { municipalityCode: string; countyCode: string; organizationId: string | null; updatedBy: string },
  t: AbsenceThresholds,
) {
  const values = {
    concern_hours: t.concernHours, level1_hours: t.level1Hours, level2_hours: t.level2Hours, level3_hours: t.level3Hours,
    count_kinds: [...t.countKinds], concern_kinds: [...t.concernKinds], updated_by: m.updatedBy, updated_at: new Date(),
  };
  await tx
    .insertInto('absence_thresholds')
    .values({ municipality_code: m.municipalityCode, county_code: m.countyCode, organization_id: m.organizationId, ...values })
    .onConflict((oc) => oc.column('municipality_code').doUpdateSet(values))
    .execute();
}

export async function deleteThresholds(tx: Tx, municipalityCode: string) {
  await tx.deleteFrom('absence_thresholds').where('municipality_code', '=', municipalityCode).execute();
}

export function municipality(tx: Tx, code: string) {
  return tx.selectFrom('municipalities').select(['code', 'name_fi', 'name_sv', 'county_code']).where('code', '=', code).executeTakeFirst();
}

// ---------------------------------------------------------------- imports

export async function insertImport(
  tx: Tx,
  i: { countyCode: string; organizationId: string; unitId: string; fileName: string | null; rowsTotal: number; rowsImported: number; rejected: unknown[]; importedBy: string },
) {
  const row = await tx
    .insertInto('absence_imports')
    .values({
      county_code: i.countyCode, organization_id: i.organizationId, unit_id: i.unitId, file_name: i.fileName,
      rows_total: i.rowsTotal, rows_imported: i.rowsImported, rejected: JSON.stringify(i.rejected), imported_by: i.importedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Keys `client|date|kind|hours` of absences already recorded, so a re-imported file is not counted twice. */
export async function existingAbsenceKeys(tx: Tx, clientIds: readonly string[], from: string, to: string): Promise<Set<string>> {
  if (clientIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('absences')
    .select(['client_id', 'date', 'kind', 'hours'])
    .where('client_id', 'in', clientIds)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  return new Set(rows.map((r) => absenceKey(r.client_id, r.date, r.kind, Number(r.hours))));
}

export const absenceKey = (clientId: string, date: string, kind: string, hours: number) => `${clientId}|${date}|${kind}|${hours.toFixed(2)}`;

// ---------------------------------------------------------------- people

export function clientBasics(tx: Tx, clientIds: readonly string[]) {
  if (clientIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'birth_date', 'county_code'])
    .where('id', 'in', clientIds)
    .execute();
}

/**
 * Children of whom this client is a guardian: close-one rows of the clients module (migration 0200,
 * `client_close_ones.is_guardian`) that point at the guardian's own client record. Read only.
 */
export async function childrenOfGuardian(tx: Tx, guardianClientId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('client_close_ones')
    .select('client_id')
    .where('related_client_id', '=', guardianClientId)
    .where('is_guardian', '=', true)
    .execute();
  return [...new Set(rows.map((r) => r.client_id))];
}

export function userContact(tx: Tx, userId: string) {
  return tx.selectFrom('users').select(['display_name', 'title', 'phone', 'email']).where('id', '=', userId).executeTakeFirst();
}
