import type { DataCategory } from '../access/access.service.js';
import type { ClientGroup, Sector, Segment } from '../catalog/catalog.types.js';
import type { ReferralStatus } from '../referrals/referrals.rules.js';

/**
 * Types of the demo clients of the seeds `000` (Eero, Anni, Mohammed) and `001`
 * (Saara, Petri, Mari, Jaakko, Tiina, Nadina). Plain data, no database ids: keys point to
 * DEMO_ORGANIZATIONS (organisation + unit keys) and DEMO_USERS (usernames); a loader
 * turns them into rows. Dates are ISO `YYYY-MM-DD`, times ISO `YYYY-MM-DDTHH:mm`
 * (local Finnish time, the loader adds the zone).
 */

/** The "today" the demo data is written against. Dates before it are history, after it plans. */
export const DEMO_TODAY = '2026-11-22';

export type IsoDate = string; // YYYY-MM-DD
export type IsoDateTime = string; // YYYY-MM-DDTHH:mm

export type DemoClientKey = 'eero' | 'anni' | 'mohammed' | 'saara' | 'petri' | 'mari' | 'jaakko' | 'tiina' | 'nadina';

/** Keys of DEMO_ORGANIZATIONS (src/db/demo/organizations.ts); the test checks they exist. */
export type DemoOrganizationKey =
  | 'keusote'
  | 'jarvenpaa'
  | 'tyollisyysalue'
  | 'hyvinkaa'
  | 'tuusula'
  | 'te-palvelut'
  | 'oikeusapu'
  | 'kela'
  | 'hus'
  | 'lahitori'
  | 'kriisikeskus'
  | 'seurakunta'
  | 'mll'
  | 'ensi-ja-turvakoti'
  | 'a-klinikka'
  | 'fysio'
  | 'tyokokeilu-yritys';

/** Professional demo usernames of DEMO_USERS (src/db/demo/users.ts); the test checks they exist. */
export type DemoWorkerUsername =
  | 'ohjaaja'
  | 'sosiaalityo'
  | 'sosiaaliohjaaja'
  | 'asiakasvastaava'
  | 'tyokyky'
  | 'terveydenhoitaja'
  | 'kuraattori'
  | 'esihenkilo'
  | 'valmentaja'
  | 'opettaja'
  | 'nuoriso'
  | 'jarjesto'
  | 'kriisi'
  | 'kela';

export const PATH_PHASES = ['concern', 'assessment', 'services', 'follow-up'] as const;
export type PathPhase = (typeof PATH_PHASES)[number];

export const GUIDANCE_LEVELS = ['neuvonta-ja-ohjaus', 'asiakasohjaus', 'intensiivinen-palveluohjaus'] as const;
export type GuidanceLevel = (typeof GUIDANCE_LEVELS)[number];

export type Urgency = 'low' | 'normal' | 'urgent';
export type ConcernRoute = 'advice' | 'shl35-consent' | 'shl35-duty' | 'child-protection';
export type PreferredChannel = 'digital' | 'in-person';

// The app's own lists, so the demo data is checked against what the app accepts.
export { DATA_CATEGORIES, type DataCategory } from '../access/access.service.js';
export { REFERRAL_STATUSES, type ReferralStatus } from '../referrals/referrals.rules.js';

export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'not-done';
export type TaskStatus = 'open' | 'done' | 'not-done';
export type StepStatus = 'done' | 'in-progress' | 'planned';

export type StatutoryPlanType =
  | 'care-and-service-plan'
  | 'employment-plan'
  | 'activation-plan'
  | 'rehabilitation-plan'
  | 'hojks'
  | 'integration-plan'
  | 'child-protection-plan';

/** Life areas of the "Mitä sinulle kuuluu?" self-assessment, rated 1–5 (5 = fully satisfied, 1 = difficulties, need help). */
export const SELF_ASSESSMENT_KEYS = [
  'health',
  'resilience',
  'housing',
  'working_studying',
  'family',
  'friends',
  'finance',
  'improvement_of_strengths',
  'self_esteem',
  'life_satisfaction',
] as const;
export type SelfAssessmentKey = (typeof SELF_ASSESSMENT_KEYS)[number];
export type SelfAssessmentRating = 1 | 2 | 3 | 4 | 5;

