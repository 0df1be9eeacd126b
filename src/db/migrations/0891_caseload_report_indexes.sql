-- 0891 Covering indexes for the caseloads report (src/domain/reports/reports.repository.ts).
--
-- * Open caseload per worker: read in (worker, client) order from the index alone, so the distinct
--   clients per worker are counted as the entries stream by instead of hashing all 100k open
--   relationships (≈ 70 → 35 ms of database time at 100k clients).
-- * Durations per level: the relationships of the county in level and start order with the columns
--   the counts and filters need, without the table rows and without sorting 100k rows by level; the
--   median open duration is read at its positions in start order instead of sorting all open ones.
-- Not a trigger-kept summary like 0813/0890: a worker's distinct clients and exact medians need the
-- individual relationships (a count per worker cannot tell a client with two relationships from two
-- clients). Relationship writes are rare next to path events, so two more index entries cost little.

CREATE INDEX client_relationships_open_caseload_idx ON client_relationships (county_code, responsible_user_id, client_id)
  INCLUDE (level, unit_id) WHERE ended_at IS NULL;
CREATE INDEX client_relationships_durations_idx ON client_relationships (county_code, level, started_at)
  INCLUDE (ended_at, unit_id, client_id);
