-- 0961 Open relationships per start day, kept up to date in the writing transaction, so the durations
-- part of the caseloads report (src/domain/reports/reports.repository.ts relationshipDurations) counts
-- the relationships open at the period's end and finds their median duration from a few thousand day
-- rows instead of reading every relationship of the county (100k index entries and three walks of
-- ≈ 17k entries to the median positions: ≈ 58 ms of database CPU a request at 100k clients).
--
-- * open_relationship_days: per county, level, unit key (NULL: every unit; relationships without a
--   unit count only there) and Finnish calendar day of `started_at`, the relationships with
--   ended_at IS NULL. Statement-level triggers with transition tables as in 0921/0960; rows at 0 stay.
-- * Open at the period's end = still open (these rows) + ended at or after the end. The latter and
--   the relationships ended in the period are read by `ended_at` from the partial index below, so the
--   report reads only relationships that ended since the period began.
-- * Days are Finnish days (Europe/Helsinki) like the session time zone every connection runs in
--   (db/database.ts); the report reads the rows only in that time zone.

CREATE TABLE open_relationship_days (
  county_code text NOT NULL,
  level text NOT NULL,
  unit_id uuid,
  day date NOT NULL,
  n integer NOT NULL,
  CONSTRAINT open_relationship_days_key UNIQUE NULLS NOT DISTINCT (county_code, level, unit_id, day)
);

CREATE INDEX client_relationships_ended_idx ON client_relationships (county_code, ended_at)
  INCLUDE (level, started_at, unit_id) WHERE ended_at IS NOT NULL;

-- The day rows one relationship counts in while open (its unit, if any, and every unit), signed.
CREATE FUNCTION open_relationship_day_deltas(r client_relationships, sign integer)
RETURNS TABLE (county_code text, level text, unit_id uuid, day date, dn integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.county_code, r.level, g.unit_id, (r.started_at AT TIME ZONE 'Europe/Helsinki')::date, sign
    FROM (SELECT r.unit_id WHERE r.unit_id IS NOT NULL UNION ALL SELECT NULL::uuid) g(unit_id)
   WHERE r.ended_at IS NULL
$$;

CREATE FUNCTION open_relationship_days_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Net change per row key, upserted in key order (concurrent writers lock rows in the same order).
  IF TG_OP = 'INSERT' THEN
    INSERT INTO open_relationship_days AS c (county_code, level, unit_id, day, n)
    SELECT x.county_code, x.level, x.unit_id, x.day, sum(x.dn) FROM new_rows w, open_relationship_day_deltas(w, 1) x
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT open_relationship_days_key DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO open_relationship_days AS c (county_code, level, unit_id, day, n)
    SELECT x.county_code, x.level, x.unit_id, x.day, sum(x.dn) FROM old_rows o, open_relationship_day_deltas(o, -1) x
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT open_relationship_days_key DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO open_relationship_days AS c (county_code, level, unit_id, day, n)
    SELECT x.county_code, x.level, x.unit_id, x.day, sum(x.dn) FROM (
      SELECT d.* FROM old_rows o, open_relationship_day_deltas(o, -1) d
      UNION ALL
      SELECT d.* FROM new_rows w, open_relationship_day_deltas(w, 1) d) x
     GROUP BY 1, 2, 3, 4 HAVING sum(x.dn) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT open_relationship_days_key DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION open_relationship_days_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM open_relationship_days;
  RETURN NULL;
END
$$;

-- A trigger with transition tables may name one event only.
CREATE TRIGGER client_relationships_open_days_insert AFTER INSERT ON client_relationships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION open_relationship_days_apply();
CREATE TRIGGER client_relationships_open_days_update AFTER UPDATE ON client_relationships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION open_relationship_days_apply();
CREATE TRIGGER client_relationships_open_days_delete AFTER DELETE ON client_relationships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION open_relationship_days_apply();
CREATE TRIGGER client_relationships_open_days_truncate AFTER TRUNCATE ON client_relationships
  FOR EACH STATEMENT EXECUTE FUNCTION open_relationship_days_truncate();

-- What is already there.
INSERT INTO open_relationship_days (county_code, level, unit_id, day, n)
SELECT x.county_code, x.level, x.unit_id, x.day, sum(x.dn) FROM client_relationships r, open_relationship_day_deltas(r, 1) x
 GROUP BY 1, 2, 3, 4;

-- Client data (derived): the tenant policy in 0920's form.
ALTER TABLE open_relationship_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON open_relationship_days FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));
