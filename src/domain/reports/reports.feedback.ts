/**
 * The feedback report's averages computed from counts in the database. `feedbackScores` (feedback
 * module) reads every answer of the period into memory and aggregates there: 120k answer rows at
 * 20k responses, ~700 ms a request in Node alone, all on the one event loop that serves every
 * other request. Here the database returns a few hundred count rows (per item and rating, and the
 * number of distinct responses per group and part), counted with the rules of `countResponses`
 * (feedback.rules: only items of the response's questionnaire meant for its respondent count), and the
 * averages are formed by the feedback module's own `aggregateCounts`. The counts come from the
 * summaries of migration 0890 (thousands of rows instead of every answer of the period).
 * tests/api/report-equivalence.test.ts checks equality with `feedbackScores` and with the counts
 * taken from the answers themselves, also after answers and responses change.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import { crossingPeriodParts } from './reports.repository.js';
import {
  aggregateCounts, QUESTIONNAIRES, type FeedbackAggregate, type FeedbackCounts, type FeedbackFilter, type Questionnaire, type Rating,
} from '../feedback/index.js';

/** Every (questionnaire, group, item, respondent) an answer may count for. */
const validItems = (questionnaires: readonly Questionnaire[]) =>
  questionnaires.flatMap((q) => q.groups.flatMap((g) => g.items.map((i) => ({ q: q.id, g: g.id, item: i.id, resp: i.respondent }))));

interface CountRow { q: string; g: string | null; item: string | null; rating: number | null; n: string }

/**
 * The count rows from the summaries of migration 0890 (kept by triggers in the writing transaction,
 * so never stale): whole months from the month rows, the days of a partial first and last month from
 * the day rows. Ratings per valid item; a response counts for a group (and its part) when its set of
 * answered items holds one of the group's valid items for its respondent.
 */
export async function feedbackCounts(tx: Tx, f: FeedbackFilter): Promise<CountRow[]> {
  const parts = crossingPeriodParts(f.from, f.to);
  const filters = (c: string) => sql`${sql.ref(`${c}.county_code`)} = ${f.countyCode}
    ${f.unitId ? sql`AND ${sql.ref(`${c}.unit_id`)} = ${f.unitId}` : sql``}
    ${f.clientGroup ? sql`AND (${sql.ref(`${c}.client_group`)} = ${f.clientGroup} OR ${sql.ref(`${c}.respondent`)} <> 'client')` : sql``}`;
  const period = (c: string) => {
    const day = sql.ref(`${c}.day`);
    const ranges = parts.days.map(([a, b]) => sql`(${sql.ref(`${c}.grain`)} = 'day' AND ${day} >= ${a}::date AND ${day} <= ${b}::date)`);
    if (parts.months) ranges.push(sql`(${sql.ref(`${c}.grain`)} = 'month' AND ${day} >= ${parts.months[0]}::date AND ${day} < ${parts.months[1]}::date)`);
    return sql`(${sql.join(ranges, sql` OR `)})`;
  };
  const { rows } = await sql<CountRow>`
    WITH items AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(validItems(QUESTIONNAIRES))}::jsonb) AS x(q text, g text, item text, resp text)),
    groups AS (SELECT DISTINCT q, g, resp FROM items),
    ratings AS (
      SELECT c.questionnaire_id, c.respondent, c.item_id, c.rating, sum(c.n) AS n FROM feedback_rating_counts c
       WHERE ${filters('c')} AND ${period('c')} GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0),
    sets AS MATERIALIZED (
      SELECT s.questionnaire_id, s.respondent, s.items, sum(s.n) AS n FROM feedback_item_sets s
       WHERE ${filters('s')} AND ${period('s')} GROUP BY 1, 2, 3 HAVING sum(s.n) <> 0)
    SELECT i.q, i.g, i.item, r.rating, sum(r.n) AS n
      FROM ratings r JOIN items i ON i.q = r.questionnaire_id AND i.item = r.item_id AND i.resp = r.respondent GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT gr.q, gr.g, NULL, NULL, sum(s.n) FROM sets s JOIN groups gr ON gr.q = s.questionnaire_id AND gr.resp = s.respondent
     WHERE EXISTS (SELECT 1 FROM items i WHERE i.q = gr.q AND i.g = gr.g AND i.resp = gr.resp AND i.item = ANY(s.items)) GROUP BY 1, 2
    UNION ALL
    SELECT s.questionnaire_id, NULL, NULL, NULL, sum(s.n) FROM sets s
     WHERE EXISTS (SELECT 1 FROM items i WHERE i.q = s.questionnaire_id AND i.resp = s.respondent AND i.item = ANY(s.items)) GROUP BY 1`.execute(tx);
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
