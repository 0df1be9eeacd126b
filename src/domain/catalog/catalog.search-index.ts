/**
 * Searching the in-process inverted index of the active catalogue (ADR 0930; built in
 * catalog.search-index.build.ts): the same matching and ranking as
 * the SQL search (catalog.search.ts), computed over postings of the tsvectors PostgreSQL produced.
 *
 * A snapshot holds, per text configuration (`simple` words, `finnish`, `swedish`), postings in CSR
 * form (lexeme → documents → positions) and a sorted lexicon for `prefix:*` operands; per document
 * the filter fields and the trigrams of its name and name + keywords. Documents (`IndexedDoc`) are
 * parsed once and shared between snapshots, so a new catalogue generation re-reads and re-parses
 * only the services whose row changed (catalog.search-index.store.ts); postings are rebuilt from them.
 *
 * Unlike the SQL search, every match is counted and ranked — there is no bound on an arbitrary
 * first 1 001 rows — so a broad query's first page is the best of all its matches and its facets
 * count all of them. The response keeps the SQL path's contract: `total` stops at CANDIDATE_LIMIT
 * and `capped` says so.
 *
 * Cost: a search touches the postings of its query items and its matches, never every document —
 * the match set is a list of document numbers kept in per-snapshot work arrays (Scratch), filters
 * are tested only on documents a query reaches, and only what the page needs is ordered (a
 * selection of the best, then the rerank of those). At 52k services a broad one-word query is
 * ≈ 1.5–2 ms of CPU (docs/performance.md); the trigram fallback, when full text finds almost
 * nothing, costs a word_similarity per document that shares enough trigrams with the query.
 */
import { queryItems, rankAnd, addOrTerm, compareLexemes, normalise, type QueryNode } from './catalog.text-rank.js';
import { similarityOfIds, wordSimilarityBound, wordSimilarityOfIds } from './catalog.trigram.js';
import type { SearchOutcome, SearchRequest } from './catalog.search.js';
import { cntLength, type Dictionaries, type Postings, type Snapshot } from './catalog.search-index.build.js';
import type { ServiceListRow } from './catalog.repository.js';

/** What the query side brings from the database (one statement, catalog.search.ts planQuery). */
export interface IndexQuery {
  raw: string;
  rawLower: string;
  /** The words query ANDed and ORed (simple configuration), null when no word was understood. */
  wordsAnd: QueryNode | null;
  wordsOr: QueryNode | null;
  /** websearch_to_tsquery('finnish' | 'swedish', raw); null = nothing to match. */
  fi: QueryNode | null;
  sv: QueryNode | null;
  /** Words of the query after stopwords (the OR pass needs at least two). */
  tokenCount: number;
}

export interface IndexLimits {
  candidateLimit: number;
  trigramFallbackBelow: number;
  rerankLimit: number;
  wordSimilarityThreshold: number;
}

/**
 * Work arrays of one snapshot, one slot per document, reused by every search of it: a search is
 * synchronous, so one uses them at a time. Membership is "holds the current stamp", so nothing is
 * cleared between searches — a search costs what its postings and matches cost, not the catalogue's
 * size (52k documents: a pass over byte masks of every document was ≈ 0.05 ms, and a search made
 * a dozen).
 */
interface Scratch {
  stamp: number;
  /** Candidates of one text query: stamp, the bitmask of the query items the document has. */
  seen: Int32Array;
  bits: Int32Array;
  list: Int32Array;
  /** The match set: stamp and the document's index in `docs`. */
  inSet: Int32Array;
  slot: Int32Array;
  docs: Int32Array;
  /** Filter result: +stamp passes, -stamp fails. */
  filter: Int32Array;
  /** A query's trigrams as a membership mask over trigram ids (set and cleared by each search). */
  trigramMask: Uint8Array;
  nameMask: Uint8Array;
  last: Int32Array;
  /**
   * Per-match numbers: the three text ranks, their sum and a copy for the selection. Reused rather
   * than allocated per search: at ≈ 6k matches that was ≈ 250 kB of typed arrays a search, and the
   * garbage collector's share of an uncached search was larger than any single phase's.
   */
  rankBuf: Float64Array[];
  base: Float64Array;
  work: Float64Array;
}
const scratches = new WeakMap<Snapshot, Scratch>();

