import { describe, expect, it } from 'vitest';
import { canClientConfirm, missingSteps } from './handover.rules.js';

describe('warm handover steps', () => {
  it('lists what is missing and lets the client confirm last', () => {
    const open = { status: 'open' as const, jointMeetingHeldAt: null, clientConfirmedAt: null, referralStatus: 'requested' };
    expect(missingSteps(open)).toEqual(['joint-meeting', 'receiver-acceptance', 'client-confirmation']);
    expect(canClientConfirm(open)).toBe(false);
    const ready = { ...open, jointMeetingHeldAt: new Date(), referralStatus: 'accepted' };
    expect(canClientConfirm(ready)).toBe(true);
    expect(missingSteps({ ...ready, clientConfirmedAt: new Date() })).toEqual([]);
  });
});
