import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  byUrgency,
  deadlineAlertDue,
  DEFAULT_FOLLOWUP_SETTINGS,
  finnishDate,
  isOverdue,
  mergeSettings,
  referralStuck,
  statutoryDeadline,
  suggestFollowUp,
} from './followup.rules.js';

describe('follow-up rules', () => {
  it('uses the Finnish calendar date, not UTC', () => {
    expect(finnishDate(new Date('2026-11-22T22:30:00Z'))).toBe('2026-11-23');
  });

  it('counts working days over a weekend (SHL 36 §: 7th working day)', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-23', 7)).toBe('2026-12-02');
    const rule = DEFAULT_FOLLOWUP_SETTINGS.statutoryDeadlines[0]!;
    expect(statutoryDeadline(rule, '2026-11-20')).toBe('2026-12-01');
  });

  it('raises a deadline alert inside the warning window and after it has passed', () => {
    expect(deadlineAlertDue('2026-12-01', '2026-11-27', 3)).toBe(false);
    expect(deadlineAlertDue('2026-12-01', '2026-11-28', 3)).toBe(true);
    expect(deadlineAlertDue('2026-12-01', '2026-12-05', 3)).toBe(true);
  });

  it('marks only open tasks with a past due date overdue', () => {
    expect(isOverdue({ status: 'open', due: '2026-11-21' }, '2026-11-22')).toBe(true);
    expect(isOverdue({ status: 'open', due: '2026-11-22' }, '2026-11-22')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-11-01' }, '2026-11-22')).toBe(false);
  });

  it('suggests follow-up by level: a call after advice, a plan check in guidance, frequent contact in intensive work', () => {
    const s = DEFAULT_FOLLOWUP_SETTINGS;
    expect(suggestFollowUp('neuvonta-ja-ohjaus', '2026-11-22', s)).toMatchObject({ kind: 'follow-up-call', due: '2026-12-06' });
    expect(suggestFollowUp('asiakasohjaus', '2026-11-22', s)).toMatchObject({ kind: 'plan-check', due: '2026-11-29' });
    expect(suggestFollowUp('intensiivinen-palveluohjaus', '2026-11-22', s)).toMatchObject({ kind: 'regular-contact', due: '2026-11-29' });
    expect(suggestFollowUp('neuvonta-ja-ohjaus', '2026-11-22', mergeSettings({ adviceFollowUpCallDays: 3 })).due).toBe('2026-11-25');
  });

  it('merges county and organisation overrides, ignoring nonsense values', () => {
    const s = mergeSettings({ intensiveCaseloadLimit: 35, intensiveContactDays: -1 }, { intensiveCaseloadLimit: 30 });
    expect(s.intensiveCaseloadLimit).toBe(30);
    expect(s.intensiveContactDays).toBe(DEFAULT_FOLLOWUP_SETTINGS.intensiveContactDays);
  });

  it('finds stuck referrals by status and age', () => {
    const limits = { notReceivedDays: 3, notAcceptedDays: 10 };
    expect(referralStuck({ status: 'requested', statusChangedDate: '2026-11-18' }, '2026-11-22', limits)).toBe('not-received');
    expect(referralStuck({ status: 'requested', statusChangedDate: '2026-11-20' }, '2026-11-22', limits)).toBeNull();
    expect(referralStuck({ status: 'received', statusChangedDate: '2026-11-01' }, '2026-11-22', limits)).toBe('not-accepted');
    expect(referralStuck({ status: 'accepted', statusChangedDate: '2026-01-01' }, '2026-11-22', limits)).toBeNull();
  });

  it('orders alerts statutory first, then by age', () => {
    const list = [
      { type: 'task-overdue' as const, since: '2026-11-01' },
      { type: 'statutory-deadline' as const, since: '2026-11-20' },
      { type: 'task-overdue' as const, since: '2026-10-01' },
    ].sort(byUrgency);
    expect(list.map((a) => `${a.type}:${a.since}`)).toEqual(['statutory-deadline:2026-11-20', 'task-overdue:2026-10-01', 'task-overdue:2026-11-01']);
  });
});
