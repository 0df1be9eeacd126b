/**
 * SQL of the management reports. Every report is one or two set-based queries that aggregate in the
 * database (no per-client round trips) over indexes of 0700; the period is a half-open day range.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/schema.js';
import './reports.tables.js';

export interface ReportScope {
  countyCode: string;
  from: string; // first day, YYYY-MM-DD
  to: string; // last day, inclusive
  unitId: string | null;
  clientGroup: string | null;
  /**
   * This transaction's TimeZone, as useAnalyticsMemory read it. Every connection runs in Finnish time
   * (db/database.ts), and the day rows of 0961, 0964 and 0995 are Finnish days; in another zone (a session
   * that set its own) the reports that read them read the source rows instead.
   */
  timeZone: string;
}

/** The zone of the kept day rows (0961, 0964, 0995) and of every connection of db/database.ts. */
export const FINNISH_TIME_ZONE = 'Europe/Helsinki';
const inFinnishTime = (s: ReportScope) => s.timeZone === FINNISH_TIME_ZONE;

const start = (s: ReportScope) => sql`${s.from}::date`;
const end = (s: ReportScope) => sql`(${s.to}::date + 1)`;

/** The client group by age on the last day of the period (clients.rules clientGroupForAge in SQL). */
function groupCond(s: ReportScope, client: string): RawBuilder<unknown> {
  if (!s.clientGroup) return sql`true`;
  const age = sql`extract(year from age(${s.to}::date, ${sql.ref(`${client}.birth_date`)}))`;
  return sql`(CASE WHEN ${age} < 18 THEN 'children-youth-families' WHEN ${age} >= 65 THEN 'older-people' ELSE 'working-age' END) = ${s.clientGroup}`;
}

/** The clients join, made only when the client-group filter needs the age (a lookup per row otherwise; docs/performance.md). */
function clientJoin(s: ReportScope, clientIdRef: string): RawBuilder<unknown> {
  return s.clientGroup ? sql`JOIN clients c ON c.id = ${sql.ref(clientIdRef)}` : sql``;
}

