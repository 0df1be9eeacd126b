import type { Generated } from 'kysely';
import type { CreatedAt, FoundationTables, Timestamp } from '../../db/schema.js';

/** Tables of migration 0200 (clients, concerns, self-assessment, assessment). */
export interface HouseholdTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  name: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ClientCloseOneTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string;
  name: string;
  relation: string;
  phone: string | null;
  is_guardian: Generated<boolean>;
  same_household: Generated<boolean>;
  related_client_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ConcernTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string;
  raised_by: string | null;
  noticed_by_role: string;
  noticed_by_sector: string | null;
  noticed_by_name: string | null;
  what: string;
  urgency: 'low' | 'normal' | 'urgent';
  route: 'advice' | 'shl35-consent' | 'shl35-duty' | 'child-protection';
  consent_given: Generated<boolean>;
  duty_reason: string | null;
  advice_given: string | null;
  to_organization_id: string | null;
  status: 'closed' | 'sent' | 'received';
  received_at: Timestamp | null;
  received_by: string | null;
  received_note: string | null;
  at: Timestamp;
  created_at: CreatedAt;
}

export interface LifeAreaTable {
  county_code: string;
  key: string;
  ordinal: number;
  name_fi: string;
  name_sv: string;
  name_en: string;
  active: Generated<boolean>;
}

export interface SelfAssessmentTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string | null;
  filled_by: 'client' | 'client-with-worker' | 'client-with-close-one' | 'guardian';
  own_words: string | null;
  recorded_by: string | null;
  at: Timestamp;
}

export interface SelfAssessmentAnswerTable {
  self_assessment_id: string;
  county_code: string;
  organization_id: string | null;
  area_key: string;
  rating: number;
  note: string | null;
}

export interface AssessmentTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string;
  everyday_life: number;
  resources: number;
  health: number;
  channel: number;
  network: number;
  coordination: number;
  suggested_segment: string;
  suggested_level: string;
  segment: string;
  level: string;
  override_reason: string | null;
  special_support_need: Generated<boolean>;
  notes: string | null;
  assessed_by: string;
  assessed_by_role: string;
  at: Timestamp;
}

/** The columns 0200 adds to the foundation's clients table. */
export interface ClientColumns0200 {
  household_id: Generated<string | null>;
  language_other: Generated<string | null>;
  identity_code_checked: Generated<boolean>;
}

declare module '../../db/schema.js' {
  interface DB {
    clients: FoundationTables['clients'] & ClientColumns0200;
    households: HouseholdTable;
    client_close_ones: ClientCloseOneTable;
    concerns: ConcernTable;
    life_areas: LifeAreaTable;
    self_assessments: SelfAssessmentTable;
    self_assessment_answers: SelfAssessmentAnswerTable;
    assessments: AssessmentTable;
  }
}
