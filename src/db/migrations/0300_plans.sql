-- 0300 The one shared client plan (asiakassuunnitelma, SHL 39 §), its versions and the
-- participants' commitments; coordination responsibility on client relationships; and the
-- notifications a client is shown in the portal (responsible worker named or changed, SHL 42 §).

-- Which relationship carries the coordination responsibility (the seed's "koordinaatiovastuu");
-- coordination_until (0001) says until when.
ALTER TABLE client_relationships ADD COLUMN holds_coordination boolean NOT NULL DEFAULT false;

-- ONE plan per client or per family. The plan belongs to the organisation that holds it
-- (the coordinating one); every participating organisation with access to the client reads it.
CREATE TABLE client_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  client_id uuid NOT NULL REFERENCES clients(id), -- the client the plan was opened for
  scope text NOT NULL DEFAULT 'client' CHECK (scope IN ('client','family')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  situation_summary text NOT NULL DEFAULT '',
  client_own_goals text NOT NULL DEFAULT '',
  client_view text NOT NULL DEFAULT '',
  professional_view text NOT NULL DEFAULT '',
  review_date date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The clients a plan covers; the unique client_id is what makes the plan the ONE plan.
CREATE TABLE client_plan_members (
  plan_id uuid NOT NULL REFERENCES client_plans(id) ON DELETE CASCADE,
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (plan_id, client_id),
  UNIQUE (client_id)
);

CREATE TABLE plan_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES client_plans(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  term text NOT NULL CHECK (term IN ('short','long')),
  text text NOT NULL,
  position integer NOT NULL
);
CREATE INDEX plan_goals_plan_idx ON plan_goals (plan_id, position);

-- Actions: who does what and when, and how we know it worked (indicator).
CREATE TABLE plan_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES client_plans(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  position integer NOT NULL,
  title text NOT NULL,
  responsible_kind text NOT NULL CHECK (responsible_kind IN ('organization','client','close-one')),
  responsible_organization_id uuid REFERENCES organizations(id),
  responsible_user_id uuid REFERENCES users(id),
  responsible_name text,
  starts_at date,
  due date,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in-progress','done','not-done')),
  indicator text NOT NULL DEFAULT '',
  -- A catalogue service (0100) by id when chosen from the catalogue; the name is kept as written
  -- then, so the plan still reads right if the catalogue entry changes or goes away.
  service_id uuid,
  service_name text,
  CHECK (responsible_kind <> 'organization' OR responsible_organization_id IS NOT NULL)
);
CREATE INDEX plan_actions_plan_idx ON plan_actions (plan_id, position);
CREATE INDEX plan_actions_responsible_idx ON plan_actions (responsible_organization_id, status);

-- Services chosen for the client from the catalogue (palvelutarjotin).
CREATE TABLE plan_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES client_plans(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  position integer NOT NULL,
  service_id uuid,
  name text NOT NULL,
  provider_name text
);

-- Statutory plans owned elsewhere that the shared plan reconciles (care plan, HOJKS …).
CREATE TABLE plan_linked_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES client_plans(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  position integer NOT NULL,
  type text NOT NULL CHECK (type IN ('care-and-service-plan','employment-plan','activation-plan','rehabilitation-plan',
                                     'hojks','integration-plan','child-protection-plan')),
  owner_organization_id uuid REFERENCES organizations(id),
  owner_name text NOT NULL,
  plan_date date NOT NULL,
  note text
);

-- Each participating actor confirms its commitment to a version of the plan.
CREATE TABLE plan_commitments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES client_plans(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id), -- organisation that recorded it
  participant_key text NOT NULL, -- 'org:<uuid>' | 'client' | 'close-one:<name>'
  confirmed_version integer NOT NULL,
  confirmed_by uuid REFERENCES users(id),
  confirmed_by_name text NOT NULL,
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, participant_key)
);

-- Versions: who changed what and when, with the whole plan as it was (append-only).
CREATE TABLE plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES client_plans(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id), -- organisation of the person who changed it
  version integer NOT NULL,
  changed_by uuid REFERENCES users(id),
  changed_by_name text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changes text[] NOT NULL DEFAULT '{}',
  snapshot jsonb NOT NULL,
  UNIQUE (plan_id, version)
);

-- What the client is told in the portal: a relationship started, the responsible worker
-- changed, the plan was updated. Carries the worker's name and contact details as they were.
CREATE TABLE client_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('relationship-started','worker-changed','relationship-ended','plan-updated')),
  payload jsonb NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX client_notifications_client_idx ON client_notifications (client_id, created_at DESC);