/** The client has (or had) a relationship in the unit. */
function clientInUnit(s: ReportScope, clientIdRef: string): RawBuilder<unknown> {
  if (!s.unitId) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM client_relationships ur WHERE ur.client_id = ${sql.ref(clientIdRef)} AND ur.unit_id = ${s.unitId})`;
}

/** A relationship `r` of the unit (every relationship without a unit filter). */
const relationshipInUnit = (s: ReportScope): RawBuilder<unknown> => (s.unitId ? sql`r.unit_id = ${s.unitId}` : sql`true`);

/** A referral `r` sent from or to the unit (every referral without a unit filter). */
const referralOfUnit = (s: ReportScope): RawBuilder<unknown> => (s.unitId ? sql`(r.from_unit_id = ${s.unitId} OR r.to_unit_id = ${s.unitId})` : sql`true`);

/**
 * Report queries aggregate hundreds of thousands of rows; give this transaction enough memory to
 * hash instead of spilling sorts to disk (the default 4 MB is sized for OLTP). Returns the session's
 * TimeZone (ReportScope.timeZone), read in the same statement: read on its own it was one more round
 * trip per report, and so was each of the two SET LOCALs this was before (set_config(…, true) is SET LOCAL).
 */
export async function useAnalyticsMemory(tx: Tx): Promise<string> {
  // No JIT: compiling a report statement cost 55–60 ms of CPU per request (servicesByMunicipality at
  // 7k services) and more under load, for statements that run 5–300 ms (docs/performance.md, fourth round).
  const { rows } = await sql<{ tz: string }>`
    SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true), current_setting('TimeZone') AS tz`.execute(tx);
  return rows[0]!.tz;
}

/** Planner choices a report statement can switch off; `max_parallel_workers_per_gather` is set to 0 (no parallel plan). */
export type PlannerSetting = 'enable_sort' | 'enable_nestloop' | 'enable_hashagg' | 'enable_seqscan' | 'enable_bitmapscan' | 'max_parallel_workers_per_gather';

/**
 * Runs one report statement with planner settings switched off for it alone. Row-level security
 * adds a filter to every scan that the planner misjudges: 0801's per-row `current_setting` form was
 * estimated at one row, so it joined 50k referrals to the organisations by nested loop (700 ms at 1M
 * events) and sorted 315k path events to group them; 0920's once-per-statement form looks free, so it
 * may prefer table scans (stuckByReceiver). Measured and explained in docs/performance.md.
 */
export async function withoutPlans<T>(tx: Tx, off: PlannerSetting[], run: () => Promise<T>): Promise<T> {
  if (off.length === 0) return run();
  // One statement each way (set_config(…, true) is SET LOCAL). The values before are read in the same
  // statement, in a materialized CTE so that they are read before the row that sets them is formed, and
  // restored afterwards; reading reset_val from pg_settings instead scanned all ~350 settings per switch
  // (≈ 0.6 ms each, 2–4 ms a report).
  const { rows } = await sql<{ before: string[] }>`
    WITH b AS MATERIALIZED (SELECT ARRAY[${sql.join(off.map((o) => sql`current_setting(${o})`))}] AS before)
    SELECT b.before, ${sql.join(off.map((o) => sql`set_config(${o}, ${o === 'max_parallel_workers_per_gather' ? '0' : 'off'}, true)`))} FROM b`.execute(tx);
  const before = rows[0]!.before;
  const out = await run();
  await sql`SELECT ${sql.join(off.map((o, i) => sql`set_config(${o}, ${before[i]!}, true)`))}`.execute(tx);
  return out;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
const int = (v: unknown) => Number(v ?? 0);

/**
 * Segment distribution (each client's latest assessment before the period's end) and movements
 * (assessments in the period whose segment differs from the client's previous one), in one pass
 * over the assessments: the latest row of a client is the one without a next row in the same
 * window (`lead(at) IS NULL`), so no second sort for a DISTINCT ON and no second scan of the rows.
 * The clients join is made only for a client-group filter, and the bound is timestamptz so it can
 * stay an index condition under RLS (docs/performance.md, fourth round).
 */
export async function segments(tx: Tx, s: ReportScope) {
  const moved = sql`x.prev <> x.segment AND x.at >= ${start(s)}::timestamptz`;
  const { rows } = await sql<{ segment: string; moved_from: string | null; current: string; moves: string }>`
    WITH x AS (
      SELECT a.segment, a.at, lag(a.segment) OVER w AS prev, lead(a.at) OVER w IS NULL AS latest
        FROM assessments a ${clientJoin(s, 'a.client_id')}
       WHERE a.county_code = ${s.countyCode} AND a.at < ${end(s)}::timestamptz AND ${groupCond(s, 'c')} AND ${clientInUnit(s, 'a.client_id')}
      WINDOW w AS (PARTITION BY a.client_id ORDER BY a.at))
    SELECT x.segment, CASE WHEN ${moved} THEN x.prev END AS moved_from,
           count(*) FILTER (WHERE x.latest) AS current, count(*) FILTER (WHERE ${moved}) AS moves
      FROM x GROUP BY 1, 2`.execute(tx);
  const current = new Map<string, number>();
  for (const r of rows) if (int(r.current) > 0) current.set(r.segment, (current.get(r.segment) ?? 0) + int(r.current));
  return {
    distribution: [...current].map(([segment, clients]) => ({ segment, clients })),
    movements: rows.filter((r) => r.moved_from !== null && int(r.moves) > 0).map((r) => ({ from: r.moved_from!, to: r.segment, clients: int(r.moves) })),
  };
}

/**
 * Open caseload per worker: distinct clients with an open relationship, and of them those with an open
 * intensive one. Without a client-group filter from the counts of 0960, kept by triggers in the writing
 * transaction (one row per worker and unit key instead of grouping every open relationship of the county:
 * ≈ 48 ms of database CPU a request at 100k clients); with it, from the relationships, as the group needs
 * each client's age on the period's last day.
 */
export async function caseloads(tx: Tx, s: ReportScope) {
  if (s.clientGroup) return caseloadsFromRelationships(tx, s);
  const unitKey = s.unitId ? sql`k.unit_id = ${s.unitId}` : sql`k.unit_id IS NULL`;
  const { rows } = await sql<CaseloadRow>`
    SELECT u.id AS user_id, u.display_name AS name, un.name AS unit_name, k.clients, k.intensive
      FROM caseload_counts k
      JOIN users u ON u.id = k.user_id
      LEFT JOIN units un ON un.id = u.unit_id
     WHERE k.county_code = ${s.countyCode} AND ${unitKey} AND k.clients > 0
     ORDER BY k.clients DESC, name, u.id`.execute(tx);
  return rows.map(caseloadRow);
}

interface CaseloadRow { user_id: string; name: string; unit_name: string | null; clients: string | number; intensive: string | number }
const caseloadRow = (r: CaseloadRow) => ({ userId: r.user_id, name: r.name, unitName: r.unit_name, clients: int(r.clients), intensive: int(r.intensive) });

/**
 * The same from the relationships, for a client-group filter. The distinct clients per worker are formed
 * from (worker, client) pairs first: `count(DISTINCT …)` sorted all 100k open relationships with the
 * worker's and unit's names to group them (220–350 ms at 100k clients); the names are joined to the ~500
 * result rows; the clients join needs the table scan and the pairs are hashed.
 */
export async function caseloadsFromRelationships(tx: Tx, s: ReportScope) {
  const unit = relationshipInUnit(s);
  const plans: PlannerSetting[] = s.clientGroup ? ['enable_sort'] : ['enable_seqscan', 'enable_bitmapscan', 'enable_hashagg'];
  const { rows } = await withoutPlans(tx, plans, () => sql<CaseloadRow>`
    WITH per_client AS (
      SELECT r.responsible_user_id AS user_id, r.client_id, bool_or(r.level = 'intensiivinen-palveluohjaus') AS intensive
        FROM client_relationships r ${clientJoin(s, 'r.client_id')}
       WHERE r.county_code = ${s.countyCode} AND r.ended_at IS NULL AND ${unit} AND ${groupCond(s, 'c')}
       GROUP BY 1, 2),
    per_user AS (SELECT user_id, count(*) AS clients, count(*) FILTER (WHERE intensive) AS intensive FROM per_client GROUP BY 1)
    SELECT u.id AS user_id, u.display_name AS name, un.name AS unit_name, sum(p.clients) AS clients, sum(p.intensive) AS intensive
      FROM per_user p
      JOIN users u ON u.id = p.user_id
      LEFT JOIN units un ON un.id = u.unit_id
     GROUP BY u.id, u.display_name, un.name
     ORDER BY clients DESC, name, u.id`.execute(tx));
  return rows.map(caseloadRow);
}

/**
 * Relationships ended in the period and open at its end, per level, with median durations (days). Open at
 * the end = still open, counted per start day by the triggers of 0961, plus those ended at or after the
 * end; those and the ones ended in the period are read by `ended_at` (0961's partial index). The median
 * open duration is read at its one or two positions in start order: the day rows' running total finds the
 * day, and only that day's relationships are read. Reading every relationship of the county instead cost
 * ≈ 58 ms of database CPU a request at 100k clients. With a client-group filter (each client's age) or in
 * another session time zone than the rows' Finnish days, the relationships themselves are read. Levels
 * with nothing ended in the period and nothing open at its end are left out (the service shows them as 0).
 */
export async function relationshipDurations(tx: Tx, s: ReportScope) {
  if (s.clientGroup || !inFinnishTime(s)) return durationsFromRelationships(tx, s);
  const unit = relationshipInUnit(s);
  const until = sql`${end(s)}::timestamptz`;
  const unitKey = s.unitId ? sql`d.unit_id = ${s.unitId}` : sql`d.unit_id IS NULL`;
  // Start-order position p of level t.level: the day whose running total passes p, then the (p - before)th
  // relationship open at the end that started that day (still open, or ended at or after the end).
  const at = (p: RawBuilder<unknown>) => sql`(
    SELECT (SELECT x.started_at FROM (
              SELECT r.started_at FROM client_relationships r
               WHERE r.county_code = ${s.countyCode} AND r.level = t.level AND r.ended_at IS NULL AND ${unit}
                 AND r.started_at >= c.day_start AND r.started_at < c.day_end
              UNION ALL
              SELECT l.started_at FROM later l WHERE l.level = t.level AND l.day = c.day) x
             ORDER BY x.started_at OFFSET ${p} - c.before LIMIT 1)
      FROM cum c WHERE c.level = t.level AND c.before <= ${p} AND ${p} < c.before + c.n)`;
  const days = (p: RawBuilder<unknown>) => sql`(extract(epoch from (${until} - ${at(p)})) / 86400)::float8`;
  // Positions in ascending duration lo = floor((n-1)/2), hi = n/2 are n-1-hi and n-1-lo in start order.
  const [first, second] = [sql`t.open - 1 - t.open / 2`, sql`t.open - 1 - (t.open - 1) / 2`];
  const { rows } = await sql<{ level: string; ended: string; median_ended: unknown; open: string; median_open: unknown }>`
    WITH since AS MATERIALIZED (
      SELECT r.level, r.started_at, r.ended_at FROM client_relationships r
       WHERE r.county_code = ${s.countyCode} AND r.ended_at IS NOT NULL AND r.ended_at >= ${start(s)}::timestamptz AND r.started_at < ${until} AND ${unit}),
    later AS (SELECT r.level, r.started_at, (r.started_at AT TIME ZONE 'Europe/Helsinki')::date AS day FROM since r WHERE r.ended_at >= ${until}),
    ended AS (
      SELECT r.level, count(*) AS ended, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch from (r.ended_at - r.started_at)) / 86400) AS median
        FROM since r WHERE r.ended_at < ${until} GROUP BY r.level),
    per_day AS (
      SELECT x.level, x.day, sum(x.n)::bigint AS n FROM (
        SELECT d.level, d.day, d.n FROM open_relationship_days d
         WHERE d.county_code = ${s.countyCode} AND ${unitKey} AND d.day < ${end(s)}
        UNION ALL
        SELECT l.level, l.day, 1 FROM later l) x
       GROUP BY x.level, x.day HAVING sum(x.n) <> 0),
    -- The day's bounds as timestamptz here: a date cast inside the relationships scan is not leakproof, so
    -- under row-level security it would be a filter over the level's every entry, not an index condition.
    cum AS (SELECT level, day, day::timestamptz AS day_start, (day + 1)::timestamptz AS day_end, n,
                   (sum(n) OVER (PARTITION BY level ORDER BY day))::bigint - n AS before FROM per_day),
    total AS (SELECT level, sum(n)::bigint AS open FROM per_day GROUP BY level),
    medians AS (
      SELECT t.level, t.open, (SELECT min(v) + (max(v) - min(v)) * 0.5::float8 FROM (VALUES (${days(first)}), (${days(second)})) m(v)) AS median
        FROM total t WHERE t.open > 0)
    SELECT coalesce(m.level, e.level) AS level, coalesce(e.ended, 0) AS ended, e.median AS median_ended,
           coalesce(m.open, 0) AS open, m.median AS median_open
      FROM medians m FULL JOIN ended e ON e.level = m.level`.execute(tx);
  return rows.map((r) => ({ level: r.level, ended: int(r.ended), medianDaysEnded: num(r.median_ended), open: int(r.open), medianDaysOpen: num(r.median_open) }));
}

/**
 * The same from every relationship: for a client-group filter (each client's age). Without one (the
 * reference in tests), the median open duration is not sorted for: sorting the ~100k open relationships
 * cost about 60 % of this statement (0891's round); see openDurationMedian.
 */
export async function durationsFromRelationships(tx: Tx, s: ReportScope) {
  const unit = relationshipInUnit(s);
  const days = (until: RawBuilder<unknown>) => sql`extract(epoch from (${until} - r.started_at)) / 86400`;
  const endedIn = sql`r.ended_at >= ${start(s)} AND r.ended_at < ${end(s)}`;
  const open = sql`r.ended_at IS NULL OR r.ended_at >= ${end(s)}`;
  const medianOpen = s.clientGroup ? sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days(sql`${end(s)}::timestamptz`)}) FILTER (WHERE ${open})` : sql`NULL::float8`;
  // Without a client-group filter, the covering index of 0891 in level order (no table rows, no sort by level).
  const plans: PlannerSetting[] = s.clientGroup ? [] : ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'];
  const { rows } = await withoutPlans(tx, plans, () => sql<{ level: string; ended: string; median_ended: unknown; open: string; median_open: unknown }>`
    WITH a AS (
      SELECT r.level,
             count(*) FILTER (WHERE ${endedIn}) AS ended,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days(sql`r.ended_at`)}) FILTER (WHERE ${endedIn}) AS median_ended,
             count(*) FILTER (WHERE ${open}) AS open,
             ${medianOpen} AS median_open
        FROM client_relationships r ${clientJoin(s, 'r.client_id')}
       WHERE r.county_code = ${s.countyCode} AND r.started_at < ${end(s)} AND ${unit} AND ${groupCond(s, 'c')}
       GROUP BY r.level)
    SELECT a.level, a.ended, a.median_ended, a.open, ${s.clientGroup ? sql`a.median_open` : sql`m.median`} AS median_open
      FROM a ${s.clientGroup ? sql`` : openDurationMedian(s)}`.execute(tx));
  return rows.map((r) => ({ level: r.level, ended: int(r.ended), medianDaysEnded: num(r.median_ended), open: int(r.open), medianDaysOpen: num(r.median_open) }));
}

