import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema.js';

/** numeric and date columns are parsed to number and 'YYYY-MM-DD' by the database setup. */
type Numeric = number;
type DateCol = string;

/** Tables of migration 0600 (school absences, LAPE 30/50/70). */
export interface PupilEnrolmentTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string;
  unit_id: string;
  class_name: string | null;
  pupil_number: string | null;
  started_on: ColumnType<string, string | undefined, string>;
  ended_on: DateCol | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SchoolWelfareStaffTable {
  unit_id: string;
  user_id: string;
  county_code: string;
  organization_id: string;
  created_at: CreatedAt;
}

export interface AbsenceImportTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  unit_id: string;
  file_name: string | null;
  rows_total: number;
  rows_imported: number;
  rejected: Json<{ line: number; reason: string }[]>;
  imported_by: string | null;
  created_at: CreatedAt;
}

export interface AbsenceTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string;
  unit_id: string | null;
  school_year: string;
  date: DateCol;
  hours: Numeric;
  kind: 'unauthorized' | 'sick' | 'other';
  note: string | null;
  source: Generated<'manual' | 'import'>;
  import_id: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface AbsenceThresholdTable {
  municipality_code: string;
  county_code: string;
  organization_id: string | null;
  concern_hours: Numeric;
  level1_hours: Numeric;
  level2_hours: Numeric;
  level3_hours: Numeric;
  count_kinds: string[];
  concern_kinds: string[];
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AbsenceStepTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string;
  unit_id: string | null;
  school_year: string;
  code: 'discuss-with-guardians' | 'school-meeting' | 'multi-agency-meeting' | 'social-welfare-notification';
  done_on: DateCol;
  follow_up_date: DateCol | null;
  responsible_person: string | null;
  participants: string | null;
  agreed: string | null;
  support_measures: string | null;
  meeting_id: string | null;
  concern_id: string | null;
  /** The plan action this step created or was linked to (0831). */
  plan_action_id: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface AbsenceSurveyTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string;
  school_year: string;
  instrument: Generated<string>;
  done_on: DateCol;
  negative_affect: Numeric;
  social_evaluative: Numeric;
  attention: Numeric;
  tangible: Numeric;
  summary: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

declare module '../../db/schema.js' {
  interface DB {
    pupil_enrolments: PupilEnrolmentTable;
    school_welfare_staff: SchoolWelfareStaffTable;
    absence_imports: AbsenceImportTable;
    absences: AbsenceTable;
    absence_thresholds: AbsenceThresholdTable;
    absence_steps: AbsenceStepTable;
    absence_surveys: AbsenceSurveyTable;
  }
}
