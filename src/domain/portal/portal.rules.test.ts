import { describe, expect, it } from 'vitest';
import { describeAction, describeBasis, isClientsTask, isShownInAccessLog } from './portal.rules.js';

describe('portal rules', () => {
  it('tells in plain words what was done and on what basis', () => {
    expect(describeAction('plan.read', 'fi')).toBe('Katsoi tai muokkasi suunnitelmaasi');
    expect(describeAction('referral.status', 'en')).toBe('Handled your referral to a service');
    expect(describeAction('something.else', 'sv')).toBe('Behandlade dina uppgifter');
    expect(describeAction('handover.confirm', 'fi')).toBe('Käsitteli työntekijäsi vaihtoa (saattaen vaihto)');
    expect(describeAction('portal.handovers', 'en')).toBe('Viewed the change of your worker');
    expect(describeBasis('consent:referral', true, 'fi')).toBe('Suostumuksesi perusteella');
    expect(describeBasis('client-relationship', true, 'en')).toBe('You are their client');
    expect(describeBasis(null, false, 'fi')).toBe('Pääsy estettiin');
  });

  it("hides the client's own reading but shows everyone else's", () => {
    expect(isShownInAccessLog('self')).toBe(false);
    expect(isShownInAccessLog('client-relationship')).toBe(true);
    expect(isShownInAccessLog(null)).toBe(true);
  });

  it("recognises the client's tasks by login or by name, not a worker's", () => {
    const me = { userId: 'u1', fullName: 'Anni Virtanen' };
    expect(isClientsTask({ ownerUserId: 'u1', ownerName: 'Anni Virtanen' }, me)).toBe(true);
    expect(isClientsTask({ ownerUserId: null, ownerName: ' anni  virtanen ' }, me)).toBe(true);
    expect(isClientsTask({ ownerUserId: 'u2', ownerName: 'Anni Virtanen' }, me)).toBe(false);
    expect(isClientsTask({ ownerUserId: null, ownerName: 'Olli Ohjaaja' }, me)).toBe(false);
  });
});