/**
 * percentile_cont(0.5) of the open durations of level `a.level`, given their number `a.open`: the
 * durations in ascending order are the start times in descending order, so the one or two middle
 * values are the open relationships at known positions in start order, read from the index of 0891
 * (OFFSET/LIMIT, no sort), and interpolated as percentile_cont does (`lo + (hi - lo) * 0.5` in double
 * precision), so the result is the same number. In the same statement as the count, so both see one
 * snapshot. tests/api/report-equivalence.test.ts compares it with percentile_cont.
 */
function openDurationMedian(s: ReportScope) {
  const unit = relationshipInUnit(s);
  const until = sql`${end(s)}::timestamptz`;
  // Positions in ascending duration: lo = floor((n-1)/2), hi = ceil((n-1)/2) = n/2; in start order n-1-hi … n-1-lo.
  // greatest(…, 0): the planner may run the lateral for a level with no open ones before `ON a.open > 0`
  // drops it, and OFFSET -1 is an error (seen in tests/api/report-equivalence.test.ts on random data).
  return sql`LEFT JOIN LATERAL (
      SELECT min(x.days) + (max(x.days) - min(x.days)) * 0.5::float8 AS median FROM (
        SELECT (extract(epoch from (${until} - r.started_at)) / 86400)::float8 AS days FROM client_relationships r
         WHERE r.county_code = ${s.countyCode} AND r.level = a.level AND r.started_at < ${until}
           AND (r.ended_at IS NULL OR r.ended_at >= ${until}) AND ${unit}
         ORDER BY r.started_at OFFSET greatest(a.open - 1 - a.open / 2, 0) LIMIT a.open / 2 - (a.open - 1) / 2 + 1) x) m ON a.open > 0`;
}

