import type { Tx } from '../../db/schema.js';
import type { DemoContext } from '../../db/demo/context.js';
import { itemsFor } from './feedback.rules.js';
import { insertResponse } from './feedback.repository.js';
import { QUESTIONNAIRES } from './questionnaires.data.js';
import type { QuestionnaireId, Respondent } from './questionnaires.types.js';

/**
 * How many demo answers each part gets per respondent group. Chosen so that most parts show on the
 * first start and some stay under five and are hidden (digital client feedback, NGO self-assessments,
 * managers outside the county's own guidance), which is what a manager sees in real life too.
 */
const PLAN: Record<QuestionnaireId, Record<Respondent, number>> = {
  preventive: { client: 14, professional: 7, manager: 5 },
  intensive: { client: 9, professional: 6, manager: 5 },
  ngo: { client: 6, professional: 4, manager: 2 },
  digital: { client: 3, professional: 5, manager: 2 },
};
const UNIT_OF: Record<QuestionnaireId, [org: string, unit: string | null]> = {
  preventive: ['keusote', 'asiakasohjaus'],
  intensive: ['keusote', 'aikuissosiaalityo'],
  ngo: ['lahitori', 'palveluneuvonta'],
  digital: ['keusote', 'asiakasohjaus'],
};
const CLIENT_GROUPS = ['working-age', 'older-people', 'children-youth-families', 'working-age'] as const;

/** A small deterministic generator so every demo start shows the same scores. */
function ratings(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export async function seedFeedback(tx: Tx, ctx: DemoContext) {
  let n = 0;
  for (const q of QUESTIONNAIRES) {
    const [orgKey, unitKey] = UNIT_OF[q.id];
    const org = ctx.orgs.get(orgKey);
    if (!org) continue;
    const unitId = unitKey ? (ctx.units.get(`${orgKey}/${unitKey}`) ?? null) : null;
    for (const respondent of ['client', 'professional', 'manager'] as const) {
      const items = itemsFor(q, respondent);
      for (let i = 0; i < PLAN[q.id][respondent]; i++) {
        const rnd = ratings(++n * 7919);
        // Follow-up items score lower: the seed's point that follow-up is the weak spot of the chain.
        const answers = items
          .filter(() => rnd() > 0.1)
          .map((item, k): [string, number] => {
            const base = item.group === 'follow-up' ? 2.6 : item.group === 'encounter' ? 3.9 : 3.4;
            return [item.id, Math.max(1, Math.min(5, Math.round(base + (rnd() - 0.5) * 2.4 + (k % 3 === 0 ? 0.3 : 0))))];
          });
        if (answers.length === 0) continue;
        const day = new Date(ctx.today.getTime() - (5 + ((n * 37) % 170)) * 86_400_000).toISOString().slice(0, 10);
        await insertResponse(tx, {
          countyCode: ctx.countyCode, organizationId: org.id, unitId, questionnaireId: q.id, respondent,
          clientGroup: respondent === 'client' ? (CLIENT_GROUPS[i % CLIENT_GROUPS.length] ?? null) : null, submittedOn: day,
        }, answers);
      }
    }
  }
}
