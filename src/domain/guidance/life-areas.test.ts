import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIFE_AREAS,
  DEFAULT_LIFE_AREA_KEYS,
  SELF_ASSESSMENT_SCALE,
  lifeSituationFromSelfAssessment,
  lowLifeAreas,
  scoreToSelfAssessment,
  selfAssessmentToScore,
  validateLifeAreas,
} from './life-areas.js';

describe('default life areas (3X10D)', () => {
  it('are the ten 3X10D keys in order, with fi/sv/en labels and questions', () => {
    expect(DEFAULT_LIFE_AREAS.map((a) => a.key)).toEqual([...DEFAULT_LIFE_AREA_KEYS]);
    expect(DEFAULT_LIFE_AREA_KEYS).toHaveLength(10);
    for (const a of DEFAULT_LIFE_AREAS) {
      for (const t of [a.label, a.question]) expect(t.fi && t.sv && t.en).toBeTruthy();
      expect(a.needTags.length).toBeGreaterThan(0);
    }
    expect(validateLifeAreas(DEFAULT_LIFE_AREAS)).toEqual([]);
  });
  it('validation finds duplicate keys and missing labels', () => {
    const a = DEFAULT_LIFE_AREAS[0]!;
    expect(validateLifeAreas([a, { ...a, label: { ...a.label, fi: '' } }])).toEqual([
      'duplicate key health',
      'health: Finnish label missing',
    ]);
  });
});

describe('"Mitä sinulle kuuluu?" scale', () => {
  it('has the seed labels, 5 = fully satisfied … 1 = difficulties and need help', () => {
    expect(SELF_ASSESSMENT_SCALE.map((s) => s.value)).toEqual([5, 4, 3, 2, 1]);
    expect(SELF_ASSESSMENT_SCALE[0]!.label.fi).toBe('Olen täysin tyytyväinen tilanteeseeni');
    expect(SELF_ASSESSMENT_SCALE[4]!.label.fi).toBe('Minulla on vaikeuksia ja tarvitsen apua');
  });
  it('converts 1–5 to 0–10 linearly and back', () => {
    expect([1, 2, 3, 4, 5].map((v) => selfAssessmentToScore(v as 1))).toEqual([0, 2.5, 5, 7.5, 10]);
    for (const v of [1, 2, 3, 4, 5] as const) expect(scoreToSelfAssessment(selfAssessmentToScore(v))).toBe(v);
    expect(scoreToSelfAssessment(0.9)).toBe(1);
    expect(scoreToSelfAssessment(1.3)).toBe(2);
    expect(scoreToSelfAssessment(6)).toBe(3);
  });
  it('rejects values outside the scales', () => {
    expect(() => selfAssessmentToScore(0 as 1)).toThrow(RangeError);
    expect(() => scoreToSelfAssessment(11)).toThrow(RangeError);
  });
  it('1 and 2 are low areas, 3 is not', () => {
    const situation = lifeSituationFromSelfAssessment({ finance: 1, friends: 2, housing: 3, health: null });
    expect(situation).toEqual({ finance: 0, friends: 2.5, housing: 5 });
    expect(lowLifeAreas(situation).map((a) => a.area.key)).toEqual(['finance', 'friends']);
  });
});

describe('lowLifeAreas', () => {
  it('lists areas ≤ 4 lowest first and ignores invalid or unknown keys', () => {
    const low = lowLifeAreas({ housing: 4, finance: 1, health: 4.5, friends: -3, unknown: 0 });
    expect(low.map((a) => [a.area.key, a.score])).toEqual([['finance', 1], ['housing', 4]]);
  });
  it('works with a configured list of areas', () => {
    const areas = [{ ...DEFAULT_LIFE_AREAS[0]!, key: 'substances' }];
    expect(lowLifeAreas({ substances: 2, health: 0 }, areas).map((a) => a.area.key)).toEqual(['substances']);
  });
});
