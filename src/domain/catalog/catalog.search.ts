/**
 * Finnish-aware catalogue search on PostgreSQL full text + pg_trgm.
 *
 * A query word matches through any of:
 *  1. the `finnish` (and `swedish`) snowball stems (generated, weighted tsvectors);
 *  2. a prefix of its Finnish root on the unstemmed words (velkaneuvontaa → velkaneuvon:*),
 *     which also catches consonant gradation and compounds that start with the word;
 *  3. a compound split against the catalogue's own vocabulary (mielenterveyspalvelu →
 *     mielenterve:* & palvel:*);
 *  4. the thesaurus (catalog.thesaurus.ts): everyday words to the services' words (vanhus → ikäihmi:*);
 *     only when 2.–4. give nothing, typo correction against the vocabulary by trigram similarity
 *     (velkaneuvota → velkaneuvonta);
 *  5. trigram word similarity of the whole query to name + keywords; a service found only this way
 *     ranks below every service that matched a word.
 * Words are ANDed ("X- ja Y" pairs are one either-or word); when that finds nothing the words are
 * ORed. The candidate set is
 * bounded (CANDIDATE_LIMIT) so a broad query cannot hold PGlite's only connection for long.
 *
 * Cost at 50k services (docs/performance.md): matching 5 (trigram, 5.) is asked only when the
 * full-text alternatives 1.–4. find fewer than TRIGRAM_FALLBACK_BELOW services, and the trigram
 * terms of the score are computed only for the RERANK_LIMIT best candidates by the text ranks.
 * A search is 3–5 statements (one vocabulary look-up, one to three search passes, one putting the
 * planner setting back); the public route
 * caches whole results per catalogue generation on top of this (catalog.cache.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/schema.js';
import { compoundHeads, compoundSplits, coordinatedPairs, finnishRoot, tokenizeQuery, tsLexeme, TYPO_SIMILARITY } from './catalog.rules.js';
import { catalogGeneration, perGeneration } from './catalog.cache.js';
import { searchSnapshot, searchSnapshotPage, type IndexedPage, type IndexLimits, type IndexQuery } from './catalog.search-index.js';
import type { Snapshot } from './catalog.search-index.build.js';
import { indexMayAnswer, snapshotFor } from './catalog.search-index.store.js';
import { parseTsQuery, type QueryNode } from './catalog.text-rank.js';
import { thesaurusAlternatives } from './catalog.thesaurus.js';

export const CANDIDATE_LIMIT = 1000;
/** Below this many full-text matches the trigram similarity of name + keywords is matched as well. */
export const TRIGRAM_FALLBACK_BELOW = 50;
/** The best candidates by the text ranks that also get the trigram terms of the score. */
export const RERANK_LIMIT = 500;

export interface SearchFilters {
  segment?: string[];
  clientGroup?: string[];
  sector?: string[];
  channel?: string[];
  access?: string[];
  age?: number;
  organizationId?: string;
  municipality?: string;
  lowThreshold?: boolean;
}

export interface SearchRequest extends SearchFilters {
  q?: string;
  limit: number;
  offset: number;
}

export interface FacetCount {
  value: string;
  count: number;
  label?: string;
}

export interface SearchOutcome {
  ids: string[];
  total: number;
  capped: boolean;
  facets: Record<'segment' | 'clientGroup' | 'sector' | 'channel' | 'access' | 'organization', FacetCount[]>;
}

interface TokenPlan {
  token: string;
  alternatives: string[]; // tsquery fragments for the `simple` word vector
}

/** What the in-process index needs from the database besides the word plans, read by the same statement. */
interface IndexInputs {
  gen: string;
  fi_query: string;
  sv_query: string;
  raw_lower: string;
}
type Plans = TokenPlan[] & { seqscanWas?: string; index?: IndexInputs };

/** The catalogue generation and the query's finnish/swedish analysis, for the index (ADR 0930). */
function indexInputColumns(raw: string) {
  return sql`(SELECT instance::text || ':' || gen::text FROM catalog_generation) AS gen,
    websearch_to_tsquery('finnish', ${raw})::text AS fi_query, websearch_to_tsquery('swedish', ${raw})::text AS sv_query,
    lower(${raw}) AS raw_lower`;
}

