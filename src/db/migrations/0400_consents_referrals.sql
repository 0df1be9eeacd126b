-- 0400 Consent to disclose (suostumus) and statutory disclosure bases, emergency access,
-- closed-loop referrals (lähete / palvelupyyntö) with their status history, warm handover
-- (saattaen vaihtaen) and the ending of a client relationship.

-- One consent (or, with basis = 'statutory', one recorded legal basis for disclosure without
-- consent, e.g. the duty to notify, SHL 35 §). Never deleted or rewritten: revocation sets
-- revoked_* and the events table keeps the history.
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id), -- organisation that recorded it
  client_id uuid NOT NULL REFERENCES clients(id),
  basis text NOT NULL DEFAULT 'consent' CHECK (basis IN ('consent','statutory')),
  statutory_basis text, -- e.g. 'shl-35' (duty to notify), 'lsl-25' (child-protection notification)
  recipient_organization_ids uuid[] NOT NULL DEFAULT '{}',
  recipient_sectors text[] NOT NULL DEFAULT '{}',
  data_categories text[] NOT NULL,
  purpose text NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_until timestamptz,
  given_by text CHECK (given_by IN ('client','guardian')),
  given_by_name text,
  method text CHECK (method IN ('written','oral','electronic')),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users(id),
  revoke_reason text,
  CHECK (cardinality(recipient_organization_ids) + cardinality(recipient_sectors) > 0),
  CHECK (cardinality(data_categories) > 0),
  CHECK (basis = 'statutory' OR (given_by IS NOT NULL AND method IS NOT NULL)),
  CHECK (basis = 'consent' OR statutory_basis IS NOT NULL),
  CHECK (valid_until IS NULL OR valid_until > valid_from)
);
CREATE INDEX consents_client_idx ON consents (client_id) WHERE revoked_at IS NULL;
CREATE INDEX consents_recipient_idx ON consents USING gin (recipient_organization_ids);

CREATE TABLE consent_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consent_id uuid NOT NULL REFERENCES consents(id),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('given','recorded-statutory','revoked','expired')),
  at timestamptz NOT NULL DEFAULT now(),
  by_user_id uuid REFERENCES users(id),
  by_name text,
  note text
);
CREATE INDEX consent_events_consent_idx ON consent_events (consent_id, at);

-- Emergency access (hätäkäyttö): time-limited, with a reason, reviewed by a manager afterwards.
CREATE TABLE emergency_access (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  client_id uuid NOT NULL REFERENCES clients(id),
  user_id uuid NOT NULL REFERENCES users(id),
  reason text NOT NULL CHECK (length(reason) >= 10),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users(id),
  review_note text
);
CREATE INDEX emergency_access_lookup_idx ON emergency_access (client_id, user_id, expires_at);
CREATE INDEX emergency_access_review_idx ON emergency_access (organization_id) WHERE reviewed_at IS NULL;

-- A referral from the sender's organisation to a service (and thereby its provider organisation).
-- Statuses follow the HL7 Gravity SDOH Task statuses.
CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id), -- sender (shard/tenant key)
  client_id uuid NOT NULL REFERENCES clients(id),
  kind text NOT NULL DEFAULT 'referral' CHECK (kind IN ('referral','handover')),
  from_user_id uuid REFERENCES users(id),
  from_unit_id uuid REFERENCES units(id),
  to_organization_id uuid REFERENCES organizations(id), -- null: provider is not a Polku organisation
  to_unit_id uuid REFERENCES units(id),
  to_provider_name text,
  to_sector text,
  service_id uuid,
  service_name text NOT NULL,
  plan_action_id uuid,
  status text NOT NULL CHECK (status IN ('draft','requested','received','accepted','rejected','in-progress','on-hold',
                                        'completed','failed','cancelled')),
  status_reason text,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL,
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('low','normal','urgent')),
  receiver_info text NOT NULL DEFAULT '',
  shared_categories text[] NOT NULL DEFAULT '{}',
  contact_preference text,
  consent_id uuid REFERENCES consents(id),
  outside_system boolean NOT NULL DEFAULT false,
  outside_note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referrals_to_idx ON referrals (to_organization_id, status);
CREATE INDEX referrals_from_idx ON referrals (organization_id, status);
CREATE INDEX referrals_client_idx ON referrals (client_id);

CREATE TABLE referral_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals(id),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id), -- organisation of whoever set the status
  status text NOT NULL,
  reason text,
  at timestamptz NOT NULL DEFAULT now(),
  by_user_id uuid REFERENCES users(id),
  by_name text
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, at);

-- Time limits after which an unanswered referral raises an alert. A row without organisation
-- is the county default; an organisation's own row (as receiver) overrides it.
CREATE TABLE referral_time_limits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  not_received_days integer NOT NULL CHECK (not_received_days BETWEEN 1 AND 90),
  not_accepted_days integer NOT NULL CHECK (not_accepted_days BETWEEN 1 AND 90)
);
CREATE UNIQUE INDEX referral_time_limits_uq
  ON referral_time_limits (county_code, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- Warm handover: the previous relationship stays open (and its worker responsible) until the
-- joint meeting is held, the receiver has accepted and the client has confirmed.
CREATE TABLE handovers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id), -- handing-over organisation
  client_id uuid NOT NULL REFERENCES clients(id),
  from_relationship_id uuid NOT NULL REFERENCES client_relationships(id),
  referral_id uuid NOT NULL REFERENCES referrals(id),
  summary text NOT NULL,
  joint_meeting_at timestamptz,
  joint_meeting_held_at timestamptz,
  client_confirmed_at timestamptz,
  client_confirmed_how text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','completed','cancelled')),
  completed_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handovers_client_idx ON handovers (client_id);

-- Ending a relationship: final evaluation, mutual feedback and the continuation plan (jatkosuunnitelma).
CREATE TABLE relationship_endings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  client_id uuid NOT NULL REFERENCES clients(id),
  relationship_id uuid NOT NULL UNIQUE REFERENCES client_relationships(id),
  final_evaluation text NOT NULL,
  client_feedback text NOT NULL DEFAULT '',
  worker_feedback text NOT NULL DEFAULT '',
  how_client_manages text NOT NULL,
  whom_to_contact text NOT NULL,
  follow_up_date date,
  informed_organization_ids uuid[] NOT NULL DEFAULT '{}',
  ended_by uuid REFERENCES users(id),
  ended_at timestamptz NOT NULL DEFAULT now()
);
