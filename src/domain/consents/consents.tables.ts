import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface ConsentsTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  client_id: string;
  basis: Generated<'consent' | 'statutory'>;
  statutory_basis: string | null;
  recipient_organization_ids: string[];
  recipient_sectors: string[];
  data_categories: string[];
  purpose: string;
  valid_from: Timestamp;
  valid_until: Timestamp | null;
  given_by: string | null;
  given_by_name: string | null;
  method: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface ConsentEventsTable {
  id: Generated<string>;
  consent_id: string;
  client_id: string;
  county_code: string;
  organization_id: string;
  kind: 'given' | 'recorded-statutory' | 'revoked' | 'expired';
  at: Timestamp;
  by_user_id: string | null;
  by_name: string | null;
  note: string | null;
}

declare module '../../db/schema.js' {
  interface DB {
    consents: ConsentsTable;
    consent_events: ConsentEventsTable;
  }
}
