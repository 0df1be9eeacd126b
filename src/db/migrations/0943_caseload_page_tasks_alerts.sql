-- 0943 The caseload page also answers, for each client on the page (≤ 50, never the whole caseload), what
-- the worker's today view would say about that client (issue 11: "a worker's clients with their next
-- tasks and alerts"): the next open follow-up task of the worker for the client, how many of them are
-- overdue, the overdue plan review date and, for intensive clients, the last contact. The rules
-- themselves (overdue, no contact within the organisation's setting) stay in TypeScript
-- (followup.rules.ts), applied to these raw values, so the list and computeAlerts cannot drift apart.
--
-- * Each value is an index look-up per page row, the same sources computeAlerts reads
--   (followup.repository.ts tasksOfOwner / responsibleRelationships): the worker's own open tasks for
--   the client (visibility rule of "my tasks"), the plan the client is a member of, the client's
--   latest contact and held meeting. The overdue count is only read when the next task is overdue.
--   The plan is found by its id (client_plan_members.client_id is unique: one plan per client) and its
--   review date tested in the select list: with `review_date < p_today` in the WHERE (as a join or not)
--   PostgreSQL chose to range-scan client_plans_review_idx, every overdue plan of the county, per row.
-- * p_today is the Finnish calendar date from the caller (finnishCalendarDate), not current_date, so
--   "overdue" is the same date the rest of the app uses whatever the session's time zone.
-- * The partial index serves the task look-ups from the index alone: only open tasks, by client, owner
--   and due date. followup_tasks_client_idx (client_id, due) would also read every done task of the
--   client from the heap, and those only grow.
-- * Otherwise as 0940: SECURITY INVOKER (row-level security and the request's tenant apply), STABLE,
--   search_path pinned. The return columns change, so the function is dropped and created again.

DROP FUNCTION polku_caseload_page(uuid, integer, integer);

CREATE INDEX followup_tasks_client_open_idx ON followup_tasks (client_id, owner_user_id, due, created_at) INCLUDE (title) WHERE status = 'open';

CREATE FUNCTION polku_caseload_page(p_user uuid, p_offset integer, p_limit integer, p_today date)
RETURNS TABLE (
  total bigint, advice bigint, guidance bigint, intensive bigint,
  id uuid, first_name text, last_name text, birth_date date, identity_code text,
  municipality_name text, level text, started_at timestamptz, segment text,
  next_task_title text, next_task_due date, overdue_tasks bigint, plan_review_date date, last_contact_at timestamptz
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
               (SELECT a.segment FROM assessments a WHERE a.client_id = k.id ORDER BY a.at DESC LIMIT 1) AS segment,
               nt.title AS next_task_title, nt.due AS next_task_due,
               CASE WHEN nt.due < p_today
                    THEN (SELECT count(*) FROM followup_tasks t
                           WHERE t.client_id = k.id AND t.owner_user_id = p_user AND t.status = 'open' AND t.due < p_today)
                    ELSE 0 END AS overdue_tasks,
               (SELECT CASE WHEN pl.review_date < p_today THEN pl.review_date END FROM client_plans pl
                 WHERE pl.id = (SELECT pm.plan_id FROM client_plan_members pm WHERE pm.client_id = k.id)) AS plan_review_date,
               CASE WHEN k.level = 'intensiivinen-palveluohjaus'
                    THEN greatest((SELECT max(cc.at) FROM client_contacts cc WHERE cc.client_id = k.id),
                                  (SELECT max(mt.starts_at) FROM meetings mt WHERE mt.client_id = k.id AND mt.status = 'held'),
                                  k.started_at) END AS last_contact_at
          FROM (SELECT * FROM mine ORDER BY mine.last_name, mine.first_name, mine.id LIMIT p_limit OFFSET p_offset) k
          LEFT JOIN municipalities m ON m.code = k.municipality_code
          LEFT JOIN LATERAL (
            SELECT t.title, t.due FROM followup_tasks t
             WHERE t.client_id = k.id AND t.owner_user_id = p_user AND t.status = 'open'
             ORDER BY t.due, t.created_at LIMIT 1) nt ON true) p ON true
     ORDER BY p.last_name, p.first_name, p.id;
END
$$;
