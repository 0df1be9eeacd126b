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

/** Fields of the form merged one by one; `version` is always the latest's. */
const FIELDS = ['situationSummary', 'clientOwnGoals', 'shortGoals', 'longGoals', 'services', 'reviewDate', 'clientView', 'professionalView', 'linkedPlans'] as const;
export type MergedField = (typeof FIELDS)[number] | 'actions';

export interface PlanMerge {
  form: PlanForm;
  /** Fields both sides changed differently: the form keeps the worker's own text there, to be checked. */
  conflicts: { field: MergedField; action?: string }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Three-way choice of one value: whoever changed it from the base wins; both changed it → mine, flagged. */
function choose<T>(base: T, mine: T, theirs: T): { value: T; conflict: boolean } {
  if (same(mine, base)) return { value: theirs, conflict: false };
  if (same(theirs, base) || same(theirs, mine)) return { value: mine, conflict: false };
  return { value: mine, conflict: true };
}

/**
 * Someone else saved the plan while this worker was editing it — often not a person at all: a
 * referral's outcome is written onto its plan action as a new version (ADR 0820). Instead of
 * throwing the worker's edits away, the edits are replayed onto the latest version: a field (or a
 * field of one action) that only one side changed takes that side's value; where both changed the
 * same thing, the worker's own text stays and the field is listed for checking before saving again.
 * Actions are matched by id: new ones of either side are kept, and an action the other side removed
 * comes back only if this worker had changed it.
 */
export function mergePlanForm(base: PlanForm, mine: PlanForm, theirs: PlanForm): PlanMerge {
  const conflicts: PlanMerge['conflicts'] = [];
  const form = { ...theirs } as PlanForm;
  const out = form as unknown as Record<string, unknown>;
  for (const f of FIELDS) {
    const c = choose(base[f], mine[f], theirs[f]);
    out[f] = c.value;
    if (c.conflict) conflicts.push({ field: f });
  }
  const byId = (list: ActionInput[]) => new Map(list.filter((a) => a.id).map((a) => [a.id!, a]));
  const baseActions = byId(base.actions);
  const mineActions = byId(mine.actions);
  const theirActions = byId(theirs.actions);
  const actions: ActionInput[] = [];
  for (const t of theirs.actions) {
    const b = t.id ? baseActions.get(t.id) : undefined;
    const m = t.id ? mineActions.get(t.id) : undefined;
    if (!b) actions.push(t); // added by the other side
    else if (!m) {
      // Removed by this worker: stays removed unless the other side changed it meanwhile.
      if (!same(t, b)) {
        actions.push(t);
        conflicts.push({ field: 'actions', action: t.title });
      }
    } else {
      const merged = { ...t } as Record<string, unknown>;
      let conflict = false;
      for (const k of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)]) as Set<keyof ActionInput>) {
        const c = choose(b[k], m[k], t[k]);
        merged[k] = c.value;
        conflict ||= c.conflict;
      }
      actions.push(merged as unknown as ActionInput);
      if (conflict) conflicts.push({ field: 'actions', action: m.title });
    }
  }
  for (const m of mine.actions) {
    if (!m.id) actions.push(m); // new in this worker's draft
    else if (!theirActions.has(m.id) && baseActions.has(m.id) && !same(m, baseActions.get(m.id))) {
      // The other side removed an action this worker changed: kept as a new action, flagged.
      const { id: _removed, ...rest } = m;
      actions.push(rest);
      conflicts.push({ field: 'actions', action: m.title });
    }
  }
  form.actions = actions;
  form.version = theirs.version;
  return { form, conflicts };
}
