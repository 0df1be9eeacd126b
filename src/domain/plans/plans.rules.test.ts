import { describe, expect, it } from 'vitest';
import { PlanContent } from '../../contracts/plans.contracts.js';
import { actionsEndingBeforeStart, changedFields, commitmentStates, isStale, nextSteps, participantsOf, planVersionPhase, viewsDiffer } from './plans.rules.js';
import { toWinAnsi } from './plans.pdf.js';

const content = (over: Record<string, unknown> = {}) => PlanContent.parse({ situationSummary: 'S', ...over });

describe('plan rules', () => {
  it('names exactly the fields an edit changed', () => {
    const a = content({ goals: { shortTerm: ['x'] } });
    expect(changedFields(a, a)).toEqual([]);
    expect(changedFields(a, content({ goals: { shortTerm: ['y'] }, reviewDate: '2027-01-01' }))).toEqual(['goals', 'reviewDate']);
    expect(changedFields(null, a)).toHaveLength(9);
  });

  it('treats any other version than the current one as stale', () => {
    expect(isStale(3, 3)).toBe(false);
    expect(isStale(3, 2)).toBe(true);
    expect(isStale(3, 4)).toBe(true);
  });

  it('puts the first version in planning and later ones in follow-up', () => {
    expect(planVersionPhase(1)).toBe('assessment');
    expect(planVersionPhase(2)).toBe('follow-up');
  });

  it('lists each responsible actor once and marks confirmations of older versions outdated', () => {
    const org = (id: string, name: string) => ({ responsible: { kind: 'organization' as const, organizationId: id, organizationName: name, sector: null, userId: null, name: null, phone: null } });
    const people = participantsOf({ organization: { id: 'k', name: 'Keusote' }, actions: [org('k', 'Keusote'), org('l', 'Lähitori'), { responsible: { ...org('x', '').responsible, kind: 'close-one', name: 'Liisa' } }] }, 'Anni');
    expect(people.map((p) => p.key)).toEqual(['client', 'org:k', 'org:l', 'close-one:Liisa']);
    const states = commitmentStates(people, [
      { participantKey: 'org:k', confirmedVersion: 3, confirmedByName: 'O', confirmedAt: 'x' },
      { participantKey: 'org:l', confirmedVersion: 2, confirmedByName: 'L', confirmedAt: 'x' },
    ], 3);
    expect(states.map((s) => s.state)).toEqual(['pending', 'confirmed', 'outdated', 'pending']);
  });

  it('shows both views only when both are written and differ', () => {
    expect(viewsDiffer('Haluan töihin', ' haluan   TÖIHIN ')).toBe(false);
    expect(viewsDiffer('Haluan töihin', '')).toBe(false);
    expect(viewsDiffer('Haluan töihin', 'Ensin koulutus')).toBe(true);
  });

  it('gives open actions as next steps, soonest first, undated last', () => {
    const a = (due: string | null, status: 'planned' | 'done' | 'in-progress' | 'not-done') => ({ due, startsAt: null, status });
    expect(nextSteps([a(null, 'planned'), a('2027-01-01', 'planned'), a('2026-12-01', 'done'), a('2026-12-15', 'in-progress')]).map((x) => x.due)).toEqual([
      '2026-12-15',
      '2027-01-01',
      null,
    ]);
  });

  it('finds actions that end before they start', () => {
    expect(actionsEndingBeforeStart([{ startsAt: '2026-02-01', due: '2026-01-01' }, { startsAt: '2026-01-01', due: '2026-01-01' }])).toEqual([0]);
  });

  it('keeps Finnish and Swedish letters for the PDF font and marks what it cannot draw', () => {
    expect(toWinAnsi('Åsa, Äiti, Öljy – ”lainaus” €')).toBe('Åsa, Äiti, Öljy – ”lainaus” €');
    expect(toWinAnsi('محمد')).toBe('????');
  });
});
