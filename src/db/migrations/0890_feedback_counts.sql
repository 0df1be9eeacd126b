-- 0890 Feedback counts per day and per month, kept up to date in the writing transaction, so the
-- feedback report (src/domain/reports/reports.feedback.ts) reads a few thousand summary rows instead
-- of every answer of the period (120k answers of 20k responses at 100k clients: 550–1 500 ms a
-- request, p95 3.6 s with 10 managers at once; docs/performance.md). Same approach as 0813/0814.
--
-- * feedback_rating_counts: answers per response attributes (the day, unit, questionnaire,
--   respondent, client group the report filters on), item and rating.
-- * feedback_item_sets: responses per the same attributes and the set of items they answered. Which
--   items count for which quality group lives in the code (questionnaires.data.ts), so the report
--   tests each set against the groups' items; respondents answer whole questionnaires, so there are
--   few distinct sets (39 at 20k responses).
-- * `grain` 'day' rows keep the day, 'month' rows the first day of the month: whole calendar months
--   of a period come from the month rows, the days of a partial first and last month from the day
--   rows. `submitted_on` is a date, so no time zone is involved (unlike 0813).
-- * Only answers of the response's own county count, as in the report's join. `stripe` (backend pid
--   modulo 8) spreads concurrent writers of the same day and unit over rows, as in 0813.
-- * Answers may arrive in several statements (each statement moves the response from its previous
--   item set to the new one); a response's own update or delete moves all of its counts.

CREATE TABLE feedback_rating_counts (
  county_code text NOT NULL,
  grain text NOT NULL CHECK (grain IN ('day', 'month')),
  day date NOT NULL,
  unit_id uuid,
  questionnaire_id text NOT NULL,
  respondent text NOT NULL,
  client_group text,
  item_id text NOT NULL,
  rating smallint NOT NULL,
  stripe smallint NOT NULL,
  n bigint NOT NULL,
  CONSTRAINT feedback_rating_counts_key UNIQUE NULLS NOT DISTINCT
    (county_code, grain, day, unit_id, questionnaire_id, respondent, client_group, item_id, rating, stripe)
);

CREATE TABLE feedback_item_sets (
  county_code text NOT NULL,
  grain text NOT NULL CHECK (grain IN ('day', 'month')),
  day date NOT NULL,
  unit_id uuid,
  questionnaire_id text NOT NULL,
  respondent text NOT NULL,
  client_group text,
  items text[] NOT NULL, -- the item ids a response answered, sorted
  stripe smallint NOT NULL,
  n bigint NOT NULL,
  CONSTRAINT feedback_item_sets_key UNIQUE NULLS NOT DISTINCT
    (county_code, grain, day, unit_id, questionnaire_id, respondent, client_group, items, stripe)
);

