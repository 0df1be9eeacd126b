/**
 * The feedback report's averages computed from counts in the database. `feedbackScores` (feedback
 * module) reads every answer of the period into memory and aggregates there: 120k answer rows at
 * 20k responses, ~700 ms a request in Node alone, all on the one event loop that serves every
 * other request. Here the database returns a few hundred count rows (per item and rating, and the
 * number of distinct responses per group and part), counted with the rules of `countResponses`
 * (feedback.rules: only items of the response's questionnaire meant for its respondent count), and the
 * averages are formed by the feedback module's own `aggregateCounts`.
 * tests/api/report-equivalence.test.ts checks equality with `feedbackScores`.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import { withoutPlans } from './reports.repository.js';
import {
  aggregateCounts, QUESTIONNAIRES, type FeedbackAggregate, type FeedbackCounts, type FeedbackFilter, type Questionnaire, type Rating,
} from '../feedback/index.js';

/** Every (questionnaire, group, item, respondent) an answer may count for. */
const validItems = (questionnaires: readonly Questionnaire[]) =>
  questionnaires.flatMap((q) => q.groups.flatMap((g) => g.items.map((i) => ({ q: q.id, g: g.id, item: i.id, resp: i.respondent }))));

interface CountRow { q: string; g: string | null; item: string | null; rating: number | null; n: string }

export async function feedbackCounts(tx: Tx, f: FeedbackFilter): Promise<CountRow[]> {
  const unit = f.unitId ? sql`AND r.unit_id = ${f.unitId}` : sql``;
  const group = f.clientGroup ? sql`AND (r.client_group = ${f.clientGroup} OR r.respondent <> 'client')` : sql``;
  // a.county_code as well: the policy predicate is no index condition and the answers would be
  // probed per response otherwise.
  // Hash joins and hashed distinct counts: under row-level security the planner expects a dozen
  // answers and probed the answer index once per (response, valid item) pair (120k probes, 0.9 s).
  const { rows } = await withoutPlans(tx, ['enable_nestloop', 'enable_sort'], () => sql<CountRow>`
    WITH items AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(validItems(QUESTIONNAIRES))}::jsonb) AS x(q text, g text, item text, resp text)),
    v AS MATERIALIZED (
      SELECT r.id, i.q, i.g, i.item, a.rating
        FROM feedback_responses r
        JOIN feedback_answers a ON a.response_id = r.id AND a.county_code = ${f.countyCode}
        JOIN items i ON i.q = r.questionnaire_id AND i.item = a.item_id AND i.resp = r.respondent
       WHERE r.county_code = ${f.countyCode} AND r.submitted_on >= ${f.from}::date AND r.submitted_on <= ${f.to}::date
         AND a.rating BETWEEN 1 AND 5 ${unit} ${group}),
    rg AS MATERIALIZED (SELECT DISTINCT id, q, g FROM v)
    SELECT q, g, item, rating, count(*) AS n FROM v GROUP BY q, g, item, rating
    UNION ALL SELECT q, g, NULL, NULL, count(*) FROM rg GROUP BY q, g
    UNION ALL SELECT q, NULL, NULL, NULL, count(*) FROM (SELECT DISTINCT id, q FROM rg) p GROUP BY q`.execute(tx));
  return rows;
}

/** The database's count rows as the feedback module's counts. */
function toCounts(rows: readonly CountRow[]): FeedbackCounts {
  const counts: FeedbackCounts = { responses: new Map(), ratings: new Map() };
  for (const r of rows) {
    if (r.item === null) counts.responses.set(`${r.q}|${r.g ?? ''}`, Number(r.n));
    else {
      const key = `${r.q}|${r.item}`;
      const d = counts.ratings.get(key) ?? { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      d[Number(r.rating) as Rating] += Number(r.n);
      counts.ratings.set(key, d);
    }
  }
  return counts;
}

export async function feedbackAggregate(tx: Tx, f: FeedbackFilter, minGroupSize = 5): Promise<FeedbackAggregate> {
  return aggregateCounts(toCounts(await feedbackCounts(tx, f)), minGroupSize);
}
