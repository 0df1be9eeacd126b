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
 */
import { queryItems, tsRank, addOrTerm, compareLexemes, type ItemEntries, type QueryNode } from './catalog.text-rank.js';
import { similarityOfSets, wordSimilarityBound, wordSimilarityOfIds } from './catalog.trigram.js';
import type { SearchOutcome, SearchRequest } from './catalog.search.js';
import { cntLength, type Dictionaries, type Postings, type Snapshot } from './catalog.search-index.build.js';

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

/** One text query against one configuration: which documents match, and each item's lexemes. */
interface TextQuery {
  tree: QueryNode;
  items: { word: string; prefix: boolean }[];
  itemLexemes: number[][];
  config: number;
}

function prepare(s: Snapshot, config: number, tree: QueryNode | null): TextQuery | null {
  if (!tree) return null;
  const items = queryItems(tree);
  const p = s.postings[config]!;
  return { tree, items, itemLexemes: items.map((it) => lexemesOf(p, s.dict, config, it.word, it.prefix)), config };
}

/** Documents matching `q` (`@@`), as a byte mask. */
function matchMask(s: Snapshot, q: TextQuery): Uint8Array {
  const n = s.docs.length;
  const p = s.postings[q.config]!;
  const itemMasks = new Map<string, Uint8Array>();
  q.items.forEach((it, i) => {
    const m = new Uint8Array(n);
    for (const id of q.itemLexemes[i]!) for (let e = p.start[id]!; e < p.start[id + 1]!; e++) m[p.doc[e]!] = 1;
    itemMasks.set(it.word, m);
  });
  const evalNode = (node: QueryNode): Uint8Array => {
    if (node.op === 'word') return itemMasks.get(node.word)!;
    const [first, ...others] = node.args.map(evalNode);
    const out = Uint8Array.from(first!);
    for (const o of others) for (let d = 0; d < n; d++) out[d] = node.op === '&' ? out[d]! & o[d]! : out[d]! | o[d]!;
    return out;
  };
  return evalNode(q.tree);
}

