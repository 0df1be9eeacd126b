-- 0001 Foundation: reference data, organisations, users, sessions, audit, clients, client relationships.
-- Every client-data table carries county_code (the shard key for a distributed PostgreSQL such as Citus)
-- and an organisation key.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The application role: not a superuser, not the owner of any table, so row-level security applies to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'polku_app') THEN
    CREATE ROLE polku_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO polku_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO polku_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO polku_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO polku_app;

CREATE TABLE wellbeing_counties (
  code text PRIMARY KEY,
  name_fi text NOT NULL,
  name_sv text,
  name_en text
);

CREATE TABLE municipalities (
  code text PRIMARY KEY,
  name_fi text NOT NULL,
  name_sv text,
  county_code text REFERENCES wellbeing_counties(code)
);

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text UNIQUE,
  county_code text NOT NULL REFERENCES wellbeing_counties(code),
  name text NOT NULL,
  name_sv text,
  name_en text,
  sector text NOT NULL CHECK (sector IN ('municipality','wellbeing-county','ngo','private','kela','state','specialist-care')),
  municipality_code text REFERENCES municipalities(code),
  phone text,
  uses_polku boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  county_code text NOT NULL,
  name text NOT NULL,
  name_sv text,
  name_en text,
  UNIQUE (organization_id, key)
);

CREATE TABLE clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  birth_date date NOT NULL,
  identity_code text,
  municipality_code text REFERENCES municipalities(code),
  language text NOT NULL DEFAULT 'fi',
  interpreter_needed boolean NOT NULL DEFAULT false,
  plain_language boolean NOT NULL DEFAULT false,
  preferred_channel text NOT NULL DEFAULT 'in-person' CHECK (preferred_channel IN ('digital','in-person')),
  non_disclosure boolean NOT NULL DEFAULT false,
  address text,
  phone text,
  email text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX clients_identity_code_uq ON clients (county_code, identity_code) WHERE identity_code IS NOT NULL;
CREATE INDEX clients_name_idx ON clients (county_code, lower(last_name), lower(first_name));
CREATE INDEX clients_name_trgm_idx ON clients USING gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  display_name text NOT NULL,
  title text,
  role text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  unit_id uuid REFERENCES units(id),
  county_code text NOT NULL,
  client_id uuid REFERENCES clients(id),
  phone text,
  email text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_org_idx ON users (organization_id);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  absolute_expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Client relationship (asiakkuus) in one organisation at one level of service guidance,
-- with the named responsible worker (omatyöntekijä) and a backup.
CREATE TABLE client_relationships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  county_code text NOT NULL,
  unit_id uuid REFERENCES units(id),
  level text NOT NULL CHECK (level IN ('neuvonta-ja-ohjaus','asiakasohjaus','intensiivinen-palveluohjaus')),
  responsible_user_id uuid REFERENCES users(id),
  backup_user_id uuid REFERENCES users(id),
  coordination_note text,
  coordination_until date,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  created_by uuid REFERENCES users(id)
);
CREATE INDEX client_relationships_client_idx ON client_relationships (client_id) WHERE ended_at IS NULL;
CREATE INDEX client_relationships_org_idx ON client_relationships (organization_id, client_id) WHERE ended_at IS NULL;
CREATE INDEX client_relationships_worker_idx ON client_relationships (responsible_user_id) WHERE ended_at IS NULL;

-- Append-only audit log (Act 703/2023 use and disclosure log). Rows are hash-chained in 64 chains
-- (by client) so that concurrent transactions on different clients do not queue behind one lock.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  chain smallint NOT NULL,
  user_id uuid,
  username text,
  organization_id uuid,
  county_code text,
  client_id uuid,
  action text NOT NULL,
  resource text,
  resource_id text,
  basis text,
  allowed boolean NOT NULL,
  correlation_id text,
  ip text,
  details jsonb,
  prev_hash text,
  hash text NOT NULL
);
CREATE INDEX audit_log_client_idx ON audit_log (client_id, at DESC);
CREATE INDEX audit_log_chain_idx ON audit_log (chain, id DESC);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at DESC);

CREATE FUNCTION audit_append(
  p_user_id uuid, p_username text, p_organization_id uuid, p_county_code text, p_client_id uuid,
  p_action text, p_resource text, p_resource_id text, p_basis text, p_allowed boolean,
  p_correlation_id text, p_ip text, p_details jsonb
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_chain smallint := CASE WHEN p_client_id IS NULL THEN 0
                           ELSE (abs(hashtext(p_client_id::text)) % 64)::smallint END;
  v_prev text;
  v_at timestamptz := clock_timestamp();
  v_hash text;
  v_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(707023, v_chain);
  SELECT hash INTO v_prev FROM audit_log WHERE chain = v_chain ORDER BY id DESC LIMIT 1;
  v_hash := encode(sha256(convert_to(concat_ws('|',
    coalesce(v_prev, ''), v_at::text, v_chain::text, coalesce(p_user_id::text, ''), coalesce(p_organization_id::text, ''),
    coalesce(p_client_id::text, ''), p_action, coalesce(p_resource, ''), coalesce(p_resource_id, ''),
    coalesce(p_basis, ''), p_allowed::text, coalesce(p_details::text, '')), 'UTF8')), 'hex');
  INSERT INTO audit_log (at, chain, user_id, username, organization_id, county_code, client_id, action, resource,
                         resource_id, basis, allowed, correlation_id, ip, details, prev_hash, hash)
  VALUES (v_at, v_chain, p_user_id, p_username, p_organization_id, p_county_code, p_client_id, p_action, p_resource,
          p_resource_id, p_basis, p_allowed, p_correlation_id, p_ip, p_details, v_prev, v_hash)
  RETURNING id INTO v_id;
  RETURN v_id;
END
$$;

-- The app may only append (through audit_append) and read; never rewrite history.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM polku_app;
