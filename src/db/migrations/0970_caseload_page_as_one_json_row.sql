-- 0970 The caseload page (0940, 0943) answers one row: the counts by level and the page's rows as one JSON
-- array, instead of one row of 18 columns per client (issue 11: the client list, GET /guidance/caseload).
--
-- * Why (docs/performance.md, eighth round): decoding the page's ~900 result fields one by one cost the
--   server more than one json value does: node-postgres builds an object per row and parses each field on
--   its own (two timestamptz per row through postgres-date; ≈ 0.2 ms a page more than JSON.parse of the
--   same page), and PGlite decodes every field in JavaScript (its result parsing fell from 26 % to 19 % of
--   the caseload scenario's CPU). PostgreSQL spends about as much on json_agg as on the rows' text output.
-- * The same values under the same names: json_agg(p) keys each object by the columns of 0943's page
--   rows, in the same order (last name, first name, id). Dates stay 'YYYY-MM-DD' strings, counts are
--   numbers, timestamptz values are ISO 8601 strings with the session's offset (JavaScript's Date reads
--   them; the service sends them on as UTC ISO strings as before). An empty page is '[]', and the count
--   row is always there, so the totals are answered as before.
-- * The next task and the number of overdue tasks come from one look-up of the client's open tasks of
--   this owner (the partial index of 0943) instead of two: the count is a window over the same rows,
--   taken before the LIMIT. The next task is the earliest due, so "no overdue" whenever it is not
--   overdue, exactly as 0943's CASE.
-- * The worker's open relationships are read from the index alone: the page counts all of them by level
--   and sorts them by name, so every one is read (200 for a bench worker, each on its own heap page).
--   The index 0001 made for them (responsible_user_id, open only) now carries what the page and the
--   row-level security policy read. It still serves every statement it served before (same key, same
--   predicate). Measured on the 100k bench database: 1.41–1.51 → 1.25–1.32 ms of backend CPU for the page.
-- * Otherwise as 0943: SECURITY INVOKER (row-level security and the request's tenant apply), STABLE,
--   search_path pinned, planned once per connection (ADR 0940). The rules stay in TypeScript.

DROP INDEX client_relationships_worker_idx;
CREATE INDEX client_relationships_worker_idx ON client_relationships (responsible_user_id)
  INCLUDE (client_id, level, started_at, county_code) WHERE ended_at IS NULL;

CREATE FUNCTION polku_caseload_page_json(p_user uuid, p_offset integer, p_limit integer, p_today date)
RETURNS TABLE (total bigint, advice bigint, guidance bigint, intensive bigint, items json)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    WITH mine AS (
      SELECT c.id, c.first_name, c.last_name, c.birth_date, c.identity_code, c.municipality_code, r.level, r.started_at
        FROM client_relationships r JOIN clients c ON c.id = r.client_id
       WHERE r.responsible_user_id = p_user AND r.ended_at IS NULL)
    SELECT n.total, n.advice, n.guidance, n.intensive,
           (SELECT coalesce(json_agg(p ORDER BY p.last_name, p.first_name, p.id), '[]'::json)
              FROM (
                SELECT k.id, k.first_name, k.last_name, k.birth_date, k.identity_code, m.name_fi AS municipality_name, k.level, k.started_at,
                       (SELECT a.segment FROM assessments a WHERE a.client_id = k.id ORDER BY a.at DESC LIMIT 1) AS segment,
                       nt.title AS next_task_title, nt.due AS next_task_due,
                       coalesce(nt.overdue, 0) AS overdue_tasks,
                       (SELECT CASE WHEN pl.review_date < p_today THEN pl.review_date END FROM client_plans pl
                         WHERE pl.id = (SELECT pm.plan_id FROM client_plan_members pm WHERE pm.client_id = k.id)) AS plan_review_date,
                       CASE WHEN k.level = 'intensiivinen-palveluohjaus'
                            THEN greatest((SELECT max(cc.at) FROM client_contacts cc WHERE cc.client_id = k.id),
                                          (SELECT max(mt.starts_at) FROM meetings mt WHERE mt.client_id = k.id AND mt.status = 'held'),
                                          k.started_at) END AS last_contact_at
                  FROM (SELECT * FROM mine ORDER BY mine.last_name, mine.first_name, mine.id LIMIT p_limit OFFSET p_offset) k
                  LEFT JOIN municipalities m ON m.code = k.municipality_code
                  LEFT JOIN LATERAL (
                    SELECT t.title, t.due, count(*) FILTER (WHERE t.due < p_today) OVER () AS overdue
                      FROM followup_tasks t
                     WHERE t.client_id = k.id AND t.owner_user_id = p_user AND t.status = 'open'
                     ORDER BY t.due, t.created_at LIMIT 1) nt ON true) p)
      FROM (SELECT count(*) AS total,
                   count(*) FILTER (WHERE mine.level = 'neuvonta-ja-ohjaus') AS advice,
                   count(*) FILTER (WHERE mine.level = 'asiakasohjaus') AS guidance,
                   count(*) FILTER (WHERE mine.level = 'intensiivinen-palveluohjaus') AS intensive
              FROM mine) n;
END
$$;

DROP FUNCTION polku_caseload_page(uuid, integer, integer, date);
