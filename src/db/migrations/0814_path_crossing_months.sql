-- 0814 The sector-crossing summary of 0813 also per month. A period of years read from the day
-- rows still sums one row per day, organisation and sector set (≈ 18k rows at 100k path events,
-- 17 ms); whole calendar months inside the period now come from the month rows and only the days
-- of the partial first and last month from the day rows (src/domain/reports/reports.repository.ts).
-- Same key, stripes, TimeZone rule and row-level security as 0813; the same triggers fill both.

CREATE TABLE path_crossing_months (
  county_code text NOT NULL,
  tz text NOT NULL,
  month date NOT NULL, -- first day of the month (in `tz`)
  organization_id uuid,
  sectors text[] NOT NULL,
  stripe smallint NOT NULL,
  n bigint NOT NULL,
  CONSTRAINT path_crossing_months_key UNIQUE NULLS NOT DISTINCT (county_code, tz, month, organization_id, sectors, stripe)
);

-- One statement per event kind (old_rows / new_rows exist only for their own kind): the change as
-- (county, day, organisation, sector set, ±n), upserted into the day and the month rows.
CREATE OR REPLACE FUNCTION path_crossing_days_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH delta AS (SELECT w.county_code, w.at::date AS day, w.organization_id, w.sectors, count(*) AS n FROM new_rows w WHERE cardinality(w.sectors) > 1 GROUP BY 1, 2, 3, 4),
    days AS (
      INSERT INTO path_crossing_days AS d (county_code, tz, day, organization_id, sectors, stripe, n)
      SELECT county_code, current_setting('TimeZone'), day, organization_id, sectors, (pg_backend_pid() % 8)::smallint, sum(n)
        FROM delta GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT path_crossing_days_key DO UPDATE SET n = d.n + excluded.n)
    INSERT INTO path_crossing_months AS m (county_code, tz, month, organization_id, sectors, stripe, n)
    SELECT county_code, current_setting('TimeZone'), date_trunc('month', day)::date, organization_id, sectors, (pg_backend_pid() % 8)::smallint, sum(n)
      FROM delta GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT path_crossing_months_key DO UPDATE SET n = m.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    WITH delta AS (SELECT o.county_code, o.at::date AS day, o.organization_id, o.sectors, -count(*) AS n FROM old_rows o WHERE cardinality(o.sectors) > 1 GROUP BY 1, 2, 3, 4),
    days AS (
      INSERT INTO path_crossing_days AS d (county_code, tz, day, organization_id, sectors, stripe, n)
      SELECT county_code, current_setting('TimeZone'), day, organization_id, sectors, (pg_backend_pid() % 8)::smallint, sum(n)
        FROM delta GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT path_crossing_days_key DO UPDATE SET n = d.n + excluded.n)
    INSERT INTO path_crossing_months AS m (county_code, tz, month, organization_id, sectors, stripe, n)
    SELECT county_code, current_setting('TimeZone'), date_trunc('month', day)::date, organization_id, sectors, (pg_backend_pid() % 8)::smallint, sum(n)
      FROM delta GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT path_crossing_months_key DO UPDATE SET n = m.n + excluded.n;
  ELSE
    WITH delta AS (SELECT o.county_code, o.at::date AS day, o.organization_id, o.sectors, -count(*) AS n FROM old_rows o WHERE cardinality(o.sectors) > 1 GROUP BY 1, 2, 3, 4 UNION ALL SELECT w.county_code, w.at::date AS day, w.organization_id, w.sectors, count(*) AS n FROM new_rows w WHERE cardinality(w.sectors) > 1 GROUP BY 1, 2, 3, 4),
    days AS (
      INSERT INTO path_crossing_days AS d (county_code, tz, day, organization_id, sectors, stripe, n)
      SELECT county_code, current_setting('TimeZone'), day, organization_id, sectors, (pg_backend_pid() % 8)::smallint, sum(n)
        FROM delta GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT path_crossing_days_key DO UPDATE SET n = d.n + excluded.n)
    INSERT INTO path_crossing_months AS m (county_code, tz, month, organization_id, sectors, stripe, n)
    SELECT county_code, current_setting('TimeZone'), date_trunc('month', day)::date, organization_id, sectors, (pg_backend_pid() % 8)::smallint, sum(n)
      FROM delta GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT path_crossing_months_key DO UPDATE SET n = m.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION path_crossing_days_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM path_crossing_days;
  DELETE FROM path_crossing_months;
  RETURN NULL;
END
$$;

INSERT INTO path_crossing_months (county_code, tz, month, organization_id, sectors, stripe, n)
SELECT county_code, tz, date_trunc('month', day)::date, organization_id, sectors, stripe, sum(n)
  FROM path_crossing_days GROUP BY 1, 2, 3, 4, 5, 6;

ALTER TABLE path_crossing_months ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON path_crossing_months FOR ALL TO polku_app
  USING (polku_tenant_row(county_code)) WITH CHECK (polku_tenant_row(county_code));
