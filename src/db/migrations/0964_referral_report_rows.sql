-- 0964 The referrals report's rows, kept up to date in the writing transaction, so the referral loop
-- (src/domain/reports/reports.repository.ts referralLoop) reads counts per Finnish day and sector pair
-- and only the referrals that have a duration, instead of joining every referral of the period to both
-- organisations and to 0963's first times (≈ 70–100 ms of database CPU a request at 54k referrals,
-- most of the referrals report; docs/performance.md, issue 11).
--
-- * referral_report_rows: one narrow row per non-draft referral (county, referral): when it was created,
--   its status, the sector pair the report groups by (the sender's sector; the receiving organisation's
--   sector, else the referral's own to_sector, else 'unknown') and 0963's first status times.
--   Recomputed from the sources for every referral a statement touches: referrals (any column),
--   referral_status_firsts (0963 keeps it from the events) and organisations whose sector changed.
--   The referrals are locked first (FOR SHARE: it waits for a concurrent writer of the referral, whose
--   update holds the row, and makes a later one wait for this transaction) and the sources are read
--   in the next statement, which in READ COMMITTED sees what the other writer committed meanwhile.
-- * referral_report_days: per county, Finnish day of creation and sector pair, the referrals, the
--   rejected and the failed or cancelled ones; the same recomputation moves them by the difference
--   between the rows before and after (upsert under the row's lock, so concurrent writers add up;
--   rows at 0 stay). In the function rather than in triggers on the rows: three more trigger calls
--   per write.
-- * The report falls back to the referrals themselves for a unit or client-group filter (neither is
--   kept here) and reads the day rows only when the session's dates are Finnish days.

CREATE TABLE referral_report_rows (
  county_code text NOT NULL,
  referral_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  status text NOT NULL,
  from_sector text NOT NULL,
  to_sector text NOT NULL,
  requested timestamptz,
  received timestamptz,
  accepted timestamptz,
  completed timestamptz,
  PRIMARY KEY (county_code, referral_id)
);
-- The durations' rows only (a fifth of the referrals in the bench), with what the loop reads.
CREATE INDEX referral_report_rows_timed_idx ON referral_report_rows (county_code, created_at)
  INCLUDE (from_sector, to_sector, requested, received, accepted, completed)
  WHERE received IS NOT NULL OR accepted IS NOT NULL OR completed IS NOT NULL;

CREATE TABLE referral_report_days (
  county_code text NOT NULL,
  day date NOT NULL, -- Finnish day of the referral's created_at
  from_sector text NOT NULL,
  to_sector text NOT NULL,
  referrals integer NOT NULL,
  rejected integer NOT NULL,
  failed integer NOT NULL,
  PRIMARY KEY (county_code, day, from_sector, to_sector)
);

-- The day counts move by the rows before (-1 each) and after (+1 each); upserts in key order, so
-- concurrent writers lock day rows in the same order.
CREATE FUNCTION referral_report_days_add(olds referral_report_rows[], news referral_report_rows[]) RETURNS void
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
END
$$;

-- Recomputes the rows of the given referrals (county, id) from the sources, and the day counts.
-- Generic plans: with an array parameter of one element a custom plan always looked cheaper, so each
-- call planned its statements again (0.8 ms of a 0.1 ms call; a status update 0.2 → 1.5 ms).
CREATE FUNCTION referral_report_rows_refresh(touched referral_status_firsts[]) RETURNS void
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
               f.requested, f.received, f.accepted, f.completed)::referral_report_rows
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
  INSERT INTO referral_report_rows AS x (county_code, referral_id, created_at, status, from_sector, to_sector, requested, received, accepted, completed)
  SELECT w.* FROM unnest(news) w
  ON CONFLICT (county_code, referral_id) DO UPDATE SET
    created_at = excluded.created_at, status = excluded.status, from_sector = excluded.from_sector, to_sector = excluded.to_sector,
    requested = excluded.requested, received = excluded.received, accepted = excluded.accepted, completed = excluded.completed;
  PERFORM referral_report_days_add(olds, news);
END
$$;

