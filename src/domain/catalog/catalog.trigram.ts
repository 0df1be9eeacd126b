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

/**
 * similarity(a, b) of interned trigrams: `a` as a membership mask over ids (`aSize` of its distinct
 * trigrams, unknown ones included, which match nothing) and `b` as distinct ids.
 */
export function similarityOfIds(aSize: number, inA: Uint8Array, b: Int32Array): number {
  if (aSize === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0; i < b.length; i++) {
    const t = b[i]!;
    if (t < inA.length && inA[t]) shared++;
  }
  return f(f(shared) / f(aSize + b.length - shared));
}

/** calc_word_similarity's ratio for `count` shared trigrams (float4). A plain function, not a closure made per call. */
function sml(count: number, ulen1: number, ulen2: number): number {
  return f(f(count) / f(ulen1 + ulen2 - count));
}

/**
 * word_similarity(query, text) for interned trigrams, a transcription of calc_word_similarity +
 * iterate_word_similarity (trgm_op.c): `text` is trigramsInOrder of the text as non-negative ids,
 * `inQuery[id]` = 1 when the query has the trigram, `querySize` = the query's distinct trigrams
 * (unknown ones included). With `checkOnly` (WORD_SIMILARITY_CHECK_ONLY, the `<%` operator) it
 * stops once the similarity reaches that threshold. Scratch arrays instead of a Map or arrays per
 * call: the rerank and the trigram fallback compute it for hundreds of services per search.
 */
export function wordSimilarityOfIds(querySize: number, inQuery: Uint8Array, text: Int32Array, checkOnly?: number): number {
  const len2 = text.length;
  if (querySize === 0 || len2 === 0) return 0;
  const scratch = scratchFor(inQuery.length);
  const stamp = ++scratch.stamp;
  if (scratch.indexes.length < len2) {
    scratch.indexes = new Int32Array(len2 * 2);
    scratch.found = new Uint8Array(len2 * 2);
    scratch.lastpos = new Int32Array(len2 * 2);
  }
  const { indexes: trg2indexes, found, lastpos } = scratch;
  let distinct = 0;
  const ulen1 = querySize;
  let ulen2 = 0;
  let count = 0;
  let lower = -1;
  let smlrMax = 0;
  for (let i = 0; i < len2; i++) {
    // Trigram i as an index of the text's distinct trigrams, worked out when the walk reaches it (the
    // walk only looks back), so `<%` stops at its first good extent without reading the rest.
    const t = text[i]!;
    let trgindex: number;
    if (scratch.seen[t] === stamp) trgindex = scratch.slot[t]!;
    else {
      trgindex = distinct++;
      scratch.seen[t] = stamp;
      scratch.slot[t] = trgindex;
      found[trgindex] = t < inQuery.length ? inQuery[t]! : 0;
      lastpos[trgindex] = -1;
    }
    trg2indexes[i] = trgindex;
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
    let smlrCur = sml(count, ulen1, ulen2);
    let tmpCount = count;
    let tmpUlen2 = ulen2;
    const prevLower = lower;
    for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
      const smlrTmp = sml(tmpCount, ulen1, tmpUlen2);
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

interface Scratch { stamp: number; seen: Int32Array; slot: Int32Array; indexes: Int32Array; found: Uint8Array; lastpos: Int32Array }
let shared: Scratch = { stamp: 0, seen: new Int32Array(0), slot: new Int32Array(0), indexes: new Int32Array(64), found: new Uint8Array(64), lastpos: new Int32Array(64) };

function scratchFor(ids: number): Scratch {
  if (shared.seen.length < ids) shared = { ...shared, stamp: 0, seen: new Int32Array(ids * 2), slot: new Int32Array(ids * 2) };
  // Stamps are stored in an Int32Array: start again before they would overflow (hundreds of calls a search).
  if (shared.stamp >= 0x3fffffff) {
    shared.seen.fill(0);
    shared.stamp = 0;
  }
  return shared;
}

/** How many of the query's distinct trigrams (a membership mask over ids) the text has. */
export function sharedTrigrams(inQuery: Uint8Array, text: Int32Array): number {
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
  return hits;
}

/**
 * An upper bound of word_similarity: the query's distinct trigrams the text has, over the query's
 * (the ratio counts shared / (query + extent − shared) and the extent holds at least the shared ones).
 */
export function wordSimilarityBound(querySize: number, inQuery: Uint8Array, text: Int32Array): number {
  if (querySize === 0) return 0;
  return Math.min(1, sharedTrigrams(inQuery, text) / querySize) + 1e-6; // + float4 rounding of the exact ratio
}
