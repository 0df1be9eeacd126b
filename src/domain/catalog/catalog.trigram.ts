/**
 * pg_trgm's `similarity` and `word_similarity` (contrib/pg_trgm/trgm_op.c) in JS, for the in-process
 * search index's rerank terms and trigram fallback. Same trigram rules: words are runs of
 * alphanumerics, lower-cased, padded with two blanks in front and one behind; similarity is
 * shared / (|a| + |b| − shared) in single precision; word_similarity is the best such ratio between
 * the first string's trigrams and any continuous extent of the second's (iterate_word_similarity).
 *
 * What counts as a letter and how it is lower-cased depends on the database's ctype (under plain C,
 * multibyte letters are not word characters), so the caller passes what its database does.
 */

export interface TrigramRules {
  /** Whether non-ASCII letters and digits are word characters (false under the C ctype). */
  unicodeWords: boolean;
  /** Whether lower-casing reaches non-ASCII letters. */
  unicodeLower: boolean;
}

const f = Math.fround;

function isWordChar(c: string, rules: TrigramRules): boolean {
  const code = c.codePointAt(0)!;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return rules.unicodeWords && /[\p{L}\p{N}]/u.test(c);
}

function lower(word: string, rules: TrigramRules): string {
  return rules.unicodeLower ? word.toLowerCase() : word.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** generate_trgm_only: the padded trigrams of every word, in order, with duplicates. */
export function trigramsInOrder(text: string, rules: TrigramRules): string[] {
  const out: string[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && !isWordChar(chars[i]!, rules)) i++;
    const start = i;
    while (i < chars.length && isWordChar(chars[i]!, rules)) i++;
    if (i === start) break;
    const padded = [' ', ' ', ...lower(chars.slice(start, i).join(''), rules), ' '];
    for (let k = 0; k + 3 <= padded.length; k++) out.push(padded[k]! + padded[k + 1]! + padded[k + 2]!);
  }
  return out;
}

/** The distinct trigrams of a text (generate_trgm). */
export function trigramSet(text: string, rules: TrigramRules): Set<string> {
  return new Set(trigramsInOrder(text, rules));
}

/** similarity(a, b) given both trigram sets (any representation of a trigram, e.g. an interned id). */
export function similarityOfSets<T>(a: ReadonlySet<T>, b: ReadonlySet<T> | ArrayLike<T>): number {
  const bSize = 'size' in b ? b.size : b.length;
  if (a.size === 0 || bSize === 0) return 0;
  let shared = 0;
  if ('has' in b) { for (const t of a) if (b.has(t)) shared++; } else for (let i = 0; i < b.length; i++) if (a.has(b[i]!)) shared++;
  return f(f(shared) / f(a.size + bSize - shared));
}

/**
 * word_similarity(query, text): `queryTrigrams` is trigramSet(query), `textTrigrams`
 * trigramsInOrder(text). A transcription of calc_word_similarity + iterate_word_similarity.
 */
export function wordSimilarity<T>(queryTrigrams: { size: number; has(t: T): boolean }, textTrigrams: ArrayLike<T>): number {
  const ulen1 = queryTrigrams.size;
  const len2 = textTrigrams.length;
  if (ulen1 === 0 || len2 === 0) return 0;
  // Unique index per distinct trigram; found = the trigram occurs in the query. Texts are short
  // (a name and its keywords), so a linear search of the distinct ones beats a Map per call.
  const distinct: T[] = [];
  const found: boolean[] = [];
  const trg2indexes = new Int32Array(len2);
  for (let i = 0; i < len2; i++) {
    const t = textTrigrams[i]!;
    let j = distinct.indexOf(t);
    if (j < 0) {
      j = distinct.length;
      distinct.push(t);
      found.push(queryTrigrams.has(t));
    }
    trg2indexes[i] = j;
  }
  return iterate(trg2indexes, Uint8Array.from(found, (x) => (x ? 1 : 0)), ulen1, len2, found.length);
}

/**
 * word_similarity for interned trigrams (non-negative ids in the text, `inQuery[id]` = 1 when the
 * query has it; `querySize` = its distinct trigrams): the same procedure as wordSimilarity without
 * a Map per call — the rerank computes it for hundreds of services per search.
 */