function scratchOf(s: Snapshot): Scratch {
  let sc = scratches.get(s);
  const n = s.docs.length;
  const trigrams = s.dict.trigrams.size;
  if (!sc || sc.trigramMask.length < trigrams) {
    sc = {
      stamp: 0, seen: new Int32Array(n), bits: new Int32Array(n), list: new Int32Array(n), inSet: new Int32Array(n), slot: new Int32Array(n),
      docs: new Int32Array(n), filter: new Int32Array(n), trigramMask: new Uint8Array(trigrams), nameMask: new Uint8Array(trigrams), last: new Int32Array(64),
      rankBuf: [new Float64Array(n), new Float64Array(n), new Float64Array(n)], base: new Float64Array(n), work: new Float64Array(n),
    };
    scratches.set(s, sc);
  }
  return sc;
}

function nextStamp(sc: Scratch): number {
  if (sc.stamp >= 0x3fffffff) {
    sc.seen.fill(0);
    sc.inSet.fill(0);
    sc.filter.fill(0);
    sc.stamp = 0;
  }
  return ++sc.stamp;
}

/** Lexeme ids an operand reaches in this snapshot, in PostgreSQL's lexeme order. */
function lexemesOf(p: Postings, dict: Dictionaries, config: number, word: string, prefix: boolean): number[] {
  if (!prefix) {
    const id = dict.lexemes[config]!.get(word);
    return id !== undefined && p.start[id + 1]! > p.start[id]! ? [id] : [];
  }
  let lo = 0;
  let hi = p.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareLexemes(p.sorted[mid]!, word) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < p.sorted.length && p.sorted[i]!.startsWith(word); i++) out.push(p.sortedIds[i]!);
  return out;
}

/** A query tree over item numbers (queryItems order): what a document's item bitmask is tested against. */
type ItemTree = { op: 'item'; i: number } | { op: '&' | '|'; args: ItemTree[] };

/** One text query against one configuration: which documents match, and each item's lexemes. */
interface TextQuery {
  tree: QueryNode;
  items: { word: string; prefix: boolean }[];
  itemLexemes: number[][];
  itemTree: ItemTree;
  config: number;
}

/** Items per query a document's bitmask can hold; a query with more (a very long one) is matched item mask by item mask. */
const MAX_BIT_ITEMS = 30;

function prepare(s: Snapshot, config: number, tree: QueryNode | null): TextQuery | null {
  if (!tree) return null;
  const items = queryItems(tree);
  const p = s.postings[config]!;
  // Operands are items by their word (a word and its prefix form are one item, as in queryItems).
  const index = new Map(items.map((it, i) => [it.word, i]));
  const toItems = (n: QueryNode): ItemTree => (n.op === 'word' ? { op: 'item', i: index.get(n.word)! } : { op: n.op, args: n.args.map(toItems) });
  return { tree, items, itemLexemes: items.map((it) => lexemesOf(p, s.dict, config, it.word, it.prefix)), itemTree: toItems(tree), config };
}

function holds(t: ItemTree, bits: number): boolean {
  if (t.op === 'item') return (bits & (1 << t.i)) !== 0;
  return t.op === '&' ? t.args.every((a) => holds(a, bits)) : t.args.some((a) => holds(a, bits));
}

/**
 * The documents matching `q` (`@@`) into sc.list; returns how many. A document can match only if it
 * has one of the items (the tree has no NOT), so the candidates are the items' postings, each with
 * the bitmask of the items it has, and the tree is evaluated once per distinct bitmask.
 */
