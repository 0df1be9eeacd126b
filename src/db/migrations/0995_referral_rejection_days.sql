-- 0995 Rejection reasons kept by 0964's refresh, so the referrals report reads the reasons of a period
-- from a few rows per Finnish day instead of joining every referral of the period to both organisations
-- (≈ 6.5 ms of database CPU a request at 50k referrals, 12.5k of them rejected).
--
-- * referral_report_rows.reason: the reason as the report shows it (trimmed, '–' when empty), on rejected
--   referrals only; recomputed with the rest of the row, so `olds = news` still skips writes that change
--   nothing the report reads.
-- * referral_rejection_days: per county, Finnish day of creation and reason, the rejected referrals; moved
--   by the difference between the rows before and after, as referral_report_days (rows at 0 stay).
-- * The report reads them only as it reads referral_report_days: no unit or client-group filter, and a
--   session in Finnish time.

ALTER TABLE referral_report_rows ADD COLUMN reason text;

CREATE TABLE referral_rejection_days (
  county_code text NOT NULL,
  day date NOT NULL, -- Finnish day of the referral's created_at
  reason text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (county_code, day, reason)
);

-- 0964's day counts, and the same for the reasons (only rows with a reason take part; upserts in key order).
CREATE OR REPLACE FUNCTION referral_report_days_add(olds referral_report_rows[], news referral_report_rows[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  WITH d AS (
    SELECT x.county_code, (x.created_at AT TIME ZONE 'Europe/Helsinki')::date AS day, x.from_sector, x.to_sector,
           sum(x.sign)::integer AS dn, sum(x.sign * (x.status = 'rejected')::integer)::integer AS dr,
           sum(x.sign * (x.status IN ('failed', 'cancelled'))::integer)::integer AS df
      FROM (SELECT o.county_code, o.created_at, o.from_sector, o.to_sector, o.status, -1 AS sign FROM unnest(olds) o
            UNION ALL
            SELECT w.county_code, w.created_at, w.from_sector, w.to_sector, w.status, 1 FROM unnest(news) w) x
     GROUP BY 1, 2, 3, 4)
  INSERT INTO referral_report_days AS k (county_code, day, from_sector, to_sector, referrals, rejected, failed)
  SELECT d.county_code, d.day, d.from_sector, d.to_sector, d.dn, d.dr, d.df FROM d
   WHERE d.dn <> 0 OR d.dr <> 0 OR d.df <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (county_code, day, from_sector, to_sector) DO UPDATE SET
    referrals = k.referrals + excluded.referrals, rejected = k.rejected + excluded.rejected, failed = k.failed + excluded.failed;
  WITH d AS (
    SELECT x.county_code, (x.created_at AT TIME ZONE 'Europe/Helsinki')::date AS day, x.reason, sum(x.sign)::integer AS dn
      FROM (SELECT o.county_code, o.created_at, o.reason, -1 AS sign FROM unnest(olds) o WHERE o.reason IS NOT NULL
            UNION ALL
            SELECT w.county_code, w.created_at, w.reason, 1 FROM unnest(news) w WHERE w.reason IS NOT NULL) x
     GROUP BY 1, 2, 3)
  INSERT INTO referral_rejection_days AS k (county_code, day, reason, n)
  SELECT d.county_code, d.day, d.reason, d.dn FROM d WHERE d.dn <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (county_code, day, reason) DO UPDATE SET n = k.n + excluded.n;
END
$$;

-- 0964's refresh with the reason in the row.
CREATE OR REPLACE FUNCTION referral_report_rows_refresh(touched referral_status_firsts[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  olds referral_report_rows[];
  news referral_report_rows[];
BEGIN
  PERFORM 1 FROM referrals r JOIN unnest(touched) t ON t.referral_id = r.id ORDER BY r.id FOR SHARE OF r;
  olds := ARRAY(SELECT x FROM referral_report_rows x JOIN (SELECT DISTINCT t.county_code, t.referral_id FROM unnest(touched) t) t
                  ON t.county_code = x.county_code AND t.referral_id = x.referral_id ORDER BY x.county_code, x.referral_id);
  news := ARRAY(
    SELECT ROW(r.county_code, r.id, r.created_at, r.status, fo.sector, coalesce(tor.sector, r.to_sector, 'unknown'),
               f.requested, f.received, f.accepted, f.completed,
               CASE WHEN r.status = 'rejected' THEN coalesce(nullif(trim(r.status_reason), ''), '–') END)::referral_report_rows
      FROM (SELECT DISTINCT t.county_code, t.referral_id FROM unnest(touched) t) t
      JOIN referrals r ON r.id = t.referral_id AND r.county_code = t.county_code AND r.status <> 'draft'
      JOIN organizations fo ON fo.id = r.organization_id
      LEFT JOIN organizations tor ON tor.id = r.to_organization_id
      LEFT JOIN referral_status_firsts f ON f.county_code = r.county_code AND f.referral_id = r.id
     ORDER BY r.county_code, r.id);
  -- Most writes change nothing the report reads (a status_changed_at, an event of another status).
  IF olds = news THEN
    RETURN;
  END IF;
  DELETE FROM referral_report_rows x USING unnest(olds) o
   WHERE x.county_code = o.county_code AND x.referral_id = o.referral_id
     AND NOT EXISTS (SELECT 1 FROM unnest(news) w WHERE w.county_code = o.county_code AND w.referral_id = o.referral_id);
  INSERT INTO referral_report_rows AS x (county_code, referral_id, created_at, status, from_sector, to_sector, requested, received, accepted, completed, reason)
  SELECT w.* FROM unnest(news) w
  ON CONFLICT (county_code, referral_id) DO UPDATE SET
    created_at = excluded.created_at, status = excluded.status, from_sector = excluded.from_sector, to_sector = excluded.to_sector,
    requested = excluded.requested, received = excluded.received, accepted = excluded.accepted, completed = excluded.completed,
    reason = excluded.reason;
  PERFORM referral_report_days_add(olds, news);
END
$$;

CREATE OR REPLACE FUNCTION referral_report_rows_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM referral_report_rows;
  DELETE FROM referral_report_days;
  DELETE FROM referral_rejection_days;
  RETURN NULL;
END
$$;

-- What is already there.
UPDATE referral_report_rows x SET reason = coalesce(nullif(trim(r.status_reason), ''), '–')
  FROM referrals r WHERE x.status = 'rejected' AND r.id = x.referral_id AND r.county_code = x.county_code;

INSERT INTO referral_rejection_days (county_code, day, reason, n)
SELECT county_code, (created_at AT TIME ZONE 'Europe/Helsinki')::date, reason, count(*)
  FROM referral_report_rows WHERE reason IS NOT NULL GROUP BY 1, 2, 3;

-- Client data (derived): the tenant policy in 0920's form.
ALTER TABLE referral_rejection_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON referral_rejection_days FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));
