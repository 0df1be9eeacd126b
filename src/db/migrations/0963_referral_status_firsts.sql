-- 0963 The first time each referral reached each status, kept up to date in the writing transaction, so
-- the referrals report (src/domain/reports/reports.repository.ts referralBase) joins one row per referral
-- instead of grouping every status event of the period per referral (a hash aggregation of ≈ 54k events
-- into 54k groups at 1M path events: ≈ 35 % of the referral loop's database CPU; docs/performance.md).
--
-- * One row per county and referral (the county of the events, as the report counts only its county's
--   events): the earliest `at` of the statuses requested, received, accepted and completed.
-- * Events are appended (referrals.repository.ts); an insert takes the earlier of the kept and the new
--   time (`least` skips NULLs), under the row's lock, so concurrent writers need no order. An update or a
--   delete of events (also by a cascade) recomputes its referrals from referral_events: the rows are
--   locked first and read in the next statement, which in READ COMMITTED sees what a concurrent writer
--   committed meanwhile.
-- * The report asks for the earliest time at or after the period's start; a kept time before the start
--   (an event dated before its referral was created in the period) is looked up from the events instead.

CREATE TABLE referral_status_firsts (
  county_code text NOT NULL,
  referral_id uuid NOT NULL,
  requested timestamptz,
  received timestamptz,
  accepted timestamptz,
  completed timestamptz,
  PRIMARY KEY (county_code, referral_id)
);

CREATE FUNCTION referral_status_firsts_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  touched referral_status_firsts[]; -- the (county, referral) keys to recompute; the times unused
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO referral_status_firsts AS f (county_code, referral_id, requested, received, accepted, completed)
    SELECT w.county_code, w.referral_id, min(w.at) FILTER (WHERE w.status = 'requested'), min(w.at) FILTER (WHERE w.status = 'received'),
           min(w.at) FILTER (WHERE w.status = 'accepted'), min(w.at) FILTER (WHERE w.status = 'completed')
      FROM new_rows w GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (county_code, referral_id) DO UPDATE SET
      requested = least(f.requested, excluded.requested), received = least(f.received, excluded.received),
      accepted = least(f.accepted, excluded.accepted), completed = least(f.completed, excluded.completed);
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    touched := ARRAY(SELECT ROW(x.county_code, x.referral_id, NULL, NULL, NULL, NULL)::referral_status_firsts
                       FROM (SELECT o.county_code, o.referral_id FROM old_rows o UNION SELECT w.county_code, w.referral_id FROM new_rows w) x);
  ELSE
    touched := ARRAY(SELECT ROW(x.county_code, x.referral_id, NULL, NULL, NULL, NULL)::referral_status_firsts
                       FROM (SELECT DISTINCT o.county_code, o.referral_id FROM old_rows o) x);
  END IF;
  PERFORM 1 FROM referral_status_firsts f JOIN unnest(touched) t ON t.county_code = f.county_code AND t.referral_id = f.referral_id
   ORDER BY f.county_code, f.referral_id FOR UPDATE OF f;
  INSERT INTO referral_status_firsts AS f (county_code, referral_id, requested, received, accepted, completed)
  SELECT t.county_code, t.referral_id, min(e.at) FILTER (WHERE e.status = 'requested'), min(e.at) FILTER (WHERE e.status = 'received'),
         min(e.at) FILTER (WHERE e.status = 'accepted'), min(e.at) FILTER (WHERE e.status = 'completed')
    FROM unnest(touched) t LEFT JOIN referral_events e ON e.referral_id = t.referral_id AND e.county_code = t.county_code
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (county_code, referral_id) DO UPDATE SET
    requested = excluded.requested, received = excluded.received, accepted = excluded.accepted, completed = excluded.completed;
  RETURN NULL;
END
$$;

CREATE FUNCTION referral_status_firsts_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM referral_status_firsts;
  RETURN NULL;
END
$$;

-- A trigger with transition tables may name one event only.
CREATE TRIGGER referral_events_firsts_insert AFTER INSERT ON referral_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_status_firsts_apply();
CREATE TRIGGER referral_events_firsts_update AFTER UPDATE ON referral_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_status_firsts_apply();
CREATE TRIGGER referral_events_firsts_delete AFTER DELETE ON referral_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_status_firsts_apply();
CREATE TRIGGER referral_events_firsts_truncate AFTER TRUNCATE ON referral_events
  FOR EACH STATEMENT EXECUTE FUNCTION referral_status_firsts_truncate();

-- What is already there.
INSERT INTO referral_status_firsts (county_code, referral_id, requested, received, accepted, completed)
SELECT e.county_code, e.referral_id, min(e.at) FILTER (WHERE e.status = 'requested'), min(e.at) FILTER (WHERE e.status = 'received'),
       min(e.at) FILTER (WHERE e.status = 'accepted'), min(e.at) FILTER (WHERE e.status = 'completed')
  FROM referral_events e GROUP BY 1, 2;

-- Client data (derived): the tenant policy in 0920's form.
ALTER TABLE referral_status_firsts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON referral_status_firsts FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));
