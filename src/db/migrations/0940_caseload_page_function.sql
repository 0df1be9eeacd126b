-- 0940 The caseload page (GET /guidance/caseload, the worker's client list) as a PL/pgSQL function, so
-- its statement is parsed, rewritten (row-level security) and planned once per connection instead of on
-- every request. node-postgres sends every query as an unnamed statement, which PostgreSQL plans afresh
-- each time; for this statement (a CTE, a lateral page, a subquery per row) that was ≈ 0.7 of its ≈ 2.4
-- ms of backend CPU a request at 100k clients (docs/performance.md, seventh round). PL/pgSQL keeps the
-- plan of a `RETURN QUERY` for the session (and switches to a generic plan only when it costs no more).
--
-- * The statement is the one guidance.repository.ts ran before, word for word, with the parameters
--   renamed: one page of the worker's active clients (as the responsible worker) by name, and the counts
--   by level over all of them; the count row is always there, so an empty page still answers the totals.
-- * SECURITY INVOKER (the default): it runs as the caller, so row-level security and the tenant context
--   of the request's transaction apply exactly as to the statement itself. The policies read the tenant
--   through InitPlans (0920) evaluated at every execution, so a cached plan never holds a tenant.
-- * search_path is pinned, as for the other functions the app calls.

CREATE FUNCTION polku_caseload_page(p_user uuid, p_offset integer, p_limit integer)
RETURNS TABLE (
  total bigint, advice bigint, guidance bigint, intensive bigint,
  id uuid, first_name text, last_name text, birth_date date, identity_code text,
  municipality_name text, level text, started_at timestamptz, segment text
)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    WITH mine AS (
      SELECT c.id, c.first_name, c.last_name, c.birth_date, c.identity_code, c.municipality_code, r.level, r.started_at
        FROM client_relationships r JOIN clients c ON c.id = r.client_id
       WHERE r.responsible_user_id = p_user AND r.ended_at IS NULL)
    SELECT n.total, n.advice, n.guidance, n.intensive, p.*
      FROM (SELECT count(*) AS total,
                   count(*) FILTER (WHERE mine.level = 'neuvonta-ja-ohjaus') AS advice,
                   count(*) FILTER (WHERE mine.level = 'asiakasohjaus') AS guidance,
                   count(*) FILTER (WHERE mine.level = 'intensiivinen-palveluohjaus') AS intensive
              FROM mine) n
      LEFT JOIN LATERAL (
        SELECT k.id, k.first_name, k.last_name, k.birth_date, k.identity_code, m.name_fi AS municipality_name, k.level, k.started_at,
               (SELECT a.segment FROM assessments a WHERE a.client_id = k.id ORDER BY a.at DESC LIMIT 1) AS segment
          FROM (SELECT * FROM mine ORDER BY mine.last_name, mine.first_name, mine.id LIMIT p_limit OFFSET p_offset) k
          LEFT JOIN municipalities m ON m.code = k.municipality_code) p ON true
     ORDER BY p.last_name, p.first_name, p.id;
END
$$;