export interface DemoCloseOne {
  name: string;
  relation: string; // Finnish: 'tytär', 'äiti', 'naapuri' …
  phone: string | null;
  isGuardian: boolean; // guardian (huoltaja) of the client
  /** When the close one is also a demo person (Mohammed's family): key of that person. */
  personKey?: string;
}

export interface DemoPerson {
  key: string;
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  sex?: 'female' | 'male';
  municipalityCode: string; // 186 Järvenpää, 106 Hyvinkää, 858 Tuusula …
  language: string; // ISO 639-1
  interpreterNeeded: boolean;
  plainLanguage: boolean; // selkokieli
  preferredChannel: PreferredChannel;
  nonDisclosure: boolean; // turvakielto
  phone: string | null;
  closeOnes: DemoCloseOne[];
}

/** A family member who is a person in the register in their own right, linked to the client. */
export interface DemoFamilyMember {
  person: DemoPerson;
  relation: 'father' | 'mother' | 'sibling' | 'child' | 'spouse';
  relationFi: string;
  isGuardian: boolean; // guardian of the client
  sameHousehold: boolean;
  note?: string;
}

/** Client relationship (asiakkuus) of one organisation, with the named responsible worker (SHL 42 §). */
export interface DemoRelationship {
  organizationKey: DemoOrganizationKey;
  unitKey: string;
  level: GuidanceLevel;
  responsibleUsername: DemoWorkerUsername;
  backupUsername: DemoWorkerUsername;
  coordinationNote: string; // Finnish, in the seed's words
  holdsCoordination: boolean; // this relationship carries the coordination responsibility
  startedAt: IsoDate;
  endedAt?: IsoDate;
}

export interface DemoConcern {
  noticedBy: {
    role: string; // Finnish: 'omavalmentaja', 'lääkäri', 'luokanvalvoja', 'naapuri' …
    sector: Sector;
    organizationKey?: DemoOrganizationKey;
    username?: DemoWorkerUsername;
    name?: string;
  };
  what: string;
  urgency: Urgency;
  route: ConcernRoute;
  at: IsoDate;
}

export interface DemoSelfAssessment {
  at: IsoDate;
  filledBy: 'client' | 'client-with-worker' | 'client-with-close-one';
  answers: Record<SelfAssessmentKey, SelfAssessmentRating>;
  ownWords: string;
}

/** The six scales of the Keusote profile cards (seed 004), 0–9 from left to right. */
export interface ProfileScales {
  everydayLife: number; // 0 arki sujuu … 9 haasteita
  resources: number; // 0 paljon voimavaroja … 9 vähän
  health: number; // 0 hyvä … 9 heikko
  channel: number; // 0 sähköiset palvelut … 9 kasvokkaiset palvelut
  network: number; // 0 verkoston merkitys −− … 9 ++
  coordination: number; // 0 yhteensovitettujen palvelujen tarve −− … 9 ++
}

export interface DemoAssessment {
  scales: ProfileScales;
  segment: Segment;
  level: GuidanceLevel;
  specialSupportNeed: boolean; // erityisen tuen tarve (only a social worker assesses it)
  assessedByUsername: DemoWorkerUsername;
  at: IsoDate;
  reason: string;
}

export interface DemoResponsible {
  kind: 'organization' | 'client' | 'close-one';
  organizationKey?: DemoOrganizationKey;
  username?: DemoWorkerUsername;
  name?: string;
}

export interface DemoPlanAction {
  title: string;
  responsible: DemoResponsible;
  startsAt: IsoDate;
  due: IsoDate;
  status: ActionStatus;
  indicator: string;
  serviceName?: string; // a catalogue service name in Finnish
}

export interface DemoLinkedPlan {
  type: StatutoryPlanType;
  ownerOrganizationKey: DemoOrganizationKey;
  date: IsoDate;
  note?: string;
}

