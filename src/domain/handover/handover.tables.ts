import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface HandoversTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  client_id: string;
  from_relationship_id: string;
  referral_id: string;
  summary: string;
  joint_meeting_at: Timestamp | null;
  joint_meeting_held_at: Timestamp | null;
  client_confirmed_at: Timestamp | null;
  client_confirmed_how: string | null;
  status: Generated<'open' | 'completed' | 'cancelled'>;
  completed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RelationshipEndingsTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  client_id: string;
  relationship_id: string;
  final_evaluation: string;
  client_feedback: Generated<string>;
  worker_feedback: Generated<string>;
  how_client_manages: string;
  whom_to_contact: string;
  follow_up_date: string | null;
  informed_organization_ids: Generated<string[]>;
  ended_by: string | null;
  ended_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface DB {
    handovers: HandoversTable;
    relationship_endings: RelationshipEndingsTable;
  }
}
