-- 0002 The client's path (asiakaspolku): every event of the work with a client, in time order,
-- in one of the four phases of seed 000, with the sectors involved. Modules append here;
-- a step with more than one sector is an interface (yhdyspinta).
CREATE TABLE path_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  phase text NOT NULL CHECK (phase IN ('concern','assessment','services','follow-up')),
  kind text NOT NULL,
  at timestamptz NOT NULL,
  title text NOT NULL,
  description text,
  sectors text[] NOT NULL DEFAULT '{}',
  interface_note text,
  ref_type text,
  ref_id uuid,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX path_events_client_idx ON path_events (client_id, at);
CREATE INDEX path_events_county_at_idx ON path_events (county_code, at);
CREATE INDEX path_events_ref_idx ON path_events (ref_type, ref_id);
