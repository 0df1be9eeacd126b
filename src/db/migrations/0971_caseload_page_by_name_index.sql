-- 0971 The caseload page (GET /guidance/caseload, issue 11) reads its page as an index range: the worker's
-- open relationships carry the client's name, kept by trigger, and the worker index is ordered by it.
--
-- * Why (docs/performance.md): 0970's page read every open relationship of the worker joined with its
--   client (~200 for a bench worker, each client on its own heap page) only to sort them by name and show
--   50, and counted them by level over the same join. That was most of the page function's ≈ 1.2–1.3 ms
--   of backend CPU. Now page 1 reads 50 index entries and 50 clients; the counts by level are an
--   index-only count of the worker's entries (no heap, no clients).
-- * The sort key: client_last_name, client_first_name on client_relationships, always the client's
--   first_name and last_name. They are written only by the triggers below, never by the application:
--   - BEFORE INSERT, and BEFORE UPDATE OF client_id or of the copies themselves: read from clients (a
--     relationship's start, a moved client id, and any direct write of the copies is overwritten with
--     the truth);
--   - AFTER UPDATE OF first_name, last_name ON clients, when a name changed: the copies of every
--     relationship of the client (open and ended, so that a reopened relationship is right too) are
--     rewritten through the BEFORE trigger above.
--   A transfer (responsible_user_id), a level change, an ending (ended_at) or a deletion of a relationship
--   moves or removes its index entry with the row; a client cannot be deleted while a relationship refers
--   to it (foreign key without cascade).
--   Both functions are SECURITY DEFINER with search_path pinned so that the copy is right whatever the
--   request's tenant (row-level security would otherwise hide a client from a statement outside its
--   county, and the copy would go stale or null); they copy two names by client id and nothing else, and
--   the rows they write keep their county_code, so the tenant policy (ADR 0801, 0920) on
--   client_relationships is unchanged and still applies to every reader.
-- * The same answers: the page's rows still come from clients (names included) and are aggregated in the
--   same order; the counts are over the worker's visible open relationships, which are the ones whose
--   clients are visible (a relationship is written in its client's county, the actor's: the insert policy
--   and the client access check). Compared with 0970 on the 100k bench database: 60 workers × 5 pages,
--   counts and items JSON byte-identical. Two open relationships of one client with the same worker
--   (different units) tie on the name key; the client id then the relationship id break the tie, where
--   0970's sort left their order unspecified.
-- * The worker index keeps its name, key prefix and predicate, so every statement that used it (by
--   responsible_user_id, open only) still does; it stays covering for the row-level security policy
--   (county_code) and the page (level, started_at).

ALTER TABLE client_relationships ADD COLUMN client_last_name text, ADD COLUMN client_first_name text;

-- The backfill changes only the two new columns: the statement triggers that keep the open-relationship
-- summaries (0921, 0960, 0961) read none of them, so they are held off for this one statement instead of
-- comparing 2 × every relationship to find no change.
ALTER TABLE client_relationships DISABLE TRIGGER USER;
UPDATE client_relationships r SET client_last_name = c.last_name, client_first_name = c.first_name
  FROM clients c WHERE c.id = r.client_id;
ALTER TABLE client_relationships ENABLE TRIGGER USER;

ALTER TABLE client_relationships ALTER COLUMN client_last_name SET NOT NULL, ALTER COLUMN client_first_name SET NOT NULL;

CREATE FUNCTION client_relationships_client_name() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  SELECT c.last_name, c.first_name INTO NEW.client_last_name, NEW.client_first_name FROM clients c WHERE c.id = NEW.client_id;
  -- No client: leave the copies null, so the NOT NULL check (or the foreign key) refuses the row as before.
  RETURN NEW;
END
$$;

CREATE TRIGGER client_relationships_client_name BEFORE INSERT OR UPDATE OF client_id, client_last_name, client_first_name
  ON client_relationships FOR EACH ROW EXECUTE FUNCTION client_relationships_client_name();

CREATE FUNCTION clients_name_to_relationships() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- The BEFORE trigger above reads the new names (this row's update is visible to it).
  UPDATE client_relationships r SET client_last_name = NEW.last_name, client_first_name = NEW.first_name WHERE r.client_id = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER clients_name_to_relationships AFTER UPDATE OF first_name, last_name ON clients FOR EACH ROW
  WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name)
  EXECUTE FUNCTION clients_name_to_relationships();

DROP INDEX client_relationships_worker_idx;
CREATE INDEX client_relationships_worker_idx ON client_relationships (responsible_user_id, client_last_name, client_first_name, client_id, id)
  INCLUDE (level, started_at, county_code) WHERE ended_at IS NULL;

-- As 0970 (same signature, result and rules); only where the page's rows and the counts are read from.
CREATE OR REPLACE FUNCTION polku_caseload_page_json(p_user uuid, p_offset integer, p_limit integer, p_today date)
RETURNS TABLE (total bigint, advice bigint, guidance bigint, intensive bigint, items json)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    SELECT n.total, n.advice, n.guidance, n.intensive,
           (SELECT coalesce(json_agg(p ORDER BY p.last_name, p.first_name, p.id), '[]'::json)
              FROM (
                SELECT c.id, c.first_name, c.last_name, c.birth_date, c.identity_code, m.name_fi AS municipality_name, k.level, k.started_at,
                       (SELECT a.segment FROM assessments a WHERE a.client_id = c.id ORDER BY a.at DESC LIMIT 1) AS segment,
                       nt.title AS next_task_title, nt.due AS next_task_due,
                       coalesce(nt.overdue, 0) AS overdue_tasks,
                       (SELECT CASE WHEN pl.review_date < p_today THEN pl.review_date END FROM client_plans pl
                         WHERE pl.id = (SELECT pm.plan_id FROM client_plan_members pm WHERE pm.client_id = c.id)) AS plan_review_date,
                       CASE WHEN k.level = 'intensiivinen-palveluohjaus'
                            THEN greatest((SELECT max(cc.at) FROM client_contacts cc WHERE cc.client_id = c.id),
                                          (SELECT max(mt.starts_at) FROM meetings mt WHERE mt.client_id = c.id AND mt.status = 'held'),
                                          k.started_at) END AS last_contact_at
                  -- The page: a range of the worker index in its order (no sort), then its clients.
                  FROM (SELECT r.client_id, r.level, r.started_at
                          FROM client_relationships r
                         WHERE r.responsible_user_id = p_user AND r.ended_at IS NULL
                         ORDER BY r.client_last_name, r.client_first_name, r.client_id, r.id
                         LIMIT p_limit OFFSET p_offset) k
                  JOIN clients c ON c.id = k.client_id
                  LEFT JOIN municipalities m ON m.code = c.municipality_code
                  LEFT JOIN LATERAL (
                    SELECT t.title, t.due, count(*) FILTER (WHERE t.due < p_today) OVER () AS overdue
                      FROM followup_tasks t
                     WHERE t.client_id = c.id AND t.owner_user_id = p_user AND t.status = 'open'
                     ORDER BY t.due, t.created_at LIMIT 1) nt ON true) p)
      FROM (SELECT count(*) AS total,
                   count(*) FILTER (WHERE r.level = 'neuvonta-ja-ohjaus') AS advice,
                   count(*) FILTER (WHERE r.level = 'asiakasohjaus') AS guidance,
                   count(*) FILTER (WHERE r.level = 'intensiivinen-palveluohjaus') AS intensive
              FROM client_relationships r
             WHERE r.responsible_user_id = p_user AND r.ended_at IS NULL) n;
END
$$;
