/**
 * Pure decisions about the shared client plan (asiakassuunnitelma): what changed between
 * versions, who must confirm their commitment, whether views differ, what comes next.
 */
import type { Commitment, Plan, PlanAction, PlanContent } from '../../contracts/plans.contracts.js';
import type { PathPhase } from '../path/index.js';

/** The fields a version records as changed, in the order the editor shows them. */
export const PLAN_FIELDS = [
  'situationSummary',
  'clientOwnGoals',
  'goals',
  'actions',
  'services',
  'reviewDate',
  'clientView',
  'professionalView',
  'linkedPlans',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** The comparable content of a plan: what a version snapshot is diffed on. */
export function comparableContent(c: PlanContent | Plan): Record<PlanField, unknown> {
  const goals =
    'shortTerm' in c.goals
      ? { shortTerm: c.goals.shortTerm, longTerm: c.goals.longTerm }
      : {
          shortTerm: c.goals.filter((g) => g.term === 'short').map((g) => g.text),
          longTerm: c.goals.filter((g) => g.term === 'long').map((g) => g.text),
        };
  return {
    situationSummary: c.situationSummary,
    clientOwnGoals: c.clientOwnGoals,
    goals,
    actions: c.actions.map((a) => ({
      title: a.title,
      responsible: responsibleKey(a.responsible),
      startsAt: a.startsAt ?? null,
      due: a.due ?? null,
      status: a.status,
      indicator: a.indicator,
      service: a.serviceName ?? null,
      outcome: a.outcome ?? null,
    })),
    services: c.services.map((s) => s.name),
    reviewDate: c.reviewDate ?? null,
    clientView: c.clientView,
    professionalView: c.professionalView,
    linkedPlans: c.linkedPlans.map((l) => ({ type: l.type, owner: l.ownerName, date: l.date, note: l.note ?? null })),
  };
}

/** Names of the fields that differ; an empty list means the edit changes nothing. */
export function changedFields(before: PlanContent | Plan | null, after: PlanContent | Plan): PlanField[] {
  const b = before ? comparableContent(before) : null;
  const a = comparableContent(after);
  return PLAN_FIELDS.filter((f) => !b || JSON.stringify(b[f]) !== JSON.stringify(a[f]));
}

/** Optimistic concurrency: an edit must start from the version that is current now. */
export const isStale = (currentVersion: number, editedVersion: number) => currentVersion !== editedVersion;

/** The first version is planning; later ones update the plan during follow-up (PAKU step 5). */
export const planVersionPhase = (version: number): PathPhase => (version === 1 ? 'assessment' : 'follow-up');

interface ResponsibleLike {
  kind: 'organization' | 'client' | 'close-one';
  organizationId?: string | null;
  name?: string | null;
}

/** The participant a responsible actor confirms as: one organisation confirms for all its people. */
export function responsibleKey(r: ResponsibleLike): string {
  if (r.kind === 'organization') return `org:${r.organizationId}`;
  if (r.kind === 'client') return 'client';
  return `close-one:${(r.name ?? '').trim()}`;
}

export interface Participant {
  key: string;
  label: string;
}

/**
 * Everyone who has a part in the plan: the client, the plan's holding organisation, and every
 * organisation and close one responsible for an action. Each confirms its commitment.
 */
export function participantsOf(
  plan: { organization: { id: string; name: string }; actions: Pick<PlanAction, 'responsible'>[] },
  clientLabel: string,
): Participant[] {
  const out = new Map<string, string>([
    ['client', clientLabel],
    [`org:${plan.organization.id}`, plan.organization.name],
  ]);
  for (const { responsible: r } of plan.actions) {
    const key = responsibleKey(r);
    if (!out.has(key)) out.set(key, r.kind === 'organization' ? (r.organizationName ?? '') : (r.name ?? ''));
  }
  return [...out].map(([key, label]) => ({ key, label }));
}

export interface CommitmentRecord {
  participantKey: string;
  confirmedVersion: number;
  confirmedByName: string;
  confirmedAt: string;
}

/** A confirmation of an older version is shown as outdated: the commitment was to other content. */
export function commitmentStates(participants: Participant[], records: CommitmentRecord[], version: number): Commitment[] {
  const byKey = new Map(records.map((r) => [r.participantKey, r]));
  return participants.map((p) => {
    const r = byKey.get(p.key);
    return {
      participantKey: p.key,
      label: p.label,
      state: !r ? 'pending' : r.confirmedVersion === version ? 'confirmed' : 'outdated',
      confirmedVersion: r?.confirmedVersion ?? null,
      confirmedByName: r?.confirmedByName ?? null,
      confirmedAt: r?.confirmedAt ?? null,
    };
  });
}

/** Both views are shown when both are written and they are not the same text. */
export function viewsDiffer(clientView: string, professionalView: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(clientView) !== '' && norm(professionalView) !== '' && norm(clientView) !== norm(professionalView);
}

export const reviewOverdue = (reviewDate: string | null, today: string) => reviewDate !== null && reviewDate < today;

/** Open actions in the order they are due (undated last): the client's "next steps". */
export function nextSteps<A extends Pick<PlanAction, 'status' | 'due' | 'startsAt'>>(actions: A[], limit = 5): A[] {
  const open = actions.filter((a) => a.status === 'planned' || a.status === 'in-progress');
  const when = (a: A) => a.due ?? a.startsAt ?? '9999-12-31';
  return [...open].sort((x, y) => when(x).localeCompare(when(y))).slice(0, limit);
}

/** Sectors a version of the plan involves: its holder and every responsible organisation. */
export function planSectors(holderSector: string | null, actions: Pick<PlanAction, 'responsible'>[]): string[] {
  const sectors = new Set<string>();
  if (holderSector) sectors.add(holderSector);
  for (const a of actions) if (a.responsible.sector) sectors.add(a.responsible.sector);
  return [...sectors];
}

/** A family plan lists its members; a client plan has exactly the one client. */
export function membersFor(scope: 'client' | 'family', clientId: string, familyClientIds: string[]): string[] {
  return scope === 'client' ? [clientId] : [...new Set([clientId, ...familyClientIds])];
}

/** Indexes of actions that end before they start: an impossible timing the editor must fix. */
export function actionsEndingBeforeStart(actions: { startsAt?: string | null; due?: string | null }[]): number[] {
  return actions.flatMap((a, i) => (a.startsAt && a.due && a.due < a.startsAt ? [i] : []));
}