/**
 * Open relationships with no step on the path and no contact within `days` before the period's end,
 * as distinct clients per unit name. Only a client with two or more open relationships (0921's
 * client_open_relationships, n > 1; ≈ 10 % of clients) can give the same (unit name, client) pair
 * twice, so only those clients are kept apart; the others are counted per (organisation, unit) as
 * they pass, and the names are joined to these few thousand groups instead of to every relationship.
 * Hashing all ~80k (name, client) pairs for a DISTINCT was ≈ 30 % of the statement at 100k clients.
 */
export async function lostContact(tx: Tx, s: ReportScope, days: number) {
  const unit = relationshipInUnit(s);
  // timestamptz bounds: `date - interval` is a timestamp, and timestamptz >= timestamp is not
  // leakproof, so under RLS it stayed above the policy and path_events was scanned in full
  // (1M rows, 240 ms); as timestamptz they are index conditions (docs/performance.md).
  const since = sql`(${end(s)}::timestamptz - make_interval(days => ${days}))`;
  const until = sql`${end(s)}::timestamptz`;
  // `pe.county_code = …` although the client's rows are all of its county: the row-level security
  // predicate is an OR and no index condition, so without it the events of the last 90 days could
  // not be found by path_events (county_code, at) and all 1M events were read (560 ms, mostly disk).
  // No parallel plan: the worker hashed half the pairs and the leader all of them again, and built its
  // own copies of the small hashes: 190 ms of CPU (leader 110 + worker 80) and 166 ms wall against
  // 130 ms CPU and 133 ms wall serially at 100k clients, so under concurrent managers it only cost CPU.
  const { rows } = await withoutPlans(tx, ['enable_sort', 'max_parallel_workers_per_gather'], () => sql<{ unit_name: string; clients: string }>`
    SELECT unit_name, sum(CASE WHEN multi_client IS NULL THEN n ELSE 1 END) AS clients FROM (
      SELECT coalesce(un.name, o.name) AS unit_name, g.multi_client, sum(g.n) AS n FROM (
        SELECT r.organization_id, r.unit_id, m.client_id AS multi_client, count(*) AS n
          FROM client_relationships r
          LEFT JOIN client_open_relationships m ON m.county_code = ${s.countyCode} AND m.client_id = r.client_id AND m.n > 1
          ${clientJoin(s, 'r.client_id')}
         WHERE r.county_code = ${s.countyCode} AND r.ended_at IS NULL AND r.started_at < ${since} AND ${unit} AND ${groupCond(s, 'c')}
           AND NOT EXISTS (SELECT 1 FROM path_events pe WHERE pe.county_code = ${s.countyCode} AND pe.client_id = r.client_id AND pe.at >= ${since} AND pe.at < ${until})
           AND NOT EXISTS (SELECT 1 FROM client_contacts cc WHERE cc.county_code = ${s.countyCode} AND cc.client_id = r.client_id AND cc.at >= ${since} AND cc.at < ${until})
         GROUP BY 1, 2, 3) g
      JOIN organizations o ON o.id = g.organization_id
      LEFT JOIN units un ON un.id = g.unit_id
     GROUP BY 1, 2) x
    GROUP BY 1 ORDER BY 2 DESC`.execute(tx));
  return rows.map((r) => ({ unitName: r.unit_name, clients: int(r.clients) }));
}

/**
 * The first time of a status at or after the period's start: 0963's kept first time (column `status` of
 * `alias`) when it is not before the start (always, unless an event was dated before its referral was
 * created), else from the events of the referral `referralId`.
 */
function firstSince(s: ReportScope, alias: string, referralId: string, status: 'requested' | 'received' | 'accepted' | 'completed') {
  const kept = sql.ref(`${alias}.${status}`);
  return sql`CASE WHEN ${kept} IS NULL OR ${kept} >= ${start(s)}::timestamptz THEN ${kept} ELSE (
    SELECT min(e.at) FROM referral_events e WHERE e.county_code = ${s.countyCode} AND e.referral_id = ${sql.ref(referralId)} AND e.status = ${status} AND e.at >= ${start(s)}::timestamptz) END`;
}

function referralBase(s: ReportScope) {
  const unit = referralOfUnit(s);
  const first = (status: 'requested' | 'received' | 'accepted' | 'completed') => firstSince(s, 'f', 'r.id', status);
  return sql`
    SELECT r.id, r.status, r.status_reason, r.status_changed_at, fo.sector AS from_sector,
           coalesce(tor.sector, r.to_sector, 'unknown') AS to_sector,
           coalesce(${first('requested')}, r.created_at) AS requested, ${first('received')} AS received,
           ${first('accepted')} AS accepted, ${first('completed')} AS completed
      FROM referrals r
      JOIN organizations fo ON fo.id = r.organization_id
      LEFT JOIN organizations tor ON tor.id = r.to_organization_id
      -- The client row is needed only for the client-group filter (age); joining it always cost a
      -- lookup per referral (docs/performance.md).
      ${s.clientGroup ? sql`JOIN clients c ON c.id = r.client_id` : sql``}
      -- One row per referral kept by 0963's triggers; grouping the period's status events per referral
      -- instead was ≈ 35 % of the loop at 1M events (and a lookup per referral 2.7x that). Only referrals
      -- that were received, accepted or completed have a duration, so only their rows are joined (the
      -- others' requested time is never used): a fifth of the rows to hash in the bench.
      LEFT JOIN referral_status_firsts f ON f.county_code = ${s.countyCode} AND f.referral_id = r.id
            AND (f.received IS NOT NULL OR f.accepted IS NOT NULL OR f.completed IS NOT NULL)
      -- The bounds are timestamptz (the same instants as the dates in this session's TimeZone): a
      -- date–timestamptz comparison is not leakproof, so under row-level security it was no index
      -- condition and every referral of the county was read (≈ 30 % of the loop at 50k referrals).
     WHERE r.county_code = ${s.countyCode} AND r.status <> 'draft' AND r.created_at >= ${start(s)}::timestamptz AND r.created_at < ${end(s)}::timestamptz
       AND ${unit} AND ${groupCond(s, 'c')}`;
}

