import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema.js';

/** One person on the client's network map (drawn with the client when preparing a meeting). */
export interface NetworkMapEntry {
  name: string;
  relation: string;
  group: 'close-one' | 'professional' | 'ngo-worker' | 'support-person' | 'experience-expert' | 'other';
  organizationId?: string | null;
  note?: string | null;
}

export interface MeetingTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  client_id: string;
  starts_at: Timestamp;
  duration_minutes: Generated<number>;
  place: Generated<string>;
  method: Generated<string>;
  status: Generated<string>;
  purpose: Generated<string>;
  agenda: Generated<string[]>;
  client_questions: Generated<string[]>;
  network_map: Json<NetworkMapEntry[]>;
  chair_name: string | null;
  note_taker_name: string | null;
  minutes_summary: string | null;
  feedback_round: string | null;
  client_checklist: Generated<string[]>;
  minutes_recorded_at: Timestamp | null;
  minutes_recorded_by: string | null;
  client_approved_at: Timestamp | null;
  client_approval_note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface MeetingParticipantTable {
  id: Generated<string>;
  meeting_id: string;
  client_id: string;
  county_code: string;
  user_id: string | null;
  organization_id: string | null;
  name: string;
  role: string;
  kind: Generated<string>;
  position: Generated<number>;
}

declare module '../../db/schema.js' {
  interface DB {
    meetings: MeetingTable;
    meeting_participants: MeetingParticipantTable;
  }
}
