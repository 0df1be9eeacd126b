/**
 * PostgreSQL full-text pieces the in-process search index needs, computed in JS on what PostgreSQL
 * produced: the text form of a tsvector (`search_words::text`) and of a tsquery
 * (`to_tsquery(...)::text`), matching (`@@`) and `ts_rank(vector, query, 1)`.
 *
 * The linguistic analysis (parsers, the finnish/swedish snowball stemmers, stopwords) stays in
 * PostgreSQL; only the arithmetic on its output is done here. ts_rank follows src/backend/utils/adt/
 * tsrank.c (calc_rank_or / calc_rank_and, normalisation 1) step by step, in single precision where
 * the C code uses `float`, so scores — and the order of near-ties — are those of the SQL search.
 */

/** Weight of D, C, B, A (tsrank.c's default weights), as float4. */
const WEIGHTS = [0.1, 0.2, 0.4, 1.0].map(Math.fround);
const f = Math.fround;

/** Positions of one lexeme in one document: position << 2 | weight (0 = D … 3 = A), as PostgreSQL's WordEntryPos. */
export type Positions = Uint16Array;

/** A parsed tsvector: lexemes in PostgreSQL's order (bytes, shorter first); lexeme i's positions are pos[offs[i], offs[i+1]). */
export interface ParsedVector {
  lexemes: string[];
  offs: Int32Array;
  pos: Uint16Array;
  /** cnt_length: the number of positions (1 for a lexeme without any), for normalisation 1. */
  length: number;
}

const WEIGHT_OF: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/**
 * The text of a quoted lexeme or operand as PostgreSQL writes it (`''` for a quote, a backslash before
 * an escaped character), read from just after its opening quote; returns it and the index after the
 * closing quote.
 */
function readQuoted(text: string, from: number, unterminated: string): [string, number] {
  let word = '';
  let i = from;
  for (;;) {
    const c = text[i++];
    if (c === undefined) throw new Error(unterminated);
    if (c === '\\') word += text[i++];
    else if (c === "'") {
      if (text[i] === "'") { word += "'"; i++; } else break;
    } else word += c;
  }
  return [word, i];
}

/** Parses `tsvector::text` ('lexeme':1A,2 'it''s':3) into flat arrays (one allocation per vector, not per lexeme). */
export function parseTsVector(text: string): ParsedVector {
  const lexemes: string[] = [];
  const offs: number[] = [0];
  const pos: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    if (text[i] !== "'") throw new Error(`tsvector text: expected a quote at ${i}`);
    i++;
    const end = text.indexOf("'", i);
    let word: string;
    if (end < 0) throw new Error('tsvector text: unterminated lexeme');
    if (text[end + 1] !== "'" && text.lastIndexOf('\\', end) < i) {
      word = text.slice(i, end);
      i = end + 1;
    } else {
      // Escaped quote or backslash: character by character.
      [word, i] = readQuoted(text, i, 'tsvector text: unterminated lexeme');
    }
    const first = pos.length;
    if (text[i] === ':') {
      i++;
      for (;;) {
        let p = 0;
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) p = p * 10 + text.charCodeAt(i++) - 48;
        const w = WEIGHT_OF[text[i] ?? ''];
        if (w !== undefined) i++;
        pos.push((p << 2) | (w ?? 0));
        if (text[i] === ',') i++;
        else break;
      }
    }
    // tsrank.c's POSNULL for a lexeme without positions: the last position, weight D.
    if (pos.length === first) pos.push(((1 << 14) - 1) << 2);
    lexemes.push(word);
    offs.push(pos.length);
  }
  return { lexemes, offs: Int32Array.from(offs), pos: Uint16Array.from(pos), length: pos.length };
}

/** A tsquery as a tree. Only what the search produces: operands (optionally prefix), AND, OR. */
export type QueryNode =
  | { op: 'word'; word: string; prefix: boolean }
  | { op: '&' | '|'; args: QueryNode[] };

/**
 * Parses `tsquery::text`. Returns null for what the index does not evaluate (NOT, phrase
 * operators, weight restrictions): such a query is answered by the SQL search.
 */
export function parseTsQuery(text: string): QueryNode | null | 'empty' {
  const s = text.trim();
  if (s === '') return 'empty';
  let i = 0;
  const ws = () => { while (s[i] === ' ') i++; };
  let unsupported = false;
  const operand = (): QueryNode => {
    ws();
    if (s[i] === '(') {
      i++;
      const node = orExpr();
      ws();
      if (s[i] !== ')') throw new Error('tsquery text: expected )');
      i++;
      return node;
    }
    if (s[i] === '!') { unsupported = true; i++; return operand(); }
    if (s[i] !== "'") throw new Error(`tsquery text: unexpected ${s[i]}`);
    let word: string;
    [word, i] = readQuoted(s, i + 1, 'tsquery text: unterminated operand');
    let prefix = false;
    if (s[i] === ':') {
      i++;
      while (i < s.length && /[*A-D]/.test(s[i]!)) {
        if (s[i] === '*') prefix = true;
        else unsupported = true;
        i++;
      }
    }
    return { op: 'word', word, prefix };
  };
  const andExpr = (): QueryNode => {
    const args = [operand()];
    for (;;) {
      ws();
      if (s[i] === '&') { i++; args.push(operand()); continue; }
      if (s[i] === '<') { unsupported = true; i = s.indexOf('>', i) + 1; args.push(operand()); continue; }
      break;
    }
    return args.length === 1 ? args[0]! : { op: '&', args };
  };
  const orExpr = (): QueryNode => {
    const args = [andExpr()];
    for (;;) {
      ws();
      if (s[i] === '|') { i++; args.push(andExpr()); continue; }
      break;
    }
    return args.length === 1 ? args[0]! : { op: '|', args };
  };
  const tree = orExpr();
  ws();
  if (i !== s.length || unsupported) return null;
  return tree;
}