function matchText(s: Snapshot, q: TextQuery, sc: Scratch): number {
  const p = s.postings[q.config]!;
  const list = sc.list;
  if (q.items.length > MAX_BIT_ITEMS) return matchTextByMasks(s, q, list);
  const stamp = nextStamp(sc);
  const { seen, bits } = sc;
  let n = 0;
  for (let i = 0; i < q.itemLexemes.length; i++) {
    const bit = 1 << i;
    for (const id of q.itemLexemes[i]!) {
      for (let e = p.start[id]!, end = p.start[id + 1]!; e < end; e++) {
        const d = p.doc[e]!;
        if (seen[d] !== stamp) {
          seen[d] = stamp;
          bits[d] = bit;
          list[n++] = d;
        } else bits[d] = bits[d]! | bit;
      }
    }
  }
  if (q.itemTree.op === 'item') return n;
  const verdict = new Map<number, boolean>();
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const d = list[k]!;
    const b = bits[d]!;
    let ok = verdict.get(b);
    if (ok === undefined) verdict.set(b, (ok = holds(q.itemTree, b)));
    if (ok) list[kept++] = d;
  }
  return kept;
}

/** matchText for a query of more items than a bitmask holds: one byte mask per item over every document. */
function matchTextByMasks(s: Snapshot, q: TextQuery, list: Int32Array): number {
  const n = s.docs.length;
  const p = s.postings[q.config]!;
  const masks = q.itemLexemes.map((ids) => {
    const m = new Uint8Array(n);
    for (const id of ids) for (let e = p.start[id]!; e < p.start[id + 1]!; e++) m[p.doc[e]!] = 1;
    return m;
  });
  const evalNode = (node: ItemTree): Uint8Array => {
    if (node.op === 'item') return masks[node.i]!;
    const [first, ...others] = node.args.map(evalNode);
    const out = Uint8Array.from(first!);
    for (const o of others) for (let d = 0; d < n; d++) out[d] = node.op === '&' ? out[d]! & o[d]! : out[d]! | o[d]!;
    return out;
  };
  const m = evalNode(q.itemTree);
  let k = 0;
  for (let d = 0; d < n; d++) if (m[d]) list[k++] = d;
  return k;
}
/**
 * ts_rank(vector, query, 1) of every document of the match set (`docs[0, m)`; document d is at
 * slot[d] while inSet[d] holds `set`).
 */
function ranks(s: Snapshot, q: TextQuery | null, sc: Scratch, m: number, set: number, buffer: number): Float64Array {
  const out = sc.rankBuf[buffer]!.subarray(0, m).fill(0);
  if (!q) return out;
  const p = s.postings[q.config]!;
  const size = q.items.length;
  const { inSet, slot, docs } = sc;
  if (q.tree.op !== '&' || size < 2) {
    // calc_rank_or sums a term per matching entry in item, then lexeme order: accumulate it per document.
    for (const ids of q.itemLexemes) {
      for (const id of ids) {
        for (let e = p.start[id]!, end = p.start[id + 1]!; e < end; e++) {
          const d = p.doc[e]!;
          if (inSet[d] === set) out[slot[d]!] = addOrTerm(out[slot[d]!]!, p.orTerm[e]!);
        }
      }
    }
    const logLength = s.logLength[q.config]!;
    // normalise() with the divisor computed once per document; a vector without lexemes ranks 0.
    for (let k = 0; k < m; k++) {
      const d = docs[k]!;
      out[k] = logLength[d]! > 0 ? Math.fround(Math.fround(out[k]! / size) / logLength[d]!) : 0;
    }
    return out;
  }
  // calc_rank_and needs each document's entries item by item, lexeme by lexeme: the order the
  // postings are walked in, so a stable counting sort by document lays them out per document.
  const from = new Int32Array(m + 1);
  for (const ids of q.itemLexemes) {
    for (const id of ids) {
      for (let e = p.start[id]!, end = p.start[id + 1]!; e < end; e++) {
        const d = p.doc[e]!;
        if (inSet[d] === set) from[slot[d]! + 1]!++;
      }
    }
  }
  for (let k = 0; k < m; k++) from[k + 1]! += from[k]!;
  const fill = from.slice(0, m);
  const entries = new Int32Array(from[m]!);
  const items = new Int32Array(from[m]!);
  q.itemLexemes.forEach((ids, i) => {
    for (const id of ids) {
      for (let e = p.start[id]!, end = p.start[id + 1]!; e < end; e++) {
        const d = p.doc[e]!;
        if (inSet[d] !== set) continue;
        const j = fill[slot[d]!]!++;
        entries[j] = e;
        items[j] = i;
      }
    }
  });
  const last = sc.last.length >= size ? sc.last : (sc.last = new Int32Array(size));
  for (let k = 0; k < m; k++) {
    out[k] = normalise(rankAnd(p.pos, p.posStart, entries, items, from[k]!, from[k + 1]!, last, size), cntLength(s.docs[docs[k]!]!.vectors, q.config));
  }
  return out;
}

