-- 0980 The caseload page (GET /guidance/caseload, issue 11) reads each client's follow-up values from one row
-- kept by triggers, instead of five look-ups per client on the page.
--
-- * Why (docs/performance.md, "Left open after the eighth round"): after 0971 the page is a range of the
--   worker index and its 50 clients, but every row still ran the latest assessment, the next task with the
--   count of overdue tasks, the plan's review date, the municipality's name and, for intensive clients, the
--   latest contact and held meeting: ≈ 0.75 of the page function's ≈ 1.05 ms of backend CPU on the 100k
--   bench database (each look-up is a few executor nodes and a row-level security filter per row, whether
--   or not it reads a page). Now the page reads one more row per client, by primary key.
-- * client_caseload_facts, one row per client, written only by client_caseload_refresh below:
--   - municipality_name: the name (name_fi) of the client's municipality;
--   - segment: the segment of the client's latest assessment (by time, then id);
--   - plan_review_date: the review date of the plan the client is a member of;
--   - last_contact_at: the latest contact (client_contacts.at) or held meeting (meetings.starts_at), whichever
--     is later; the page adds the relationship's start as before;
--   - task_heads: per owner of open follow-up tasks for the client, {owner id: [title of the next task, its
--     due date, [due dates of all of them, ascending]]}, the next being the earliest due (then created, then
--     id). The page takes the worker's own entry; whether a task is overdue depends on the day, so the count
--     of overdue ones is made from the due dates when the page is read (guidance.service).
--   Only rows of the client's own county are counted, which is what the page's look-ups saw under row-level
--   security: the page shows only clients (and relationships) of the request's county, so the rows its
--   look-ups could see were those of that county, the client's. Ties that 0971 left to the plan (two
--   assessments at the same instant, two next tasks due and created at once) are broken by id.
-- * Kept by statement triggers with transition tables (a bulk write refreshes its clients in one statement)
--   on every table a value is read from: any insert, update or delete of assessments, follow-up tasks,
--   contacts, meetings and plan members recomputes the facts of the clients of the old and the new rows; a
--   plan's update those of its members; a client's insert, or an update of its municipality or county, its
--   own; a municipality's update the facts of its clients; a truncate of a source table all of them. The
--   refresh recomputes every value of the client from its sources (one function, so no write path can
--   keep a value another forgot) and writes only when something changed.
-- * Owner rights (SECURITY DEFINER, search_path pinned), as 0971 explains: the facts must be the truth
--   whatever the tenant of the writing request, and row-level security would hide rows from it. The rows
--   carry their client's county_code and the table has the tenant policy of 0960, so every reader (the
--   page is SECURITY INVOKER) sees only its own county's rows. The app role cannot call the refresh function
--   (only the triggers do, as the owner).
-- * Measured on the 100k bench database (old and new alternating, the machine shared): the page function
--   1.00–1.03 → 0.51–0.63 ms of backend CPU, a caseload request 3.41–3.53 → 2.69–2.77 ms of CPU (server and
--   database); pages byte-identical for 60 workers × 5 pages. A write of a task, an assessment or a contact
--   costs ≈ 0.1–0.2 ms more (one refresh of its client, ≈ 0.1 ms); the bench's bulk generation +5 s (150k tasks).
--   tests/api/caseload-facts.test.ts compares the page with 0971's look-ups after every kind of write.

CREATE TABLE client_caseload_facts (
  client_id uuid PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
  county_code text NOT NULL,
  municipality_name text,
  segment text,
  plan_review_date date,
  last_contact_at timestamptz,
  task_heads jsonb
);

