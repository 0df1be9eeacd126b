import { z } from 'zod';
import { AlertType } from './followup.contracts.js';

/** Zod schemas of the clients, concerns and assessment API, shared by the server and the web app. */

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const GuidanceLevel = z.enum(['neuvonta-ja-ohjaus', 'asiakasohjaus', 'intensiivinen-palveluohjaus']);
export type GuidanceLevel = z.infer<typeof GuidanceLevel>;
export const SegmentCode = z.enum(['omatoimi', 'yhteiso', 'yhteistyo', 'verkosto']);
export type SegmentCode = z.infer<typeof SegmentCode>;
export const IdParams = z.object({ id: z.string().max(64) });

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const CloseOneInput = z.object({
  name,
  relation: z.string().trim().min(1).max(60),
  phone: optionalText(40),
  isGuardian: z.boolean().default(false),
  sameHousehold: z.boolean().default(false),
  relatedClientId: z.string().uuid().optional(),
});
export type CloseOneInput = z.infer<typeof CloseOneInput>;

export const CreateClientRequest = z.object({
  firstName: name,
  lastName: name,
  birthDate: IsoDate,
  municipalityCode: z.string().regex(/^\d{3}$/).optional(),
  identityCode: z.string().trim().max(20).optional(),
  language: z.string().trim().min(2).max(3).default('fi'),
  languageOther: optionalText(60),
  interpreterNeeded: z.boolean().default(false),
  plainLanguage: z.boolean().default(false),
  preferredChannel: z.enum(['digital', 'in-person']).default('in-person'),
  nonDisclosure: z.boolean().default(false),
  address: optionalText(200),
  phone: optionalText(40),
  email: z.string().trim().email().max(200).optional(),
  closeOnes: z.array(CloseOneInput).max(20).default([]),
  /** After a duplicate warning: the worker has checked that this is a different person. */
  confirmNotDuplicate: z.boolean().default(false),
});
export type CreateClientRequest = z.input<typeof CreateClientRequest>;

export const ClientListItem = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  identityCodeMasked: z.string().nullable(),
  municipalityName: z.string().nullable(),
  level: GuidanceLevel.nullable(),
  segment: SegmentCode.nullable(),
});
export type ClientListItem = z.infer<typeof ClientListItem>;
export const ClientList = z.object({ items: z.array(ClientListItem) });
export const ClientSearchQuery = z.object({ q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const CloseOne = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  isGuardian: z.boolean(),
  sameHousehold: z.boolean(),
  relatedClientId: z.string().nullable(),
});

export const ClientDetail = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  clientGroup: z.enum(['children-youth-families', 'working-age', 'older-people']),
  identityCodeMasked: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  language: z.string(),
  languageOther: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  plainLanguage: z.boolean(),
  preferredChannel: z.enum(['digital', 'in-person']),
  nonDisclosure: z.boolean(),
  /** Always null under address non-disclosure (turvakielto). */
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  closeOnes: z.array(CloseOne),
  household: z
    .object({ id: z.string(), name: z.string(), members: z.array(z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() })) })
    .nullable(),
  relationships: z.array(
    z.object({
      organizationName: z.string(),
      unitName: z.string().nullable(),
      level: GuidanceLevel,
      responsibleName: z.string().nullable(),
      responsiblePhone: z.string().nullable(),
      startedAt: z.string(),
    }),
  ),
  segment: SegmentCode.nullable(),
  specialSupportNeed: z.boolean(),
});
export type ClientDetail = z.infer<typeof ClientDetail>;

export const CreatedClient = ClientDetail.extend({ linkedExisting: z.boolean() });

export const DuplicateCandidates = z.object({
  items: z.array(z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string(), reason: z.enum(['identity-code', 'name-and-birth-date']) })),
});

export const UpdateClientRequest = z
  .object({
    municipalityCode: z.string().regex(/^\d{3}$/).nullable(),
    language: z.string().trim().min(2).max(3),
    languageOther: z.string().trim().max(60).nullable(),
    interpreterNeeded: z.boolean(),
    plainLanguage: z.boolean(),
    preferredChannel: z.enum(['digital', 'in-person']),
    nonDisclosure: z.boolean(),
    address: z.string().trim().max(200).nullable(),
    phone: z.string().trim().max(40).nullable(),
    email: z.string().trim().email().max(200).nullable(),
  })
  .partial();