/**
 * Looks the query words up in the vocabulary and turns each into tsquery alternatives.
 *
 * One statement for all words (it was one per lexicon look-up, plus one per unknown word for the
 * typo candidates): per word, whether its root is a prefix of a known word, which of its compound
 * heads are words, and — only when neither gives an alternative — its typo candidates (a CASE
 * evaluates its subquery only when the branch is taken). With `plannerOff` the same statement
 * also turns sequential scans off for the rest of the search (see runSearch), instead of a
 * separate `SET LOCAL` round trip; the previous value is returned to restore it.
 */
export async function planQuery(tx: Tx, q: string, opts: { plannerOff?: boolean; indexInputs?: boolean } = {}): Promise<Plans> {
  const tokens = tokenizeQuery(q);
  if (tokens.length === 0) {
    if (!opts.indexInputs) return [];
    const r = await sql<IndexInputs>`SELECT ${indexInputColumns(q)}`.execute(tx);
    return Object.assign([], { index: r.rows[0]! });
  }
  // One EXISTS per root with its pattern as a parameter: the planner sees the constant prefix and
  // uses the text_pattern_ops index (a pattern built from an unnest column scanned the lexicon).
  const escapeLike = (r: string) => r.replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_');
  const perToken = tokens.map((token, i) => {
    const root = finnishRoot(token);
    const heads = token.length >= 8 ? compoundHeads(token) : [];
    const typo = token.length >= 4
      ? sql`(SELECT json_agg(json_build_object('word', word, 's', s) ORDER BY s DESC, doc_count DESC) FROM (
               SELECT word, doc_count, similarity(word, ${token}) AS s FROM catalog_lexicon
               WHERE word % ${token} ORDER BY s DESC, doc_count DESC LIMIT 3) x)`
      : sql`NULL::json`;
    return sql`SELECT ${i}::int AS i, hit, heads, CASE WHEN NOT hit AND cardinality(heads) = 0 THEN ${typo} END AS typos FROM (
                 SELECT EXISTS (SELECT 1 FROM catalog_lexicon WHERE word LIKE ${`${escapeLike(root)}%`}) AS hit,
                        ARRAY(SELECT word FROM catalog_lexicon WHERE word = ANY(${heads}::text[])) AS heads) b`;
  });
  const rows = (await sql<{ i: number; hit: boolean; heads: string[]; typos: { word: string; s: number }[] | null; seqscan_was: string | null } & Partial<IndexInputs>>`
      SELECT w.*, ${opts.plannerOff ? sql`off.was` : sql`NULL::text`} AS seqscan_was${opts.indexInputs ? sql`, ${indexInputColumns(q)}` : sql``}
      FROM (${sql.join(perToken, sql` UNION ALL `)}) w
      ${opts.plannerOff ? sql`, (SELECT current_setting('enable_seqscan') AS was, set_config('enable_seqscan', 'off', true)) off` : sql``}
      ORDER BY w.i`.execute(tx)).rows;

  const plans: Plans = [];
  if (opts.indexInputs) {
    const r0 = rows[0]!;
    plans.index = { gen: r0.gen!, fi_query: r0.fi_query!, sv_query: r0.sv_query!, raw_lower: r0.raw_lower! };
  }
  for (const [i, token] of tokens.entries()) {
    const r = rows.find((x) => x.i === i)!;
    const root = finnishRoot(token);
    const headWords = new Set(r.heads);
    const alternatives: string[] = [];
    const rootLexeme = tsLexeme(root);
    if (rootLexeme && r.hit) alternatives.push(`${rootLexeme}:*`);
    const split = compoundSplits(token, (w) => headWords.has(w))[0];
    if (split) {
      const head = tsLexeme(finnishRoot(split[0]));
      const tail = tsLexeme(finnishRoot(split[1]));
      if (head && tail) alternatives.push(`(${head}:* & ${tail}:*)`, `${head}:*`);
    }
    // The thesaurus bridges words that share no letters with the services' own (vanhus → ikäihminen).
    alternatives.push(...thesaurusAlternatives(token, alternatives));
    if (alternatives.length === 0) alternatives.push(...typoAlternatives(r.typos ?? []));
    plans.push({ token, alternatives: [...new Set(alternatives)] });
  }
  // "X- ja Y" (coordinatedPairs): the two words are one either-or condition.
  for (const [first, second] of coordinatedPairs(q)) {
    const a = plans.find((p) => p.token === first);
    const i = plans.findIndex((p) => p.token === second);
    if (!a || i < 0) continue;
    a.alternatives = [...new Set([...a.alternatives, ...plans[i]!.alternatives])];
    plans.splice(i, 1);
  }
  if (opts.plannerOff) plans.seqscanWas = rows[0]?.seqscan_was ?? 'on';
  return plans;
}

