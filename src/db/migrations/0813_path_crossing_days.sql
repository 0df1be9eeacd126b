-- 0813 Sector crossings on the path per day, kept up to date in the writing transaction, so the
-- interfaces report (src/domain/reports/reports.repository.ts pathCrossings) reads a few thousand
-- summary rows instead of every crossing event of the period (315k of 1M events: 410–600 ms a
-- request, p95 2.1 s with 10 managers at once; docs/performance.md).
--
-- * One row per county, day, organisation, sector set and stripe; `n` is the number of path events
--   with more than one sector. Statement-level triggers with transition tables: one upsert per
--   statement and group, not per row; updates and deletes subtract what they remove.
-- * `stripe` (the backend pid modulo 8) spreads concurrent writers of the same day, organisation and
--   sector set over different rows, so their transactions do not wait for each other's row lock
--   until commit. The report sums the stripes.
-- * `day` is the event time's date in the writing session's TimeZone, the same conversion the
--   reports use for their period bounds; `tz` records it. The report uses this table only when every
--   row of the county was written under its own session's TimeZone, else it counts the events.
-- * Client-group filters need each client's age: the report counts the events for those.

CREATE TABLE path_crossing_days (
  county_code text NOT NULL,
  tz text NOT NULL,
  day date NOT NULL,
  organization_id uuid,
  sectors text[] NOT NULL,
  stripe smallint NOT NULL,
  n bigint NOT NULL,
  CONSTRAINT path_crossing_days_key UNIQUE NULLS NOT DISTINCT (county_code, tz, day, organization_id, sectors, stripe)
);

CREATE FUNCTION path_crossing_days_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO path_crossing_days AS d (county_code, tz, day, organization_id, sectors, stripe, n)
    SELECT o.county_code, current_setting('TimeZone'), o.at::date, o.organization_id, o.sectors, (pg_backend_pid() % 8)::smallint, -count(*)
      FROM old_rows o WHERE cardinality(o.sectors) > 1
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT path_crossing_days_key DO UPDATE SET n = d.n + excluded.n;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO path_crossing_days AS d (county_code, tz, day, organization_id, sectors, stripe, n)
    SELECT w.county_code, current_setting('TimeZone'), w.at::date, w.organization_id, w.sectors, (pg_backend_pid() % 8)::smallint, count(*)
      FROM new_rows w WHERE cardinality(w.sectors) > 1
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT path_crossing_days_key DO UPDATE SET n = d.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION path_crossing_days_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM path_crossing_days;
  RETURN NULL;
END
$$;

-- A trigger with transition tables may name one event only.
CREATE TRIGGER path_events_crossings_insert AFTER INSERT ON path_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION path_crossing_days_apply();
CREATE TRIGGER path_events_crossings_update AFTER UPDATE ON path_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION path_crossing_days_apply();
CREATE TRIGGER path_events_crossings_delete AFTER DELETE ON path_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION path_crossing_days_apply();
CREATE TRIGGER path_events_crossings_truncate AFTER TRUNCATE ON path_events
  FOR EACH STATEMENT EXECUTE FUNCTION path_crossing_days_truncate();

-- What is already there (stripe 0).
INSERT INTO path_crossing_days (county_code, tz, day, organization_id, sectors, stripe, n)
SELECT county_code, current_setting('TimeZone'), at::date, organization_id, sectors, 0, count(*)
  FROM path_events WHERE cardinality(sectors) > 1
 GROUP BY 1, 2, 3, 4, 5;

-- Client data (derived): the tenant policy of 0801.
ALTER TABLE path_crossing_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON path_crossing_days FOR ALL TO polku_app
  USING (polku_tenant_row(county_code)) WITH CHECK (polku_tenant_row(county_code));
