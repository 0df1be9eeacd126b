/**
 * Building the in-process catalogue index (ADR 0930): documents parsed from PostgreSQL's tsvectors,
 * postings per text configuration, trigram lists, facet codes and tie order. Searching a snapshot is
 * catalog.search-index.ts; reading the rows and keeping snapshots per generation is
 * catalog.search-index.store.ts.
 */
import { parseTsVector, orEntryTerm, compareLexemes } from './catalog.text-rank.js';
import { trigramsInOrder, type TrigramRules } from './catalog.trigram.js';
import type { SearchOutcome } from './catalog.search.js';
/** One active service as the index reads it (catalog.search-index.store.ts). */
export interface IndexRow {
  id: string;
  xmin: string;
  name_fi: string;
  name_lower: string;
  name_keywords: string;
  words: string;
  fi: string;
  sv: string;
  segments: string[];
  client_groups: string[];
  channels: string[];
  access_route: string | null;
  organization_id: string | null;
  provider_sector: string | null;
  low_threshold: boolean;
  age_min: number | null;
  age_max: number | null;
  area_national: boolean;
  area_county_codes: string[];
  area_municipality_codes: string[];
  // The rest of a search list item (catalog.service.ts toListItem): a search answered by the index
  // needs no statement for its page (catalog.service.ts searchBody).
  provider_name: string | null;
  ptv_id: string | null;
  name_sv: string | null;
  name_en: string | null;
  summary_fi: string;
  summary_sv: string | null;
  summary_en: string | null;
}

export const CONFIGS = 3; // 0 simple words, 1 finnish, 2 swedish

/**
 * A document's three tsvectors packed into two typed arrays (a typed array costs ~100 bytes of its
 * own, and there are 52k documents): `lex` holds, per configuration c, its lexeme ids from
 * lexStart[c] and then their position offsets (n + 1 of them, into `pos`).
 */
interface DocVectors {
  lex: Int32Array;
  pos: Uint16Array;
  /** Per configuration: where its lexeme ids start in `lex`, how many, and cnt_length. */
  meta: Int32Array;
}

export interface IndexedDoc {
  row: Omit<IndexRow, 'words' | 'fi' | 'sv' | 'name_keywords' | 'name_lower'>;
  vectors: DocVectors;
  /** Distinct trigram ids of lower(name_fi), for similarity(). */
  nameTrigrams: Int32Array;
  /** Trigram ids of name + keywords in order, for word_similarity(). */
  nkTrigrams: Int32Array;
}

export const lexCount = (v: DocVectors, c: number) => v.meta[c * 3 + 1]!;
export const cntLength = (v: DocVectors, c: number) => v.meta[c * 3 + 2]!;

/** Lexeme and trigram dictionaries of one database, shared by its documents. */
export class Dictionaries {
  readonly lexemes: Map<string, number>[] = Array.from({ length: CONFIGS }, () => new Map());
  readonly lexemeText: string[][] = Array.from({ length: CONFIGS }, () => []);
  readonly trigrams = new Map<string, number>();
  constructor(readonly rules: TrigramRules) {}

  lexemeId(config: number, word: string): number {
    const map = this.lexemes[config]!;
    let id = map.get(word);
    if (id === undefined) {
      id = this.lexemeText[config]!.length;
      map.set(word, id);
      this.lexemeText[config]!.push(word);
    }
    return id;
  }

  trigramId(t: string): number {
    let id = this.trigrams.get(t);
    if (id === undefined) {
      id = this.trigrams.size;
      this.trigrams.set(t, id);
    }
    return id;
  }

  /** A query's trigrams: known ones by id, unknown ones as distinct negative numbers (they match nothing). */
  queryTrigrams(text: string): Set<number> {
    const out = new Set<number>();
    let unknown = -1;
    for (const t of new Set(trigramsInOrder(text, this.rules))) out.add(this.trigrams.get(t) ?? unknown--);
    return out;
  }

  /** The same as a membership mask over trigram ids, for wordSimilarityOfIds. */
  queryMask(trigrams: Set<number>): Uint8Array {
    const mask = new Uint8Array(this.trigrams.size);
    for (const t of trigrams) if (t >= 0) mask[t] = 1;
    return mask;
  }
}

