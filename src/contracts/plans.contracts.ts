import { z } from 'zod';

/**
 * The one shared client plan (asiakassuunnitelma, SHL 39 §) as the API and the web app see it.
 * Dates are ISO `YYYY-MM-DD`; times ISO 8601.
 */

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'not-done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const STATUTORY_PLAN_TYPES = [
  'care-and-service-plan',
  'employment-plan',
  'activation-plan',
  'rehabilitation-plan',
  'hojks',
  'integration-plan',
  'child-protection-plan',
] as const;
export type StatutoryPlanType = (typeof STATUTORY_PLAN_TYPES)[number];

/**
 * Who may change the plan. Everyone else with access reads it: the client and guardians, and
 * teachers, who follow their pupils in the school module. Shared with the web's read-only view.
 */
export const PLAN_EDITOR_ROLES = [
  'client-counsellor',
  'social-worker',
  'social-instructor',
  'case-manager',
  'work-ability-coordinator',
  'employment-coach',
  'student-welfare',
  'school-nurse',
  'ngo-worker',
] as const;
export const mayEditPlan = (role: string) => (PLAN_EDITOR_ROLES as readonly string[]).includes(role);

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);
const Id = z.uuid();

export const ClientIdParams = z.object({ id: z.string().max(100) });
export const LangQuery = z.object({ lang: z.enum(['fi', 'sv', 'en']).default('fi') });

// ── Input ───────────────────────────────────────────────────────────────────

export const ResponsibleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organization'), organizationId: Id, userId: Id.nullable().optional(), name: Text(200).nullable().optional() }),
  z.object({ kind: z.literal('client') }),
  z.object({ kind: z.literal('close-one'), name: Text(200).min(1) }),
]);
export type ResponsibleInput = z.infer<typeof ResponsibleInput>;

export const ActionInput = z.object({
  /** Keep the id of an existing action so its history stays readable; omit for a new one. */
  id: Id.optional(),
  title: Text(300).min(1),
  responsible: ResponsibleInput,
  startsAt: IsoDate.nullable().optional(),
  due: IsoDate.nullable().optional(),
  status: z.enum(ACTION_STATUSES).default('planned'),
  indicator: Text(1000).default(''),
  serviceId: Id.nullable().optional(),
  serviceName: Text(300).nullable().optional(),
  /** The result a referral made from this action came back with (kept when the plan is edited). */
  outcome: Text(1000).nullable().optional(),
});
export type ActionInput = z.infer<typeof ActionInput>;

export const LinkedPlanInput = z.object({
  type: z.enum(STATUTORY_PLAN_TYPES),
  ownerOrganizationId: Id.nullable().optional(),
  ownerName: Text(200).min(1),
  date: IsoDate,
  note: Text(500).nullable().optional(),
});

export const ServiceInput = z.object({
  serviceId: Id.nullable().optional(),
  name: Text(300).min(1),
  providerName: Text(200).nullable().optional(),
});
export type ServiceInput = z.infer<typeof ServiceInput>;

export const GoalsInput = z.object({
  shortTerm: z.array(Text(500).min(1)).max(30).default([]),
  longTerm: z.array(Text(500).min(1)).max(30).default([]),
});

/** The plan's content: what a professional edits. */
export const PlanContent = z.object({
  situationSummary: Text(5000).default(''),
  clientOwnGoals: Text(3000).default(''),
  goals: GoalsInput.default({ shortTerm: [], longTerm: [] }),
  actions: z.array(ActionInput).max(100).default([]),
  services: z.array(ServiceInput).max(50).default([]),
  reviewDate: IsoDate.nullable().optional(),
  clientView: Text(3000).default(''),
  professionalView: Text(3000).default(''),
  linkedPlans: z.array(LinkedPlanInput).max(20).default([]),
});
export type PlanContent = z.infer<typeof PlanContent>;