/** The one shared client plan (asiakassuunnitelma, SHL 39 §). */
export interface DemoPlan {
  createdAt: IsoDate;
  updatedAt: IsoDate;
  situationSummary: string;
  clientOwnGoals: string; // in the client's own words
  shortTermGoals: string[];
  longTermGoals: string[];
  actions: DemoPlanAction[];
  reviewDate: IsoDate;
  clientView: string;
  professionalView: string; // where it differs from the client's view
  linkedStatutoryPlans: DemoLinkedPlan[];
}

export interface DemoPathStep {
  phase: PathPhase;
  /** The seed's own name of the phase, e.g. 'Kuntoutus', 'Huolen herääminen ja käsittely'. */
  seedPhase: string;
  at: IsoDate;
  status: StepStatus;
  title: string;
  description: string;
  /** Sectors involved, mapped from the seed's legend (K, M, KS, YS, KE, ESH …). */
  sectors: Sector[];
  /** The seed's letters as printed (only for seed 000), e.g. 'K M KS'. */
  seedSectors?: string;
  /** Today's actors in the demo world (the seed's "maakunta" is the wellbeing county; its growth services are the municipal employment area since 2025). */
  organizationKeys: DemoOrganizationKey[];
  interfaceNote?: string;
}

export interface DemoConsent {
  recipientOrganizationKeys: DemoOrganizationKey[];
  purpose: string;
  dataCategories: DataCategory[];
  givenBy: 'client' | 'guardian';
  givenByName?: string;
  method: 'written' | 'oral' | 'electronic';
  recordedByUsername: DemoWorkerUsername;
  from: IsoDate;
  until: IsoDate;
}

export interface DemoReferralEvent {
  status: ReferralStatus;
  at: IsoDate;
  byUsername?: DemoWorkerUsername;
  reason?: string;
}

export interface DemoReferral {
  fromOrganizationKey: DemoOrganizationKey;
  fromUnitKey?: string;
  toOrganizationKey: DemoOrganizationKey;
  toUnitKey?: string;
  serviceName: string;
  reason: string;
  urgency: Urgency;
  status: ReferralStatus; // equals the last history entry
  history: DemoReferralEvent[];
}

export interface DemoMeetingParticipant {
  name: string;
  role: string; // Finnish
  organizationKey?: DemoOrganizationKey;
  username?: DemoWorkerUsername | 'eero' | 'anni';
  personKey?: string; // the client or a family member
}

export interface DemoMeetingDecision {
  what: string;
  responsibleUsername?: DemoWorkerUsername;
  responsibleName?: string;
  due: IsoDate;
  done: boolean;
}

export interface DemoMeeting {
  at: IsoDateTime;
  place: string;
  method: 'verkostopalaveri' | 'perheneuvonpito' | 'avoin dialogi' | 'asiantuntijaryhmä' | 'arviointitapaaminen';
  status: 'held' | 'planned';
  participants: DemoMeetingParticipant[];
  agenda: string[];
  minutesSummary: string; // empty for planned meetings
  decisions: DemoMeetingDecision[];
}

export interface DemoTask {
  ownerUsername: DemoWorkerUsername;
  title: string;
  due: IsoDate;
  status: TaskStatus;
}

export interface DemoAbsence {
  date: IsoDate;
  hours: number;
  kind: 'unauthorized' | 'sick' | 'other';
  note?: string;
}

/** One demo client with everything a first start of Polku shows about them. */
export interface DemoClient {
  key: DemoClientKey;
  seed: '000' | '001';
  seedTitle: string; // e.g. 'Eero, 45-vuotias pitkäaikaistyötön'
  seedAge: number; // age in the seed = age on DEMO_TODAY
  clientGroup: ClientGroup;
  /** Demo login of the client (users.ts, role 'client'), if any. */
  loginUsername?: 'eero' | 'anni';
  person: DemoPerson;
  family: DemoFamilyMember[];
  background: string; // Finnish
  relationships: DemoRelationship[];
  concern: DemoConcern;
  selfAssessments: DemoSelfAssessment[];
  assessment: DemoAssessment;
  plan: DemoPlan;
  path: DemoPathStep[];
  consents: DemoConsent[];
  referrals: DemoReferral[];
  meetings: DemoMeeting[];
  tasks: DemoTask[];
  absences?: DemoAbsence[]; // pupils: school absences of the current school year
}
