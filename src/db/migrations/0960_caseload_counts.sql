-- 0960 Open caseload per worker, kept up to date in the writing transaction, so the caseloads report
-- (src/domain/reports/reports.repository.ts caseloads) reads one row per worker instead of grouping
-- every open relationship of the county into (worker, client) pairs (100k index entries, ≈ 48 ms of
-- database CPU a request at 100k clients; docs/performance.md).
--
-- The report counts distinct clients per worker (a client with two open relationships with the same
-- worker counts once) and, of those, the clients with an open intensive relationship; with a unit
-- filter only the worker's relationships in that unit count. A count per worker cannot tell one
-- client with two relationships from two clients, so the distinct is kept at the pair level:
--
-- * caseload_pairs: open relationships (`n`) and open intensive ones (`ni`) per county, worker,
--   unit and client; `unit_id` NULL is the row over every unit (relationships without a unit count
--   only there, as no unit filter matches them).
-- * caseload_counts: per county, worker and the same unit key, the clients whose pair has n > 0
--   (`clients`) and ni > 0 (`intensive`). A statement's net change per pair is added to the pair
--   (upsert, which takes the pair's row lock, so concurrent writers add up as in 0921) and the pairs
--   that crossed zero move the worker's counts, in the same statement.
-- * Statement-level triggers with transition tables (inserts, updates of any column, deletes also by
--   cascade, truncate), like 0813/0921. Rows at 0 stay.
-- * The client-group filter needs each client's age on the period's last day, so the report reads
--   the relationships themselves when it is given.

CREATE TABLE caseload_pairs (
  county_code text NOT NULL,
  user_id uuid NOT NULL,
  unit_id uuid,
  client_id uuid NOT NULL,
  n integer NOT NULL,
  ni integer NOT NULL,
  CONSTRAINT caseload_pairs_key UNIQUE NULLS NOT DISTINCT (county_code, user_id, unit_id, client_id)
);

CREATE TABLE caseload_counts (
  county_code text NOT NULL,
  user_id uuid NOT NULL,
  unit_id uuid,
  clients integer NOT NULL,
  intensive integer NOT NULL,
  CONSTRAINT caseload_counts_key UNIQUE NULLS NOT DISTINCT (county_code, user_id, unit_id)
);

-- A statement's change per (county, worker, unit key, client): -1 for an open relationship it removed
-- or changed, +1 for one it added or changed to; `di` the same for intensive ones.
CREATE TYPE caseload_delta AS (county_code text, user_id uuid, unit_id uuid, client_id uuid, dn integer, di integer);

-- The two unit keys of one relationship (its unit, if any, and NULL for every unit), signed.
CREATE FUNCTION caseload_deltas(r client_relationships, sign integer) RETURNS SETOF caseload_delta
LANGUAGE sql IMMUTABLE AS $$
  SELECT r.county_code, r.responsible_user_id, g.unit_id, r.client_id, sign, sign * (r.level = 'intensiivinen-palveluohjaus')::integer
    FROM (SELECT r.unit_id WHERE r.unit_id IS NOT NULL UNION ALL SELECT NULL::uuid) g(unit_id)
   WHERE r.ended_at IS NULL AND r.responsible_user_id IS NOT NULL
$$;

-- Adds the net change per pair and moves the counts of the pairs whose n or ni crossed zero (the value
-- before this statement is the upserted value minus the change). Both upserts in key order, so
-- concurrent writers lock rows in the same order. The join key folds NULL into a fixed uuid so that a
-- large statement (the bench generator's 100k relationships) hashes instead of looping.
CREATE FUNCTION caseload_counts_add(deltas caseload_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT x.county_code, x.user_id, x.unit_id, x.client_id, sum(x.dn)::integer AS dn, sum(x.di)::integer AS di
      FROM unnest(deltas) x
     GROUP BY 1, 2, 3, 4 HAVING sum(x.dn) <> 0 OR sum(x.di) <> 0),
  p AS (
    INSERT INTO caseload_pairs AS c (county_code, user_id, unit_id, client_id, n, ni)
    SELECT d.county_code, d.user_id, d.unit_id, d.client_id, d.dn, d.di FROM d ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT caseload_pairs_key DO UPDATE SET n = c.n + excluded.n, ni = c.ni + excluded.ni
    RETURNING c.county_code, c.user_id, c.unit_id, c.client_id, c.n, c.ni)
  INSERT INTO caseload_counts AS k (county_code, user_id, unit_id, clients, intensive)
  SELECT p.county_code, p.user_id, p.unit_id,
         sum((p.n > 0)::integer - (p.n - d.dn > 0)::integer), sum((p.ni > 0)::integer - (p.ni - d.di > 0)::integer)
    FROM p JOIN d ON d.county_code = p.county_code AND d.user_id = p.user_id AND d.client_id = p.client_id
                 AND coalesce(d.unit_id, '00000000-0000-0000-0000-000000000000') = coalesce(p.unit_id, '00000000-0000-0000-0000-000000000000')
   GROUP BY 1, 2, 3
  HAVING sum((p.n > 0)::integer - (p.n - d.dn > 0)::integer) <> 0 OR sum((p.ni > 0)::integer - (p.ni - d.di > 0)::integer) <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT caseload_counts_key DO UPDATE SET clients = k.clients + excluded.clients, intensive = k.intensive + excluded.intensive;
END
$$;

CREATE FUNCTION caseload_counts_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM caseload_counts_add(ARRAY(SELECT x FROM new_rows w, caseload_deltas(w, 1) x));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM caseload_counts_add(ARRAY(SELECT x FROM old_rows o, caseload_deltas(o, -1) x));
  ELSE
    PERFORM caseload_counts_add(ARRAY(SELECT x FROM old_rows o, caseload_deltas(o, -1) x
                                      UNION ALL SELECT x FROM new_rows w, caseload_deltas(w, 1) x));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION caseload_counts_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM caseload_pairs;
  DELETE FROM caseload_counts;
  RETURN NULL;
END
$$;

-- A trigger with transition tables may name one event only.
CREATE TRIGGER client_relationships_caseload_insert AFTER INSERT ON client_relationships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caseload_counts_apply();
CREATE TRIGGER client_relationships_caseload_update AFTER UPDATE ON client_relationships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caseload_counts_apply();
CREATE TRIGGER client_relationships_caseload_delete AFTER DELETE ON client_relationships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION caseload_counts_apply();
CREATE TRIGGER client_relationships_caseload_truncate AFTER TRUNCATE ON client_relationships
  FOR EACH STATEMENT EXECUTE FUNCTION caseload_counts_truncate();

-- What is already there.
INSERT INTO caseload_pairs (county_code, user_id, unit_id, client_id, n, ni)
SELECT x.county_code, x.user_id, x.unit_id, x.client_id, sum(x.dn), sum(x.di)
  FROM client_relationships r, caseload_deltas(r, 1) x GROUP BY 1, 2, 3, 4;
INSERT INTO caseload_counts (county_code, user_id, unit_id, clients, intensive)
SELECT county_code, user_id, unit_id, count(*) FILTER (WHERE n > 0), count(*) FILTER (WHERE ni > 0)
  FROM caseload_pairs GROUP BY 1, 2, 3;

-- Client data (derived): the tenant policy in 0920's form.
ALTER TABLE caseload_pairs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON caseload_pairs FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));
ALTER TABLE caseload_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON caseload_counts FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));