function passesFilters(s: Snapshot, d: number, f: SearchRequest): boolean {
  const r = s.docs[d]!.row;
  const overlaps = (a: string[], b: string[]) => a.some((x) => b.includes(x));
  if (f.segment?.length && !overlaps(r.segments, f.segment)) return false;
  if (f.clientGroup?.length && !overlaps(r.client_groups, f.clientGroup)) return false;
  if (f.channel?.length && !overlaps(r.channels, f.channel)) return false;
  if (f.access?.length && (r.access_route === null || !f.access.includes(r.access_route))) return false;
  if (f.sector?.length && (s.sector[d] === null || !f.sector.includes(s.sector[d]!))) return false;
  if (f.organizationId && r.organization_id !== f.organizationId) return false;
  if (f.lowThreshold !== undefined && r.low_threshold !== f.lowThreshold) return false;
  if (f.age !== undefined && !((r.age_min ?? 0) <= f.age && (r.age_max ?? 130) >= f.age)) return false;
  if (f.municipality) {
    const county = s.countyOfMunicipality.get(f.municipality);
    if (!(r.area_national || r.area_municipality_codes.includes(f.municipality) || (county !== undefined && r.area_county_codes.includes(county)))) return false;
  }
  return true;
}

/** Adds the documents matching `tq` that pass the filters to the match set; returns its new size. */
function addText(s: Snapshot, tq: TextQuery, sc: Scratch, set: number, m: number, passes: (d: number) => boolean): number {
  const n = matchText(s, tq, sc);
  const { list, inSet, slot, docs } = sc;
  for (let k = 0; k < n; k++) {
    const d = list[k]!;
    if (inSet[d] === set || !passes(d)) continue;
    inSet[d] = set;
    slot[d] = m;
    docs[m++] = d;
  }
  return m;
}

/** The query's trigrams (pg_trgm's of raw, and of lower(raw) for similarity to the name) as masks over trigram ids. */
interface QueryTrigrams {
  size: number;
  mask: Uint8Array;
  nameSize: number;
  nameMask: Uint8Array;
  /** The known trigram ids of raw (unknown ones are in no document). */
  known: number[];
}

function queryTrigramsOf(s: Snapshot, q: IndexQuery, sc: Scratch): QueryTrigrams {
  const qt = s.dict.queryTrigrams(q.raw);
  const qn = s.dict.queryTrigrams(q.rawLower);
  const known: number[] = [];
  // Ids past the masks were interned by a later build: no document of this snapshot has them.
  for (const t of qt) if (t >= 0 && t < sc.trigramMask.length) { sc.trigramMask[t] = 1; known.push(t); }
  for (const t of qn) if (t >= 0 && t < sc.nameMask.length) sc.nameMask[t] = 1;
  return { size: qt.size, mask: sc.trigramMask, nameSize: qn.size, nameMask: sc.nameMask, known };
}

