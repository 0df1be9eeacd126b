-- 0985 The caseload page function (0980) also returns how many rows its page has (`shown`), counted with
-- the rows it aggregates.
--
-- * Why (issue 11): the page's audit details `{count, total, page}` took `count` from
--   json_array_length(items), which lexes the whole page of JSON (~19 kB for 50 clients) a second time in
--   the backend on every request. count(*) over the same rows as json_agg is the same number.
-- * The function is otherwise 0980's, unchanged: the same rows, order and row-level security. A new
--   output column needs DROP + CREATE (CREATE OR REPLACE cannot change the result type).

DROP FUNCTION polku_caseload_page_json(uuid, integer, integer, date);

CREATE FUNCTION polku_caseload_page_json(p_user uuid, p_offset integer, p_limit integer, p_today date)
RETURNS TABLE (total bigint, advice bigint, guidance bigint, intensive bigint, items json, shown bigint)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    SELECT n.total, n.advice, n.guidance, n.intensive, g.items, g.shown
      FROM (SELECT count(*) AS total,
                   count(*) FILTER (WHERE r.level = 'neuvonta-ja-ohjaus') AS advice,
                   count(*) FILTER (WHERE r.level = 'asiakasohjaus') AS guidance,
                   count(*) FILTER (WHERE r.level = 'intensiivinen-palveluohjaus') AS intensive
              FROM client_relationships r
             WHERE r.responsible_user_id = p_user AND r.ended_at IS NULL) n
      CROSS JOIN (
        SELECT coalesce(json_agg(p ORDER BY p.last_name, p.first_name, p.id), '[]'::json) AS items, count(*) AS shown
          FROM (
            SELECT c.id, c.first_name, c.last_name, c.birth_date, c.identity_code, f.municipality_name, k.level, k.started_at,
                   f.segment,
                   f.task_heads -> p_user::text AS task_head,
                   CASE WHEN f.plan_review_date < p_today THEN f.plan_review_date END AS plan_review_date,
                   CASE WHEN k.level = 'intensiivinen-palveluohjaus' THEN greatest(f.last_contact_at, k.started_at) END AS last_contact_at
              -- The page: a range of the worker index in its order (no sort), then its clients and their facts.
              FROM (SELECT r.client_id, r.level, r.started_at
                      FROM client_relationships r
                     WHERE r.responsible_user_id = p_user AND r.ended_at IS NULL
                     ORDER BY r.client_last_name, r.client_first_name, r.client_id, r.id
                     LIMIT p_limit OFFSET p_offset) k
              JOIN clients c ON c.id = k.client_id
              LEFT JOIN client_caseload_facts f ON f.client_id = c.id) p) g;
END
$$;