/** ts_rank(vector, query, 1) of every listed document (`slot`: document → its index in `docs`). */
function ranks(s: Snapshot, q: TextQuery | null, docs: Int32Array, slot: Int32Array): Float64Array {
  const out = new Float64Array(docs.length);
  if (!q) return out;
  const p = s.postings[q.config]!;
  const size = q.items.length;
  if (q.tree.op !== '&' || size < 2) {
    // calc_rank_or sums a term per matching entry in item, then lexeme order: accumulate it per document.
    for (const ids of q.itemLexemes) {
      for (const id of ids) {
        for (let e = p.start[id]!; e < p.start[id + 1]!; e++) {
          const k = slot[p.doc[e]!]!;
          if (k >= 0) out[k] = addOrTerm(out[k]!, p.orTerm[e]!);
        }
      }
    }
    const logLength = s.logLength[q.config]!;
    // normalise() with the divisor computed once per document; a vector without lexemes ranks 0.
    for (let k = 0; k < docs.length; k++) {
      const d = docs[k]!;
      out[k] = logLength[d]! > 0 ? Math.fround(Math.fround(out[k]! / size) / logLength[d]!) : 0;
    }
    return out;
  }
  const entries: (ItemEntries | undefined)[] = new Array(docs.length);
  q.itemLexemes.forEach((ids, i) => {
    for (const id of ids) {
      for (let e = p.start[id]!; e < p.start[id + 1]!; e++) {
        const k = slot[p.doc[e]!]!;
        if (k < 0) continue;
        const list = (entries[k] ??= new Array(size));
        (list[i] ??= []).push(p.pos.subarray(p.posStart[e]!, p.posStart[e + 1]!));
      }
    }
  });
  const none: ItemEntries = new Array(size);
  for (let k = 0; k < docs.length; k++) {
    out[k] = tsRank(q.tree, size, entries[k] ?? none, cntLength(s.docs[docs[k]!]!.vectors, q.config));
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

/** The docs matching a text pass (`words` with op), full-text ∪ (trigram) ∩ filters. */
function textMatches(s: Snapshot, q: IndexQuery, words: TextQuery | null, fi: TextQuery | null, sv: TextQuery | null, filter: Uint8Array, trigram: boolean, limits: IndexLimits): Uint8Array {
  const n = s.docs.length;
  const m = new Uint8Array(n);
  for (const tq of [words, fi, sv]) {
    if (!tq) continue;
    const mm = matchMask(s, tq);
    for (let d = 0; d < n; d++) m[d] = m[d]! | mm[d]!;
  }
  if (trigram) {
    // word_similarity(raw, text) ≤ shared / |query trigrams|, so a match shares at least threshold × |query| of them.
    const qt = s.dict.queryTrigrams(q.raw);
    const mask = s.dict.queryMask(qt);
    const need = Math.ceil(limits.wordSimilarityThreshold * qt.size - 1e-9);
    const hits = new Uint16Array(n);
    for (const t of qt) for (const d of s.trigramDocs.get(t) ?? []) hits[d]!++;
    for (let d = 0; d < n; d++) {
      if (m[d] || !filter[d] || hits[d]! < need || hits[d] === 0) continue;
      if (wordSimilarityOfIds(qt.size, mask, s.docs[d]!.nkTrigrams, limits.wordSimilarityThreshold) >= limits.wordSimilarityThreshold) m[d] = 1;
    }
  }
  for (let d = 0; d < n; d++) m[d] = m[d]! & filter[d]!;
  return m;
}

function count(m: Uint8Array): number {
  let c = 0;
  for (let d = 0; d < m.length; d++) c += m[d]!;
  return c;
}

/**
 * The search of catalog.search.ts over the snapshot: words ANDed (ORed when AND finds nothing),
 * finnish and swedish stems, the trigram fallback below `trigramFallbackBelow` full-text matches;
 * ranked by the three ts_ranks, the best `rerankLimit` also by the trigram terms.
 */
export function searchSnapshot(s: Snapshot, req: SearchRequest, q: IndexQuery | null, limits: IndexLimits): SearchOutcome {
  const n = s.docs.length;
  const filtered = req.segment?.length || req.clientGroup?.length || req.channel?.length || req.access?.length || req.sector?.length ||
    req.organizationId || req.lowThreshold !== undefined || req.age !== undefined || req.municipality;
  const filter = new Uint8Array(n);
  if (filtered) for (let d = 0; d < n; d++) filter[d] = passesFilters(s, d, req) ? 1 : 0;
  else filter.fill(1);
  if (q === null) return outcome(s, req, filter, null, limits);
  const fi = prepare(s, 1, q.fi);
  const sv = prepare(s, 2, q.sv);
  const pass = (tree: QueryNode | null) => {
    const words = prepare(s, 0, tree);
    if (words) {
      const m = textMatches(s, q, words, fi, sv, filter, false, limits);
      if (Math.min(count(m), limits.candidateLimit) >= limits.trigramFallbackBelow) return { m, words };
    }
    return { m: textMatches(s, q, words, fi, sv, filter, true, limits), words };
  };
  let result = pass(q.wordsAnd);
  if (count(result.m) === 0 && q.tokenCount >= 2) result = pass(q.wordsOr);
  return outcome(s, req, result.m, { q, words: result.words, fi, sv }, limits);
}

interface Ranking { q: IndexQuery; words: TextQuery | null; fi: TextQuery | null; sv: TextQuery | null }

function outcome(s: Snapshot, req: SearchRequest, m: Uint8Array, r: Ranking | null, limits: IndexLimits): SearchOutcome {
  const n = s.docs.length;
  const slot = new Int32Array(n).fill(-1);
  const docs = new Int32Array(count(m));
  for (let d = 0, k = 0; d < n; d++) if (m[d]) { slot[d] = k; docs[k++] = d; }
  const base = new Float64Array(docs.length);
  if (r) {
    const [rw, rf, rs] = [ranks(s, r.words, docs, slot), ranks(s, r.fi, docs, slot), ranks(s, r.sv, docs, slot)];
    // As in SQL: float4 + float4 is float4; 0.5 * float4 is double precision.
    for (let k = 0; k < docs.length; k++) base[k] = Math.fround(rw[k]! + rf[k]!) + 0.5 * rs[k]!;
  }
  const id = (k: number) => s.docs[docs[k]!]!.row.id;
  const tie = (a: number, b: number) => s.tieRank[docs[a]!]! - s.tieRank[docs[b]!]!;
  const order = best(base, limits.candidateLimit + 1).sort((a, b) => base[b]! - base[a]! || tie(a, b)).slice(0, limits.candidateLimit + 1);
  const top = order.slice(0, limits.rerankLimit);
  const rest = order.slice(limits.rerankLimit);
  if (r) top.splice(0, top.length, ...rerank(s, r.q, docs, base, top, Math.min(req.offset + req.limit, top.length), tie));
  const ranked = top.length < Math.min(limits.rerankLimit, order.length) ? top : [...top, ...rest];
  const page = ranked.slice(req.offset, req.offset + req.limit).map((k) => id(k));
  return { ids: page, total: Math.min(docs.length, limits.candidateLimit), capped: docs.length > limits.candidateLimit, facets: facets(s, docs) };
}

/**
 * The best `need` of `top` by the full score (text ranks + 0.15 word_similarity + 0.2 similarity),
 * in order; all of `top` in order when `need` covers it. word_similarity is the costly term, so it
 * is computed best-bound first and only while a service could still enter the first `need`: its
 * bound is the exact similarity term plus the trigram-count bound of word_similarity.
 */
function rerank(s: Snapshot, q: IndexQuery, docs: Int32Array, base: Float64Array, top: number[], need: number, tie: (a: number, b: number) => number): number[] {
  const qt = s.dict.queryTrigrams(q.raw);
  const mask = s.dict.queryMask(qt);
  const qn = s.dict.queryTrigrams(q.rawLower);
  const bound = new Float64Array(docs.length);
  for (const k of top) {
    const doc = s.docs[docs[k]!]!;
    bound[k] = base[k]! + 0.2 * similarityOfSets(qn, doc.nameTrigrams) + 0.15 * wordSimilarityBound(qt.size, mask, doc.nkTrigrams);
  }
  const byBound = [...top].sort((a, b) => bound[b]! - bound[a]!);
  const score = new Float64Array(docs.length);
  const scored: number[] = [];
  // The `need` best scores so far, descending; a service whose bound is below the last cannot enter.
  const best: number[] = [];
  for (const k of byBound) {
    if (need < top.length && best.length >= need && bound[k]! < best[need - 1]!) break;
    const doc = s.docs[docs[k]!]!;
    // As in SQL: base + 0.15 × word_similarity + 0.2 × similarity, added left to right.
    const v = base[k]! + 0.15 * wordSimilarityOfIds(qt.size, mask, doc.nkTrigrams) + 0.2 * similarityOfSets(qn, doc.nameTrigrams);
    score[k] = v;
    scored.push(k);
    let at = best.length;
    while (at > 0 && best[at - 1]! < v) at--;
    if (at < need) {
      best.splice(at, 0, v);
      if (best.length > need) best.pop();
    }
  }
  return scored.sort((a, b) => score[b]! - score[a]! || tie(a, b)).slice(0, need < top.length ? need : top.length);
}

/** Indexes of the `n` greatest values (and any tied with the n-th), unordered; a selection, not a sort, finds the cut. */
function best(values: Float64Array, n: number): number[] {
  if (values.length <= n) return Array.from(values.keys());
  const cut = nthLargest(Float64Array.from(values), n);
  const out: number[] = [];
  for (let k = 0; k < values.length; k++) if (values[k]! >= cut) out.push(k);
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

function facets(s: Snapshot, docs: Int32Array): SearchOutcome['facets'] {
  const f = s.facetCodes;
  const counts = new Int32Array(f.values.length);
  for (const d of docs) for (let e = f.start[d]!; e < f.start[d + 1]!; e++) counts[f.code[e]!]!++;
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
