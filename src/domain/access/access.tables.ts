import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface EmergencyAccessTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  client_id: string;
  user_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  review_note: string | null;
}

declare module '../../db/schema.js' {
  interface DB {
    emergency_access: EmergencyAccessTable;
  }
}
