import type { ActionInput, Plan, ServiceInput, UpdatePlanRequest } from '../../../contracts/plans.contracts.js';
import type { LinkedPlanForm } from './linked-plans-editor.js';

/** The editor's working copy: lists as lines of text where a person writes them that way. */
export interface PlanForm {
  version: number;
  situationSummary: string;
  clientOwnGoals: string;
  shortGoals: string;
  longGoals: string;
  actions: ActionInput[];
  services: ServiceInput[];
  linkedPlans: LinkedPlanForm[];
  reviewDate: string;
  clientView: string;
  professionalView: string;
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

export function toForm(p: Plan): PlanForm {
  return {
    version: p.version,
    situationSummary: p.situationSummary,
    clientOwnGoals: p.clientOwnGoals,
    shortGoals: p.goals.filter((g) => g.term === 'short').map((g) => g.text).join('\n'),
    longGoals: p.goals.filter((g) => g.term === 'long').map((g) => g.text).join('\n'),
    actions: p.actions.map((a) => ({
      id: a.id,
      title: a.title,
      responsible:
        a.responsible.kind === 'organization'
          ? { kind: 'organization', organizationId: a.responsible.organizationId!, userId: a.responsible.userId }
          : a.responsible.kind === 'client'
            ? { kind: 'client' }
            : { kind: 'close-one', name: a.responsible.name ?? '' },
      startsAt: a.startsAt,
      due: a.due,
      status: a.status,
      indicator: a.indicator,
      serviceId: a.serviceId,
      serviceName: a.serviceName,
      outcome: a.outcome,
    })),
    services: p.services.map((s) => ({ serviceId: s.serviceId, name: s.name, providerName: s.providerName })),
    linkedPlans: p.linkedPlans.map((l) => ({ type: l.type, ownerOrganizationId: l.ownerOrganizationId, ownerName: l.ownerName, date: l.date, note: l.note })),
    reviewDate: p.reviewDate ?? '',
    clientView: p.clientView,
    professionalView: p.professionalView,
  };
}

/** Back to the API's shape. */
export function toRequest(f: PlanForm): UpdatePlanRequest {
  return {
    version: f.version,
    situationSummary: f.situationSummary,
    clientOwnGoals: f.clientOwnGoals,
    goals: { shortTerm: lines(f.shortGoals), longTerm: lines(f.longGoals) },
    actions: f.actions.map((a) => ({ ...a, startsAt: a.startsAt || null, due: a.due || null })),
    services: f.services,
    reviewDate: f.reviewDate || null,
    clientView: f.clientView,
    professionalView: f.professionalView,
    linkedPlans: f.linkedPlans.map((l) => ({ ...l, ownerName: l.ownerName.trim(), note: l.note?.trim() || null })),
  };
}