export function wordSimilarityOfIds(querySize: number, inQuery: Uint8Array, text: Int32Array, checkOnly?: number): number {
  const len2 = text.length;
  if (querySize === 0 || len2 === 0) return 0;
  const scratch = scratchFor(inQuery.length);
  const stamp = ++scratch.stamp;
  let distinct = 0;
  const trg2indexes = scratch.indexes.length >= len2 ? scratch.indexes : (scratch.indexes = new Int32Array(len2 * 2));
  const found = scratch.found.length >= len2 ? scratch.found : (scratch.found = new Uint8Array(len2 * 2));
  for (let i = 0; i < len2; i++) {
    const t = text[i]!;
    let j: number;
    if (scratch.seen[t] === stamp) j = scratch.slot[t]!;
    else {
      j = distinct++;
      scratch.seen[t] = stamp;
      scratch.slot[t] = j;
      found[j] = t < inQuery.length ? inQuery[t]! : 0;
    }
    trg2indexes[i] = j;
  }
  return iterate(trg2indexes, found, querySize, len2, distinct, checkOnly);
}

interface Scratch { stamp: number; seen: Int32Array; slot: Int32Array; indexes: Int32Array; found: Uint8Array }
let shared: Scratch = { stamp: 0, seen: new Int32Array(0), slot: new Int32Array(0), indexes: new Int32Array(64), found: new Uint8Array(64) };

function scratchFor(ids: number): Scratch {
  if (shared.seen.length < ids) shared = { ...shared, stamp: 0, seen: new Int32Array(ids * 2), slot: new Int32Array(ids * 2) };
  return shared;
}

/** iterate_word_similarity (trgm_op.c) on prepared indexes. */
/** With `checkOnly` (WORD_SIMILARITY_CHECK_ONLY, the `<%` operator) it stops once the similarity reaches that threshold. */
function iterate(trg2indexes: Int32Array, found: Uint8Array, ulen1: number, len2: number, distinct: number, checkOnly?: number): number {
  const sml = (count: number, ulen2: number) => f(f(count) / f(ulen1 + ulen2 - count));
  const lastpos = new Int32Array(distinct).fill(-1);
  let ulen2 = 0;
  let count = 0;
  let lower = -1;
  let smlrMax = 0;
  for (let i = 0; i < len2; i++) {
    const trgindex = trg2indexes[i]!;
    if (lower >= 0 || found[trgindex]) {
      if (lastpos[trgindex]! < 0) {
        ulen2++;
        if (found[trgindex]) count++;
      }
      lastpos[trgindex] = i;
    }
    if (!found[trgindex]) continue;
    const upper = i;
    if (lower === -1) {
      lower = i;
      ulen2 = 1;
    }
    let smlrCur = sml(count, ulen2);
    let tmpCount = count;
    let tmpUlen2 = ulen2;
    const prevLower = lower;
    for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
      const smlrTmp = sml(tmpCount, tmpUlen2);
      if (smlrTmp > smlrCur) {
        smlrCur = smlrTmp;
        ulen2 = tmpUlen2;
        lower = tmpLower;
        count = tmpCount;
      }
      if (checkOnly !== undefined && smlrCur >= checkOnly) break;
      const tmpTrgindex = trg2indexes[tmpLower]!;
      if (lastpos[tmpTrgindex] === tmpLower) {
        tmpUlen2--;
        if (found[tmpTrgindex]) tmpCount--;
      }
    }
    smlrMax = Math.max(smlrMax, smlrCur);
    if (checkOnly !== undefined && smlrMax >= checkOnly) break;
    for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
      const tmpTrgindex = trg2indexes[tmpLower]!;
      if (lastpos[tmpTrgindex] === tmpLower) lastpos[tmpTrgindex] = -1;
    }
  }
  return smlrMax;
}

/**
 * An upper bound of word_similarity: the query's distinct trigrams the text has, over the query's
 * (the ratio counts shared / (query + extent − shared) and the extent holds at least the shared ones).
 */
export function wordSimilarityBound(querySize: number, inQuery: Uint8Array, text: Int32Array): number {
  if (querySize === 0) return 0;
  const scratch = scratchFor(inQuery.length);
  const stamp = ++scratch.stamp;
  let hits = 0;
  for (let i = 0; i < text.length; i++) {
    const t = text[i]!;
    if (t < inQuery.length && inQuery[t] && scratch.seen[t] !== stamp) {
      scratch.seen[t] = stamp;
      hits++;
    }
  }
  return Math.min(1, hits / querySize) + 1e-6; // + float4 rounding of the exact ratio
}
