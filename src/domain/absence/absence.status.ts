/**
 * Loading and evaluating pupils' absences for one school year, shared by the pupil page, the
 * welfare-group overview, the guardian's view and the CSV import, so all of them count alike.
 */
import type { Tx } from '../../db/schema.js';
import type { Sector } from '../catalog/catalog.types.js';
import type { Actor } from '../identity/actor.js';
import { recordPathEvent, type PathPhase } from '../path/index.js';
import * as repo from './absence.repository.js';
import {
  evaluateAbsence, levelRank, mergeThresholds,
  type Absence, type AbsenceEvaluation, type AbsenceLevel, type AbsenceThresholds, type DoneAction,
} from './absence.rules.js';

/** Today's calendar date in Finland, `YYYY-MM-DD`. */
export { finnishCalendarDate as finnishToday } from '../shared/calendar.js';

/** The municipality's own limits over the seed's 30/50/70 (the school's municipality decides). */
export async function thresholdsFor(tx: Tx, municipalityCode: string | null): Promise<AbsenceThresholds> {
  return mergeThresholds(municipalityCode ? await repo.thresholdsOf(tx, municipalityCode) : null);
}

export type AbsenceRow = Awaited<ReturnType<typeof repo.absencesOf>>[number];
export type StepRow = Awaited<ReturnType<typeof repo.stepsOf>>[number];

export interface PupilYear {
  absences: AbsenceRow[];
  steps: StepRow[];
}

/** Absences and steps of several pupils in one school year, two queries in all. */
export async function loadPupilYears(tx: Tx, clientIds: readonly string[], schoolYear: string): Promise<Map<string, PupilYear>> {
  const map = new Map<string, PupilYear>(clientIds.map((id) => [id, { absences: [], steps: [] }]));
  for (const a of await repo.absencesOf(tx, clientIds, schoolYear)) map.get(a.client_id)?.absences.push({ ...a, hours: Number(a.hours) });
  for (const s of await repo.stepsOf(tx, clientIds, schoolYear)) map.get(s.client_id)?.steps.push(s);
  return map;
}

export function doneActionsOf(steps: readonly StepRow[]): DoneAction[] {
  return steps.map((s) => ({ code: s.code, date: s.done_on, followUpMeetingDate: s.follow_up_date, responsiblePerson: s.responsible_person }));
}

/**
 * The rules applied to stored data. A recorded talk with the guardians counts as a raised concern
 * ("herää huoli"), so the pupil stays followed even before the hours show it.
 */
export function evaluatePupil(year: PupilYear, thresholds: AbsenceThresholds, extra: readonly Absence[] = []): AbsenceEvaluation {
  const absences: Absence[] = [...year.absences.map((a) => ({ date: a.date, hours: a.hours, kind: a.kind })), ...extra];
  return evaluateAbsence(absences, thresholds, doneActionsOf(year.steps), {
    concernRaised: year.steps.some((s) => s.code === 'discuss-with-guardians'),
  });
}

const LEVEL_PATH: Record<AbsenceLevel, { phase: PathPhase; sectors: Sector[]; title: string }> = {
  none: { phase: 'follow-up', sectors: ['municipality'], title: 'Poissaolot eivät enää ylitä huolen rajaa' },
  concern: { phase: 'concern', sectors: ['municipality'], title: 'Poissaoloista heräsi huoli: huoli puheeksi oppilaan ja huoltajien kanssa' },
  over30: { phase: 'assessment', sectors: ['municipality', 'wellbeing-county'], title: 'Poissaoloja yli 30 tuntia: opettaja kutsuu koolle palaverin' },
  over50: { phase: 'assessment', sectors: ['municipality', 'wellbeing-county'], title: 'Poissaoloja yli 50 tuntia: koulun ulkopuoliset toimijat mukaan' },
  over70: { phase: 'concern', sectors: ['municipality', 'wellbeing-county'], title: 'Poissaoloja yli 70 tuntia: yhteydenotto sosiaalihuoltoon tai lastensuojeluilmoitus' },
};

/** Appends the level change to the pupil's path (school = municipality, student welfare = county). */
export async function recordLevelChange(
  tx: Tx,
  actor: Actor,
  e: { clientId: string; countyCode: string; organizationId: string },
  from: AbsenceLevel,
  to: AbsenceEvaluation,
): Promise<boolean> {
  if (from === to.level) return false;
  const p = LEVEL_PATH[to.level];
  const rising = levelRank(to.level) > levelRank(from);
  await recordPathEvent(tx, {
    clientId: e.clientId, countyCode: e.countyCode, organizationId: e.organizationId,
    phase: rising ? p.phase : 'follow-up', kind: 'absence-level',
    title: rising ? p.title : `Poissaolojen taso laski: ${LEVEL_NAMES_FI[to.level]}`,
    description: `Poissaoloja lukuvuonna yhteensä ${String(to.hours).replace('.', ',')} tuntia.`,
    sectors: p.sectors,
    interfaceNote: p.sectors.length > 1 ? 'Koulu ja opiskeluhuolto seuraavat poissaoloja yhdessä; sovitut askeleet näkyvät molemmille.' : null,
    createdBy: actor.userId,
  });
  return true;
}

const LEVEL_NAMES_FI: Record<AbsenceLevel, string> = {
  none: 'ei huolta', concern: 'huoli', over30: 'yli 30 h', over50: 'yli 50 h', over70: 'yli 70 h',
};