/**
 * Referrals per sector pair with the median days to receive, accept and complete (both forms below).
 * The durations are collected per pair into arrays (hash aggregation) and each median is
 * percentile_cont over its array: percentile_cont as an aggregate made PostgreSQL sort all ~54k
 * referral rows (wide, with the event times) by sector pair to group them, ≈ 15 % of the statement at
 * 1M events (docs/performance.md). The same function over the same values, so the same numbers.
 */
const loopDays = (a: string, b: string) =>
  sql`array_agg(extract(epoch from (${sql.ref(b)} - ${sql.ref(a)})) / 86400) FILTER (WHERE ${sql.ref(b)} IS NOT NULL)`;
const loopMedian = (arr: string) => sql`(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM unnest(${sql.ref(arr)}) v)`;

type LoopRow = Record<string, unknown>;
const loopRow = (r: LoopRow) => ({
  fromSector: String(r.from_sector), toSector: String(r.to_sector), referrals: int(r.referrals),
  medianDaysToReceive: num(r.to_receive), medianDaysToAccept: num(r.to_accept), medianDaysToComplete: num(r.to_complete),
  rejected: int(r.rejected), failed: int(r.failed),
});

/**
 * The referral loop from 0964's kept rows: the counts from the day rows of the period (a few thousand
 * rows instead of every referral joined to both organisations), the medians from the rows of the
 * referrals that have a duration (their partial index holds what is read). Referrals and organisations
 * are read only when a unit or client-group filter needs them (not kept) or the session's dates are not
 * Finnish days (the day rows are); the same numbers as from the referrals (tests/api/report-equivalence).
 */
export async function referralLoop(tx: Tx, s: ReportScope) {
  if (s.unitId || s.clientGroup || !inFinnishTime(s)) return referralLoopFromReferrals(tx, s);
  const first = (status: 'requested' | 'received' | 'accepted' | 'completed') => firstSince(s, 'f', 'f.referral_id', status);
  const { rows } = await withoutPlans(tx, ['enable_nestloop', 'max_parallel_workers_per_gather'], () => sql<LoopRow>`
    WITH c AS (
      SELECT from_sector, to_sector, sum(referrals) AS referrals, sum(rejected) AS rejected, sum(failed) AS failed
        FROM referral_report_days
       WHERE county_code = ${s.countyCode} AND day >= ${start(s)} AND day < ${end(s)}
       GROUP BY 1, 2 HAVING sum(referrals) > 0),
    t AS (
      SELECT f.from_sector, f.to_sector, coalesce(${first('requested')}, f.created_at) AS requested,
             ${first('received')} AS received, ${first('accepted')} AS accepted, ${first('completed')} AS completed
        FROM referral_report_rows f
       WHERE f.county_code = ${s.countyCode} AND f.created_at >= ${start(s)}::timestamptz AND f.created_at < ${end(s)}::timestamptz
         AND (f.received IS NOT NULL OR f.accepted IS NOT NULL OR f.completed IS NOT NULL)),
    g AS (
      SELECT from_sector, to_sector, ${loopDays('requested', 'received')} AS to_receive, ${loopDays('requested', 'accepted')} AS to_accept,
             ${loopDays('requested', 'completed')} AS to_complete
        FROM t GROUP BY 1, 2)
    SELECT c.from_sector, c.to_sector, c.referrals, ${loopMedian('to_receive')} AS to_receive, ${loopMedian('to_accept')} AS to_accept,
           ${loopMedian('to_complete')} AS to_complete, c.rejected, c.failed
      FROM c LEFT JOIN g ON g.from_sector = c.from_sector AND g.to_sector = c.to_sector
     ORDER BY c.referrals DESC`.execute(tx));
  return rows.map(loopRow);
}

/** The referral loop from the referrals themselves (any filter, any session time zone). */
export async function referralLoopFromReferrals(tx: Tx, s: ReportScope) {
  // No parallel plan: a worker's CPU only adds up under concurrent managers (as in lostContact).
  const { rows } = await withoutPlans(tx, ['enable_nestloop', 'enable_sort', 'max_parallel_workers_per_gather'], () => sql<LoopRow>`
    WITH r AS (${referralBase(s)}),
    g AS (
      SELECT from_sector, to_sector, count(*) AS referrals,
             ${loopDays('requested', 'received')} AS to_receive, ${loopDays('requested', 'accepted')} AS to_accept,
             ${loopDays('requested', 'completed')} AS to_complete,
             count(*) FILTER (WHERE status = 'rejected') AS rejected,
             count(*) FILTER (WHERE status IN ('failed', 'cancelled')) AS failed
        FROM r GROUP BY from_sector, to_sector)
    SELECT from_sector, to_sector, referrals, ${loopMedian('to_receive')} AS to_receive, ${loopMedian('to_accept')} AS to_accept,
           ${loopMedian('to_complete')} AS to_complete, rejected, failed
      FROM g ORDER BY referrals DESC`.execute(tx));
  return rows.map(loopRow);
}

/**
 * Rejection reasons of the period's referrals, from the day rows of 0995 (kept by 0964's refresh) under the
 * same rule as the referral loop: a unit or client-group filter, or a session not in Finnish time, reads
 * the referrals. Ties are ordered by reason, so which 50 are shown no longer depends on the plan.
 */
export async function rejectionReasons(tx: Tx, s: ReportScope) {
  if (s.unitId || s.clientGroup || !inFinnishTime(s)) return rejectionReasonsFromReferrals(tx, s);
  const { rows } = await sql<{ reason: string; count: string }>`
    SELECT reason, sum(n) AS count FROM referral_rejection_days
     WHERE county_code = ${s.countyCode} AND day >= ${start(s)} AND day < ${end(s)}
     GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1 LIMIT 50`.execute(tx);
  return rows.map((r) => ({ reason: r.reason, count: int(r.count) }));
}

/** The same from the referrals themselves (any filter, any session time zone). */
export async function rejectionReasonsFromReferrals(tx: Tx, s: ReportScope) {
  const { rows } = await withoutPlans(tx, ['enable_nestloop'], () => sql<{ reason: string; count: string }>`
    WITH r AS (${referralBase(s)})
    SELECT coalesce(nullif(trim(status_reason), ''), '–') AS reason, count(*) AS count
      FROM r WHERE status = 'rejected' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`.execute(tx));
  return rows.map((r) => ({ reason: r.reason, count: int(r.count) }));
}

