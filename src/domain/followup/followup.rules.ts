/**
 * Pure decisions of follow-up ("Varmista ja seuraa", seed 002): what "today" and "overdue" mean,
 * the verify-and-follow defaults per guidance level, working-day deadlines and alert thresholds.
 * Everything configurable lives in FollowupSettings; followup_settings rows override the defaults.
 */
import { finnishCalendarDate } from '../shared/calendar.js';
import { isWorkingDay } from './finnish-holidays.js';

export type GuidanceLevel = 'neuvonta-ja-ohjaus' | 'asiakasohjaus' | 'intensiivinen-palveluohjaus';

export const ALERT_TYPES = ['task-overdue', 'referral-stuck', 'no-contact', 'plan-review-overdue', 'caseload-over-limit', 'statutory-deadline'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export interface StatutoryDeadlineRule {
  key: string;
  /** What starts the clock: a contact to social services (SHL 35 §) received by the organisation. */
  trigger: 'shl35-contact';
  /** Deadline counted in working days (Mon–Fri) or calendar days from the trigger. */
  workingDays?: number;
  calendarDays?: number;
  /** Shown to the worker. */
  label: { fi: string; sv: string; en: string };
  /** Raise the alert this many days before the deadline. */
  warnDaysBefore: number;
}

export interface FollowupSettings {
  /** After advice (neuvonta ja ohjaus) a follow-up call is suggested after this many days. */
  adviceFollowUpCallDays: number;
  /** Client guidance follows the plan: a check this many days after a plan action's due date. */
  guidanceCheckAfterActionDays: number;
  /** Intensive case management expects contact at least every N days; beyond it the no-contact alert fires. */
  intensiveContactDays: number;
  /** At most this many intensive clients per responsible worker (seed 002 quality criterion). */
  intensiveCaseloadLimit: number;
  /** Referral time limits when the county has no row in referral_time_limits. */
  referralNotReceivedDays: number;
  referralNotAcceptedDays: number;
  statutoryDeadlines: StatutoryDeadlineRule[];
}

export const DEFAULT_FOLLOWUP_SETTINGS: FollowupSettings = {
  adviceFollowUpCallDays: 14,
  guidanceCheckAfterActionDays: 7,
  intensiveContactDays: 14,
  intensiveCaseloadLimit: 40,
  referralNotReceivedDays: 3,
  referralNotAcceptedDays: 10,
  statutoryDeadlines: [
    {
      key: 'shl36-assessment-start',
      trigger: 'shl35-contact',
      workingDays: 7,
      warnDaysBefore: 3,
      label: {
        fi: 'Palvelutarpeen arviointi aloitettava viimeistään 7. arkipäivänä yhteydenotosta (SHL 36 §)',
        sv: 'Bedömningen av servicebehovet ska inledas senast sjunde vardagen efter kontakten (SVL 36 §)',
        en: 'Service-need assessment must start by the 7th working day after the contact (SHL 36 §)',
      },
    },
    {
      key: 'shl36-assessment-complete',
      trigger: 'shl35-contact',
      calendarDays: 92,
      warnDaysBefore: 14,
      label: {
        fi: 'Palvelutarpeen arviointi valmiiksi viimeistään 3 kuukaudessa (SHL 36 §, erityistä tukea tarvitsevat lapset)',
        sv: 'Bedömningen av servicebehovet ska vara klar inom 3 månader (SVL 36 §, barn i behov av särskilt stöd)',
        en: 'Service-need assessment must be complete within 3 months (SHL 36 §, children in need of special support)',
      },
    },
  ],
};

/** Merges county and organisation overrides onto the defaults; unknown keys are ignored. */
export function mergeSettings(...layers: (Partial<FollowupSettings> | null | undefined)[]): FollowupSettings {
  const out: FollowupSettings = { ...DEFAULT_FOLLOWUP_SETTINGS };
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of Object.keys(DEFAULT_FOLLOWUP_SETTINGS) as (keyof FollowupSettings)[]) {
      const value = layer[key];
      if (value === undefined || value === null) continue;
      if (key === 'statutoryDeadlines' ? Array.isArray(value) : typeof value === 'number' && value > 0) {
        (out as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }
  return out;
}

/** The calendar date in Finland (YYYY-MM-DD): deadlines are dates, not instants. */
export { finnishCalendarDate as finnishDate } from '../shared/calendar.js';

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T12:00:00Z`) - Date.parse(`${fromIso}T12:00:00Z`)) / 86_400_000);
}

/**
 * Alert `no-contact`: more than `intensiveContactDays` Finnish calendar days since the latest of the
 * client's contacts, held meetings and the relationship's start. Null within the limit. computeAlerts
 * and the caseload page both decide with this, so the list and the today view never disagree.
 */
export function noContactFor(times: (Date | string | null | undefined)[], today: string, s: Pick<FollowupSettings, 'intensiveContactDays'>): { last: string; days: number } | null {
  const ms = times.filter((d): d is Date | string => !!d).map((d) => new Date(d).getTime());
  if (ms.length === 0) return null;
  const last = finnishCalendarDate(new Date(Math.max(...ms)));
  const days = daysBetween(last, today);
  return days > s.intensiveContactDays ? { last, days } : null;
}

/**
 * The alerts computeAlerts raises about one of the worker's clients that the caseload page can show per
 * row (cheap look-ups): the worker's overdue tasks for the client, the plan's review date passed, and for
 * an intensive client no contact. Referral and statutory-deadline alerts stay on the today view.
 */
export const CASELOAD_ALERT_TYPES = ['task-overdue', 'plan-review-overdue', 'no-contact'] as const satisfies readonly AlertType[];
export type CaseloadAlertType = (typeof CASELOAD_ALERT_TYPES)[number];

export function caseloadAlerts(
  c: { level: string | null; overdueTasks: number; planReviewDate: string | null; lastContactAt: Date | string | null },
  today: string,
  s: Pick<FollowupSettings, 'intensiveContactDays'>,
): { types: CaseloadAlertType[]; noContactDays: number | null } {
  const types: CaseloadAlertType[] = [];
  if (c.overdueTasks > 0) types.push('task-overdue');
  if (c.planReviewDate !== null && c.planReviewDate < today) types.push('plan-review-overdue');
  const quiet = c.level === 'intensiivinen-palveluohjaus' ? noContactFor([c.lastContactAt], today, s) : null;
  if (quiet) types.push('no-contact');
  return { types, noContactDays: quiet?.days ?? null };
}

/** The n:th working day after a date: Mon–Fri, skipping Finnish public holidays, Midsummer Eve and Christmas Eve. */
export function addWorkingDays(isoDate: string, n: number): string {
  let d = isoDate;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

export const isOverdue = (task: { status: string; due: string }, today: string) => task.status === 'open' && task.due < today;

/** The deadline of a statutory rule for a trigger date. */
export function statutoryDeadline(rule: StatutoryDeadlineRule, triggerDate: string): string {
  if (rule.workingDays) return addWorkingDays(triggerDate, rule.workingDays);
  return addDays(triggerDate, rule.calendarDays ?? 0);
}

/** Whether the alert for a deadline is due (within the warning window or passed). */
export const deadlineAlertDue = (deadline: string, today: string, warnDaysBefore: number) => daysBetween(today, deadline) <= warnDaysBefore;

export interface FollowUpSuggestion {
  kind: 'follow-up-call' | 'plan-check' | 'regular-contact';
  due: string;
  title: { fi: string; sv: string; en: string };
}

/**
 * "Varmista ja seuraa": what follow-up the level of guidance suggests. After advice a follow-up
 * call; client guidance follows the plan (a check after the action's due date); intensive case
 * management expects frequent contact.
 */
export function suggestFollowUp(level: GuidanceLevel, from: string, s: FollowupSettings): FollowUpSuggestion {
  if (level === 'neuvonta-ja-ohjaus') {
    return {
      kind: 'follow-up-call',
      due: addDays(from, s.adviceFollowUpCallDays),
      title: { fi: 'Seurantasoitto: toteutuiko sovittu?', sv: 'Uppföljningssamtal: blev det som avtalats?', en: 'Follow-up call: did what was agreed happen?' },
    };
  }
  if (level === 'asiakasohjaus') {
    return {
      kind: 'plan-check',
      due: addDays(from, s.guidanceCheckAfterActionDays),
      title: { fi: 'Tarkista, käynnistyikö suunnitelman toimenpide', sv: 'Kontrollera att planens åtgärd har kommit igång', en: 'Check that the plan action started' },
    };
  }
  return {
    kind: 'regular-contact',
    due: addDays(from, Math.max(1, Math.floor(s.intensiveContactDays / 2))),
    title: { fi: 'Yhteydenotto asiakkaaseen (tiivis palveluohjaus)', sv: 'Kontakt med klienten (intensiv servicehandledning)', en: 'Contact the client (intensive case management)' },
  };
}

/** Stuck referral: not received / not accepted within the time limits. */
export function referralStuck(
  r: { status: string; statusChangedDate: string },
  today: string,
  limits: { notReceivedDays: number; notAcceptedDays: number },
): 'not-received' | 'not-accepted' | null {
  const age = daysBetween(r.statusChangedDate, today);
  if (r.status === 'requested' && age > limits.notReceivedDays) return 'not-received';
  if (r.status === 'received' && age > limits.notAcceptedDays) return 'not-accepted';
  return null;
}

/** Order of alerts in the today view: the most urgent kinds first, then the oldest. */
const ALERT_ORDER: Record<AlertType, number> = {
  'statutory-deadline': 0,
  'referral-stuck': 1,
  'no-contact': 2,
  'task-overdue': 3,
  'plan-review-overdue': 4,
  'caseload-over-limit': 5,
};
export function byUrgency<T extends { type: AlertType; since?: string | null }>(a: T, b: T): number {
  return ALERT_ORDER[a.type] - ALERT_ORDER[b.type] || (a.since ?? '').localeCompare(b.since ?? '');
}
