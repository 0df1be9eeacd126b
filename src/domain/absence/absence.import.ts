/**
 * CSV import of absences from the school's student information system (Wilma, Primus …), in one
 * transaction: every row is checked first (format by parseAbsenceCsv, then: is the pupil in this
 * school, is the date past, is the row already recorded); by default any rejected row stops the
 * whole import, so nothing is ever half-written. `skipRejected` imports the valid rows and keeps
 * the report; `dryRun` only reports. Level changes go to the pupils' paths.
 */
import type { z } from 'zod';
import type { ImportReport, ImportRequest } from '../../contracts/absence.contracts.js';
import type { Tx } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { AppError, type Lang } from '../shared/errors.js';
import { CSV_MESSAGES } from './absence.csv.js';
import { requireSchoolStaff } from './absence.access.js';
import * as repo from './absence.repository.js';
import { parseAbsenceCsv, schoolYearOf, type Absence, type AbsenceCsvRejection, type AbsenceCsvRow } from './absence.rules.js';
import { evaluatePupil, finnishToday, loadPupilYears, recordLevelChange, thresholdsFor } from './absence.status.js';

interface Accepted extends AbsenceCsvRow {
  enrolment: repo.EnrolmentRow;
  schoolYear: string;
}

/** Matches rows to this school's pupils (pupil number or Polku id) and refuses future dates and repeats. */
async function checkRows(tx: Tx, unitId: string, rows: AbsenceCsvRow[], today: string, lang: Lang) {
  const m = CSV_MESSAGES[lang];
  const enrolments = await repo.enrolmentsOfUnit(tx, unitId);
  const byKey = new Map<string, repo.EnrolmentRow>();
  for (const e of enrolments) {
    byKey.set(e.client_id.toLowerCase(), e);
    if (e.pupil_number) byKey.set(e.pupil_number.toLowerCase(), e);
  }
  const dates = rows.map((r) => r.date).sort();
  const existing = await repo.existingAbsenceKeys(tx, enrolments.map((e) => e.client_id), dates[0] ?? today, dates.at(-1) ?? today);
  const accepted: Accepted[] = [];
  const rejected: AbsenceCsvRejection[] = [];
  for (const r of rows) {
    const enrolment = byKey.get(r.pupilId.toLowerCase());
    if (!enrolment) {
      rejected.push({ line: r.line, reason: m.unknownPupil(r.pupilId) });
      continue;
    }
    if (r.date > today) {
      rejected.push({ line: r.line, reason: m.future(r.date) });
      continue;
    }
    const key = repo.absenceKey(enrolment.client_id, r.date, r.kind, r.hours);
    if (existing.has(key)) {
      rejected.push({ line: r.line, reason: m.duplicate });
      continue;
    }
    existing.add(key);
    accepted.push({ ...r, enrolment, schoolYear: schoolYearOf(r.date) });
  }
  return { accepted, rejected };
}

export async function importAbsences(tx: Tx, actor: Actor, unitId: string, input: z.output<typeof ImportRequest>, lang: Lang = 'fi', now = new Date()): Promise<ImportReport> {
  const unit = await requireSchoolStaff(tx, actor, unitId);
  const parsed = parseAbsenceCsv(input.csv, lang);
  const { accepted, rejected: unmatched } = await checkRows(tx, unit.id, parsed.rows, finnishToday(now), lang);
  const rejected = [...parsed.rejected, ...unmatched].sort((a, b) => a.line - b.line);
  const total = parsed.rows.length + parsed.rejected.length;
  const changes = await predictLevelChanges(tx, accepted);
  const levelChanges = changes.map(({ clientId, pupilName, from, to }) => ({ clientId, pupilName, from, to }));
  const report = { importId: null, dryRun: input.dryRun, total, imported: 0, rejected, pupils: new Set(accepted.map((a) => a.enrolment.client_id)).size, levelChanges };
  if (input.dryRun) return report;
  if (rejected.length > 0 && !input.skipRejected) {
    throw new AppError(422, 'import_rejected_rows', {
      fi: `Tiedostossa on ${rejected.length} virheellistä riviä. Mitään ei tallennettu. Korjaa rivit tai tuo vain kelvolliset rivit.`,
      sv: `Filen har ${rejected.length} felaktiga rader. Inget sparades. Rätta raderna eller importera bara de giltiga raderna.`,
      en: `The file has ${rejected.length} rejected rows. Nothing was saved. Fix the rows or import only the valid rows.`,
    }, { report });
  }
  if (accepted.length === 0) {
    throw new AppError(422, 'import_empty', { fi: 'Tiedostossa ei ole tuotavia rivejä.', sv: 'Filen har inga rader att importera.', en: 'The file has no rows to import.' }, { report });
  }
  const importId = await repo.insertImport(tx, {
    countyCode: unit.county_code, organizationId: unit.organization_id, unitId: unit.id, fileName: input.fileName ?? null,
    rowsTotal: total, rowsImported: accepted.length, rejected, importedBy: actor.userId,
  });
  await repo.insertAbsences(tx, accepted.map((a) => ({
    clientId: a.enrolment.client_id, countyCode: a.enrolment.county_code, organizationId: a.enrolment.organization_id, unitId: unit.id,
    schoolYear: a.schoolYear, date: a.date, hours: a.hours, kind: a.kind, note: null, source: 'import' as const, importId, recordedBy: actor.userId,
  })));
  for (const clientId of new Set(accepted.map((a) => a.enrolment.client_id))) {
    await recordAudit(tx, actor, { action: 'absence.import', clientId, resource: 'absence-import', resourceId: importId, basis: 'school-enrolment', allowed: true });
  }
  await recordPredictedChanges(tx, actor, accepted, changes);
  return { ...report, importId, imported: accepted.length };
}

type Change = ImportReport['levelChanges'][number] & { schoolYear: string; evaluation: ReturnType<typeof evaluatePupil> };

/** Per pupil and school year: the level before and after the new rows, evaluated without writing. */
async function predictLevelChanges(tx: Tx, accepted: Accepted[]): Promise<Change[]> {
  const groups = new Map<string, Accepted[]>();
  for (const a of accepted) {
    const key = `${a.enrolment.client_id}|${a.schoolYear}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const names = new Map((await repo.clientBasics(tx, [...new Set(accepted.map((a) => a.enrolment.client_id))])).map((c) => [c.id, `${c.first_name} ${c.last_name}`]));
  const changes: Change[] = [];
  for (const rows of groups.values()) {
    const { enrolment, schoolYear } = rows[0]!;
    const thresholds = await thresholdsFor(tx, enrolment.municipality_code);
    const year = (await loadPupilYears(tx, [enrolment.client_id], schoolYear)).get(enrolment.client_id)!;
    const before = evaluatePupil(year, thresholds);
    const extra: Absence[] = rows.map((r) => ({ date: r.date, hours: r.hours, kind: r.kind }));
    const after = evaluatePupil(year, thresholds, extra);
    if (before.level !== after.level) {
      changes.push({ clientId: enrolment.client_id, pupilName: names.get(enrolment.client_id) ?? '', from: before.level, to: after.level, schoolYear, evaluation: after });
    }
  }
  return changes;
}

async function recordPredictedChanges(tx: Tx, actor: Actor, accepted: Accepted[], changes: Change[]) {
  for (const c of changes) {
    const e = accepted.find((a) => a.enrolment.client_id === c.clientId)!.enrolment;
    await recordLevelChange(tx, actor, { clientId: c.clientId, countyCode: e.county_code, organizationId: e.organization_id }, c.from, c.evaluation);
  }
}
