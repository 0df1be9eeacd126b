import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema.js';

export interface FollowupTaskTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  client_id: string;
  title: string;
  owner_user_id: string | null;
  owner_name: string;
  owner_organization_id: string | null;
  due: string;
  status: Generated<string>;
  outcome_note: string | null;
  source: Generated<string>;
  meeting_id: string | null;
  position: Generated<number>;
  plan_action_id: string | null;
  referral_id: string | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ClientContactTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  client_id: string;
  user_id: string | null;
  at: Timestamp;
  channel: string;
  note: string | null;
}

export interface FollowupSettingsTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string | null;
  settings: Json<Record<string, unknown>>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string | null;
  user_id: string;
  client_id: string | null;
  kind: string;
  title: string;
  body: Generated<string>;
  ref_type: string | null;
  ref_id: string | null;
  dedupe_key: string;
  channels: Generated<string[]>;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

declare module '../../db/schema.js' {
  interface DB {
    followup_tasks: FollowupTaskTable;
    client_contacts: ClientContactTable;
    followup_settings: FollowupSettingsTable;
    notifications: NotificationTable;
  }
}
