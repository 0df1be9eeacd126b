-- 0910 Database sessions now run in Finnish time (TimeZone Europe/Helsinki, src/db/database.ts), so
-- report periods and the day summaries of 0813/0814 count Finnish calendar days: an event at 00:30
-- on 1 December in Helsinki belongs to December, not to 30 November as it did in UTC.
-- Summary rows written under the old zone would make the interfaces report fall back to counting
-- events (pathCrossings checks `tz`), so they are rebuilt once in this session's zone.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM path_crossing_days WHERE tz <> current_setting('TimeZone'))
     OR EXISTS (SELECT 1 FROM path_crossing_months WHERE tz <> current_setting('TimeZone')) THEN
    DELETE FROM path_crossing_days;
    DELETE FROM path_crossing_months;
    INSERT INTO path_crossing_days (county_code, tz, day, organization_id, sectors, stripe, n)
    SELECT county_code, current_setting('TimeZone'), at::date, organization_id, sectors, 0, count(*)
      FROM path_events WHERE cardinality(sectors) > 1
     GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO path_crossing_months (county_code, tz, month, organization_id, sectors, stripe, n)
    SELECT county_code, tz, date_trunc('month', day)::date, organization_id, sectors, stripe, sum(n)
      FROM path_crossing_days GROUP BY 1, 2, 3, 4, 5, 6;
  END IF;
END
$$;