/** Open referrals waiting longer than the time limits, as of now (path breaks). */
export async function stuckReferrals(tx: Tx, s: ReportScope, limits: { notReceivedDays: number; notAcceptedDays: number }, now: Date) {
  const unit = referralOfUnit(s);
  const { rows } = await sql<{ not_received: string; not_accepted: string }>`
    SELECT count(*) FILTER (WHERE r.status = 'requested' AND r.status_changed_at < ${now}::timestamptz - make_interval(days => ${limits.notReceivedDays})) AS not_received,
           count(*) FILTER (WHERE r.status = 'received' AND r.status_changed_at < ${now}::timestamptz - make_interval(days => ${limits.notAcceptedDays})) AS not_accepted
      FROM referrals r ${clientJoin(s, 'r.client_id')}
     WHERE r.county_code = ${s.countyCode} AND r.status IN ('requested', 'received') AND ${unit} AND ${groupCond(s, 'c')}`.execute(tx);
  return { notReceived: int(rows[0]?.not_received), notAccepted: int(rows[0]?.not_accepted) };
}

/** YYYY-MM-DD arithmetic on calendar days (no time zone involved). */
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const nextMonth = (d: string) => { const x = new Date(Date.parse(`${monthStart(d)}T00:00:00Z`)); x.setUTCMonth(x.getUTCMonth() + 1); return x.toISOString().slice(0, 10); };

/**
 * The period split for the summary of 0813/0814: whole calendar months `[monthsFrom, monthsTo)` from
 * the month rows, the days before and after them from the day rows.
 */
export function crossingPeriodParts(from: string, to: string) {
  const monthsFrom = from.endsWith('-01') ? from : nextMonth(from);
  const monthsTo = monthStart(addDays(to, 1));
  if (monthsFrom >= monthsTo) return { months: null, days: [[from, to]] as [string, string][] };
  const days: [string, string][] = [];
  if (from < monthsFrom) days.push([from, addDays(monthsFrom, -1)]);
  if (monthsTo <= to) days.push([monthsTo, to]);
  return { months: [monthsFrom, monthsTo] as [string, string], days };
}

/**
 * Crossings on the path: steps with more than one sector, counted per unordered sector pair, from
 * the summary of migrations 0813/0814 (kept by triggers in the writing transaction, so never
 * stale): whole months from the month rows, the partial months from the day rows. The events
 * themselves are counted when a client-group filter needs each client's age or when summary rows
 * were written under another TimeZone than this session's (the day bounds would differ).
 */
export async function pathCrossings(tx: Tx, s: ReportScope) {
  if (s.clientGroup) return pathCrossingsFromEvents(tx, s);
  const check = await sql<{ tz: string; foreign: boolean }>`
    SELECT current_setting('TimeZone') AS tz,
           EXISTS (SELECT 1 FROM path_crossing_days WHERE county_code = ${s.countyCode}
                    AND (tz < current_setting('TimeZone') OR tz > current_setting('TimeZone'))) AS foreign`.execute(tx);
  const { tz, foreign } = check.rows[0]!;
  if (foreign) return pathCrossingsFromEvents(tx, s);
  const parts = crossingPeriodParts(s.from, s.to);
  const org = (alias: string) => (s.unitId ? sql`AND ${sql.ref(`${alias}.organization_id`)} = (SELECT organization_id FROM units WHERE id = ${s.unitId})` : sql``);
  const pieces: RawBuilder<unknown>[] = parts.days.map(
    ([a, b]) => sql`SELECT d.sectors, d.n FROM path_crossing_days d
       WHERE d.county_code = ${s.countyCode} AND d.tz = ${tz} AND d.day >= ${a}::date AND d.day <= ${b}::date ${org('d')}`,
  );
  if (parts.months) {
    pieces.push(sql`SELECT m.sectors, m.n FROM path_crossing_months m
       WHERE m.county_code = ${s.countyCode} AND m.tz = ${tz} AND m.month >= ${parts.months[0]}::date AND m.month < ${parts.months[1]}::date ${org('m')}`);
  }
  const { rows } = await sql<{ a: string; b: string; n: string }>`
    WITH g AS (SELECT x.sectors, sum(x.n) AS n FROM (${sql.join(pieces, sql` UNION ALL `)}) x GROUP BY x.sectors HAVING sum(x.n) <> 0)
    SELECT s1 AS a, s2 AS b, sum(g.n) AS n FROM g, unnest(g.sectors) s1, unnest(g.sectors) s2 WHERE s1 < s2 GROUP BY s1, s2`.execute(tx);
  return rows.map((r) => ({ a: r.a, b: r.b, n: int(r.n) }));
}

/**
 * The same count from the path events. The arrays are grouped before they are unnested, so 1M
 * events become a few hundred rows first.
 */
export async function pathCrossingsFromEvents(tx: Tx, s: ReportScope) {
  const org = s.unitId ? sql`AND pe.organization_id = (SELECT organization_id FROM units WHERE id = ${s.unitId})` : sql``;
  const group = s.clientGroup ? sql`AND pe.client_id IN (SELECT c.id FROM clients c WHERE c.county_code = ${s.countyCode} AND ${groupCond(s, 'c')})` : sql``;
  // Hashing the handful of distinct sector arrays instead of sorting the ~30 % of all events that
  // cross sectors (315k of 1M): 440 instead of 680 ms. The bounds are timestamptz so that they stay
  // index conditions under RLS (the date–timestamptz comparison is not leakproof).
  const { rows } = await withoutPlans(tx, ['enable_sort'], () => sql<{ a: string; b: string; n: string }>`
    WITH g AS (
      SELECT pe.sectors, count(*) AS n FROM path_events pe
       WHERE pe.county_code = ${s.countyCode} AND pe.at >= ${start(s)}::timestamptz AND pe.at < ${end(s)}::timestamptz
         AND cardinality(pe.sectors) > 1 ${org} ${group}
       GROUP BY pe.sectors)
    SELECT s1 AS a, s2 AS b, sum(g.n) AS n FROM g, unnest(g.sectors) s1, unnest(g.sectors) s2 WHERE s1 < s2 GROUP BY s1, s2`.execute(tx));
  return rows.map((r) => ({ a: r.a, b: r.b, n: int(r.n) }));
}

