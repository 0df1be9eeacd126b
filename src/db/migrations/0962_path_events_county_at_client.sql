-- 0962 The path events of a period by county, with the client, from the index alone.
--
-- The lost-contact part of the caseloads and path-breaks reports (src/domain/reports/reports.repository.ts
-- lostContact) asks which clients have a step on the path in the last 90 days before the period's end: at
-- 1M events that is ≈ 94k events, which (county_code, at) could only find and then read from the table
-- (a bitmap heap scan over ≈ 5k pages). With the client in the index they are read from the index alone:
-- lost contact 98–103 → 85 ms of database CPU a request at 100k clients (docs/performance.md).
-- It replaces 0002's (county_code, at) index, which only the reports used, so a path event still writes
-- the same number of index entries.
CREATE INDEX path_events_county_at_client_idx ON path_events (county_code, at) INCLUDE (client_id);
DROP INDEX path_events_county_at_idx;
