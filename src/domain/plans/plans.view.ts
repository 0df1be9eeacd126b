import type { ActionStatus, Plan, PlanAction, StatutoryPlanType } from '../../contracts/plans.contracts.js';
import type { PlanRows } from './plans.repository.js';
import { commitmentStates, participantsOf, reviewOverdue, viewsDiffer } from './plans.rules.js';

/** Database rows of one plan → the plan as the API shows it (row types never leave the domain). */
export function toPlanView(rows: PlanRows, clientLabel: string, today: string): Plan {
  const { plan } = rows;
  const actions: PlanAction[] = rows.actions.map((a) => ({
    id: a.id,
    title: a.title,
    responsible: {
      kind: a.responsible_kind,
      organizationId: a.responsible_organization_id,
      organizationName: a.organization_name,
      sector: a.organization_sector,
      userId: a.responsible_user_id,
      name: a.responsible_kind === 'client' ? clientLabel : (a.user_name ?? a.responsible_name),
      phone: a.user_phone,
    },
    startsAt: a.starts_at,
    due: a.due,
    status: a.status as ActionStatus,
    indicator: a.indicator,
    serviceId: a.service_id,
    serviceName: a.service_name,
    outcome: a.outcome,
  }));
  const organization = { id: plan.organization_id, name: plan.organization_name };
  const participants = participantsOf({ organization, actions }, clientLabel);
  const records = rows.commitments.map((c) => ({
    participantKey: c.participant_key,
    confirmedVersion: c.confirmed_version,
    confirmedByName: c.confirmed_by_name,
    confirmedAt: new Date(c.confirmed_at).toISOString(),
  }));
  return {
    id: plan.id,
    version: plan.version,
    scope: plan.scope,
    clientIds: rows.members,
    organization,
    situationSummary: plan.situation_summary,
    clientOwnGoals: plan.client_own_goals,
    goals: rows.goals.map((g) => ({ id: g.id, term: g.term, text: g.text })),
    actions,
    services: rows.services.map((s) => ({ id: s.id, serviceId: s.service_id, name: s.name, providerName: s.provider_name })),
    reviewDate: plan.review_date,
    reviewOverdue: reviewOverdue(plan.review_date, today),
    clientView: plan.client_view,
    professionalView: plan.professional_view,
    viewsDiffer: viewsDiffer(plan.client_view, plan.professional_view),
    linkedPlans: rows.linked.map((l) => ({
      id: l.id,
      type: l.type as StatutoryPlanType,
      ownerOrganizationId: l.owner_organization_id,
      ownerName: l.owner_name,
      date: l.plan_date,
      note: l.note,
    })),
    commitments: commitmentStates(participants, records, plan.version),
    updatedAt: new Date(plan.updated_at).toISOString(),
    updatedBy: plan.updated_by_name,
  };
}