export function parseDoc(dict: Dictionaries, r: IndexRow): IndexedDoc {
  const parsed = [r.words, r.fi, r.sv].map(parseTsVector);
  const lexTotal = parsed.reduce((n, v) => n + 2 * v.lexemes.length + 1, 0);
  const lex = new Int32Array(lexTotal);
  const pos = new Uint16Array(parsed.reduce((n, v) => n + v.pos.length, 0));
  const meta = new Int32Array(9);
  let at = 0;
  let posAt = 0;
  parsed.forEach((v, c) => {
    meta[c * 3] = at;
    meta[c * 3 + 1] = v.lexemes.length;
    meta[c * 3 + 2] = v.length;
    for (const w of v.lexemes) lex[at++] = dict.lexemeId(c, w);
    for (const o of v.offs) lex[at++] = posAt + o;
    pos.set(v.pos, posAt);
    posAt += v.pos.length;
  });
  const { words: _w, fi: _f, sv: _s, name_keywords, name_lower, ...row } = r;
  return {
    row,
    vectors: { lex, pos, meta },
    nameTrigrams: Int32Array.from(new Set(trigramsInOrder(name_lower, dict.rules).map((t) => dict.trigramId(t)))),
    nkTrigrams: Int32Array.from(trigramsInOrder(name_keywords, dict.rules), (t) => dict.trigramId(t)),
  };
}

/** Postings of one configuration: lexeme id → [start, end) of docs; each doc entry → its positions. */
export interface Postings {
  start: Int32Array;
  doc: Int32Array;
  posStart: Int32Array;
  pos: Uint16Array;
  /** calc_rank_or's term of each entry (it depends on the entry's positions only), computed once here. */
  orTerm: Float32Array;
  /** Lexemes present in this snapshot, sorted as PostgreSQL orders them, with their ids (prefix ranges). */
  sorted: string[];
  sortedIds: Int32Array;
}

function buildPostings(docs: IndexedDoc[], config: number, dict: Dictionaries): Postings {
  const nLex = dict.lexemeText[config]!.length;
  // Entries and positions per lexeme, then both laid out in lexeme order, each lexeme's in document
  // order: an entry's positions end where the next entry's begin (posStart has entries + 1 slots).
  const entryCount = new Int32Array(nLex);
  const posCount = new Int32Array(nLex);
  for (const d of docs) {
    const { lex, meta } = d.vectors;
    const [from, n] = [meta[config * 3]!, meta[config * 3 + 1]!];
    for (let k = 0; k < n; k++) {
      entryCount[lex[from + k]!]!++;
      posCount[lex[from + k]!]! += lex[from + n + k + 1]! - lex[from + n + k]!;
    }
  }
  const start = new Int32Array(nLex + 1);
  const posBase = new Int32Array(nLex + 1);
  for (let i = 0; i < nLex; i++) {
    start[i + 1] = start[i]! + entryCount[i]!;
    posBase[i + 1] = posBase[i]! + posCount[i]!;
  }
  const entries = start[nLex]!;
  const entryFill = start.slice(0, nLex);
  const posFill = posBase.slice(0, nLex);
  const doc = new Int32Array(entries);
  const posStart = new Int32Array(entries + 1);
  posStart[entries] = posBase[nLex]!;
  const pos = new Uint16Array(posBase[nLex]!);
  for (let di = 0; di < docs.length; di++) {
    const { lex, meta, pos: docPos } = docs[di]!.vectors;
    const [from, n] = [meta[config * 3]!, meta[config * 3 + 1]!];
    for (let k = 0; k < n; k++) {
      const id = lex[from + k]!;
      const [p0, p1] = [lex[from + n + k]!, lex[from + n + k + 1]!];
      const slot = entryFill[id]!++;
      doc[slot] = di;
      posStart[slot] = posFill[id]!;
      for (let j = p0; j < p1; j++) pos[posFill[id]!++] = docPos[j]!;
    }
  }
  const orTerms = new Float32Array(entries);
  for (let e = 0; e < entries; e++) orTerms[e] = orEntryTerm(pos, posStart[e]!, posStart[e + 1]!);
  const present: number[] = [];
  for (let id = 0; id < nLex; id++) if (start[id + 1]! > start[id]!) present.push(id);
  const text = dict.lexemeText[config]!;
  present.sort((a, b) => compareLexemes(text[a]!, text[b]!));
  return { start, doc, posStart, pos, orTerm: orTerms, sorted: present.map((id) => text[id]!), sortedIds: Int32Array.from(present) };
}