type Limits = { notReceivedDays: number; notAcceptedDays: number };
type CrossingRow = { from_sector: string; to_sector: string; referrals: string; failed: string };
const crossingRow = (r: CrossingRow) => ({ from: r.from_sector, to: r.to_sector, referrals: int(r.referrals), failed: int(r.failed) });
/** A referral `r` waiting past its time limit as of `now` (sent and not received, or received and not accepted). */
const stalled = (limits: Limits, now: Date) => sql`((r.status = 'requested' AND r.status_changed_at < ${now}::timestamptz - make_interval(days => ${limits.notReceivedDays}))
  OR (r.status = 'received' AND r.status_changed_at < ${now}::timestamptz - make_interval(days => ${limits.notAcceptedDays})))`;

/**
 * Referrals between organisations of different sectors, directed, with how many failed or stalled. The
 * referrals and the rejected, failed or cancelled ones come from 0964's day rows, as in the referral loop;
 * only the stalled ones (waiting past a time limit as of `now`, which no kept row can know) are read from
 * the referrals, and of them only the open ones. The same unit, client-group and time-zone rule as the
 * loop; the same numbers as from the referrals (tests/api/report-equivalence.test.ts).
 */
export async function referralCrossings(tx: Tx, s: ReportScope, limits: Limits, now: Date) {
  if (s.unitId || s.clientGroup || !inFinnishTime(s)) return referralCrossingsFromReferrals(tx, s, limits, now);
  const { rows } = await sql<CrossingRow>`
    WITH c AS (
      SELECT from_sector, to_sector, sum(referrals) AS referrals, sum(rejected) + sum(failed) AS ended
        FROM referral_report_days
       WHERE county_code = ${s.countyCode} AND day >= ${start(s)} AND day < ${end(s)} AND from_sector <> to_sector
       GROUP BY 1, 2 HAVING sum(referrals) > 0),
    stalled AS (
      SELECT fo.sector AS from_sector, coalesce(tor.sector, r.to_sector, 'unknown') AS to_sector, count(*) AS n
        FROM referrals r
        JOIN organizations fo ON fo.id = r.organization_id
        LEFT JOIN organizations tor ON tor.id = r.to_organization_id
       WHERE r.county_code = ${s.countyCode} AND r.created_at >= ${start(s)}::timestamptz AND r.created_at < ${end(s)}::timestamptz
         AND ${stalled(limits, now)}
       GROUP BY 1, 2)
    SELECT c.from_sector, c.to_sector, c.referrals, c.ended + coalesce(x.n, 0) AS failed
      FROM c LEFT JOIN stalled x ON x.from_sector = c.from_sector AND x.to_sector = c.to_sector`.execute(tx);
  return rows.map(crossingRow);
}

/** The same from the referrals themselves (any filter, any session time zone). */
export async function referralCrossingsFromReferrals(tx: Tx, s: ReportScope, limits: Limits, now: Date) {
  // Sorts off as well: under RLS the planner expects one referral and sorts the 37k crossing
  // referrals (1M-event bench) to group them into ~20 sector pairs; hashing saves ≈ 20 ms.
  const { rows } = await withoutPlans(tx, ['enable_nestloop', 'enable_sort'], () => sql<CrossingRow>`
    WITH r AS (${referralBase(s)})
    SELECT from_sector, to_sector, count(*) AS referrals,
           count(*) FILTER (WHERE r.status IN ('rejected', 'failed', 'cancelled') OR ${stalled(limits, now)}) AS failed
      FROM r WHERE from_sector <> to_sector GROUP BY 1, 2`.execute(tx));
  return rows.map(crossingRow);
}

/** Clients whose latest self-assessment rates an area at or below `threshold`, per home municipality. */
export async function lowAreasByMunicipality(tx: Tx, s: ReportScope, threshold: number) {
  const { rows } = await sql<{ municipality_code: string | null; area_key: string; clients: string }>`
    WITH latest AS (
      SELECT DISTINCT ON (sa.client_id) sa.id, sa.client_id
        FROM self_assessments sa JOIN clients c ON c.id = sa.client_id
       WHERE sa.county_code = ${s.countyCode} AND sa.at < ${end(s)} AND ${groupCond(s, 'c')} AND ${clientInUnit(s, 'sa.client_id')}
       ORDER BY sa.client_id, sa.at DESC)
    SELECT c.municipality_code, ans.area_key, count(*) AS clients
      FROM latest l JOIN self_assessment_answers ans ON ans.self_assessment_id = l.id JOIN clients c ON c.id = l.client_id
     WHERE ans.rating <= ${threshold}
     GROUP BY 1, 2`.execute(tx);
  return rows.map((r) => ({ municipalityCode: r.municipality_code, areaKey: r.area_key, clients: int(r.clients) }));
}

/**
 * The keyword sets as rows (`ord` tells sets apart) and, per set, the active services of the county
 * (or national) having one of its keywords, found through the GIN index of 0870: testing
 * `keywords && kws` on every service × set (× municipality) pair cost 354k array tests, 580 ms at
 * 7k services (docs/performance.md, fourth round). The municipality coverage is then tested only on
 * the matches.
 */
function keywordMatches(countyCode: string, sets: { key: string; kws: string[] }[]) {
  return sql`
    sets AS (SELECT a.ord, a.key, a.kws FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(sets)}::jsonb) AS (key text, kws text[])) WITH ORDINALITY AS a(key, kws, ord)),
    matched AS (
      SELECT st.ord, s.id, s.county_code, s.area_national, s.area_municipality_codes, s.area_county_codes FROM sets st
        JOIN catalog_services s ON s.keywords && st.kws AND s.status = 'active' AND (s.county_code = ${countyCode} OR s.area_national))`;
}

/**
 * Active services matching each keyword set, per municipality of the county. A service that serves
 * everywhere (national, county-wide, or without any area) is counted once per set and added to every
 * municipality; only services limited to named municipalities are spread over those codes. Testing
 * the coverage of every match against every municipality instead cost municipalities × matches
 * tests: 1.25 s of database time a request at 50k services on PostgreSQL, 5.9 s on PGlite
 * (docs/performance.md, fifth round). Same counts (tests/api/report-equivalence.test.ts).
 */
