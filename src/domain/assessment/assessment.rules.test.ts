import { describe, expect, it } from 'vitest';
import { decisionProblem, movements, selfAssessmentChange, unknownAreaKeys } from './assessment.rules.js';

describe('self-assessment change', () => {
  it('compares the latest answers with the previous ones per area', () => {
    const change = selfAssessmentChange(
      [
        { at: '2026-05-01', answers: { housing: 1, finance: 2 } },
        { at: '2026-09-01', answers: { housing: 3, finance: 2, health: 4 } },
      ],
      ['housing', 'finance', 'health', 'friends'],
    );
    expect(change).toEqual([
      { key: 'housing', from: 1, to: 3, delta: 2 },
      { key: 'finance', from: 2, to: 2, delta: 0 },
      { key: 'health', from: null, to: 4, delta: null },
      { key: 'friends', from: null, to: null, delta: null },
    ]);
  });
  it('names answer keys that are not configured areas', () => {
    expect(unknownAreaKeys({ housing: 3, hosuing: 2 }, ['housing'])).toEqual(['hosuing']);
  });
});

describe('segment movement', () => {
  it('lists only re-assessments that changed segment or level', () => {
    const m = movements([
      { at: '1', segment: 'verkosto', level: 'intensiivinen-palveluohjaus' },
      { at: '2', segment: 'verkosto', level: 'intensiivinen-palveluohjaus' },
      { at: '3', segment: 'yhteiso', level: 'asiakasohjaus' },
    ]);
    expect(m).toEqual([{ at: '3', from: 'verkosto', to: 'yhteiso', levelFrom: 'intensiivinen-palveluohjaus', levelTo: 'asiakasohjaus' }]);
  });
});

describe('confirming or overriding the suggestion', () => {
  const base = { suggestedSegment: 'yhteiso', suggestedLevel: 'asiakasohjaus', segment: 'yhteiso', level: 'asiakasohjaus', specialSupportNeed: false, role: 'client-counsellor' } as const;
  it('confirms without a reason', () => expect(decisionProblem(base)).toBeNull());
  it('needs a reason to override the segment or the level', () => {
    expect(decisionProblem({ ...base, segment: 'verkosto' })).toBe('override-reason-missing');
    expect(decisionProblem({ ...base, level: 'intensiivinen-palveluohjaus', overrideReason: ' ' })).toBe('override-reason-missing');
    expect(decisionProblem({ ...base, level: 'intensiivinen-palveluohjaus', overrideReason: 'Useita toimijoita, tilanne muuttuu nopeasti' })).toBeNull();
  });
  it('lets only a social worker record a special support need', () => {
    expect(decisionProblem({ ...base, specialSupportNeed: true })).toBe('special-support-needs-social-worker');
    expect(decisionProblem({ ...base, specialSupportNeed: true, role: 'social-worker' })).toBeNull();
  });
});