function typoAlternatives(rows: { word: string; s: number }[]): string[] {
  return rows
    .filter((r) => r.s >= TYPO_SIMILARITY)
    .map((r) => tsLexeme(finnishRoot(r.word)))
    .filter((w): w is string => w !== null)
    .map((w) => `${w}:*`);
}

/** AND of the words that could be understood (unknown words are left to trigram matching). */
export function toTsQuery(plans: TokenPlan[], op: '&' | '|'): string | null {
  const parts = plans.filter((p) => p.alternatives.length > 0).map((p) => `(${p.alternatives.join(' | ')})`);
  return parts.length > 0 ? parts.join(` ${op} `) : null;
}

function filterSql(f: SearchFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`s.status = 'active'`];
  if (f.segment?.length) where.push(sql`s.segments && ${f.segment}::text[]`);
  if (f.clientGroup?.length) where.push(sql`s.client_groups && ${f.clientGroup}::text[]`);
  if (f.channel?.length) where.push(sql`s.channels && ${f.channel}::text[]`);
  if (f.access?.length) where.push(sql`s.access_route = ANY(${f.access}::text[])`);
  if (f.sector?.length) where.push(sql`coalesce(o.sector, s.provider_sector) = ANY(${f.sector}::text[])`);
  if (f.organizationId) where.push(sql`s.organization_id = ${f.organizationId}::uuid`);
  if (f.lowThreshold !== undefined) where.push(sql`s.low_threshold = ${f.lowThreshold}`);
  if (f.age !== undefined) where.push(sql`coalesce(s.age_min, 0) <= ${f.age} AND coalesce(s.age_max, 130) >= ${f.age}`);
  if (f.municipality) {
    // National services serve every municipality; county-wide ones every municipality of the county.
    where.push(sql`(s.area_national OR ${f.municipality} = ANY(s.area_municipality_codes)
      OR (SELECT m.county_code FROM municipalities m WHERE m.code = ${f.municipality}) = ANY(s.area_county_codes))`);
  }
  return where;
}

/** The matching and ranking constants, as the index applies them too. */
export const INDEX_LIMITS: IndexLimits = {
  candidateLimit: CANDIDATE_LIMIT,
  trigramFallbackBelow: TRIGRAM_FALLBACK_BELOW,
  rerankLimit: RERANK_LIMIT,
  // pg_trgm.word_similarity_threshold's default, which `<%` uses.
  wordSimilarityThreshold: 0.6,
};

/**
 * Query analyses (planQuery's statement: vocabulary look-ups and websearch_to_tsquery) of recent
 * queries, per database and catalogue generation. An analysis reads only the vocabulary, which every
 * change of it moves the generation for (0810/0860), and the fixed text-search configurations, so it
 * holds for any transaction that reads the same generation; a search with a known query then needs
 * no analysis statement, only the generation (a primary-key read). Bounded LRU; a new generation
 * starts the database's memo afresh. `enabled = false` analyses every query (the bench's A/B).
 */
export const queryAnalyses = { enabled: process.env.POLKU_SEARCH_ANALYSIS_MEMO !== 'off', maxEntries: 2000, hits: 0, misses: 0 };

interface Analysis { plans: Plans; query: IndexQuery | null }
const analysesByInstance = new Map<string, { gen: string; byQuery: Map<string, Analysis> }>();

const memoOf = (gen: string) => perGeneration(analysesByInstance, gen, () => ({ gen, byQuery: new Map<string, Analysis>() }));

