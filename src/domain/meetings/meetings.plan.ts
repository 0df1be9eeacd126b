/**
 * "Suunnitelma päivittyy päätöksistä": the decisions of a network meeting update the client's one
 * shared plan. A decision either links to an existing plan action or becomes a new plan action
 * (with its responsible and due date). New actions are written through the plans module's own
 * service (updatePlan), so the plan gets a new version with who and when, in the caller's transaction.
 */
import type { ActionInput, Plan, ResponsibleInput, UpdatePlanRequest } from '../../contracts/plans.contracts.js';
import type { Tx } from '../../db/schema.js';
import type { Actor } from '../identity/actor.js';
import { getPlan, updatePlan } from '../plans/index.js';
import { AppError } from '../shared/errors.js';

export interface NewPlanActionFromDecision {
  title: string;
  due: string;
  owner: { ownerUserId: string | null; ownerName: string; ownerOrganizationId: string | null };
}

/** The plan's current content in the shape updatePlan takes, keeping every id and status. */
export function planToUpdate(plan: Plan): UpdatePlanRequest {
  return {
    version: plan.version,
    situationSummary: plan.situationSummary,
    clientOwnGoals: plan.clientOwnGoals,
    goals: {
      shortTerm: plan.goals.filter((g) => g.term === 'short').map((g) => g.text),
      longTerm: plan.goals.filter((g) => g.term === 'long').map((g) => g.text),
    },
    actions: plan.actions.map((a) => ({
      id: a.id,
      title: a.title,
      responsible: responsibleInput(a.responsible),
      startsAt: a.startsAt,
      due: a.due,
      status: a.status,
      indicator: a.indicator,
      serviceId: a.serviceId,
      serviceName: a.serviceName,
      outcome: a.outcome,
    })),
    services: plan.services.map((s) => ({ serviceId: s.serviceId, name: s.name, providerName: s.providerName })),
    reviewDate: plan.reviewDate,
    clientView: plan.clientView,
    professionalView: plan.professionalView,
    linkedPlans: plan.linkedPlans.map((l) => ({ type: l.type, ownerOrganizationId: l.ownerOrganizationId, ownerName: l.ownerName, date: l.date, note: l.note })),
  };
}

function responsibleInput(r: Plan['actions'][number]['responsible']): ResponsibleInput {
  if (r.kind === 'organization' && r.organizationId) return { kind: 'organization', organizationId: r.organizationId, userId: r.userId, name: r.name };
  if (r.kind === 'close-one' && r.name) return { kind: 'close-one', name: r.name };
  return { kind: 'client' };
}

/**
 * Who is responsible for the new action: a named worker (their organisation), the client (a client
 * participant by name, or "asiakas"), a participant of an organisation by name, or else a close one.
 */
export function decisionResponsible(
  owner: NewPlanActionFromDecision['owner'],
  participants: readonly { name: string; kind: string; organization_id: string | null }[],
): ResponsibleInput {
  if (owner.ownerUserId && owner.ownerOrganizationId) return { kind: 'organization', organizationId: owner.ownerOrganizationId, userId: owner.ownerUserId, name: owner.ownerName };
  const norm = (s: string) => s.trim().toLocaleLowerCase('fi');
  const named = participants.find((p) => norm(p.name) === norm(owner.ownerName));
  if (norm(owner.ownerName) === 'asiakas' || named?.kind === 'client') return { kind: 'client' };
  if (named?.organization_id) return { kind: 'organization', organizationId: named.organization_id, userId: null, name: named.name };
  return { kind: 'close-one', name: owner.ownerName };
}

const noPlan = () =>
  new AppError(409, 'no_plan_for_decisions', {
    fi: 'Asiakkaalla ei ole vielä asiakassuunnitelmaa, joten tästä ei voi tehdä suunnitelman toimenpidettä. Laadi ensin suunnitelma tai poista valinta.',
    sv: 'Klienten har ännu ingen klientplan, så detta kan inte bli en åtgärd i planen. Gör först en plan eller ta bort valet.',
    en: 'The client has no client plan yet, so this cannot become a plan action. Make a plan first or clear the choice.',
  });

export interface NewPlanAction {
  title: string;
  due: string;
  responsible: ResponsibleInput;
  indicator?: string;
}

/**
 * Appends new actions to the client's plan through the plans module (updatePlan): one new plan
 * version with who and when, in the caller's transaction. Returns the new actions' ids in order,
 * and the new version. 409 when the client has no plan yet. Also used by school-absence steps.
 */
export async function appendPlanActions(tx: Tx, actor: Actor, clientId: string, added: readonly NewPlanAction[]): Promise<{ actionIds: string[]; version: number | null }> {
  if (added.length === 0) return { actionIds: [], version: null };
  const current = await getPlan(tx, actor, clientId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'plan_not_found') throw noPlan();
    throw e;
  });
  const before = new Set(current.actions.map((a) => a.id));
  const input = planToUpdate(current);
  const newActions: ActionInput[] = added.map((d) => ({ title: d.title, responsible: d.responsible, due: d.due, status: 'planned', indicator: d.indicator ?? '' }));
  const plan = await updatePlan(tx, actor, clientId, { ...input, actions: [...input.actions, ...newActions] });
  const fresh = plan.actions.filter((a) => !before.has(a.id));
  const actionIds = added.map((d) => {
    const i = fresh.findIndex((a) => a.title === d.title.trim() && a.due === d.due);
    const [hit] = fresh.splice(i >= 0 ? i : 0, 1);
    return hit!.id;
  });
  return { actionIds, version: plan.version };
}

/** The decisions of a meeting as new plan actions (what, responsible, due). */
export const addDecisionsToPlan = (
  tx: Tx,
  actor: Actor,
  clientId: string,
  added: readonly (NewPlanActionFromDecision & { responsible: ResponsibleInput })[],
) => appendPlanActions(tx, actor, clientId, added.map((d) => ({ title: d.title, due: d.due, responsible: d.responsible })));
