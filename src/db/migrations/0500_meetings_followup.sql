-- 0500 Network meetings (verkostopalaveri), follow-up tasks, contacts, reminders and the background
-- job runner. Seeds 002 ("Rakennusaineiksi … verkostopalavereille", "Varmista ja seuraa") and 001.

-- A network meeting of one client: prepared with the client (network map, invitees, method, the
-- client's own questions), held with the seed's agenda, recorded as minutes the client approves.
CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id), -- the organisation that calls the meeting
  client_id uuid NOT NULL REFERENCES clients(id),
  starts_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL DEFAULT 90 CHECK (duration_minutes BETWEEN 15 AND 480),
  place text NOT NULL DEFAULT '',
  method text NOT NULL DEFAULT 'network-meeting'
    CHECK (method IN ('network-meeting','family-group-conference','open-dialogue','expert-group','assessment-meeting')),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),
  purpose text NOT NULL DEFAULT '',
  agenda text[] NOT NULL DEFAULT '{}',
  client_questions text[] NOT NULL DEFAULT '{}',
  -- The people around the client (close ones, professionals, NGO workers, support person,
  -- experience expert), as drawn with the client; invitees are meeting_participants.
  network_map jsonb NOT NULL DEFAULT '[]',
  chair_name text,
  note_taker_name text,
  minutes_summary text,
  feedback_round text,
  client_checklist text[] NOT NULL DEFAULT '{}',
  minutes_recorded_at timestamptz,
  minutes_recorded_by uuid REFERENCES users(id),
  client_approved_at timestamptz,
  client_approval_note text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_client_idx ON meetings (client_id, starts_at);
CREATE INDEX meetings_org_idx ON meetings (organization_id, starts_at);

-- Invitees. The consent/access module reads this table: a participant user or organisation may
-- see the client's data covered by an active consent.
CREATE TABLE meeting_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  user_id uuid REFERENCES users(id),
  organization_id uuid REFERENCES organizations(id),
  name text NOT NULL,
  role text NOT NULL,
  kind text NOT NULL DEFAULT 'professional'
    CHECK (kind IN ('client','close-one','professional','ngo-worker','support-person','experience-expert','interpreter','other')),
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX meeting_participants_meeting_idx ON meeting_participants (meeting_id, position);
CREATE INDEX meeting_participants_user_idx ON meeting_participants (user_id, client_id);
CREATE INDEX meeting_participants_org_idx ON meeting_participants (organization_id, client_id);

-- Follow-up tasks: who does what by when, linked to a meeting decision, plan action or referral.
CREATE TABLE followup_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id), -- organisation that recorded the task
  client_id uuid NOT NULL REFERENCES clients(id),
  title text NOT NULL,
  owner_user_id uuid REFERENCES users(id),
  owner_name text NOT NULL,
  owner_organization_id uuid REFERENCES organizations(id),
  due date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','not-done')),
  outcome_note text,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','meeting','plan-action','referral','follow-up')),
  meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE,
  position integer NOT NULL DEFAULT 0, -- order of the decision in the minutes
  plan_action_id uuid REFERENCES plan_actions(id) ON DELETE SET NULL,
  referral_id uuid REFERENCES referrals(id),
  completed_at timestamptz,
  completed_by uuid REFERENCES users(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'open' OR completed_at IS NOT NULL),
  CHECK (status <> 'not-done' OR coalesce(length(trim(outcome_note)), 0) > 0)
);
CREATE INDEX followup_tasks_owner_idx ON followup_tasks (owner_user_id, status, due);
CREATE INDEX followup_tasks_client_idx ON followup_tasks (client_id, due);
CREATE INDEX followup_tasks_meeting_idx ON followup_tasks (meeting_id, position);

-- Contacts with the client (call, visit, message, meeting): the last one feeds the no-contact alert.
CREATE TABLE client_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  client_id uuid NOT NULL REFERENCES clients(id),
  user_id uuid REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now(),
  channel text NOT NULL CHECK (channel IN ('phone','visit','message','meeting','video')),
  note text
);
CREATE INDEX client_contacts_client_idx ON client_contacts (client_id, at DESC);

-- "Verify and follow" defaults and alert thresholds, configurable per county (organisation_id
-- null) and overridable per organisation. Absent rows mean the defaults of followup.rules.ts.
CREATE TABLE followup_settings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  settings jsonb NOT NULL,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX followup_settings_uq
  ON followup_settings (county_code, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- In-app notifications to workers (reminders); one per (user, dedupe_key) so re-running the
-- reminder job never duplicates. Email/SMS go through a channel seam and are logged here too.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  client_id uuid REFERENCES clients(id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  ref_type text,
  ref_id uuid,
  dedupe_key text NOT NULL,
  channels text[] NOT NULL DEFAULT '{in-app}',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC) WHERE read_at IS NULL;

-- Background jobs. Several app nodes claim with FOR UPDATE SKIP LOCKED; (type, dedupe_key) makes
-- enqueueing idempotent; failures retry with backoff until max_attempts.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  type text NOT NULL,
  dedupe_key text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_by text,
  locked_at timestamptz,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  UNIQUE (type, dedupe_key)
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_running_idx ON jobs (locked_at) WHERE status = 'running';
