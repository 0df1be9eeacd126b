-- 0810 Catalogue generation: one number that moves whenever the service catalogue (or an
-- organisation, whose name and sector the catalogue shows) changes, so a process can keep the
-- active catalogue in memory and check with one primary-key read whether it is still current
-- (recommendations: src/domain/guidance/guidance.service.ts, docs/performance.md).
--
-- The number comes from a sequence, not a counter: sequence values are never handed out twice,
-- even when the writing transaction rolls back, so a snapshot read inside a transaction that later
-- rolled back can never be mistaken for a committed state. Statement-level triggers: an import of
-- 1 800 services moves it once. `instance` tells databases apart (one process may talk to several,
-- e.g. tests), since two fresh databases count the same generations.

CREATE SEQUENCE catalog_generation_seq;

CREATE TABLE catalog_generation (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  instance uuid NOT NULL DEFAULT gen_random_uuid(),
  gen bigint NOT NULL
);
INSERT INTO catalog_generation (id, gen) VALUES (true, nextval('catalog_generation_seq'));

CREATE FUNCTION catalog_generation_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_generation SET gen = nextval('catalog_generation_seq') WHERE id;
  RETURN NULL;
END
$$;

CREATE TRIGGER catalog_services_generation
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_services
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_generation_bump();

CREATE TRIGGER organizations_catalog_generation
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_generation_bump();