export const JoinHouseholdRequest = z.object({ withClientId: z.string().uuid(), name: z.string().trim().min(1).max(100).optional() });

/** The caseload view shows a page at a time (issue 11: a worker may have hundreds of clients); the referral form's client picker asks for the largest page. */
export const CASELOAD_PAGE_SIZE = 50;
export const CASELOAD_MAX_PAGE_SIZE = 500;
export const CaseloadQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(CASELOAD_MAX_PAGE_SIZE).default(CASELOAD_PAGE_SIZE),
});
export type CaseloadQuery = z.input<typeof CaseloadQuery>;

export const CaseloadResponse = z.object({
  /** Over all of the worker's active clients, not only this page. */
  counts: z.object({ 'neuvonta-ja-ohjaus': z.number().int(), asiakasohjaus: z.number().int(), 'intensiivinen-palveluohjaus': z.number().int() }),
  intensiveLimit: z.number().int(),
  intensiveOverLimit: z.boolean(),
  /** All active clients of the worker; `items` is page `page` of them by name, `pageSize` a page. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    ClientListItem.extend({
      startedAt: z.string(),
      /** The worker's own next open follow-up task for the client (earliest due); overdue by the Finnish date. */
      nextTask: z.object({ title: z.string(), due: z.string(), overdue: z.boolean() }).nullable(),
      /** How many of the worker's open tasks for the client are overdue. */
      overdueTasks: z.number().int(),
      /** The alert types the today view (computeAlerts) raises for this client, of those a list can show per row. */
      alerts: z.array(AlertType.extract(['task-overdue', 'plan-review-overdue', 'no-contact'])),
      /** Days since the last contact when `no-contact` is raised (intensive clients), else null. */
      noContactDays: z.number().int().nullable(),
    }),
  ),
});
export type CaseloadResponse = z.infer<typeof CaseloadResponse>;

/* ───────────────────────────── concerns (huoli) */

export const ConcernRoute = z.enum(['advice', 'shl35-consent', 'shl35-duty', 'child-protection']);
export type ConcernRoute = z.infer<typeof ConcernRoute>;
export const Urgency = z.enum(['low', 'normal', 'urgent']);

export const CreateConcernRequest = z
  .object({
    clientId: z.string().uuid().optional(),
    /** A person not (known to be) a client yet: matched to an existing record or registered. */
    person: z.object({ firstName: name, lastName: name, birthDate: IsoDate, municipalityCode: z.string().regex(/^\d{3}$/).optional() }).optional(),
    noticedBy: z.object({ role: z.string().trim().min(1).max(80), name: optionalText(100) }),
    what: z.string().trim().min(3).max(4000),
    urgency: Urgency,
    route: ConcernRoute,
    consentGiven: z.boolean().default(false),
    dutyReason: optionalText(2000),
    adviceGiven: optionalText(2000),
  })
  .refine((v) => !!v.clientId !== !!v.person, { message: 'clientId or person', path: ['clientId'] });
export type CreateConcernRequest = z.input<typeof CreateConcernRequest>;

export const Concern = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  clientBirthDate: z.string().nullable(),
  noticedByRole: z.string(),
  noticedByName: z.string().nullable(),
  raisedByOrganization: z.string(),
  what: z.string(),
  urgency: Urgency,
  route: ConcernRoute,
  consentGiven: z.boolean(),
  dutyReason: z.string().nullable(),
  adviceGiven: z.string().nullable(),
  toOrganization: z.string().nullable(),
  status: z.enum(['closed', 'sent', 'received']),
  receivedAt: z.string().nullable(),
  receivedByName: z.string().nullable(),
  at: z.string(),
});
export type Concern = z.infer<typeof Concern>;
export const ConcernList = z.object({ items: z.array(Concern) });
export const ReceiveConcernRequest = z.object({ note: optionalText(2000) });

/* ───────────────────────────── self-assessment "Mitä sinulle kuuluu?" */

