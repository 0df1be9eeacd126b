-- 0600 School absences: the LAPE model (seed 003, "Poissaolojen seuranta ja niihin puuttuminen"):
-- absence hours per pupil and school year by kind, the pupil's school, municipality limits,
-- the steps taken at 30 / 50 / 70 hours with the agreed follow-up and responsible person,
-- the optional school-absence survey, and the CSV import log.

-- A pupil's school (oppilaitos / koulu). The education provider (the municipality) owns the row.
-- pupil_number is the school system's own pupil id (Wilma, Primus), used by the CSV import.
CREATE TABLE pupil_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  class_name text,
  pupil_number text,
  started_on date NOT NULL DEFAULT current_date,
  ended_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- A pupil attends one school at a time.
CREATE UNIQUE INDEX pupil_enrolments_active_uq ON pupil_enrolments (client_id) WHERE ended_on IS NULL;
CREATE UNIQUE INDEX pupil_enrolments_number_uq ON pupil_enrolments (unit_id, pupil_number) WHERE ended_on IS NULL AND pupil_number IS NOT NULL;
CREATE INDEX pupil_enrolments_unit_idx ON pupil_enrolments (unit_id) WHERE ended_on IS NULL;

-- Student welfare staff of the wellbeing county who serve a school (kuraattori, psykologi,
-- terveydenhoitaja): since 2023 they are employed by the county, not by the school.
-- Together with the school's own staff they form the school's student welfare group.
CREATE TABLE school_welfare_staff (
  unit_id uuid NOT NULL REFERENCES units(id),
  user_id uuid NOT NULL REFERENCES users(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, user_id)
);
CREATE INDEX school_welfare_staff_user_idx ON school_welfare_staff (user_id);

-- One CSV import from a school's student information system: who, when, what was rejected.
CREATE TABLE absence_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  file_name text,
  rows_total integer NOT NULL,
  rows_imported integer NOT NULL,
  rejected jsonb NOT NULL DEFAULT '[]',
  imported_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE absences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  unit_id uuid REFERENCES units(id),
  school_year text NOT NULL CHECK (school_year ~ '^\d{4}-\d{4}$'),
  date date NOT NULL,
  hours numeric(5,2) NOT NULL CHECK (hours > 0 AND hours <= 24),
  kind text NOT NULL CHECK (kind IN ('unauthorized','sick','other')),
  note text,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','import')),
  import_id uuid REFERENCES absence_imports(id),
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX absences_client_year_idx ON absences (client_id, school_year, date);

-- A municipality's own limits (the seed's 30/50/70 are the default when there is no row).
CREATE TABLE absence_thresholds (
  municipality_code text PRIMARY KEY REFERENCES municipalities(code),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  concern_hours numeric(6,2) NOT NULL,
  level1_hours numeric(6,2) NOT NULL,
  level2_hours numeric(6,2) NOT NULL,
  level3_hours numeric(6,2) NOT NULL,
  count_kinds text[] NOT NULL,
  concern_kinds text[] NOT NULL,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (0 < concern_hours AND concern_hours < level1_hours AND level1_hours < level2_hours AND level2_hours < level3_hours)
);

-- A step of the model recorded as taken, with what the seed asks every step to agree:
-- "seurantapalaverin ajankohta ja vastuuhenkilö oppilaan asioissa". Links to the real records:
-- the network meeting (minutes, tasks) and the concern routed to social services.
CREATE TABLE absence_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  unit_id uuid REFERENCES units(id),
  school_year text NOT NULL,
  code text NOT NULL CHECK (code IN ('discuss-with-guardians','school-meeting','multi-agency-meeting','social-welfare-notification')),
  done_on date NOT NULL,
  follow_up_date date,
  responsible_person text,
  participants text,
  agreed text,
  support_measures text,
  meeting_id uuid REFERENCES meetings(id),
  concern_id uuid REFERENCES concerns(id),
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX absence_steps_client_year_idx ON absence_steps (client_id, school_year, done_on);
CREATE INDEX absence_steps_follow_up_idx ON absence_steps (unit_id, follow_up_date);

-- The optional school-absence survey after 30 h: Kearney's School Refusal Assessment Scale-Revised
-- (SRAS-R). Mean item scores 0–6 of its four functions tell why the pupil stays away.
CREATE TABLE absence_surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  school_year text NOT NULL,
  instrument text NOT NULL DEFAULT 'sras-r',
  done_on date NOT NULL,
  negative_affect numeric(3,2) NOT NULL CHECK (negative_affect BETWEEN 0 AND 6),
  social_evaluative numeric(3,2) NOT NULL CHECK (social_evaluative BETWEEN 0 AND 6),
  attention numeric(3,2) NOT NULL CHECK (attention BETWEEN 0 AND 6),
  tangible numeric(3,2) NOT NULL CHECK (tangible BETWEEN 0 AND 6),
  summary text,
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX absence_surveys_client_idx ON absence_surveys (client_id, school_year);