function clearQueryTrigrams(sc: Scratch): void {
  sc.trigramMask.fill(0);
  sc.nameMask.fill(0);
}

/**
 * Adds the trigram fallback's matches (`raw <% name_keywords`: word_similarity ≥ the threshold)
 * that pass the filters. word_similarity ≤ shared / |query trigrams|, so a match has at least
 * `need` of the query's trigrams: they are counted per document over the query trigrams' document
 * lists, and word_similarity is computed only for documents with enough.
 */
function addTrigram(s: Snapshot, qt: QueryTrigrams, sc: Scratch, set: number, m: number, passes: (d: number) => boolean, limits: IndexLimits): number {
  const threshold = limits.wordSimilarityThreshold;
  const need = Math.max(1, Math.ceil(threshold * qt.size - 1e-9));
  const lists = qt.known.map((t) => s.trigramDocs.get(t)).filter((l): l is Int32Array => l !== undefined && l.length > 0);
  if (lists.length < need) return m;
  const stamp = nextStamp(sc);
  const { seen, bits: hits, list: candidates, inSet, slot, docs } = sc;
  let n = 0;
  for (const list of lists) {
    for (let x = 0; x < list.length; x++) {
      const d = list[x]!;
      if (seen[d] !== stamp) {
        seen[d] = stamp;
        hits[d] = 1;
        candidates[n++] = d;
      } else hits[d]!++;
    }
  }
  for (let k = 0; k < n; k++) {
    const d = candidates[k]!;
    if (hits[d]! < need || inSet[d] === set || !passes(d)) continue;
    if (wordSimilarityOfIds(qt.size, qt.mask, s.docs[d]!.nkTrigrams, threshold) < threshold) continue;
    inSet[d] = set;
    slot[d] = m;
    docs[m++] = d;
  }
  return m;
}

/** Stamps are compared for equality; start again (clear) long before they could overflow an Int32Array. */
function beginSearch(sc: Scratch): void {
  if (sc.stamp < 0x3fff0000) return;
  sc.seen.fill(0);
  sc.inSet.fill(0);
  sc.filter.fill(0);
  sc.stamp = 0;
}

/**
 * The search of catalog.search.ts over the snapshot: words ANDed (ORed when AND finds nothing),
 * finnish and swedish stems, the trigram fallback below `trigramFallbackBelow` full-text matches;
 * ranked by the three ts_ranks, the best `rerankLimit` also by the trigram terms.
 */
export function searchSnapshot(s: Snapshot, req: SearchRequest, q: IndexQuery | null, limits: IndexLimits): SearchOutcome {
  return searchSnapshotPage(s, req, q, limits).outcome;
}

/** A search's outcome and its page as the snapshot's document numbers (pageRows gives their list fields). */
export interface IndexedPage {
  outcome: SearchOutcome;
  page: number[];
}

/**
 * The page's list rows as findListRowsByIds reads them: the row's own fields from the document, the
 * organisation's name and sector as the snapshot read them (same transaction as the rows).
 */
export function pageRows(s: Snapshot, page: number[]): ServiceListRow[] {
  return page.map((d) => {
    const r = s.docs[d]!.row;
    return {
      id: r.id, organization_id: r.organization_id, provider_name: r.provider_name, provider_sector: r.provider_sector, ptv_id: r.ptv_id,
      name_fi: r.name_fi, name_sv: r.name_sv, name_en: r.name_en, summary_fi: r.summary_fi, summary_sv: r.summary_sv, summary_en: r.summary_en,
      client_groups: r.client_groups, segments: r.segments, age_min: r.age_min, age_max: r.age_max, channels: r.channels,
      access_route: r.access_route, low_threshold: r.low_threshold, area_national: r.area_national,
      // Only read through providerOf (org_sector ?? provider_sector): the snapshot's sector is already that.
      org_name: s.orgName[d] ?? null, org_sector: s.sector[d] ?? null,
    };
  });
}

