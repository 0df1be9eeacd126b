-- 0700 PAKU quality-criteria feedback (seed 002) and the indexes the management reports lean on.
--
-- Feedback is anonymous by construction: a response row carries no person, only the part of the
-- model, the respondent group, the organisation/unit and the client group, and the day. Who has
-- answered is kept apart in feedback_receipts (to stop answering the same invitation twice), with
-- no link to the answers.

CREATE TABLE feedback_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  unit_id uuid REFERENCES units(id),
  questionnaire_id text NOT NULL CHECK (questionnaire_id IN ('preventive','intensive','ngo','digital')),
  respondent text NOT NULL CHECK (respondent IN ('client','professional','manager')),
  client_group text CHECK (client_group IN ('children-youth-families','working-age','older-people')),
  -- The day only: a timestamp next to a receipt's timestamp could tell who answered.
  submitted_on date NOT NULL DEFAULT current_date
);
CREATE INDEX feedback_responses_county_idx ON feedback_responses (county_code, submitted_on);

CREATE TABLE feedback_answers (
  response_id uuid NOT NULL REFERENCES feedback_responses(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  item_id text NOT NULL,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  PRIMARY KEY (response_id, item_id)
);

-- Who answered which invitation (a client after a meeting or at the ending) or which
-- questionnaire (a professional's self-assessment, a manager's structures) and when.
CREATE TABLE feedback_receipts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  client_id uuid REFERENCES clients(id),
  user_id uuid REFERENCES users(id),
  questionnaire_id text NOT NULL,
  ref_type text CHECK (ref_type IN ('meeting','ending')),
  ref_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (client_id IS NOT NULL OR user_id IS NOT NULL),
  CHECK (client_id IS NULL OR (ref_type IS NOT NULL AND ref_id IS NOT NULL))
);
CREATE UNIQUE INDEX feedback_receipts_invitation_uq ON feedback_receipts (client_id, ref_type, ref_id) WHERE client_id IS NOT NULL;
CREATE INDEX feedback_receipts_user_idx ON feedback_receipts (user_id, questionnaire_id, at DESC) WHERE user_id IS NOT NULL;

-- Reports: the interface matrix reads only the steps with more than one sector, by period, from
-- the index alone (1M path events stay well under a second).
CREATE INDEX path_events_interfaces_idx ON path_events (county_code, at) INCLUDE (sectors, organization_id, client_id)
  WHERE cardinality(sectors) > 1;
-- "Services never used" and the period filters of the referral and segment reports.
CREATE INDEX referrals_county_created_idx ON referrals (county_code, created_at);
CREATE INDEX referrals_service_idx ON referrals (service_id) WHERE service_id IS NOT NULL;
CREATE INDEX plan_actions_service_idx ON plan_actions (service_id) WHERE service_id IS NOT NULL;
CREATE INDEX plan_services_service_idx ON plan_services (service_id) WHERE service_id IS NOT NULL;
CREATE INDEX client_relationships_county_idx ON client_relationships (county_code, started_at);
CREATE INDEX assessments_county_at_idx ON assessments (county_code, at);