/** The analysis of `q` for generation `gen`, from the memo or from planQuery's statement (whose own generation it returns). */
async function analyse(tx: Tx, gen: string, q: string): Promise<{ gen: string; analysis: Analysis }> {
  if (queryAnalyses.enabled) {
    const memo = analysesByInstance.get(gen.split(':')[0]!);
    const known = memo?.gen === gen ? memo.byQuery.get(q) : undefined;
    if (known) {
      // Most recently used last (a Map keeps insertion order).
      memo!.byQuery.delete(q);
      memo!.byQuery.set(q, known);
      queryAnalyses.hits++;
      return { gen, analysis: known };
    }
    queryAnalyses.misses++;
  }
  const plans = await planQuery(tx, q, { indexInputs: true });
  const analysis = { plans, query: indexQueryOf(plans, q) };
  const read = plans.index!.gen;
  if (queryAnalyses.enabled) {
    const memo = memoOf(read);
    memo.byQuery.set(q, analysis);
    if (memo.byQuery.size > queryAnalyses.maxEntries) memo.byQuery.delete(memo.byQuery.keys().next().value!);
  }
  return { gen: read, analysis };
}

/**
 * The catalogue search. Answered by the in-process index (ADR 0930) when it holds a snapshot of
 * exactly the generation this transaction reads and the query is one the index evaluates;
 * otherwise in SQL (searchInSql), which is also the reference the index is tested against
 * (tests/api/catalog-search-index.test.ts). The query's analysis comes from the memo above when
 * this generation has seen the query before.
 */
export async function searchServices(tx: Tx, req: SearchRequest): Promise<SearchOutcome> {
  const q = req.q?.trim() ?? '';
  if (!indexMayAnswer()) return searchInSql(tx, req, q, q === '' ? null : await planQuery(tx, q, { plannerOff: true }));
  const gen = await catalogGeneration(tx);
  const snapshot = snapshotFor(gen);
  if (q === '') return snapshot ? searchSnapshot(snapshot, req, null, INDEX_LIMITS) : searchInSql(tx, req, q, null);
  if (!snapshot) return searchInSql(tx, req, q, await planQuery(tx, q, { plannerOff: true }));
  const { gen: analysed, analysis } = await analyse(tx, gen, q);
  // A catalogue change committed between the two reads: the analysis is of a newer vocabulary than the snapshot.
  const current = analysed === gen ? snapshot : snapshotFor(analysed);
  return current && analysis.query ? searchSnapshot(current, req, analysis.query, INDEX_LIMITS) : searchInSql(tx, req, q, analysis.plans);
}

/**
 * The search answered by the index alone, without a transaction, or null when SQL must answer (no
 * snapshot of `gen` yet, a query only SQL evaluates). `read` is an autocommitted connection and `gen`
 * the generation it has just read: the snapshot of exactly that generation holds the committed
 * catalogue of that moment — rows, organisations, municipalities and the list fields of the page —
 * so the answer is what a transaction begun then would have found; the same argument as for a
 * cached result (catalog.cache.ts). A query not in the analysis memo is analysed by one
 * autocommitted statement, which reads the generation too: if that moved meanwhile, the snapshot
 * of the newer one answers, or SQL.
 */
export async function searchIndexed(read: Tx, gen: string, req: SearchRequest): Promise<IndexedPage & { snapshot: Snapshot } | null> {
  if (!indexMayAnswer()) return null;
  const snapshot = snapshotFor(gen);
  if (!snapshot) return null;
  const q = req.q?.trim() ?? '';
  if (q === '') return { ...searchSnapshotPage(snapshot, req, null, INDEX_LIMITS), snapshot };
  const { gen: analysed, analysis } = await analyse(read, gen, q);
  const current = analysed === gen ? snapshot : snapshotFor(analysed);
  if (!current || !analysis.query) return null;
  return { ...searchSnapshotPage(current, req, analysis.query, INDEX_LIMITS), snapshot: current };
}

/** The query as the index evaluates it, or null when it holds what only SQL evaluates (NOT, phrases). */
export function indexQueryOf(plans: Plans, raw: string): IndexQuery | null {
  const fi = parseTsQuery(plans.index!.fi_query);
  const sv = parseTsQuery(plans.index!.sv_query);
  if (fi === null || sv === null) return null;
  const words = (op: '&' | '|'): QueryNode | null => {
    const groups = plans.filter((p) => p.alternatives.length > 0).map((p): QueryNode => {
      const alts = p.alternatives.map(alternativeNode);
      return alts.length === 1 ? alts[0]! : { op: '|', args: alts };
    });
    return groups.length === 0 ? null : groups.length === 1 ? groups[0]! : { op, args: groups };
  };
  return {
    raw,
    rawLower: plans.index!.raw_lower,
    wordsAnd: words('&'),
    wordsOr: words('|'),
    fi: fi === 'empty' ? null : fi,
    sv: sv === 'empty' ? null : sv,
    tokenCount: plans.length,
  };
}

