import { describe, expect, it } from 'vitest';
import { compareInbox, concernProblem, initialStatus } from './concerns.rules.js';

describe('concern routes', () => {
  it('requires the advice given when the concern is closed with advice', () => {
    expect(concernProblem({ route: 'advice', consentGiven: false }, false)).toBe('advice-missing');
    expect(concernProblem({ route: 'advice', consentGiven: false, adviceGiven: 'Ohjattiin velkaneuvontaan' }, false)).toBeNull();
  });
  it('requires consent for an SHL 35 § contact with consent, a reason without it', () => {
    expect(concernProblem({ route: 'shl35-consent', consentGiven: false }, false)).toBe('consent-missing');
    expect(concernProblem({ route: 'shl35-duty', consentGiven: false, dutyReason: '  ' }, false)).toBe('duty-reason-missing');
    expect(concernProblem({ route: 'shl35-duty', consentGiven: false, dutyReason: 'Ilmeinen avun tarve, ei kykene huolehtimaan itsestään' }, false)).toBeNull();
  });
  it('accepts a child-protection notification only for a child', () => {
    expect(concernProblem({ route: 'child-protection', consentGiven: false }, false)).toBe('not-a-child');
    expect(concernProblem({ route: 'child-protection', consentGiven: false }, true)).toBeNull();
  });
  it('closes advice at once and sends the others to social services', () => {
    expect(initialStatus('advice')).toBe('closed');
    expect(initialStatus('child-protection')).toBe('sent');
  });
  it('orders the inbox urgent first, then oldest first, handled ones last', () => {
    const items = [
      { id: 'a', urgency: 'low' as const, at: '2026-11-01', status: 'sent' as const },
      { id: 'b', urgency: 'urgent' as const, at: '2026-11-20', status: 'sent' as const },
      { id: 'c', urgency: 'normal' as const, at: '2026-11-10', status: 'sent' as const },
      { id: 'd', urgency: 'urgent' as const, at: '2026-11-05', status: 'received' as const },
      { id: 'e', urgency: 'urgent' as const, at: '2026-11-19', status: 'sent' as const },
    ];
    expect(items.sort(compareInbox).map((i) => i.id)).toEqual(['e', 'b', 'c', 'a', 'd']);
  });
});