CREATE FUNCTION referral_report_rows_from_referrals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM referral_report_rows_refresh(ARRAY(SELECT ROW(w.county_code, w.id, NULL, NULL, NULL, NULL)::referral_status_firsts FROM new_rows w));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM referral_report_rows_refresh(ARRAY(SELECT ROW(x.county_code, x.id, NULL, NULL, NULL, NULL)::referral_status_firsts
                                                 FROM (SELECT o.county_code, o.id FROM old_rows o UNION SELECT w.county_code, w.id FROM new_rows w) x));
  ELSE
    PERFORM referral_report_rows_refresh(ARRAY(SELECT ROW(o.county_code, o.id, NULL, NULL, NULL, NULL)::referral_status_firsts FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION referral_report_rows_from_firsts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM referral_report_rows_refresh(ARRAY(SELECT ROW(w.county_code, w.referral_id, NULL, NULL, NULL, NULL)::referral_status_firsts FROM new_rows w));
  ELSE
    -- An update (0963's upsert) or a delete (0963's truncate) of first times.
    PERFORM referral_report_rows_refresh(ARRAY(SELECT ROW(o.county_code, o.referral_id, NULL, NULL, NULL, NULL)::referral_status_firsts FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

-- An organisation's sector names the pair of every referral it sent or received.
CREATE FUNCTION referral_report_rows_from_organizations() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM referral_report_rows_refresh(ARRAY(
    SELECT ROW(r.county_code, r.id, NULL, NULL, NULL, NULL)::referral_status_firsts
      FROM old_rows o JOIN new_rows w ON w.id = o.id AND w.sector IS DISTINCT FROM o.sector
      JOIN referrals r ON r.organization_id = o.id OR r.to_organization_id = o.id));
  RETURN NULL;
END
$$;

CREATE FUNCTION referral_report_rows_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM referral_report_rows;
  DELETE FROM referral_report_days;
  RETURN NULL;
END
$$;

CREATE TRIGGER referrals_report_rows_insert AFTER INSERT ON referrals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_rows_from_referrals();
CREATE TRIGGER referrals_report_rows_update AFTER UPDATE ON referrals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_rows_from_referrals();
CREATE TRIGGER referrals_report_rows_delete AFTER DELETE ON referrals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_rows_from_referrals();
CREATE TRIGGER referrals_report_rows_truncate AFTER TRUNCATE ON referrals
  FOR EACH STATEMENT EXECUTE FUNCTION referral_report_rows_truncate();
CREATE TRIGGER referral_status_firsts_report_rows_insert AFTER INSERT ON referral_status_firsts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_rows_from_firsts();
CREATE TRIGGER referral_status_firsts_report_rows_update AFTER UPDATE ON referral_status_firsts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_rows_from_firsts();
CREATE TRIGGER referral_status_firsts_report_rows_delete AFTER DELETE ON referral_status_firsts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_rows_from_firsts();
CREATE TRIGGER organizations_report_rows_update AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_report_rows_from_organizations();

-- What is already there.
INSERT INTO referral_report_rows (county_code, referral_id, created_at, status, from_sector, to_sector, requested, received, accepted, completed)
SELECT r.county_code, r.id, r.created_at, r.status, fo.sector, coalesce(tor.sector, r.to_sector, 'unknown'),
       f.requested, f.received, f.accepted, f.completed
  FROM referrals r
  JOIN organizations fo ON fo.id = r.organization_id
  LEFT JOIN organizations tor ON tor.id = r.to_organization_id
  LEFT JOIN referral_status_firsts f ON f.county_code = r.county_code AND f.referral_id = r.id
 WHERE r.status <> 'draft';

INSERT INTO referral_report_days (county_code, day, from_sector, to_sector, referrals, rejected, failed)
SELECT county_code, (created_at AT TIME ZONE 'Europe/Helsinki')::date, from_sector, to_sector, count(*),
       count(*) FILTER (WHERE status = 'rejected'), count(*) FILTER (WHERE status IN ('failed', 'cancelled'))
  FROM referral_report_rows GROUP BY 1, 2, 3, 4;

-- Client data (derived): the tenant policy in 0920's form.
ALTER TABLE referral_report_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON referral_report_rows FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));
ALTER TABLE referral_report_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON referral_report_days FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));