/** `root:*` or `(head:* & tail:*)` of planQuery as a query tree (what to_tsquery('simple', …) makes of it). */
function alternativeNode(alt: string): QueryNode {
  const parts = alt.replace(/^\(|\)$/g, '').split(' & ').map((w): QueryNode => ({ op: 'word', word: w.replace(/:\*$/, ''), prefix: true }));
  return parts.length === 1 ? parts[0]! : { op: '&', args: parts };
}

/** The SQL search: `plans` from planQuery (with the planner already off when plannerOff was asked). */
async function searchInSql(tx: Tx, req: SearchRequest, q: string, plans: Plans | null): Promise<SearchOutcome> {
  if (q === '' || plans === null) return runSearch(tx, req, null, '');
  // Only stopwords, or the look-up read the index inputs instead: turn sequential scans off here.
  const was = plans.seqscanWas ??
    (await sql<{ was: string }>`SELECT current_setting('enable_seqscan') AS was, set_config('enable_seqscan', 'off', true)`.execute(tx)).rows[0]!.was;
  const strict = await textSearch(tx, req, toTsQuery(plans, '&'), q);
  const outcome = strict.total > 0 || plans.length < 2 ? strict : await textSearch(tx, req, toTsQuery(plans, '|'), q);
  // One statement puts the planner back for the rest of the caller's transaction (the setting is
  // transaction-local, so a search that fails needs nothing).
  await sql`SELECT set_config('enable_seqscan', ${was}, true)`.execute(tx);
  return outcome;
}

/** The SQL search alone, never the index (the reference of the equivalence test, and the bench's A/B). */
export async function searchServicesInSql(tx: Tx, req: SearchRequest): Promise<SearchOutcome> {
  const q = req.q?.trim() ?? '';
  return searchInSql(tx, req, q, q === '' ? null : await planQuery(tx, q, { plannerOff: true }));
}

/**
 * Full text first; the trigram match (≈ 30 µs a row and the slowest index) only when full text
 * finds few services — a misspelling the vocabulary could not correct, a fragment of a compound.
 * The second pass matches a superset of the first, so nothing full text found is lost.
 */
async function textSearch(tx: Tx, req: SearchRequest, tsq: string | null, raw: string): Promise<SearchOutcome> {
  if (tsq !== null) {
    const fts = await runSearch(tx, req, tsq, raw, false);
    if (fts.total >= TRIGRAM_FALLBACK_BELOW) return fts;
  }
  return runSearch(tx, req, tsq, raw, true);
}

