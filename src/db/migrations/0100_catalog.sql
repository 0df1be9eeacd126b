-- 0100 Service catalogue (palvelutarjotin): services of every producer, their edit history,
-- and the search vocabulary. Services are public information, not client data; county_code
-- and organization_id are still carried so the catalogue shards with the rest of the county.

-- array_to_string is only STABLE, so generated columns cannot call it directly. Joining
-- plain text array elements with spaces never depends on settings, hence IMMUTABLE is safe.
CREATE FUNCTION catalog_words(text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

CREATE TABLE catalog_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  -- Imported services may come from producers that are not Polku organisations.
  provider_name text,
  provider_sector text CHECK (provider_sector IN ('municipality','wellbeing-county','ngo','private','kela','state','specialist-care')),
  seed_key text UNIQUE,
  ptv_id text UNIQUE,
  source text NOT NULL CHECK (source IN ('seed','ptv','manual')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive','draft')),
  name_fi text NOT NULL,
  name_sv text,
  name_en text,
  summary_fi text NOT NULL DEFAULT '',
  summary_sv text,
  summary_en text,
  description_fi text NOT NULL DEFAULT '',
  description_sv text,
  description_en text,
  keywords text[] NOT NULL DEFAULT '{}',
  client_groups text[] NOT NULL DEFAULT '{}',
  segments text[] NOT NULL DEFAULT '{}',
  age_min int CHECK (age_min IS NULL OR age_min BETWEEN 0 AND 130),
  age_max int CHECK (age_max IS NULL OR age_max BETWEEN 0 AND 130),
  channels text[] NOT NULL DEFAULT '{}',
  access_route text CHECK (access_route IN ('open','booking','referral','decision')),
  low_threshold boolean NOT NULL DEFAULT false,
  cost text,
  languages text[] NOT NULL DEFAULT '{}',
  legal_basis text,
  area_national boolean NOT NULL DEFAULT false,
  area_county_codes text[] NOT NULL DEFAULT '{}',
  area_municipality_codes text[] NOT NULL DEFAULT '{}',
  phone text,
  email text,
  url text,
  opening_hours text,
  service_classes text[] NOT NULL DEFAULT '{}',
  -- Hash of the imported content: a re-import of unchanged data writes nothing.
  content_hash text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
  -- Weighted: name (A) > summary (B) > keywords (C) > description (D).
  search_fi tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('finnish'::regconfig, name_fi), 'A') ||
    setweight(to_tsvector('finnish'::regconfig, summary_fi), 'B') ||
    setweight(to_tsvector('finnish'::regconfig, catalog_words(keywords)), 'C') ||
    setweight(to_tsvector('finnish'::regconfig, description_fi), 'D')
  ) STORED,
  search_sv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish'::regconfig, coalesce(name_sv, '')), 'A') ||
    setweight(to_tsvector('swedish'::regconfig, coalesce(summary_sv, '')), 'B') ||
    setweight(to_tsvector('swedish'::regconfig, coalesce(description_sv, '')), 'D')
  ) STORED,
  -- Unstemmed words of every language: the target of prefix queries built from Finnish
  -- roots (the snowball stemmer alone misses velkaneuvontaa ↔ velkaneuvonta, kotihoidon ↔ kotihoito).
  search_words tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, name_fi || ' ' || coalesce(name_sv, '') || ' ' || coalesce(name_en, '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, summary_fi || ' ' || coalesce(summary_sv, '') || ' ' || coalesce(summary_en, '')), 'B') ||
    setweight(to_tsvector('simple'::regconfig, catalog_words(keywords)), 'C') ||
    setweight(to_tsvector('simple'::regconfig, description_fi || ' ' || coalesce(description_en, '')), 'D')
  ) STORED,
  -- Name and keywords for trigram matching of compounds and typos.
  name_keywords text GENERATED ALWAYS AS (lower(name_fi || ' ' || catalog_words(keywords))) STORED
);
CREATE INDEX catalog_services_search_fi_idx ON catalog_services USING gin (search_fi);
CREATE INDEX catalog_services_search_sv_idx ON catalog_services USING gin (search_sv);
CREATE INDEX catalog_services_search_words_idx ON catalog_services USING gin (search_words);
CREATE INDEX catalog_services_name_trgm_idx ON catalog_services USING gin (name_keywords gin_trgm_ops);
CREATE INDEX catalog_services_org_idx ON catalog_services (organization_id);
CREATE INDEX catalog_services_name_idx ON catalog_services (lower(name_fi));

-- Who changed what and when (the audit log records the act; this keeps the content).
CREATE TABLE catalog_service_history (
  id bigserial PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES catalog_services(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  organization_id uuid,
  version int NOT NULL,
  action text NOT NULL CHECK (action IN ('create','update','import')),
  changed_by uuid REFERENCES users(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changes jsonb NOT NULL
);
CREATE INDEX catalog_service_history_service_idx ON catalog_service_history (service_id, id DESC);

-- The words that occur in the catalogue: query words are corrected against it (typos)
-- and split on it (compounds). Rebuilt after imports and edits.
CREATE TABLE catalog_lexicon (
  word text PRIMARY KEY,
  doc_count int NOT NULL
);
CREATE INDEX catalog_lexicon_trgm_idx ON catalog_lexicon USING gin (word gin_trgm_ops);
CREATE INDEX catalog_lexicon_prefix_idx ON catalog_lexicon (word text_pattern_ops);