/** searchSnapshot, with the page's documents. */
export function searchSnapshotPage(s: Snapshot, req: SearchRequest, q: IndexQuery | null, limits: IndexLimits): IndexedPage {
  const sc = scratchOf(s);
  beginSearch(sc);
  const filtered = req.segment?.length || req.clientGroup?.length || req.channel?.length || req.access?.length || req.sector?.length ||
    req.organizationId || req.lowThreshold !== undefined || req.age !== undefined || req.municipality;
  // Each document's filter verdict at most once a search, only for documents a query reaches.
  const fs = nextStamp(sc);
  const passes = (d: number): boolean => {
    if (!filtered) return true;
    const v = sc.filter[d]!;
    if (v === fs || v === -fs) return v === fs;
    const ok = passesFilters(s, d, req);
    sc.filter[d] = ok ? fs : -fs;
    return ok;
  };
  if (q === null) {
    let m = 0;
    for (let d = 0; d < s.docs.length; d++) if (passes(d)) sc.docs[m++] = d;
    return outcome(s, req, sc, m, 0, null, limits);
  }
  const fi = prepare(s, 1, q.fi);
  const sv = prepare(s, 2, q.sv);
  const trigrams = queryTrigramsOf(s, q, sc);
  try {
    const pass = (tree: QueryNode | null) => {
      const words = prepare(s, 0, tree);
      const set = nextStamp(sc);
      let m = 0;
      for (const tq of [words, fi, sv]) if (tq) m = addText(s, tq, sc, set, m, passes);
      if (!words || Math.min(m, limits.candidateLimit) < limits.trigramFallbackBelow) m = addTrigram(s, trigrams, sc, set, m, passes, limits);
      return { m, set, words };
    };
    let result = pass(q.wordsAnd);
    if (result.m === 0 && q.tokenCount >= 2) result = pass(q.wordsOr);
    return outcome(s, req, sc, result.m, result.set, { words: result.words, fi, sv, trigrams }, limits);
  } finally {
    clearQueryTrigrams(sc);
  }
}

interface Ranking { words: TextQuery | null; fi: TextQuery | null; sv: TextQuery | null; trigrams: QueryTrigrams }

/**
 * The page, total and facets of the match set `docs[0, m)`. Order as in SQL: the first
 * candidateLimit + 1 by the text ranks (ties by name, id), of which the first rerankLimit are
 * ordered by the full score. Only what the page needs is ordered: for a page inside the reranked
 * part, the rerankLimit best are selected (not sorted) and only the page's best are scored exactly.
 */
function outcome(s: Snapshot, req: SearchRequest, sc: Scratch, m: number, set: number, r: Ranking | null, limits: IndexLimits): IndexedPage {
  const docs = sc.docs.subarray(0, m);
  const base = sc.base.subarray(0, m).fill(0);
  if (r) {
    const [rw, rf, rs] = [ranks(s, r.words, sc, m, set, 0), ranks(s, r.fi, sc, m, set, 1), ranks(s, r.sv, sc, m, set, 2)];
    // As in SQL: float4 + float4 is float4; 0.5 * float4 is double precision.
    for (let k = 0; k < m; k++) base[k] = Math.fround(rw[k]! + rf[k]!) + 0.5 * rs[k]!;
  }
  const tie = (a: number, b: number) => s.tieRank[docs[a]!]! - s.tieRank[docs[b]!]!;
  const ordered = Math.min(m, limits.candidateLimit + 1);
  const topLen = Math.min(limits.rerankLimit, ordered);
  const end = req.offset + req.limit;
  let ranked: number[];
  if (r && end < topLen) {
    ranked = rerank(s, r.trigrams, docs, base, selectBest(base, docs, s.tieRank, topLen, sc.work), end, tie);
  } else {
    const order = selectBest(base, docs, s.tieRank, Math.min(ordered, Math.max(end, r ? topLen : 0)), sc.work).sort((a, b) => base[b]! - base[a]! || tie(a, b));
    if (r) order.splice(0, topLen, ...rerank(s, r.trigrams, docs, base, order.slice(0, topLen), topLen, tie));
    ranked = order;
  }
  const page = ranked.slice(req.offset, end).map((k) => docs[k]!);
  const ids = page.map((d) => s.docs[d]!.row.id);
  const fc = facets(s, docs, set === 0 ? null : (d) => sc.inSet[d] === set);
  return { outcome: { ids, total: Math.min(m, limits.candidateLimit), capped: m > limits.candidateLimit, facets: fc }, page };
}

