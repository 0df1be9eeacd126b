import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

/** One anonymous filled questionnaire: no person, only who-kind, where and which day. */
export interface FeedbackResponsesTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string | null;
  unit_id: string | null;
  questionnaire_id: string;
  respondent: string;
  client_group: string | null;
  submitted_on: Generated<string>;
}

export interface FeedbackAnswersTable {
  response_id: string;
  county_code: string;
  organization_id: string | null;
  item_id: string;
  rating: number;
}

/** Who answered (kept apart from the answers). */
export interface FeedbackReceiptsTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string | null;
  client_id: string | null;
  user_id: string | null;
  questionnaire_id: string;
  ref_type: 'meeting' | 'ending' | null;
  ref_id: string | null;
  at: Generated<Timestamp>;
}

declare module '../../db/schema.js' {
  interface DB {
    feedback_responses: FeedbackResponsesTable;
    feedback_answers: FeedbackAnswersTable;
    feedback_receipts: FeedbackReceiptsTable;
  }
}