export async function servicesByMunicipality(tx: Tx, countyCode: string, sets: { key: string; kws: string[] }[]) {
  const everywhere = sql`(s.area_national OR s.county_code = ANY(s.area_county_codes)
       OR (cardinality(s.area_municipality_codes) = 0 AND cardinality(s.area_county_codes) = 0))`;
  const { rows } = await sql<{ code: string; name: string; key: string; services: string }>`
    WITH ${keywordMatches(countyCode, sets)},
    wide AS (SELECT s.ord, count(*) AS n FROM matched s WHERE ${everywhere} GROUP BY s.ord),
    local AS (
      SELECT s.ord, mc AS code, count(DISTINCT s.id) AS n
        FROM matched s, unnest(s.area_municipality_codes) mc
       WHERE NOT coalesce(${everywhere}, false)
       GROUP BY s.ord, mc)
    SELECT m.code, m.name_fi AS name, st.key, sum(coalesce(w.n, 0) + coalesce(l.n, 0)) AS services
      FROM municipalities m
      CROSS JOIN sets st
      LEFT JOIN wide w ON w.ord = st.ord
      LEFT JOIN local l ON l.ord = st.ord AND l.code = m.code
     WHERE m.county_code = ${countyCode}
     GROUP BY m.code, m.name_fi, st.key`.execute(tx);
  return rows.map((r) => ({ municipalityCode: r.code, municipality: r.name, key: r.key, services: int(r.services) }));
}

export async function servicesByKeywordSet(tx: Tx, countyCode: string, sets: { key: string; kws: string[] }[]) {
  const { rows } = await sql<{ key: string; services: string }>`
    WITH ${keywordMatches(countyCode, sets)}
    SELECT st.key, count(mt.id) AS services FROM sets st LEFT JOIN matched mt ON mt.ord = st.ord GROUP BY st.key`.execute(tx);
  return new Map(rows.map((r) => [r.key, int(r.services)]));
}

/** Active services of the county that no referral, plan action or plan has ever named. */
export async function unusedServices(tx: Tx, countyCode: string, limit = 100) {
  const { rows } = await sql<{ id: string; name: string; total: string }>`
    SELECT s.id, s.name_fi AS name, count(*) OVER () AS total
      FROM catalog_services s
     WHERE s.status = 'active' AND s.county_code = ${countyCode}
       -- One hashed set of the services ever named, probed per service: three index probes per
       -- service (NOT EXISTS ×3) cost 150k probes, 256 ms at 50k services (fifth round). NULLs are
       -- left out of the set, so NOT IN means the same as the NOT EXISTS it replaced.
       AND s.id NOT IN (SELECT r.service_id FROM referrals r WHERE r.service_id IS NOT NULL
                        UNION ALL SELECT pa.service_id FROM plan_actions pa WHERE pa.service_id IS NOT NULL
                        UNION ALL SELECT ps.service_id FROM plan_services ps WHERE ps.service_id IS NOT NULL)
     ORDER BY s.name_fi LIMIT ${limit}`.execute(tx);
  return { count: int(rows[0]?.total), items: rows.map((r) => ({ id: r.id, name: r.name })) };
}

export async function unitOfCounty(tx: Tx, unitId: string, countyCode: string) {
  return tx.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).where('county_code', '=', countyCode).executeTakeFirst();
}

export function unitsOfCounty(tx: Tx, countyCode: string) {
  return tx
    .selectFrom('units as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.name', 'o.name as organization'])
    .where('u.county_code', '=', countyCode)
    .orderBy('o.name')
    .orderBy('u.name')
    .execute();
}

/**
 * Open referrals past their limits, per receiving organisation, each judged by the limits that
 * apply to it in the referrals module (referral_time_limits, 0400): the receiver's own row, else the
 * county default row, else the built-in default. As of `now` (path breaks).
 */
export async function stuckByReceiver(tx: Tx, s: ReportScope, defaults: { notReceivedDays: number; notAcceptedDays: number }, now: Date) {
  const unit = referralOfUnit(s);
  // No table scan of referrals: with the tenant read once per statement (0920) the row-level security
  // filter looks free, and the planner read all 50k referrals (≈ 10 ms more) instead of the ~13k open ones
  // by index. With a client-group filter the clients join keeps its own plan.
  const plans: PlannerSetting[] = s.clientGroup ? [] : ['enable_seqscan'];
  const { rows } = await withoutPlans(tx, plans, () => sql<{ organization_id: string | null; organization: string; own_limits: boolean; nrd: number; nad: number; not_received: string; not_accepted: string }>`
    WITH r AS (
      SELECT r.status, r.status_changed_at, r.to_organization_id,
             coalesce(tor.name, nullif(trim(r.to_provider_name), ''), '–') AS organization,
             own.id IS NOT NULL AS own_limits,
             coalesce(own.not_received_days, cty.not_received_days, ${defaults.notReceivedDays}) AS nrd,
             coalesce(own.not_accepted_days, cty.not_accepted_days, ${defaults.notAcceptedDays}) AS nad
        FROM referrals r
        ${clientJoin(s, 'r.client_id')}
        LEFT JOIN organizations tor ON tor.id = r.to_organization_id
        LEFT JOIN referral_time_limits own ON own.county_code = r.county_code AND own.organization_id = r.to_organization_id
        LEFT JOIN referral_time_limits cty ON cty.county_code = r.county_code AND cty.organization_id IS NULL
       WHERE r.county_code = ${s.countyCode} AND r.status IN ('requested', 'received') AND ${unit} AND ${groupCond(s, 'c')})
    SELECT to_organization_id AS organization_id, organization, bool_or(own_limits) AS own_limits, max(nrd) AS nrd, max(nad) AS nad,
           count(*) FILTER (WHERE status = 'requested' AND status_changed_at < ${now}::timestamptz - make_interval(days => nrd)) AS not_received,
           count(*) FILTER (WHERE status = 'received' AND status_changed_at < ${now}::timestamptz - make_interval(days => nad)) AS not_accepted
      FROM r GROUP BY 1, 2 ORDER BY 2`.execute(tx));
  return rows
    .map((r) => ({
      organizationId: r.organization_id, organization: r.organization, ownLimits: Boolean(r.own_limits),
      notReceivedDays: int(r.nrd), notAcceptedDays: int(r.nad), notReceived: int(r.not_received), notAccepted: int(r.not_accepted),
    }))
    .filter((r) => r.notReceived + r.notAccepted > 0);
}

/** The county's default referral time limits (row without organisation), if set. */
export async function countyTimeLimits(tx: Tx, countyCode: string) {
  return tx
    .selectFrom('referral_time_limits')
    .select(['not_received_days', 'not_accepted_days'])
    .where('county_code', '=', countyCode)
    .where('organization_id', 'is', null)
    .executeTakeFirst();
}