/**
 * 1 for a service that matched the query's words or its finnish/swedish analysis (a text rank above 0),
 * 0 for one found only because its name looks like the query (the trigram fallback): a look-alike
 * ("vanhus" → "vanhemmuus") never outranks a service that matched a word. The same term as SQL's rerank.
 */
const wordMatchTier = (base: number) => (base > 0 ? 1 : 0);

/**
 * The best `need` of `top` by the full score (text ranks + 0.15 word_similarity + 0.2 similarity + tier),
 * in order; all of `top` in order when `need` covers it. The trigram terms are computed only while a
 * service could still enter the first `need`, in three steps of cost: a bound from what is known
 * without reading trigrams — similarity is at most min(|a|, |b|) / max(|a|, |b|) of the two trigram
 * counts, word_similarity at most 1 — orders the services and ends the walk; then the exact
 * similarity and the trigram-count bound of word_similarity skip a service; only then is
 * word_similarity computed. Of the 500 best of a broad query, ≈ 100 pass the first bound and ≈ 30
 * the second (bench queries at 52k services); computing both trigram terms' bounds for all 500 was
 * half of such a search's CPU. A service is passed over only when its bound is below the `need`-th
 * best score so far, so every service of the first `need` (ties included) is scored, and the order
 * is that of scoring all of `top`.
 */
function rerank(s: Snapshot, qt: QueryTrigrams, docs: Int32Array, base: Float64Array, top: number[], need: number, tie: (a: number, b: number) => number): number[] {
  const n = top.length;
  const all = need >= n;
  const cheap = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const b = base[top[j]!]!;
    const nb = s.nameTrigramCount[docs[top[j]!]!]!;
    const simBound = qt.nameSize === 0 || nb === 0 ? 0 : Math.min(qt.nameSize, nb) / Math.max(qt.nameSize, nb);
    // + 1e-6: the float4 rounding of the exact terms.
    cheap[j] = b + 0.2 * simBound + 0.15 + wordMatchTier(b) + 1e-6;
  }
  const order = all ? Array.from(top.keys()) : byBoundDescending(cheap);
  const score = new Float64Array(n);
  const scored: number[] = [];
  // The `need` best scores so far, descending; a service whose bound is below the last cannot enter.
  const best: number[] = [];
  for (const j of order) {
    const full = !all && best.length >= need;
    if (full && cheap[j]! < best[need - 1]!) break;
    const b = base[top[j]!]!;
    const doc = s.docs[docs[top[j]!]!]!;
    const sim = similarityOfIds(qt.nameSize, qt.nameMask, doc.nameTrigrams);
    if (full && b + 0.2 * sim + 0.15 * wordSimilarityBound(qt.size, qt.mask, doc.nkTrigrams) + wordMatchTier(b) < best[need - 1]!) continue;
    // As in SQL: base + 0.15 × word_similarity + 0.2 × similarity + the word-match tier, added left to right.
    const v = b + 0.15 * wordSimilarityOfIds(qt.size, qt.mask, doc.nkTrigrams) + 0.2 * sim + wordMatchTier(b);
    score[j] = v;
    scored.push(j);
    if (all) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]! < v) at--;
    if (at < need) {
      best.splice(at, 0, v);
      if (best.length > need) best.pop();
    }
  }
  return scored.sort((a, b) => score[b]! - score[a]! || tie(top[a]!, top[b]!)).slice(0, all ? n : need).map((j) => top[j]!);
}