export const LifeAreaOut = z.object({ key: z.string(), label: z.string(), question: z.string() });
export const LifeAreasResponse = z.object({
  areas: z.array(LifeAreaOut),
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
});

export const CreateSelfAssessmentRequest = z.object({
  filledBy: z.enum(['client', 'client-with-worker', 'client-with-close-one']).optional(),
  answers: z.record(z.string().max(60), z.number().int().min(1).max(5)),
  notes: z.record(z.string().max(60), z.string().trim().max(1000)).optional(),
  ownWords: optionalText(4000),
});
export type CreateSelfAssessmentRequest = z.input<typeof CreateSelfAssessmentRequest>;

export const SelfAssessment = z.object({
  id: z.string(),
  at: z.string(),
  filledBy: z.string(),
  ownWords: z.string().nullable(),
  answers: z.record(z.string(), z.number().int()),
  notes: z.record(z.string(), z.string()),
});
export const SelfAssessmentHistory = z.object({
  areas: z.array(LifeAreaOut),
  items: z.array(SelfAssessment),
  /** Latest compared with the one before it, per area. */
  change: z.array(z.object({ key: z.string(), label: z.string(), from: z.number().int().nullable(), to: z.number().int().nullable(), delta: z.number().int().nullable() })),
});
export type SelfAssessmentHistory = z.infer<typeof SelfAssessmentHistory>;

/* ───────────────────────────── professional assessment */

const scale = z.number().int().min(0).max(9);
export const ProfileInput = z.object({ everydayLife: scale, resources: scale, health: scale, channel: scale, network: scale, coordination: scale });
export type ProfileInput = z.infer<typeof ProfileInput>;

export const SegmentSuggestion = z.object({
  code: SegmentCode,
  name: z.string(),
  reasons: z.array(z.string()),
  basicStrategy: z.string(),
  goal: z.string(),
  mostImportantInClientExperience: z.string(),
  axes: z.object({ everydayCoping: z.number(), serviceNeed: z.number() }),
});
export const LevelSuggestion = z.object({ code: GuidanceLevel, reasons: z.array(z.string()) });
export const AssessmentSuggestion = z.object({ segment: SegmentSuggestion, level: LevelSuggestion });
export type AssessmentSuggestion = z.infer<typeof AssessmentSuggestion>;
export const SuggestRequest = z.object({ profile: ProfileInput, specialSupportNeed: z.boolean().default(false), clientId: z.string().uuid().optional() });

export const CreateAssessmentRequest = z.object({
  profile: ProfileInput,
  /** Omit to confirm the suggestion. */
  segment: SegmentCode.optional(),
  level: GuidanceLevel.optional(),
  overrideReason: optionalText(2000),
  specialSupportNeed: z.boolean().default(false),
  notes: optionalText(4000),
});
export type CreateAssessmentRequest = z.input<typeof CreateAssessmentRequest>;

export const Assessment = z.object({
  id: z.string(),
  at: z.string(),
  profile: ProfileInput,
  suggestedSegment: SegmentCode,
  suggestedLevel: GuidanceLevel,
  segment: SegmentCode,
  level: GuidanceLevel,
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  specialSupportNeed: z.boolean(),
  notes: z.string().nullable(),
  assessedByName: z.string(),
  assessedByTitle: z.string().nullable(),
  organizationName: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;
export const AssessmentHistory = z.object({
  items: z.array(Assessment),
  movements: z.array(z.object({ at: z.string(), from: SegmentCode, to: SegmentCode, levelFrom: GuidanceLevel, levelTo: GuidanceLevel })),
  suggestion: AssessmentSuggestion.nullable(),
});
export type AssessmentHistory = z.infer<typeof AssessmentHistory>;

/** An organisation's own list of life areas (replaces the default 3X10D areas for the county). */
export const LifeAreaConfigRequest = z.object({
  areas: z
    .array(z.object({ key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/), nameFi: z.string().trim().min(1).max(80), nameSv: z.string().trim().min(1).max(80), nameEn: z.string().trim().min(1).max(80) }))
    .min(1)
    .max(20)
    .refine((a) => new Set(a.map((x) => x.key)).size === a.length, { message: 'unique keys' }),
});