export const CreatePlanRequest = PlanContent.extend({
  scope: z.enum(['client', 'family']).default('client'),
  /** Other family members covered by a family plan (each must be a client the actor may see). */
  familyClientIds: z.array(Id).max(10).default([]),
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

/** A whole new version; `version` is the one the editor started from (409 when stale). */
export const UpdatePlanRequest = PlanContent.extend({ version: z.number().int().min(1) });
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

export const ActionStatusRequest = z.object({ version: z.number().int().min(1), status: z.enum(ACTION_STATUSES) });
export const ActionParams = z.object({ id: z.string().max(100), actionId: Id });

export const CommitmentRequest = z.object({
  version: z.number().int().min(1),
  /** 'org:<uuid>' for the actor's own organisation, 'client', or 'close-one:<name>' recorded by a worker. */
  participantKey: Text(250).min(1),
});

// ── Output ──────────────────────────────────────────────────────────────────

export const Responsible = z.object({
  kind: z.enum(['organization', 'client', 'close-one']),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  sector: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Responsible = z.infer<typeof Responsible>;

/**
 * What elsewhere in Polku is linked to a plan action (of this client only): an agreed follow-up
 * task, a network meeting decision (a task made in a meeting's minutes, meetingId set), a step of
 * the school-absence model (title = the step code), or a referral made from the action.
 */
export const PlanActionLink = z.object({
  kind: z.enum(['task', 'meeting-decision', 'absence-step', 'referral']),
  id: z.string(),
  title: z.string(),
  status: z.string(),
  /** Due date of a task, day of a meeting / absence step, status date of a referral (YYYY-MM-DD). */
  date: z.string().nullable(),
  meetingId: z.string().nullable(),
});
export type PlanActionLink = z.infer<typeof PlanActionLink>;

export const PlanAction = z.object({
  id: z.string(),
  title: z.string(),
  responsible: Responsible,
  startsAt: z.string().nullable(),
  due: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  indicator: z.string(),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  outcome: z.string().nullable(),
  /** Filled on GET /clients/:id/plan (the reading view); left out where a change answers the plan. */
  links: z.array(PlanActionLink).optional(),
});
export type PlanAction = z.infer<typeof PlanAction>;

export const PlanGoal = z.object({ id: z.string(), term: z.enum(['short', 'long']), text: z.string() });

export const Commitment = z.object({
  participantKey: z.string(),
  label: z.string(),
  state: z.enum(['confirmed', 'outdated', 'pending']),
  confirmedVersion: z.number().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type Commitment = z.infer<typeof Commitment>;

export const Plan = z.object({
  id: z.string(),
  version: z.number(),
  scope: z.enum(['client', 'family']),
  clientIds: z.array(z.string()),
  organization: z.object({ id: z.string(), name: z.string() }),
  situationSummary: z.string(),
  clientOwnGoals: z.string(),
  goals: z.array(PlanGoal),
  actions: z.array(PlanAction),
  services: z.array(z.object({ id: z.string(), serviceId: z.string().nullable(), name: z.string(), providerName: z.string().nullable() })),
  reviewDate: z.string().nullable(),
  reviewOverdue: z.boolean(),
  clientView: z.string(),
  professionalView: z.string(),
  /** True when the client's and a professional's view both exist and differ: both are shown. */
  viewsDiffer: z.boolean(),
  linkedPlans: z.array(
    z.object({ id: z.string(), type: z.enum(STATUTORY_PLAN_TYPES), ownerOrganizationId: z.string().nullable(), ownerName: z.string(), date: z.string(), note: z.string().nullable() }),
  ),
  commitments: z.array(Commitment),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Plan = z.infer<typeof Plan>;

export const PlanVersionSummary = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.string(),
  organizationName: z.string(),
  changes: z.array(z.string()),
});
export const PlanVersionList = z.object({ items: z.array(PlanVersionSummary) });
export const PlanVersionParams = z.object({ id: z.string().max(100), version: z.coerce.number().int().min(1) });
export const PlanVersionDetail = PlanVersionSummary.extend({ snapshot: z.record(z.string(), z.unknown()) });

/** The client's own version: plain language, who to contact and how, next steps. */
export const ClientPlanView = z.object({
  lang: z.enum(['fi', 'sv', 'en']),
  clientName: z.string(),
  title: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  sections: z.array(z.object({ heading: z.string(), lines: z.array(z.string()) })),
});
export type ClientPlanView = z.infer<typeof ClientPlanView>;