/** The distinct operands of a query in PostgreSQL's order (SortAndUniqItems: by bytes, shorter first). */
export function queryItems(q: QueryNode): { word: string; prefix: boolean }[] {
  const out = new Map<string, { word: string; prefix: boolean }>();
  const walk = (n: QueryNode) => {
    if (n.op === 'word') { if (!out.has(n.word)) out.set(n.word, n); } else n.args.forEach(walk);
  };
  walk(q);
  return [...out.values()].sort((a, b) => compareLexemes(a.word, b.word));
}

/** tsCompareString without prefix: code-point order, a prefix sorts first (JS order on BMP text). */
export function compareLexemes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `doc` satisfies `q`, given which operands (by index in `items`) the document contains. */
export function evaluate(q: QueryNode, has: (word: string) => boolean): boolean {
  if (q.op === 'word') return has(q.word);
  return q.op === '&' ? q.args.every((a) => evaluate(a, has)) : q.args.some((a) => evaluate(a, has));
}

/** tsrank.c word_distance (float4). */
function wordDistance(w: number): number {
  if (w > 100) return 1e-30;
  return f(1.0 / (1.005 + 0.05 * Math.exp(f(w) / 1.5 - 2)));
}

const weightOf = (wep: number) => WEIGHTS[wep & 3]!;
const posOf = (wep: number) => wep >> 2;

/** One entry's term of calc_rank_or before the division (positions pos[from, to)), a float4. */
export function orEntryTerm(pos: Uint16Array, from: number, to: number): number {
  let resj = 0;
  let wjm = -1;
  let jm = 0;
  for (let j = 0; j < to - from; j++) {
    const w = weightOf(pos[from + j]!);
    resj = f(resj + f(w / ((j + 1) * (j + 1))));
    if (w > wjm) { wjm = w; jm = j; }
  }
  return f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1))));
}

/** `res` plus one entry's term: the divisor is a double constant in C, so the sum is computed in double and stored as float. */
export function addOrTerm(res: number, term: number): number {
  return f(res + term / 1.64493406685);
}

/** Normalisation 1: ÷ log2(1 + the document's length). */
export function normalise(res: number, length: number): number {
  if (length === 0) return 0;
  return f((res < 0 ? f(1e-20) : res) / (Math.log(length + 1) / Math.log(2.0)));
}

/**
 * calc_rank_and (tsrank.c) of one document, for a query of `size` ≥ 2 items. The document's matching
 * entries are `entries[from, to)`: each a posting whose positions are pos[posStart[e], posStart[e + 1]),
 * `items[j]` the query item (in queryItems order) of entries[j], item after item and each item's in
 * the document's lexeme order, as find_wordentry returns them. `last` is scratch of ≥ `size` slots.
 * Returns -1 when no two items' positions met: normalise() makes that tsrank.c's tiny rank.
 * ts_rank(vector, query, 1) is normalise(rankAnd(…), cnt_length).
 */
export function rankAnd(pos: Uint16Array, posStart: Int32Array, entries: Int32Array, items: Int32Array, from: number, to: number, last: Int32Array, size: number): number {
  // last[k] keeps the *last* matching entry of item k (tsrank.c overwrites it in its loop).
  last.fill(-1, 0, size);
  let res = -1;
  for (let j = from; j < to; j++) {
    const i = items[j]!;
    const e = entries[j]!;
    last[i] = e;
    const a0 = posStart[e]!;
    const a1 = posStart[e + 1]!;
    for (let k = 0; k < i; k++) {
      const c = last[k]!;
      if (c < 0) continue;
      const b0 = posStart[c]!;
      const b1 = posStart[c + 1]!;
      for (let l = a0; l < a1; l++) {
        for (let p = b0; p < b1; p++) {
          const dist = Math.abs(posOf(pos[l]!) - posOf(pos[p]!));
          if (dist === 0) continue; // every lexeme of a generated vector has positions: a zero distance is skipped
          const curw = f(Math.sqrt(f(f(weightOf(pos[l]!) * weightOf(pos[p]!)) * wordDistance(dist))));
          res = res < 0 ? curw : f(1.0 - (1.0 - res) * (1.0 - curw));
        }
      }
    }
  }
  return res;
}
