/**
 * Pure rules of the LAPE school-absence model (seed `003`, GUIDE §6): absences are followed
 * continuously; concern is raised with the pupil and guardians; over 30 h the teacher calls a
 * meeting; over 50 h actors outside school are invited; over 70 h a Social Welfare Act § 35
 * contact or a child welfare notification is made. Steps accumulate: a later level still needs
 * the earlier steps until they are recorded as done.
 */
import { finnishCalendarDate } from '../shared/calendar.js';
import { ABSENCE_SURVEY, ACTIONS, type StepAgreement } from './absence.actions.js';
import { DEFAULT_THRESHOLDS, InvalidThresholdsError, validateThresholds, type AbsenceThresholds } from './absence.thresholds.js';
import {
  ABSENCE_LEVELS,
  type Absence,
  type AbsenceKind,
  type AbsenceLevel,
  type HoursByKind,
  type LocalizedText,
  type RequiredActionCode,
  type ResponsibleRole,
} from './absence.types.js';

export * from './absence.types.js';
export * from './absence.thresholds.js';
export { ACTIONS, ABSENCE_SURVEY, type ActionDefinition, type StepAgreement } from './absence.actions.js';
export * from './absence.csv.js';
export * from './absence.notification.js';

// ---------------------------------------------------------------- dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a real calendar date `YYYY-MM-DD` (rejects 2026-02-30); null when invalid. */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}


/**
 * Finnish school year (lukuvuosi) 1 Aug – 31 Jul, e.g. '2026-2027'. A Date is read as the
 * calendar date in Finland, so 31 Jul 22:30 UTC already belongs to the next school year.
 */
export function schoolYearOf(date: string | Date): string {
  const iso = typeof date === 'string' ? date : finnishCalendarDate(date);
  const parsed = parseIsoDate(iso);
  if (!parsed) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  const start = parsed.month >= 8 ? parsed.year : parsed.year - 1;
  return `${start}-${start + 1}`;
}

/** First and last day of a school year given as '2026-2027'. */
export function schoolYearRange(schoolYear: string): { start: string; end: string } {
  const m = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`Not a school year: ${schoolYear}`);
  return { start: `${m[1]}-08-01`, end: `${m[2]}-07-31` };
}

export function absencesInSchoolYear<T extends Absence>(absences: readonly T[], schoolYear: string): T[] {
  const { start, end } = schoolYearRange(schoolYear);
  return absences.filter((a) => a.date >= start && a.date <= end);
}

// ---------------------------------------------------------------- hours

/** Hours are summed in hundredths so 0.75 h lessons add up without floating-point drift. */
const toCenti = (h: number) => Math.round(h * 100);
const fromCenti = (c: number) => c / 100;

function checkHours(a: Absence): void {
  if (!Number.isFinite(a.hours) || a.hours < 0) throw new RangeError(`Absence hours must be ≥ 0: ${a.hours}`);
}

export function hoursByKind(absences: readonly Absence[]): HoursByKind {
  const centi: Record<AbsenceKind, number> = { unauthorized: 0, sick: 0, other: 0 };
  for (const a of absences) {
    checkHours(a);
    centi[a.kind] += toCenti(a.hours);
  }
  return { unauthorized: fromCenti(centi.unauthorized), sick: fromCenti(centi.sick), other: fromCenti(centi.other) };
}

/** Hours that count toward the 30/50/70 limits: only the kinds in `thresholds.countKinds`. */
export function sumHours(absences: readonly Absence[], thresholds: AbsenceThresholds = DEFAULT_THRESHOLDS): number {
  const byKind = hoursByKind(absences);
  return fromCenti(thresholds.countKinds.reduce((sum, k) => sum + toCenti(byKind[k]), 0));
}

/** Hours of kinds that are worrying in themselves (default: unauthorized and other). */
export function worryingHours(absences: readonly Absence[], thresholds: AbsenceThresholds = DEFAULT_THRESHOLDS): number {
  const byKind = hoursByKind(absences);
  return fromCenti(thresholds.concernKinds.reduce((sum, k) => sum + toCenti(byKind[k]), 0));
}

// ---------------------------------------------------------------- levels and steps