/**
 * Indexes of `bound` from the largest bound down, rounding each bound up to a multiple of 2^-20 and
 * storing the rounded value back (still an upper bound; the walk's order only needs to follow
 * what it compares): then a key of rounded bound and index sorts as numbers, natively, instead of
 * by a comparator called ≈ 4 500 times for 500 services.
 */
function byBoundDescending(bound: Float64Array): number[] {
  const n = bound.length;
  const SLOTS = 1024;
  if (n > SLOTS) return Array.from(bound.keys()).sort((a, b) => bound[b]! - bound[a]!);
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const units = Math.ceil(bound[j]! * 2 ** 20);
    bound[j] = units / 2 ** 20;
    keys[j] = -units * SLOTS + j;
  }
  keys.sort();
  return Array.from(keys, (k) => ((k % SLOTS) + SLOTS) % SLOTS);
}

/**
 * The `c` best of the match set by the text ranks, ties by name and id (tieRank), unordered: a
 * selection, not a sort — a broad query has tens of thousands of matches and a page needs 20.
 */
function selectBest(base: Float64Array, docs: Int32Array, tieRank: Int32Array, c: number, work: Float64Array): number[] {
  const m = base.length;
  if (c >= m) return Array.from({ length: m }, (_, k) => k);
  if (c <= 0) return [];
  const copy = work.subarray(0, m);
  copy.set(base);
  const cut = nthLargest(copy, c);
  const out: number[] = [];
  const atCut: number[] = [];
  for (let k = 0; k < m; k++) {
    if (base[k]! > cut) out.push(k);
    else if (base[k] === cut) atCut.push(k);
  }
  const room = c - out.length;
  if (atCut.length <= room) return out.concat(atCut);
  // Of the services tied at the cut, the first `room` by name and id.
  const tieCut = nthLargest(Float64Array.from(atCut, (k) => -tieRank[docs[k]!]!), room);
  for (const k of atCut) if (-tieRank[docs[k]!]! >= tieCut) out.push(k);
  return out;
}

/** The n-th largest value (1-based) by quickselect, reordering `a`. */
function nthLargest(a: Float64Array, n: number): number {
  const target = n - 1;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[target]!;
}

/**
 * Facet counts of the match set `docs`. When it holds most of the catalogue (a word every service
 * has, "palvelu": 50k of 52k), the catalogue's counts minus those of the services it does not hold:
 * a test per service instead of ≈ 10 increments per match. `holds` tells members (null: count directly).
 */
function facets(s: Snapshot, docs: Int32Array, holds: ((d: number) => boolean) | null): SearchOutcome['facets'] {
  const f = s.facetCodes;
  const n = s.docs.length;
  let counts: Int32Array;
  if (holds && docs.length > n / 2) {
    counts = f.all.slice();
    for (let d = 0; d < n; d++) if (!holds(d)) for (let e = f.start[d]!; e < f.start[d + 1]!; e++) counts[f.code[e]!]!--;
  } else {
    counts = new Int32Array(f.values.length);
    for (const d of docs) for (let e = f.start[d]!; e < f.start[d + 1]!; e++) counts[f.code[e]!]!++;
  }
  const out: SearchOutcome['facets'] = { segment: [], clientGroup: [], sector: [], channel: [], access: [], organization: [] };
  counts.forEach((count, c) => {
    if (count === 0) return;
    const v = f.values[c]!;
    out[v.kind].push(v.label ? { value: v.value, label: v.label, count } : { value: v.value, count });
  });
  for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || compareLexemes(a.value, b.value));
  out.organization = out.organization.slice(0, 25);
  return out;
}
