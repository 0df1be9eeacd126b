import { describe, expect, it } from 'vitest';
import { clientChecklist, decisionProblems, DEFAULT_AGENDA, meetingPhase } from './meetings.rules.js';

describe('network meeting rules', () => {
  it('has the seed agenda in every language, starting from the client and ending with the checklist', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) expect(DEFAULT_AGENDA[lang]).toHaveLength(DEFAULT_AGENDA.fi.length);
    expect(DEFAULT_AGENDA.fi[0]).toMatch(/aloitetaan asiakkaasta/);
    expect(DEFAULT_AGENDA.fi.at(-1)).toMatch(/Muistilista/);
  });

  it('requires a responsible person and a due date not before the meeting', () => {
    expect(decisionProblems({ what: 'x', responsibleName: 'Anni', due: '2026-11-25' }, '2026-11-25')).toEqual([]);
    expect(decisionProblems({ what: 'x', responsibleName: '  ', due: '2026-11-24' }, '2026-11-25')).toEqual(['responsible', 'due']);
    expect(decisionProblems({ what: 'x', responsibleUserId: 'u', due: '2026-11-26' }, '2026-11-25')).toEqual([]);
  });

  it("puts the client's own tasks first in the checklist, then others by date", () => {
    const list = clientChecklist(
      [
        { what: 'Soita Kelaan', ownerName: 'Olli', due: '2026-11-30', isClient: false },
        { what: 'Hae lomake', ownerName: 'Anni', due: '2026-12-05', isClient: true },
        { what: 'Varaa aika', ownerName: 'Leena', due: '2026-11-26', isClient: false },
      ],
      ['Soita, jos huolestuttaa', ' '],
    );
    expect(list).toEqual([
      'Hae lomake – sinä, 5.12.2026 mennessä',
      'Varaa aika – Leena, 26.11.2026 mennessä',
      'Soita Kelaan – Olli, 30.11.2026 mennessä',
      'Soita, jos huolestuttaa',
    ]);
  });

  it('places a first held meeting in assessment and later ones in follow-up', () => {
    expect(meetingPhase('held', false)).toBe('assessment');
    expect(meetingPhase('held', true)).toBe('follow-up');
  });
});