async function runSearch(tx: Tx, req: SearchRequest, tsq: string | null, raw: string, trigram = true): Promise<SearchOutcome> {
  const where = sql.join(filterSql(req), sql` AND `);
  const hasText = raw !== '';
  const words = tsq ? sql`to_tsquery('simple', ${tsq})` : null;
  // The tsqueries are written out (not taken from a CTE column) so each OR branch is an index
  // condition and PostgreSQL combines the four GIN indexes in a BitmapOr; through a CTE column the
  // planner could only test every row, trigram word similarity included (≈ 30 µs a row).
  const qf = sql`websearch_to_tsquery('finnish', ${raw})`;
  const qsv = sql`websearch_to_tsquery('swedish', ${raw})`;
  const match = hasText
    ? sql`(${words ? sql`s.search_words @@ ${words}` : sql`false`} OR s.search_fi @@ ${qf} OR s.search_sv @@ ${qsv}${trigram ? sql` OR ${raw} <% s.name_keywords` : sql``})`
    : sql`true`;
  // ts_rank normalisation 1 (÷ log length) so long descriptions do not outrank a matching name.
  const base = hasText
    ? sql`(${words ? sql`ts_rank(s.search_words, ${words}, 1)` : sql`0`} + ts_rank(s.search_fi, ${qf}, 1)
         + 0.5 * ts_rank(s.search_sv, ${qsv}, 1))`
    : sql`0`;
  // The trigram terms (≈ 45 µs a candidate together) only for the best RERANK_LIMIT by the text ranks.
  const trigramTerms = hasText
    ? sql`0.15 * word_similarity(${raw}, c.name_keywords) + 0.2 * similarity(lower(c.name_fi), lower(${raw}))`
    : sql`0`;
  // With words, the matching rows come from the GIN indexes (BitmapOr). The planner estimates the
  // OR of four conditions at a third of the catalogue and does not know that the trigram test
  // costs ≈ 30 µs a row, so it would scan every row: 230 ms instead of 30 ms at 7k services
  // (docs/performance.md). Sequential scans are therefore off while the search runs: planQuery's
  // statement turns them off and searchServices puts the previous value back after the last pass.
  const result = await sql<{ total: number; ids: string[] | null; facets: Record<string, FacetCount[]> | null }>`
    WITH cand AS MATERIALIZED (
      SELECT s.id, s.name_fi, ${hasText ? sql`s.name_keywords` : sql`NULL::text`} AS name_keywords, s.segments, s.client_groups, s.channels,
             s.access_route, s.organization_id, coalesce(o.sector, s.provider_sector) AS sector, o.name AS org_name, ${base} AS base
      FROM catalog_services s LEFT JOIN organizations o ON o.id = s.organization_id
      WHERE ${match} AND ${where}
      LIMIT ${CANDIDATE_LIMIT + 1}
    ),
    top AS MATERIALIZED (
      -- Limit first, then score: in one SELECT the terms would be computed for every candidate before the sort.
      -- The CASE puts services that matched a word above look-alikes found only by trigram similarity.
      SELECT c.id, c.base + ${trigramTerms} + CASE WHEN c.base > 0 THEN 1 ELSE 0 END AS score
      FROM (SELECT id, base, name_fi, name_keywords FROM cand ORDER BY base DESC, name_fi, id LIMIT ${RERANK_LIMIT}) c
    ),
    ranked AS (
      SELECT c.id, c.name_fi, t.id IS NOT NULL AS reranked, coalesce(t.score, c.base) AS score FROM cand c LEFT JOIN top t ON t.id = c.id
    ),
    page AS (
      SELECT id, reranked, score, name_fi FROM ranked ORDER BY reranked DESC, score DESC, name_fi, id LIMIT ${req.limit} OFFSET ${req.offset}
    ),
    facet AS (
      SELECT 'segment' AS f, v AS value, NULL::text AS label, count(*)::int AS n FROM cand, unnest(segments) v GROUP BY v
      UNION ALL SELECT 'clientGroup', v, NULL, count(*)::int FROM cand, unnest(client_groups) v GROUP BY v
      UNION ALL SELECT 'channel', v, NULL, count(*)::int FROM cand, unnest(channels) v GROUP BY v
      UNION ALL SELECT 'access', access_route, NULL, count(*)::int FROM cand WHERE access_route IS NOT NULL GROUP BY access_route
      UNION ALL SELECT 'sector', sector, NULL, count(*)::int FROM cand WHERE sector IS NOT NULL GROUP BY sector
      UNION ALL (SELECT 'organization', organization_id::text, min(org_name), count(*)::int FROM cand
                 WHERE organization_id IS NOT NULL GROUP BY organization_id ORDER BY count(*) DESC LIMIT 25)
    )
    SELECT (SELECT count(*)::int FROM cand) AS total,
           (SELECT array_agg(id::text ORDER BY reranked DESC, score DESC, name_fi, id) FROM page) AS ids,
           (SELECT json_object_agg(f, items) FROM (
              SELECT f, json_agg(json_build_object('value', value, 'label', label, 'count', n) ORDER BY n DESC, value) AS items
              FROM facet GROUP BY f) g) AS facets`.execute(tx);
  const row = result.rows[0]!;
  const total = Math.min(row.total, CANDIDATE_LIMIT);
  const facets = row.facets ?? {};
  const pick = (k: string): FacetCount[] =>
    (facets[k] ?? []).map((x) => (x.label ? { value: x.value, label: x.label, count: x.count } : { value: x.value, count: x.count }));
  return {
    ids: row.ids ?? [],
    total,
    capped: row.total > CANDIDATE_LIMIT,
    facets: {
      segment: pick('segment'),
      clientGroup: pick('clientGroup'),
      sector: pick('sector'),
      channel: pick('channel'),
      access: pick('access'),
      organization: pick('organization'),
    },
  };
}
