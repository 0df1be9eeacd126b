import type { Tx } from '../../db/schema.js';
import type { ClientPlanView } from '../../contracts/plans.contracts.js';
import { requireClientAccess } from '../access/index.js';
import type { Actor } from '../identity/actor.js';
import { relationshipsOf } from '../relationships/index.js';
import { AppError, type Lang } from '../shared/errors.js';
import { buildClientVersion } from './plans.client-version.js';
import * as repo from './plans.repository.js';
import { loadPlan } from './plans.service.js';

/**
 * The client's version: the plan in plain language with whom to contact. The PDF is rendered from
 * it outside the transaction (action 'plan.pdf': printing is a disclosure of its own).
 */
export async function getClientPlanVersion(tx: Tx, actor: Actor, clientId: string, lang: Lang, action = 'plan.client-version'): Promise<ClientPlanView> {
  await requireClientAccess(tx, actor, clientId, { action, category: 'plan', resource: 'client_plans' });
  const planId = await repo.findPlanIdForClient(tx, clientId);
  if (!planId)
    throw new AppError(404, 'plan_not_found', {
      fi: 'Asiakkaalla ei ole vielä asiakassuunnitelmaa.',
      sv: 'Klienten har ännu ingen klientplan.',
      en: 'The client has no client plan yet.',
    });
  const plan = await loadPlan(tx, planId);
  const contacts = await relationshipsOf(tx, clientId);
  const names = await repo.clientNames(tx, plan.clientIds);
  return buildClientVersion(plan, contacts, plan.clientIds.map((id) => names.get(id) ?? '').join(', '), lang);
}
