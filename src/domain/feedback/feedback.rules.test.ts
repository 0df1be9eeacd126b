import { describe, expect, it } from 'vitest';
import { aggregate, itemsFor, validateAnswers, type GroupAggregate, type QuestionnaireResponse } from './feedback.rules.js';
import { QUESTIONNAIRES, type Questionnaire } from './questionnaires.data.js';

const preventive = QUESTIONNAIRES.find((q) => q.id === 'preventive') as Questionnaire;

const clientResponse = (answers: Record<string, number | null>): QuestionnaireResponse => ({
  questionnaireId: 'preventive',
  respondent: 'client',
  answers,
});

const group = (parts: ReturnType<typeof aggregate>['parts'], groupId: string): GroupAggregate | undefined => {
  const part = parts.find((p) => p.questionnaireId === 'preventive');
  return part && !part.suppressed ? part.groups.find((g) => g.groupId === groupId) : undefined;
};

describe('itemsFor', () => {
  it('gives the client the six encounter items of the preventive part', () => {
    expect(itemsFor(preventive, 'client').map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `preventive.encounter.${n}`));
  });
});

describe('validateAnswers', () => {
  it('accepts ratings 1–5 and skipped items', () => {
    const result = validateAnswers(preventive, 'client', { 'preventive.encounter.1': 5, 'preventive.encounter.2': null });
    expect(result).toEqual({ valid: true, errors: [], answered: 1 });
  });

  it.each([0, 6, 2.5, '4', Number.NaN])('rejects the rating %s', (value) => {
    const result = validateAnswers(preventive, 'client', { 'preventive.encounter.1': value });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ itemId: 'preventive.encounter.1', code: 'invalid-rating' })]);
  });

  it('rejects items of another questionnaire or another respondent', () => {
    const result = validateAnswers(preventive, 'client', {
      'preventive.encounter.1': 4,
      'intensive.encounter.1': 4,
      'preventive.competence.1': 4,
    });
    expect(result.errors.map((e) => [e.itemId, e.code])).toEqual([
      ['intensive.encounter.1', 'unknown-item'],
      ['preventive.competence.1', 'not-for-respondent'],
    ]);
    expect(result.errors[1]?.message.fi).toBe('Tähän kysymykseen vastaa toinen vastaajaryhmä.');
  });

  it('needs at least one rating', () => {
    expect(validateAnswers(preventive, 'manager', { 'preventive.cooperation.1': null }).errors).toEqual([
      expect.objectContaining({ itemId: null, code: 'empty' }),
    ]);
    expect(validateAnswers(preventive, 'manager', {}).valid).toBe(false);
  });
});

describe('aggregate', () => {
  it('averages per item, group and part', () => {
    const responses = [1, 2, 3, 4, 5].map((v) => clientResponse({ 'preventive.encounter.1': v, 'preventive.encounter.2': 5 }));
    const { parts } = aggregate(responses);
    const preventivePart = parts.find((p) => p.questionnaireId === 'preventive');
    expect(preventivePart).toMatchObject({ suppressed: false, n: 5, mean: 4 });
    const encounter = group(parts, 'encounter');
    expect(encounter).toMatchObject({ suppressed: false, n: 5, mean: 4 });
    if (encounter?.suppressed !== false) throw new Error('expected a shown group');
    expect(encounter.items[0]).toEqual({
      itemId: 'preventive.encounter.1',
      respondent: 'client',
      suppressed: false,
      n: 5,
      mean: 3,
      distribution: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 },
    });
    expect(encounter.items[1]).toMatchObject({ suppressed: false, mean: 5 });
    expect(encounter.items[2]).toEqual({ itemId: 'preventive.encounter.3', respondent: 'client', suppressed: true });
  });

  it('suppresses a group of four without values or counts', () => {
    const responses = [1, 2, 3, 4].map((v) => clientResponse({ 'preventive.encounter.1': v }));
    const [preventivePart, ...others] = aggregate(responses).parts;
    expect(preventivePart).toEqual({ questionnaireId: 'preventive', suppressed: true });
    expect(others.every((p) => p.suppressed)).toBe(true);
  });

  it('suppresses a small group inside a large part and keeps it out of the part mean', () => {
    const clients = [4, 4, 4, 4, 4].map((v) => clientResponse({ 'preventive.encounter.1': v }));
    const managers: QuestionnaireResponse[] = [1, 1].map((v) => ({
      questionnaireId: 'preventive',
      respondent: 'manager',
      answers: { 'preventive.cooperation.1': v },
    }));
    const { parts } = aggregate([...clients, ...managers]);
    expect(parts[0]).toMatchObject({ suppressed: false, n: 7, mean: 4 });
    expect(group(parts, 'cooperation')).toEqual({ groupId: 'cooperation', suppressed: true });
  });

  it('does not let a hidden item be worked out from the group mean', () => {
    const responses = [1, 2, 3, 4, 5].map((v, i) =>
      clientResponse(i < 2 ? { 'preventive.encounter.1': 5, 'preventive.encounter.2': 1 } : { 'preventive.encounter.1': 5 }),
    );
    const encounter = group(aggregate(responses).parts, 'encounter');
    expect(encounter).toMatchObject({ suppressed: false, mean: 5 });
  });

  it('ignores answers the respondent may not give and invalid ratings', () => {
    const responses = [1, 2, 3, 4, 5].map(() =>
      clientResponse({ 'preventive.encounter.1': 4, 'preventive.competence.1': 1, 'preventive.encounter.2': 9 }),
    );
    const encounter = group(aggregate(responses).parts, 'encounter');
    expect(encounter).toMatchObject({ suppressed: false, mean: 4 });
    expect(group(aggregate(responses).parts, 'competence')).toEqual({ groupId: 'competence', suppressed: true });
  });

  it('uses a larger minimum group size when asked, and refuses a meaningless one', () => {
    const responses = [1, 2, 3, 4, 5].map((v) => clientResponse({ 'preventive.encounter.1': v }));
    expect(aggregate(responses, 10).parts[0]).toEqual({ questionnaireId: 'preventive', suppressed: true });
    expect(() => aggregate(responses, 0)).toThrow(RangeError);
  });
});
