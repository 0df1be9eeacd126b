import { describe, expect, it } from 'vitest';
import {
  actionNeeded, checkTransition, nextStatuses, outcomeText, planActionOutcome, REFERRAL_STATUSES, sidesOf, STATUS_SETTER, stuckReason, TERMINAL_STATUSES,
} from './referrals.rules.js';

describe('referral status machine (Gravity SDOH Task statuses)', () => {
  it('follows draft → requested → received → accepted | rejected, accepted → in-progress ⇄ on-hold → completed | failed', () => {
    expect(nextStatuses('draft')).toEqual(['requested', 'cancelled']);
    expect(nextStatuses('requested')).toEqual(['received', 'cancelled']);
    expect(nextStatuses('received')).toEqual(['accepted', 'rejected', 'cancelled']);
    expect(nextStatuses('accepted')).toEqual(['in-progress', 'cancelled']);
    expect(nextStatuses('in-progress')).toContain('on-hold');
    expect(nextStatuses('on-hold')).toContain('in-progress');
    for (const s of TERMINAL_STATUSES) expect(nextStatuses(s)).toEqual([]);
  });

  it('lets the sender only draft, request and cancel, and the receiver everything else', () => {
    const senderSets = REFERRAL_STATUSES.filter((s) => STATUS_SETTER[s] === 'sender');
    expect(senderSets).toEqual(['draft', 'requested', 'cancelled']);
    expect(checkTransition(['sender'], 'received', 'accepted')).toEqual({ ok: false, error: 'forbidden' });
    expect(checkTransition(['receiver'], 'requested', 'cancelled')).toEqual({ ok: false, error: 'forbidden' });
  });

  it('checks side before the machine, and the reason last', () => {
    expect(checkTransition(['receiver'], 'requested', 'completed')).toEqual({ ok: false, error: 'invalid_transition' });
    expect(checkTransition(['receiver'], 'received', 'rejected', ' ')).toEqual({ ok: false, error: 'reason_required' });
    expect(checkTransition(['receiver'], 'received', 'rejected', 'Ei tilaa')).toEqual({ ok: true });
  });

  it('makes the sender the recording receiver when the provider is outside Polku', () => {
    expect(sidesOf('a', { fromOrganizationId: 'a', toOrganizationId: null, outsideSystem: true })).toEqual(['sender', 'receiver']);
    expect(sidesOf('a', { fromOrganizationId: 'a', toOrganizationId: 'b', outsideSystem: false })).toEqual(['sender']);
    expect(sidesOf('c', { fromOrganizationId: 'a', toOrganizationId: 'b', outsideSystem: false })).toEqual([]);
  });

  it('flags stuck referrals by the time limits and says what action is needed', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const limits = { notReceivedDays: 3, notAcceptedDays: 7 };
    expect(stuckReason('requested', daysAgo(2), now, limits)).toBeNull();
    expect(stuckReason('requested', daysAgo(3), now, limits)).toBe('not-received');
    expect(stuckReason('received', daysAgo(8), now, limits)).toBe('not-accepted');
    expect(stuckReason('accepted', daysAgo(80), now, limits)).toBeNull();
    expect(actionNeeded(['receiver'], 'requested', false)).toBe('receive');
    expect(actionNeeded(['sender'], 'requested', true)).toBe('follow-up');
    expect(actionNeeded(['sender'], 'in-progress', false)).toBeNull();
  });
});

describe('a referral outcome on the plan action it came from', () => {
  it('is done when completed, not done when failed or rejected, and nothing while the referral is open or cancelled', () => {
    const outcomes = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, planActionOutcome(s)]));
    expect(outcomes).toEqual({
      draft: null, requested: null, received: null, accepted: null, rejected: 'not-done', 'in-progress': null,
      'on-hold': null, completed: 'done', failed: 'not-done', cancelled: null,
    });
  });

  it('says what happened, where, and why when a reason was given', () => {
    expect(outcomeText('failed', 'Vertaisryhmä', 'Lähitori', 'Asiakas lopetti')).toBe('Palvelu keskeytyi: Vertaisryhmä (Lähitori). Asiakas lopetti');
    expect(outcomeText('completed', 'Vertaisryhmä', 'Lähitori', null)).toBe('Palvelu päättyi: tavoite saavutettu: Vertaisryhmä (Lähitori)');
  });
});
