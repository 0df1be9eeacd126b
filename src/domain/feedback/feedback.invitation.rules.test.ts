import { describe, expect, it } from 'vitest';
import { questionnaireFor, respondentFor } from './feedback.invitation.rules.js';

describe('feedback invitation rules', () => {
  it('asks about NGO-led guidance when an NGO held the relationship, whatever its level', () => {
    expect(questionnaireFor('ngo', 'intensiivinen-palveluohjaus')).toBe('ngo');
  });
  it('asks about intensive guidance at the intensive level and preventive guidance otherwise', () => {
    expect(questionnaireFor('wellbeing-county', 'intensiivinen-palveluohjaus')).toBe('intensive');
    expect(questionnaireFor('wellbeing-county', 'asiakasohjaus')).toBe('preventive');
    expect(questionnaireFor('municipality', null)).toBe('preventive');
  });
  it('maps roles to respondent groups and gives admins none', () => {
    expect(respondentFor('client')).toBe('client');
    expect(respondentFor('manager')).toBe('manager');
    expect(respondentFor('social-worker')).toBe('professional');
    expect(respondentFor('admin')).toBeNull();
  });
});