export interface LevelInput {
  hours: number;
  worryingHours: number;
  /** Concern noticed at home or at school without the hours showing it ("herää huoli kotona/koulussa"). */
  concernRaised?: boolean;
}

export function levelFor(input: LevelInput, t: AbsenceThresholds = DEFAULT_THRESHOLDS): AbsenceLevel {
  if (input.hours > t.level3Hours) return 'over70';
  if (input.hours > t.level2Hours) return 'over50';
  if (input.hours > t.level1Hours) return 'over30';
  if (input.worryingHours > 0 || input.hours > t.concernHours || input.concernRaised) return 'concern';
  return 'none';
}

export function levelRank(level: AbsenceLevel): number {
  return ABSENCE_LEVELS.indexOf(level);
}

/** A step recorded as taken. Steps held in a meeting also need what the seed asks to agree. */
export interface DoneAction {
  code: RequiredActionCode;
  date?: string | null;
  followUpMeetingDate?: string | null;
  responsiblePerson?: string | null;
}

export interface RequiredAction {
  code: RequiredActionCode;
  level: Exclude<AbsenceLevel, 'none'>;
  /** Recorded and everything the step agrees is written down. */
  done: boolean;
  /** Recorded but these agreements are missing (empty when not recorded or complete). */
  missing: StepAgreement[];
  agreements: readonly StepAgreement[];
  description: LocalizedText;
  responsibleRole: ResponsibleRole;
}

export interface Suggestion {
  code: 'absence-survey';
  name: string;
  description: LocalizedText;
}

export interface AbsenceEvaluation {
  hours: number;
  hoursByKind: HoursByKind;
  worryingHours: number;
  level: AbsenceLevel;
  requiredActions: RequiredAction[];
  /** The earliest step not yet done; null when nothing is required or all is done. */
  nextStep: RequiredAction | null;
  /** Optional, recommended steps (the absence survey after 30 h). */
  suggestions: Suggestion[];
}

function missingAgreements(agreements: readonly StepAgreement[], done: DoneAction): StepAgreement[] {
  return agreements.filter((a) => {
    const v = done[a];
    return typeof v !== 'string' || v.trim() === '';
  });
}

/**
 * Level, accumulated steps and the next step for one pupil's absences (pass one school year,
 * see absencesInSchoolYear). `doneActions` may be bare codes for steps that agree nothing.
 */
export function evaluateAbsence(
  absences: readonly Absence[],
  thresholds: AbsenceThresholds = DEFAULT_THRESHOLDS,
  doneActions: readonly (DoneAction | RequiredActionCode)[] = [],
  options: { concernRaised?: boolean } = {},
): AbsenceEvaluation {
  const problems = validateThresholds(thresholds);
  if (problems.length > 0) throw new InvalidThresholdsError(problems);

  const byKind = hoursByKind(absences);
  const hours = sumHours(absences, thresholds);
  const worrying = worryingHours(absences, thresholds);
  const level = levelFor({ hours, worryingHours: worrying, concernRaised: options.concernRaised }, thresholds);

  const records = doneActions.map((d) => (typeof d === 'string' ? { code: d } : d));
  const requiredActions: RequiredAction[] = ACTIONS.filter((a) => levelRank(a.level) <= levelRank(level)).map((a) => {
    const recorded = records.filter((r) => r.code === a.code);
    // Several records (e.g. two meetings): the step is done if any one of them is complete.
    const gaps = recorded.map((r) => missingAgreements(a.agreements, r));
    const complete = gaps.some((g) => g.length === 0);
    return {
      code: a.code,
      level: a.level,
      done: complete,
      missing: complete || gaps.length === 0 ? [] : gaps.reduce((x, y) => (y.length < x.length ? y : x)),
      agreements: a.agreements,
      description: a.description,
      responsibleRole: a.responsibleRole,
    };
  });

  const suggestions: Suggestion[] =
    levelRank(level) >= levelRank('over30')
      ? [{ code: ABSENCE_SURVEY.code, name: ABSENCE_SURVEY.name, description: ABSENCE_SURVEY.description }]
      : [];

  return {
    hours,
    hoursByKind: byKind,
    worryingHours: worrying,
    level,
    requiredActions,
    nextStep: requiredActions.find((a) => !a.done) ?? null,
    suggestions,
  };
}