-- How the statement below is planned: one generic plan, kept for the session, of look-ups by client id only.
-- * plan_cache_mode: with auto the planner weighed a custom plan for each array of ids and kept re-planning
--   this statement (≈ 0.7 ms a write of a task or an assessment), where the generic plan is the same.
-- * Every look-up's only index condition is the client id (the county and the status are filters of the
--   aggregates, no look-up has a LIMIT), and enable_seqscan is off, so the plan is index look-ups by client
--   whatever the tables' sizes and statistics were when it was made. With `county_code = … ORDER BY at DESC
--   LIMIT 1`, the planner, without statistics on a freshly filled table, walked assessments_county_at_idx
--   (county_code, at) from the latest row until it met the client's, for every client of a bulk write: the
--   bench's 50k assessments in one statement took 93–99 s instead of 2 (now ≈ 50–100 µs a client).
CREATE FUNCTION client_caseload_refresh(p_clients uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
BEGIN
  -- Concurrent writers for one client take turns here, and the recomputation below runs after the wait.
  -- Without it, under READ COMMITTED, a transaction whose snapshot predates another's committed task
  -- (or assessment, contact …) for the same client would wait on the facts row and then overwrite it with
  -- values computed without that task. The lock is held to the end of the transaction; the statement
  -- below takes a fresh snapshot (a volatile function's statements each do) that sees what committed
  -- while this one waited. Key order: two bulk writes lock their clients in the same order.
  PERFORM 1 FROM client_caseload_facts f WHERE f.client_id = ANY (p_clients) ORDER BY f.client_id FOR UPDATE;
  INSERT INTO client_caseload_facts AS f (client_id, county_code, municipality_name, segment, plan_review_date, last_contact_at, task_heads)
  SELECT c.id, c.county_code, m.name_fi,
         (SELECT (array_agg(a.segment ORDER BY a.at DESC, a.id DESC) FILTER (WHERE a.county_code = c.county_code))[1]
            FROM assessments a WHERE a.client_id = c.id),
         (SELECT pl.review_date FROM client_plan_members pm JOIN client_plans pl ON pl.id = pm.plan_id
           WHERE pm.client_id = c.id AND pm.county_code = c.county_code AND pl.county_code = c.county_code),
         greatest((SELECT max(cc.at) FILTER (WHERE cc.county_code = c.county_code) FROM client_contacts cc WHERE cc.client_id = c.id),
                  (SELECT max(mt.starts_at) FILTER (WHERE mt.status = 'held' AND mt.county_code = c.county_code) FROM meetings mt WHERE mt.client_id = c.id)),
         (SELECT jsonb_object_agg(h.owner, jsonb_build_array(h.titles[1], h.dues[1], to_jsonb(h.dues)))
            FROM (SELECT t.owner_user_id::text AS owner,
                         array_agg(t.title ORDER BY t.due, t.created_at, t.id) AS titles,
                         array_agg(t.due ORDER BY t.due, t.created_at, t.id) AS dues
                    FROM followup_tasks t
                   WHERE t.client_id = c.id AND t.status = 'open' AND t.owner_user_id IS NOT NULL AND t.county_code = c.county_code
                   GROUP BY t.owner_user_id) h)
    FROM clients c LEFT JOIN municipalities m ON m.code = c.municipality_code
   WHERE c.id = ANY (p_clients)
  ON CONFLICT (client_id) DO UPDATE
     SET county_code = EXCLUDED.county_code, municipality_name = EXCLUDED.municipality_name, segment = EXCLUDED.segment,
         plan_review_date = EXCLUDED.plan_review_date, last_contact_at = EXCLUDED.last_contact_at, task_heads = EXCLUDED.task_heads
   WHERE (f.county_code, f.municipality_name, f.segment, f.plan_review_date, f.last_contact_at, f.task_heads)
         IS DISTINCT FROM (EXCLUDED.county_code, EXCLUDED.municipality_name, EXCLUDED.segment, EXCLUDED.plan_review_date,
                           EXCLUDED.last_contact_at, EXCLUDED.task_heads);
END
$$;
REVOKE ALL ON FUNCTION client_caseload_refresh(uuid[]) FROM PUBLIC, polku_app;

-- The client ids of the statement's rows (old and new), for the tables that carry client_id.
CREATE FUNCTION client_caseload_facts_from_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM client_caseload_refresh(ARRAY(SELECT DISTINCT n.client_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM client_caseload_refresh(ARRAY(SELECT DISTINCT o.client_id FROM old_rows o));
  ELSE
    PERFORM client_caseload_refresh(ARRAY(SELECT n.client_id FROM new_rows n UNION SELECT o.client_id FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION client_caseload_facts_all() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM client_caseload_refresh(ARRAY(SELECT c.id FROM clients c));
  RETURN NULL;
END
$$;

-- A trigger with transition tables may name one event only.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['assessments', 'followup_tasks', 'client_contacts', 'meetings', 'client_plan_members'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_caseload_facts_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION client_caseload_facts_from_rows()', t);
    EXECUTE format('CREATE TRIGGER %1$s_caseload_facts_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION client_caseload_facts_from_rows()', t);
    EXECUTE format('CREATE TRIGGER %1$s_caseload_facts_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION client_caseload_facts_from_rows()', t);
    EXECUTE format('CREATE TRIGGER %1$s_caseload_facts_truncate AFTER TRUNCATE ON %1$I
                      FOR EACH STATEMENT EXECUTE FUNCTION client_caseload_facts_all()', t);
  END LOOP;
END
$$;

-- A plan's review date (or county) changed: its members. A plan's deletion deletes its members (cascade),
-- whose own trigger refreshes them; a new plan has no members yet.
CREATE FUNCTION client_plans_caseload_facts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM client_caseload_refresh(ARRAY(SELECT pm.client_id FROM client_plan_members pm
                                         WHERE pm.plan_id IN (SELECT n.id FROM new_rows n UNION SELECT o.id FROM old_rows o)));
  RETURN NULL;
END
$$;
CREATE TRIGGER client_plans_caseload_facts_update AFTER UPDATE ON client_plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION client_plans_caseload_facts();
CREATE TRIGGER client_plans_caseload_facts_truncate AFTER TRUNCATE ON client_plans
  FOR EACH STATEMENT EXECUTE FUNCTION client_caseload_facts_all();

-- A new client has its row from the start (the page joins it), a moved one its new municipality or county.
-- A client that did not exist before this statement has no assessments, tasks, plans, contacts or meetings
-- yet (they refer to it), so its row is only its county and municipality: written directly, not recomputed
-- (a bulk insert of 100k clients: seconds instead of a minute).
CREATE FUNCTION clients_caseload_facts_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO client_caseload_facts (client_id, county_code, municipality_name)
  SELECT n.id, n.county_code, m.name_fi FROM new_rows n LEFT JOIN municipalities m ON m.code = n.municipality_code;
  RETURN NULL;
END
$$;
CREATE TRIGGER clients_caseload_facts_insert AFTER INSERT ON clients REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION clients_caseload_facts_insert();

CREATE FUNCTION clients_caseload_facts_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM client_caseload_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END
$$;
CREATE TRIGGER clients_caseload_facts_update AFTER UPDATE OF municipality_code, county_code ON clients FOR EACH ROW
  WHEN (OLD.municipality_code IS DISTINCT FROM NEW.municipality_code OR OLD.county_code IS DISTINCT FROM NEW.county_code)
  EXECUTE FUNCTION clients_caseload_facts_update();

-- Reference data, seldom changed: a renamed (or recoded) municipality's clients.
CREATE FUNCTION municipalities_caseload_facts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM client_caseload_refresh(ARRAY(SELECT c.id FROM clients c
                                         WHERE c.municipality_code IN (SELECT n.code FROM new_rows n UNION SELECT o.code FROM old_rows o)));
  RETURN NULL;
END
$$;
CREATE TRIGGER municipalities_caseload_facts_update AFTER UPDATE ON municipalities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION municipalities_caseload_facts();

-- What is already there.
SELECT client_caseload_refresh(ARRAY(SELECT c.id FROM clients c));

-- Client data (derived): the tenant policy in 0920's form. The app role keeps the default privileges on it, as
-- on the summaries of 0960 and 0961 (the row-level security test moves a row of every tenant table); only
-- the triggers write it.
ALTER TABLE client_caseload_facts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON client_caseload_facts FOR ALL TO polku_app
  USING (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))
  WITH CHECK (county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()));

-- As 0971 (same signature and counts, same page order); each row's follow-up values come from its client's
-- facts. The row's keys: those of 0971 without next_task_title, next_task_due and overdue_tasks, plus
-- task_head, the worker's own [next title, next due, [all due dates]] or null (guidance.service reads it).
CREATE OR REPLACE FUNCTION polku_caseload_page_json(p_user uuid, p_offset integer, p_limit integer, p_today date)
RETURNS TABLE (total bigint, advice bigint, guidance bigint, intensive bigint, items json)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    SELECT n.total, n.advice, n.guidance, n.intensive,
           (SELECT coalesce(json_agg(p ORDER BY p.last_name, p.first_name, p.id), '[]'::json)
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
                  LEFT JOIN client_caseload_facts f ON f.client_id = c.id) p)
      FROM (SELECT count(*) AS total,
                   count(*) FILTER (WHERE r.level = 'neuvonta-ja-ohjaus') AS advice,
                   count(*) FILTER (WHERE r.level = 'asiakasohjaus') AS guidance,
                   count(*) FILTER (WHERE r.level = 'intensiivinen-palveluohjaus') AS intensive
              FROM client_relationships r
             WHERE r.responsible_user_id = p_user AND r.ended_at IS NULL) n;
END
$$;