/** Lets other work (requests) run between the phases of a build. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The catalogue at one generation, ready to search. */
export interface Snapshot {
  gen: string;
  docs: IndexedDoc[];
  postings: Postings[];
  /** Trigram id → documents whose name + keywords contain it (the trigram fallback's candidates). */
  trigramDocs: Map<number, Int32Array>;
  sector: (string | null)[];
  orgName: (string | null)[];
  countyOfMunicipality: Map<string, string>;
  dict: Dictionaries;
  facetCodes: FacetCodes;
  logLength: Float64Array[];
  /** Each document's place in (name_fi, id) order, the SQL search's tie-break (C collation: code-point order). */
  tieRank: Int32Array;
  /** Distinct trigrams of each document's lower(name_fi), in one array: the rerank's first bound reads 500 of them. */
  nameTrigramCount: Int32Array;
}

export async function buildSnapshot(
  gen: string,
  docs: IndexedDoc[],
  dict: Dictionaries,
  organizations: Map<string, { name: string; sector: string | null }>,
  countyOfMunicipality: Map<string, string>,
): Promise<Snapshot> {
  const postings: Postings[] = [];
  for (let c = 0; c < CONFIGS; c++) {
    postings.push(buildPostings(docs, c, dict));
    await yieldToLoop();
  }
  const lists = new Map<number, number[]>();
  docs.forEach((d, di) => {
    for (const t of new Set(d.nkTrigrams)) {
      let l = lists.get(t);
      if (!l) lists.set(t, (l = []));
      l.push(di);
    }
  });
  const trigramDocs = new Map<number, Int32Array>();
  for (const [t, l] of lists) trigramDocs.set(t, Int32Array.from(l));
  await yieldToLoop();
  const org = docs.map((d) => (d.row.organization_id ? organizations.get(d.row.organization_id) : undefined));
  const sector = docs.map((d, i) => org[i]?.sector ?? d.row.provider_sector);
  const orgName = org.map((o) => o?.name ?? null);
  const tieRank = new Int32Array(docs.length);
  Array.from(docs.keys())
    .sort((a, b) => compareLexemes(docs[a]!.row.name_fi, docs[b]!.row.name_fi) || compareLexemes(docs[a]!.row.id, docs[b]!.row.id))
    .forEach((d, place) => { tieRank[d] = place; });
  // log2(1 + length) of every document per configuration: normalisation 1's divisor.
  const logLength = postings.map((_, c) => Float64Array.from(docs, (d) => (lexCount(d.vectors, c) === 0 ? 0 : Math.log(cntLength(d.vectors, c) + 1) / Math.log(2.0))));
  const nameTrigramCount = Int32Array.from(docs, (d) => d.nameTrigrams.length);
  return { gen, docs, postings, trigramDocs, sector, orgName, countyOfMunicipality, dict, facetCodes: facetCodes(docs, sector, orgName), tieRank, logLength, nameTrigramCount };
}

export type FacetKind = keyof SearchOutcome['facets'];

/** Every (facet, value) of the snapshot as a number, and each document's numbers (CSR), so counting is array increments. */
export interface FacetCodes {
  values: { kind: FacetKind; value: string; label: string | null }[];
  start: Int32Array;
  code: Int32Array;
  /** Each value's count over the whole catalogue (the search counts a match set of most of it by its complement). */
  all: Int32Array;
}

function facetCodes(docs: IndexedDoc[], sector: (string | null)[], orgName: (string | null)[]): FacetCodes {
  const values: FacetCodes['values'] = [];
  const known = new Map<string, number>();
  const codeOf = (kind: FacetKind, value: string, label: string | null = null) => {
    const key = `${kind}\u0000${value}`;
    let c = known.get(key);
    if (c === undefined) {
      c = values.length;
      known.set(key, c);
      values.push({ kind, value, label });
    }
    return c;
  };
  const start = new Int32Array(docs.length + 1);
  const codes: number[] = [];
  docs.forEach((d, i) => {
    const r = d.row;
    for (const v of r.segments) codes.push(codeOf('segment', v));
    for (const v of r.client_groups) codes.push(codeOf('clientGroup', v));
    for (const v of r.channels) codes.push(codeOf('channel', v));
    if (r.access_route !== null) codes.push(codeOf('access', r.access_route));
    if (sector[i] !== null) codes.push(codeOf('sector', sector[i]!));
    if (r.organization_id !== null) codes.push(codeOf('organization', r.organization_id, orgName[i]!));
    start[i + 1] = codes.length;
  });
  const all = new Int32Array(values.length);
  for (const c of codes) all[c]!++;
  return { values, start, code: Int32Array.from(codes), all };
}

