-- 0921 Open relationships per client, kept up to date in the writing transaction, so the lost-contact
-- part of the caseloads and path-breaks reports (src/domain/reports/reports.repository.ts lostContact)
-- de-duplicates only the clients that can appear twice: a client with one open relationship gives one
-- (unit, client) pair, so only clients with two or more need the distinct that hashed all ~80k pairs
-- (≈ 50 of 130 ms at 100k clients; docs/performance.md).
--
-- * One row per county and client; `n` is the number of the client's relationships with ended_at IS NULL.
--   Statement-level triggers with transition tables add what a statement opens and subtract what it
--   closes or removes (also relationships deleted by a cascade), as 0813 does; a row's upsert takes its
--   row lock, so concurrent writers add up instead of overwriting each other.
-- * Rows at 0 stay (a client's next relationship updates it instead of inserting).
-- * The partial index holds just the clients with n > 1, the set the report reads.

CREATE TABLE client_open_relationships (
  county_code text NOT NULL,
  client_id uuid NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (county_code, client_id)
);
CREATE INDEX client_open_relationships_multiple_idx ON client_open_relationships (county_code, client_id) WHERE n > 1;

CREATE FUNCTION client_open_relationships_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO client_open_relationships AS c (county_code, client_id, n)
    SELECT w.county_code, w.client_id, count(*) FROM new_rows w WHERE w.ended_at IS NULL
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (county_code, client_id) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO client_open_relationships AS c (county_code, client_id, n)
    SELECT o.county_code, o.client_id, -count(*) FROM old_rows o WHERE o.ended_at IS NULL
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (county_code, client_id) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    -- Net change per client: an update that neither opens nor closes (level, worker, unit) writes nothing.
    INSERT INTO client_open_relationships AS c (county_code, client_id, n)
    SELECT x.county_code, x.client_id, sum(x.d) FROM (
      SELECT o.county_code, o.client_id, -1 AS d FROM old_rows o WHERE o.ended_at IS NULL
      UNION ALL
      SELECT w.county_code, w.client_id, 1 FROM new_rows w WHERE w.ended_at IS NULL) x
     GROUP BY 1, 2 HAVING sum(x.d) <> 0 ORDER BY 1, 2
    ON CONFLICT (county_code, client_id) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION client_open_relationships_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM client_open_relationships;
  RETURN NULL;
END
$$;

-- A trigger with transition tables may name one event only.
CREATE TRIGGER client_relationships_open_insert AFTER INSERT ON client_relationships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_open_relationships_apply();
CREATE TRIGGER client_relationships_open_update AFTER UPDATE ON client_relationships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_open_relationships_apply();
CREATE TRIGGER client_relationships_open_delete AFTER DELETE ON client_relationships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_open_relationships_apply();
CREATE TRIGGER client_relationships_open_truncate AFTER TRUNCATE ON client_relationships
  FOR EACH STATEMENT EXECUTE FUNCTION client_open_relationships_truncate();

-- What is already there.
INSERT INTO client_open_relationships (county_code, client_id, n)
SELECT county_code, client_id, count(*) FROM client_relationships WHERE ended_at IS NULL GROUP BY 1, 2;

-- Client data (derived): the tenant policy in 0920's form.
ALTER TABLE client_open_relationships ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON client_open_relationships FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));