-- Adds count rows: `ratings` are (response attributes, item_id, rating, n), `sets` are (response
-- attributes, items, n); an empty set is no response. Both upserts in key order, so concurrent
-- writers lock rows in the same order. PL/pgSQL, not SQL, so that the plans are kept per session
-- (an SQL function's statements are planned on every call: 4 ms a response).
CREATE FUNCTION feedback_counts_add(ratings jsonb, sets jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO feedback_rating_counts AS c (county_code, grain, day, unit_id, questionnaire_id, respondent, client_group, item_id, rating, stripe, n)
  SELECT k.county_code, g.grain, CASE g.grain WHEN 'day' THEN k.submitted_on ELSE date_trunc('month', k.submitted_on)::date END,
         k.unit_id, k.questionnaire_id, k.respondent, k.client_group, k.item_id, k.rating, (pg_backend_pid() % 8)::smallint, sum(k.n)
    FROM jsonb_to_recordset(ratings) AS k(county_code text, submitted_on date, unit_id uuid, questionnaire_id text, respondent text,
                                          client_group text, item_id text, rating smallint, n bigint)
   CROSS JOIN (VALUES ('day'), ('month')) g(grain)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(k.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  ON CONFLICT ON CONSTRAINT feedback_rating_counts_key DO UPDATE SET n = c.n + excluded.n;

  INSERT INTO feedback_item_sets AS c (county_code, grain, day, unit_id, questionnaire_id, respondent, client_group, items, stripe, n)
  SELECT k.county_code, g.grain, CASE g.grain WHEN 'day' THEN k.submitted_on ELSE date_trunc('month', k.submitted_on)::date END,
         k.unit_id, k.questionnaire_id, k.respondent, k.client_group, k.items, (pg_backend_pid() % 8)::smallint, sum(k.n)
    FROM jsonb_to_recordset(sets) AS k(county_code text, submitted_on date, unit_id uuid, questionnaire_id text, respondent text,
                                       client_group text, items text[], n bigint)
   CROSS JOIN (VALUES ('day'), ('month')) g(grain)
   WHERE cardinality(k.items) > 0
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(k.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT ON CONSTRAINT feedback_item_sets_key DO UPDATE SET n = c.n + excluded.n;
END
$$;

-- The attributes of a response that the counts are kept by, as jsonb fields.
CREATE FUNCTION feedback_response_keys(r feedback_responses) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('county_code', r.county_code, 'submitted_on', r.submitted_on, 'unit_id', r.unit_id,
                            'questionnaire_id', r.questionnaire_id, 'respondent', r.respondent, 'client_group', r.client_group)
$$;

-- One statement's answers added and removed: rating counts ± the rows, and each touched response
-- moved from its item set before the statement (now without what was added, with what was removed)
-- to its set now. Answers of a response that no longer exists (a cascade from its delete) are skipped:
-- the response's own trigger took its counts out.
CREATE FUNCTION feedback_counts_change(added jsonb, removed jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[] := ARRAY(SELECT DISTINCT x.response_id FROM jsonb_to_recordset(added || removed) AS x(response_id uuid));
  ratings jsonb;
  sets jsonb;
BEGIN
  WITH a AS (SELECT * FROM jsonb_to_recordset(added) AS x(response_id uuid, item_id text, rating smallint, county_code text)),
  o AS (SELECT * FROM jsonb_to_recordset(removed) AS x(response_id uuid, item_id text, rating smallint, county_code text)),
  -- `= ANY(ids)`: probed by key; a join to the statement's rows was planned as a scan of all responses.
  own AS MATERIALIZED (SELECT r.id, r.county_code, feedback_response_keys(r) AS keys FROM feedback_responses r WHERE r.id = ANY(ids)),
  a_own AS (SELECT a.* FROM a JOIN own ON own.id = a.response_id AND own.county_code = a.county_code),
  o_own AS (SELECT o.* FROM o JOIN own ON own.id = o.response_id AND own.county_code = o.county_code),
  -- Each touched response's answers by its key (a lookup per response, not a scan of all answers).
  now_rows AS (SELECT f.response_id, f.item_id FROM own
                 CROSS JOIN LATERAL (SELECT f.response_id, f.item_id FROM feedback_answers f WHERE f.response_id = own.id AND f.county_code = own.county_code) f),
  before_rows AS (
    (SELECT response_id, item_id FROM now_rows EXCEPT SELECT response_id, item_id FROM a_own)
    UNION SELECT response_id, item_id FROM o_own),
  now_sets AS (SELECT response_id, array_agg(item_id ORDER BY item_id) AS items FROM now_rows GROUP BY 1),
  before_sets AS (SELECT response_id, array_agg(item_id ORDER BY item_id) AS items FROM before_rows GROUP BY 1),
  moved AS (
    SELECT own.keys, coalesce(n.items, '{}') AS now_items, coalesce(b.items, '{}') AS before_items
      FROM own LEFT JOIN now_sets n ON n.response_id = own.id LEFT JOIN before_sets b ON b.response_id = own.id),
  changed AS (
    SELECT a_own.response_id, a_own.item_id, a_own.rating, 1 AS n FROM a_own
    UNION ALL SELECT o_own.response_id, o_own.item_id, o_own.rating, -1 FROM o_own)
  SELECT (SELECT coalesce(jsonb_agg(own.keys || jsonb_build_object('item_id', x.item_id, 'rating', x.rating, 'n', x.n)), '[]')
            FROM changed x JOIN own ON own.id = x.response_id),
         (SELECT coalesce(jsonb_agg(x), '[]') FROM (
            SELECT keys || jsonb_build_object('items', now_items, 'n', 1) AS x FROM moved WHERE now_items <> before_items
            UNION ALL SELECT keys || jsonb_build_object('items', before_items, 'n', -1) FROM moved WHERE now_items <> before_items) s)
    INTO ratings, sets;
  PERFORM feedback_counts_add(ratings, sets);
END
$$;

-- All of one response's counts with `sign`, from its answers now.
CREATE FUNCTION feedback_response_counts(r feedback_responses, sign int) RETURNS void
LANGUAGE sql AS $$
  SELECT feedback_counts_add(
    (SELECT coalesce(jsonb_agg(feedback_response_keys(r) || jsonb_build_object('item_id', f.item_id, 'rating', f.rating, 'n', sign)), '[]')
       FROM feedback_answers f WHERE f.response_id = r.id AND f.county_code = r.county_code),
    (SELECT jsonb_build_array(feedback_response_keys(r) || jsonb_build_object('n', sign, 'items', coalesce(array_agg(f.item_id ORDER BY f.item_id), '{}')))
       FROM feedback_answers f WHERE f.response_id = r.id AND f.county_code = r.county_code));
$$;

-- old_rows / new_rows exist only for their own event, hence the branches.
CREATE FUNCTION feedback_answers_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  added jsonb := '[]';
  removed jsonb := '[]';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT coalesce(jsonb_agg(jsonb_build_object('response_id', w.response_id, 'item_id', w.item_id, 'rating', w.rating, 'county_code', w.county_code)), '[]')
      INTO added FROM new_rows w;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT coalesce(jsonb_agg(jsonb_build_object('response_id', o.response_id, 'item_id', o.item_id, 'rating', o.rating, 'county_code', o.county_code)), '[]')
      INTO removed FROM old_rows o;
  END IF;
  PERFORM feedback_counts_change(added, removed);
  RETURN NULL;
END
$$;

-- A response's delete takes its counts out before the row goes (its answers are still there); an
-- update moves them from the old attributes to the new.
CREATE FUNCTION feedback_responses_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM feedback_response_counts(OLD, -1);
    RETURN OLD;
  END IF;
  PERFORM feedback_response_counts(OLD, -1);
  PERFORM feedback_response_counts(NEW, 1);
  RETURN NULL;
END
$$;

CREATE FUNCTION feedback_counts_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM feedback_rating_counts;
  DELETE FROM feedback_item_sets;
  RETURN NULL;
END
$$;

CREATE TRIGGER feedback_answers_counts_insert AFTER INSERT ON feedback_answers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_answers_counts();
CREATE TRIGGER feedback_answers_counts_update AFTER UPDATE ON feedback_answers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_answers_counts();
CREATE TRIGGER feedback_answers_counts_delete AFTER DELETE ON feedback_answers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_answers_counts();
CREATE TRIGGER feedback_answers_counts_truncate AFTER TRUNCATE ON feedback_answers
  FOR EACH STATEMENT EXECUTE FUNCTION feedback_counts_truncate();
CREATE TRIGGER feedback_responses_counts_delete BEFORE DELETE ON feedback_responses
  FOR EACH ROW EXECUTE FUNCTION feedback_responses_counts();
CREATE TRIGGER feedback_responses_counts_update AFTER UPDATE ON feedback_responses
  FOR EACH ROW WHEN ((OLD.county_code, OLD.submitted_on, OLD.unit_id, OLD.questionnaire_id, OLD.respondent, OLD.client_group)
                     IS DISTINCT FROM (NEW.county_code, NEW.submitted_on, NEW.unit_id, NEW.questionnaire_id, NEW.respondent, NEW.client_group))
  EXECUTE FUNCTION feedback_responses_counts();

-- What is already there (stripe 0).
INSERT INTO feedback_rating_counts (county_code, grain, day, unit_id, questionnaire_id, respondent, client_group, item_id, rating, stripe, n)
SELECT r.county_code, g.grain, CASE g.grain WHEN 'day' THEN r.submitted_on ELSE date_trunc('month', r.submitted_on)::date END,
       r.unit_id, r.questionnaire_id, r.respondent, r.client_group, f.item_id, f.rating, 0, count(*)
  FROM feedback_responses r JOIN feedback_answers f ON f.response_id = r.id AND f.county_code = r.county_code
 CROSS JOIN (VALUES ('day'), ('month')) g(grain)
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO feedback_item_sets (county_code, grain, day, unit_id, questionnaire_id, respondent, client_group, items, stripe, n)
SELECT s.county_code, g.grain, CASE g.grain WHEN 'day' THEN s.submitted_on ELSE date_trunc('month', s.submitted_on)::date END,
       s.unit_id, s.questionnaire_id, s.respondent, s.client_group, s.items, 0, count(*)
  FROM (SELECT r.county_code, r.submitted_on, r.unit_id, r.questionnaire_id, r.respondent, r.client_group, array_agg(f.item_id ORDER BY f.item_id) AS items
          FROM feedback_responses r JOIN feedback_answers f ON f.response_id = r.id AND f.county_code = r.county_code
         GROUP BY r.id) s
 CROSS JOIN (VALUES ('day'), ('month')) g(grain)
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- Client data (derived): the tenant policy of 0801.
ALTER TABLE feedback_rating_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON feedback_rating_counts FOR ALL TO polku_app
  USING (polku_tenant_row(county_code)) WITH CHECK (polku_tenant_row(county_code));
ALTER TABLE feedback_item_sets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON feedback_item_sets FOR ALL TO polku_app
  USING (polku_tenant_row(county_code)) WITH CHECK (polku_tenant_row(county_code));
