-- 0200 Clients, close ones and households, concerns (huoli), the "Mitä sinulle kuuluu?"
-- self-assessment with configurable life areas, and the professional assessment
-- (six profile scales of seed 004, segment and guidance level).

-- A household / family that can be one unit of work (perhe työskentelyn yksikkönä).
CREATE TABLE households (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE clients
  ADD COLUMN household_id uuid REFERENCES households(id),
  ADD COLUMN language_other text,
  ADD COLUMN identity_code_checked boolean NOT NULL DEFAULT false;
CREATE INDEX clients_household_idx ON clients (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX clients_birth_name_idx ON clients (county_code, birth_date, lower(last_name));

-- Close ones (läheiset, SHL 43 §) and guardians (huoltajat). A close one who is a client in
-- their own right (a family member) is linked through related_client_id.
CREATE TABLE client_close_ones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  relation text NOT NULL,
  phone text,
  is_guardian boolean NOT NULL DEFAULT false,
  same_household boolean NOT NULL DEFAULT false,
  related_client_id uuid REFERENCES clients(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_close_ones_client_idx ON client_close_ones (client_id);

-- A concern (huoli) and where it was routed. The raiser's organisation owns the row; social
-- services of the county (to_organization_id) see SHL 35 § contacts and child-protection
-- notifications in their inbox.
CREATE TABLE concerns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  raised_by uuid REFERENCES users(id),
  noticed_by_role text NOT NULL,
  noticed_by_sector text,
  noticed_by_name text,
  what text NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('low','normal','urgent')),
  route text NOT NULL CHECK (route IN ('advice','shl35-consent','shl35-duty','child-protection')),
  consent_given boolean NOT NULL DEFAULT false,
  duty_reason text,
  advice_given text,
  to_organization_id uuid REFERENCES organizations(id),
  status text NOT NULL CHECK (status IN ('closed','sent','received')),
  received_at timestamptz,
  received_by uuid REFERENCES users(id),
  received_note text,
  at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (route <> 'shl35-duty' OR coalesce(length(trim(duty_reason)), 0) > 0),
  CHECK (route <> 'shl35-consent' OR consent_given)
);
CREATE INDEX concerns_client_idx ON concerns (client_id, at DESC);
CREATE INDEX concerns_inbox_idx ON concerns (to_organization_id, status, urgency, at);
CREATE INDEX concerns_raiser_idx ON concerns (raised_by, at DESC);

-- Life areas of the self-assessment: configurable per county. The default set is the ten
-- areas of the national 3X10D life-situation meter (AuroraAI).
CREATE TABLE life_areas (
  county_code text NOT NULL,
  key text NOT NULL,
  ordinal smallint NOT NULL,
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (county_code, key)
);

CREATE TABLE self_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  filled_by text NOT NULL CHECK (filled_by IN ('client','client-with-worker','client-with-close-one')),
  own_words text,
  recorded_by uuid REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX self_assessments_client_idx ON self_assessments (client_id, at);

-- 1–5: 5 = fully satisfied … 1 = I have difficulties and need help.
CREATE TABLE self_assessment_answers (
  self_assessment_id uuid NOT NULL REFERENCES self_assessments(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  area_key text NOT NULL,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  note text,
  PRIMARY KEY (self_assessment_id, area_key)
);

-- Professional assessment: the six profile scales (0–9), the suggestion of the rules and the
-- professional's decision, with the reason when it differs.
CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  everyday_life smallint NOT NULL CHECK (everyday_life BETWEEN 0 AND 9),
  resources smallint NOT NULL CHECK (resources BETWEEN 0 AND 9),
  health smallint NOT NULL CHECK (health BETWEEN 0 AND 9),
  channel smallint NOT NULL CHECK (channel BETWEEN 0 AND 9),
  network smallint NOT NULL CHECK (network BETWEEN 0 AND 9),
  coordination smallint NOT NULL CHECK (coordination BETWEEN 0 AND 9),
  suggested_segment text NOT NULL CHECK (suggested_segment IN ('omatoimi','yhteiso','yhteistyo','verkosto')),
  suggested_level text NOT NULL CHECK (suggested_level IN ('neuvonta-ja-ohjaus','asiakasohjaus','intensiivinen-palveluohjaus')),
  segment text NOT NULL CHECK (segment IN ('omatoimi','yhteiso','yhteistyo','verkosto')),
  level text NOT NULL CHECK (level IN ('neuvonta-ja-ohjaus','asiakasohjaus','intensiivinen-palveluohjaus')),
  override_reason text,
  special_support_need boolean NOT NULL DEFAULT false,
  notes text,
  assessed_by uuid NOT NULL REFERENCES users(id),
  assessed_by_role text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  CHECK ((segment = suggested_segment AND level = suggested_level) OR coalesce(length(trim(override_reason)), 0) > 0),
  -- Only an official social worker assesses a special support need (SHL 2 §, GUIDE §1).
  CHECK (NOT special_support_need OR assessed_by_role = 'social-worker')
);
CREATE INDEX assessments_client_idx ON assessments (client_id, at);
