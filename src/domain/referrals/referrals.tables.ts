import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';
import type { ReferralStatus } from './referrals.rules.js';

export interface ReferralsTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string; // sender
  client_id: string;
  kind: Generated<'referral' | 'handover'>;
  from_user_id: string | null;
  from_unit_id: string | null;
  to_organization_id: string | null;
  to_unit_id: string | null;
  to_provider_name: string | null;
  to_sector: string | null;
  service_id: string | null;
  service_name: string;
  plan_action_id: string | null;
  status: ReferralStatus;
  status_reason: string | null;
  status_changed_at: Timestamp;
  reason: string;
  urgency: Generated<string>;
  receiver_info: Generated<string>;
  shared_categories: Generated<string[]>;
  contact_preference: string | null;
  consent_id: string | null;
  outside_system: Generated<boolean>;
  outside_note: string | null;
  created_at: Timestamp;
}

export interface ReferralEventsTable {
  id: Generated<string>;
  referral_id: string;
  client_id: string;
  county_code: string;
  organization_id: string | null;
  status: ReferralStatus;
  reason: string | null;
  at: Timestamp;
  by_user_id: string | null;
  by_name: string | null;
}

export interface ReferralTimeLimitsTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string | null;
  not_received_days: number;
  not_accepted_days: number;
}

declare module '../../db/schema.js' {
  interface DB {
    referrals: ReferralsTable;
    referral_events: ReferralEventsTable;
    referral_time_limits: ReferralTimeLimitsTable;
  }
}
