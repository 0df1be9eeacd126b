import { describe, expect, test } from 'vitest';
import type { ActionInput } from '../../../contracts/plans.contracts.js';
import { mergePlanForm, type PlanForm } from './plan-form.js';

const action = (id: string | undefined, title: string, patch: Partial<ActionInput> = {}): ActionInput => ({
  ...(id ? { id } : {}),
  title,
  responsible: { kind: 'client' },
  startsAt: null,
  due: null,
  status: 'planned',
  indicator: null,
  serviceId: null,
  serviceName: null,
  outcome: null,
  ...patch,
} as ActionInput);

const base: PlanForm = {
  version: 2,
  situationSummary: 'Asuu yksin.',
  clientOwnGoals: 'Pärjätä kotona.',
  shortGoals: 'Kotihoidon arviointi',
  longGoals: '',
  actions: [action('a1', 'Kotihoidon arviointijakso'), action('a2', 'Fysioterapia')],
  services: [],
  linkedPlans: [],
  reviewDate: '2027-01-15',
  clientView: '',
  professionalView: '',
};

describe('merging a plan draft onto a version saved meanwhile', () => {
  test('each side keeps what only it changed; the version is the latest', () => {
    const mine = { ...base, clientView: 'Haluan asua kotona.', actions: [base.actions[0]!, { ...base.actions[1]!, due: '2027-02-01' }] };
    // A referral outcome written onto action a1 by the server, and a new review date by a colleague.
    const theirs = { ...base, version: 3, reviewDate: '2027-02-01', actions: [{ ...base.actions[0]!, status: 'done', outcome: 'Palvelu alkoi' } as ActionInput, base.actions[1]!] };
    const { form, conflicts } = mergePlanForm(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(form.version).toBe(3);
    expect(form.clientView).toBe('Haluan asua kotona.');
    expect(form.reviewDate).toBe('2027-02-01');
    expect(form.actions.map((a) => [a.id, a.status, a.outcome, a.due])).toEqual([
      ['a1', 'done', 'Palvelu alkoi', null],
      ['a2', 'planned', null, '2027-02-01'],
    ]);
  });

  test('both changed the same field: the draft text stays and the field is flagged', () => {
    const mine = { ...base, situationSummary: 'Asuu yksin, tytär käy viikoittain.', actions: [{ ...base.actions[0]!, title: 'Arviointijakso kotona' }, base.actions[1]!] };
    const theirs = { ...base, version: 3, situationSummary: 'Asuu yksin; kaatuili syksyllä.', actions: [{ ...base.actions[0]!, title: 'Kotihoidon arviointi (4 vk)' }, base.actions[1]!] };
    const { form, conflicts } = mergePlanForm(base, mine, theirs);
    expect(form.situationSummary).toBe('Asuu yksin, tytär käy viikoittain.');
    expect(form.actions[0]!.title).toBe('Arviointijakso kotona');
    expect(conflicts).toEqual([{ field: 'situationSummary' }, { field: 'actions', action: 'Arviointijakso kotona' }]);
  });

  test('new actions of both sides are kept; removals survive unless the other side changed the action', () => {
    const mine = { ...base, actions: [base.actions[0]!, action(undefined, 'Tasapainoryhmä')] }; // removed a2, added one
    const theirs = { ...base, version: 3, actions: [...base.actions, action('a3', 'Kulttuuriluotsi')] };
    const { form, conflicts } = mergePlanForm(base, mine, theirs);
    expect(form.actions.map((a) => a.title)).toEqual(['Kotihoidon arviointijakso', 'Kulttuuriluotsi', 'Tasapainoryhmä']);
    expect(conflicts).toEqual([]);

    const changedMeanwhile = { ...theirs, actions: [base.actions[0]!, { ...base.actions[1]!, status: 'done' } as ActionInput] };
    const again = mergePlanForm(base, mine, changedMeanwhile);
    expect(again.form.actions.map((a) => a.title)).toEqual(['Kotihoidon arviointijakso', 'Fysioterapia', 'Tasapainoryhmä']);
    expect(again.conflicts).toEqual([{ field: 'actions', action: 'Fysioterapia' }]);
  });

  test('an action the other side removed comes back as new only if this worker had changed it', () => {
    const theirs = { ...base, version: 3, actions: [base.actions[0]!] };
    expect(mergePlanForm(base, base, theirs).form.actions.map((a) => a.id)).toEqual(['a1']);
    const mine = { ...base, actions: [base.actions[0]!, { ...base.actions[1]!, indicator: 'Kävelee 500 m' }] };
    const { form, conflicts } = mergePlanForm(base, mine, theirs);
    expect(form.actions.map((a) => [a.id, a.title])).toEqual([['a1', 'Kotihoidon arviointijakso'], [undefined, 'Fysioterapia']]);
    expect(conflicts).toEqual([{ field: 'actions', action: 'Fysioterapia' }]);
  });
});
