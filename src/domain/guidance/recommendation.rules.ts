/**
 * Service recommendations: hard filters (age, area, client group) and an explained score.
 *
 * Works on curated seed services (keywords, segments) and on imported PTV services that have only
 * name, summary, description and area: needs are found in any of those texts through the Finnish
 * stemmer and need vocabulary, and free words of the need text are matched with an inverse document
 * frequency over the candidate set, so nothing here is tuned to known data.
 */
import { SEGMENTS, type AccessRoute, type Channel, type ClientGroup, type Sector, type Segment } from '../catalog/catalog.types.js';
import { GENERIC_WORDS, STOPWORDS, baseRoot, tokenize, wordAndPartRoots, wordRoots as wordRootsOf } from './finnish-text.js';
import { DEFAULT_LIFE_AREAS, LOW_AREA_THRESHOLD, lowLifeAreas, type LifeArea, type LifeSituation } from './life-areas.js';
import { NEED_BY_TAG, getDefaultNeedMatcher, segmentCues, type NeedMatcher, type NeedTag } from './needs-vocabulary.js';
import { PROFILE_CARDS, ownServiceNames } from './profile-cards.js';
import type { GuidanceLevel } from './segmentation.rules.js';

export interface ServiceArea {
  national: boolean;
  municipalityCodes: readonly string[];
  countyCodes: readonly string[];
}

export interface CandidateService {
  id: string;
  name: string;
  summary?: string | null;
  description?: string | null;
  keywords?: readonly string[];
  segments?: readonly Segment[];
  clientGroups?: readonly ClientGroup[];
  ageMin?: number | null;
  ageMax?: number | null;
  area: ServiceArea;
  lowThreshold?: boolean;
  accessRoute?: AccessRoute | null;
  channels?: readonly Channel[];
  provider?: { name: string; sector: Sector } | null;
  ptvId?: string | null;
  /**
   * Identity of the analysed texts (e.g. id + version + updated_at). When set, the analysis of
   * name, keywords, summary and description is kept across calls under this key, so a service is
   * tokenised once per version instead of once per request. Change it whenever those texts change.
   */
  textKey?: string;
}

export interface PersonForRecommendation {
  age?: number | null;
  clientGroup?: ClientGroup | readonly ClientGroup[] | null;
  municipalityCode?: string | null;
  /** Wellbeing services county; else derived with `opts.municipalityToCounty`. */
  countyCode?: string | null;
  needsText?: string | null;
  /** 0–10 per life-area key. */
  lifeSituation?: LifeSituation | null;
  segment?: Segment | null;
  level?: GuidanceLevel | null;
}

export interface RankOptions {
  lifeAreas?: readonly LifeArea[];
  municipalityToCounty?: (municipalityCode: string) => string | null | undefined;
  /** 'strict' (default): a service with client groups is hidden from people outside them. */
  clientGroupFilter?: 'strict' | 'soft';
  /** Drop services that answer none of the person's needs (when needs are known). */
  requireNeedMatch?: boolean;
  limit?: number;
  needMatcher?: NeedMatcher;
}

export interface RankedService<S extends CandidateService = CandidateService> {
  service: S;
  id: string;
  score: number;
  /** Plain Finnish, readable aloud, strongest first. */
  reasons: string[];
  /** Things to check before suggesting the service. */
  cautions: string[];
  matchedNeeds: NeedTag[];
}

export interface Exclusion {
  id: string;
  reasons: string[];
}

export const CLIENT_GROUP_LABELS: Readonly<Record<ClientGroup, string>> = {
  'children-youth-families': 'lapset, nuoret ja perheet',
  'working-age': 'työikäiset',
  'older-people': 'ikääntyneet',
  disability: 'vammaiset henkilöt',
};

/* ------------------------------------------------------------- hard filters */

type AreaFit = 'municipality' | 'county' | 'national' | 'unknown-person' | 'outside';

function personCounty(person: PersonForRecommendation, opts: RankOptions): string | null {
  if (person.countyCode) return person.countyCode;
  if (person.municipalityCode && opts.municipalityToCounty) return opts.municipalityToCounty(person.municipalityCode) ?? null;
  return null;
}

function areaFit(person: PersonForRecommendation, area: ServiceArea, opts: RankOptions): AreaFit {
  const county = personCounty(person, opts);
  if (!person.municipalityCode && !county) return 'unknown-person';
  if (person.municipalityCode && area.municipalityCodes.includes(person.municipalityCode)) return 'municipality';
  if (county && area.countyCodes.includes(county)) return 'county';
  if (area.national) return 'national';
  return 'outside';
}

function personGroups(person: PersonForRecommendation): readonly ClientGroup[] {
  const g = person.clientGroup;
  if (g == null) return [];
  return typeof g === 'string' ? [g] : g;
}

/** Why a service is not available to the person (empty = available). Age and area are never relaxed. */
export function exclusionReasons(person: PersonForRecommendation, s: CandidateService, opts: RankOptions = {}): string[] {
  const out: string[] = [];
  const age = person.age;
  if (age != null) {
    if (s.ageMin != null && age < s.ageMin) out.push(`ikä ${age} on alle palvelun alaikärajan ${s.ageMin}`);
    if (s.ageMax != null && age > s.ageMax) out.push(`ikä ${age} on yli palvelun yläikärajan ${s.ageMax}`);
  }
  if (areaFit(person, s.area, opts) === 'outside') out.push('palvelu ei ole saatavilla asuinalueella');
  const groups = personGroups(person);
  const serviceGroups = s.clientGroups ?? [];
  if ((opts.clientGroupFilter ?? 'strict') === 'strict' && groups.length > 0 && serviceGroups.length > 0) {
    if (!serviceGroups.some((g) => groups.includes(g))) {
      out.push(`palvelun kohderyhmä on ${serviceGroups.map((g) => CLIENT_GROUP_LABELS[g]).join(', ')}`);
    }
  }
  return out;
}

/** Split candidates into available ones and exclusions with reasons. */
export function filterServices<S extends CandidateService>(
  person: PersonForRecommendation,
  candidates: readonly S[],
  opts: RankOptions = {},
): { eligible: S[]; excluded: Exclusion[] } {
  const eligible: S[] = [];
  const excluded: Exclusion[] = [];
  for (const s of candidates) {
    const reasons = exclusionReasons(person, s, opts);
    if (reasons.length === 0) eligible.push(s);
    else excluded.push({ id: s.id, reasons });
  }
  return { eligible, excluded };
}

/* --------------------------------------------------------- service analysis */

type Field = 'name' | 'keywords' | 'summary' | 'description';
const FIELD_WEIGHT: Record<Field, number> = { name: 1, keywords: 1, summary: 0.8, description: 0.5 };

interface ServiceAnalysis {
  /** Best field weight per need tag found in the service's texts. */
  needs: Map<NeedTag, number>;
  /** Best field weight per content-word root. */
  roots: Map<string, number>;
  /** Segments inferred from the 004 lists or cue words, when the service has none of its own. */
  inferredSegments: Segment[];
  inferredFrom: 'card-list' | 'cue-words' | null;
}

const analysisCache = new WeakMap<CandidateService, WeakMap<NeedMatcher, ServiceAnalysis>>();
/** Analyses by `textKey` (default matcher only), oldest dropped first beyond the bound. */
const keyedAnalyses = new Map<string, ServiceAnalysis>();
export const KEYED_ANALYSIS_LIMIT = 20_000;

function fieldsOf(s: CandidateService): [Field, string][] {
  return [
    ['name', s.name],
    ['keywords', (s.keywords ?? []).join('. ')],
    ['summary', s.summary ?? ''],
    ['description', s.description ?? ''],
  ];
}

const cardNameRoots = new Map<Segment, string[][]>();
function rootsOfName(name: string): string[] {
  return tokenize(name)
    .filter((t) => !STOPWORDS.has(t) && t.length > 2)
    .map(baseRoot)
    .sort();
}

/** Segments whose 004 list names this service (all content words of a listed name appear in the service name). */
function segmentsFromCardLists(name: string): Segment[] {
  const own = new Set(rootsOfName(name));
  const out: Segment[] = [];
  for (const seg of SEGMENTS) {
    let lists = cardNameRoots.get(seg);
    if (!lists) {
      lists = ownServiceNames(seg).map(rootsOfName).filter((r) => r.length > 0);
      cardNameRoots.set(seg, lists);
    }
    if (lists.some((l) => l.every((r) => own.has(r)) && l.length >= Math.min(2, own.size))) out.push(seg);
  }
  return out.length === SEGMENTS.length ? [] : out; // listed everywhere (neuvonta ja ohjaus) says nothing
}

function inferSegments(s: CandidateService): Pick<ServiceAnalysis, 'inferredSegments' | 'inferredFrom'> {
  if ((s.segments ?? []).length > 0) return { inferredSegments: [], inferredFrom: null };
  const fromLists = segmentsFromCardLists(s.name);
  if (fromLists.length > 0) return { inferredSegments: fromLists, inferredFrom: 'card-list' };
  const cues = segmentCues(`${s.name}. ${s.summary ?? ''}. ${s.description ?? ''}`);
  const max = Math.max(...Object.values(cues));
  if (max === 0) return { inferredSegments: [], inferredFrom: null };
  return { inferredSegments: SEGMENTS.filter((seg) => cues[seg] === max), inferredFrom: 'cue-words' };
}

function analyse(s: CandidateService, matcher: NeedMatcher): ServiceAnalysis {
  const keyed = s.textKey !== undefined && matcher === getDefaultNeedMatcher();
  if (keyed) {
    const hit = keyedAnalyses.get(s.textKey!);
    if (hit) return hit;
  }
  let perMatcher = analysisCache.get(s);
  const hit = perMatcher?.get(matcher);
  if (hit) return hit;
  const needs = new Map<NeedTag, number>();
  const roots = new Map<string, number>();
  for (const [field, text] of fieldsOf(s)) {
    if (!text) continue;
    const w = FIELD_WEIGHT[field];
    for (const h of matcher.detect(text)) needs.set(h.tag, Math.max(needs.get(h.tag) ?? 0, w));
    for (const token of tokenize(text)) {
      if (STOPWORDS.has(token) || token.length < 3) continue;
      for (const r of wordAndPartRoots(token, matcher.lexicon)) roots.set(r, Math.max(roots.get(r) ?? 0, w));
    }
  }
  const analysis: ServiceAnalysis = { needs, roots, ...inferSegments(s) };
  noteRoots(roots.keys());
  if (keyed) {
    if (keyedAnalyses.size >= KEYED_ANALYSIS_LIMIT) keyedAnalyses.delete(keyedAnalyses.keys().next().value!);
    keyedAnalyses.set(s.textKey!, analysis);
    return analysis;
  }
  if (!perMatcher) {
    perMatcher = new WeakMap();
    analysisCache.set(s, perMatcher);
  }
  perMatcher.set(matcher, analysis);
  return analysis;
}

/**
 * Analyses every service that has a `textKey` and is not analysed yet (default matcher), so later
 * rankings of any subset find their analyses ready. Returns how many were analysed now. Callers
 * keep the set within `KEYED_ANALYSIS_LIMIT`, or the oldest analyses are dropped again.
 */
export function primeAnalyses(candidates: readonly CandidateService[]): number {
  const matcher = getDefaultNeedMatcher();
  let n = 0;
  for (const s of candidates) {
    if (s.textKey === undefined || keyedAnalyses.has(s.textKey)) continue;
    analyse(s, matcher);
    n += 1;
  }
  return n;
}

/* ------------------------------------------------------------ person needs */

interface PersonNeeds {
  textNeeds: NeedTag[];
  /** Low life areas with their weight 1–2 (lower score, more weight). */
  lowAreas: { area: LifeArea; score: number; weight: number }[];
  /** Free words of the need text: root → surface form. */
  words: Map<string, string>;
}

interface PersonWord {
  match: RootMatch;
  surface: string;
}

const GENERIC_ROOTS = new Set([...GENERIC_WORDS].map(baseRoot));

function personNeeds(person: PersonForRecommendation, opts: RankOptions, matcher: NeedMatcher): PersonNeeds {
  const text = person.needsText ?? '';
  const textNeeds = text ? matcher.detect(text).map((h) => h.tag) : [];
  const lowAreas = lowLifeAreas(person.lifeSituation ?? {}, opts.lifeAreas ?? DEFAULT_LIFE_AREAS).map((a) => ({
    ...a,
    weight: 1 + (LOW_AREA_THRESHOLD - a.score) / LOW_AREA_THRESHOLD,
  }));
  const words = new Map<string, string>();
  for (const token of tokenize(text)) {
    if (STOPWORDS.has(token) || token.length < 3) continue;
    const roots = wordAndPartRoots(token, matcher.lexicon);
    if (wordRootsOf(token).some((r) => GENERIC_ROOTS.has(r))) continue; // "palveluita", "apua"
    for (const r of roots) if (r.length >= 3 && !GENERIC_ROOTS.has(r) && !words.has(r)) words.set(r, token);
  }
  return { textNeeds, lowAreas, words };
}

/**
 * Every root of every analysed service, for finding the longer roots a person's root can match.
 * Grows with the analyses (distinct Finnish roots, tens of thousands at most); sorted on demand.
 */
const rootVocabulary = new Set<string>();
let sortedVocabulary: string[] | null = null;

function noteRoots(roots: Iterable<string>): void {
  for (const r of roots) {
    if (!rootVocabulary.has(r)) {
      rootVocabulary.add(r);
      sortedVocabulary = null;
    }
  }
}

/** The service roots a person's root matches: itself, else its prefixes and longer forms (see `bestRootWeight`). */
interface RootMatch {
  exact: string;
  others: string[];
}

/**
 * The roots `personRoot` matches besides itself: a root that is a prefix of the other (the
 * shorter at least 4 letters, at most 3 letters apart). Computed once per person root against
 * the vocabulary of all analysed services, so scoring a service is a few map lookups.
 */
function rootMatch(personRoot: string): RootMatch {
  const others: string[] = [];
  const n = personRoot.length;
  for (let k = Math.max(4, n - 3); k < n; k++) others.push(personRoot.slice(0, k));
  if (n >= 4) {
    sortedVocabulary ??= [...rootVocabulary].sort();
    const v = sortedVocabulary;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v[mid]! < personRoot) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < v.length && v[i]!.startsWith(personRoot); i++) {
      if (v[i]!.length > n && v[i]!.length - n <= 3) others.push(v[i]!);
    }
  }
  return { exact: personRoot, others };
}

/** Weight of a person's root in a service: the exact root if the service has it, else the best matching one. */
function bestRootWeight(roots: ReadonlyMap<string, number>, m: RootMatch): number {
  const exact = roots.get(m.exact);
  if (exact != null) return exact;
  let best = 0;
  for (const o of m.others) {
    const w = roots.get(o);
    if (w != null && w > best) best = w;
  }
  return best;
}

/* ------------------------------------------------------------------ scoring */

const W = {
  textNeed: 4,
  lowArea: 2.5,
  freeWord: 1.5,
  freeWordCap: 4,
  segmentOwn: 3,
  segmentAlso: 1,
  segmentOther: -1.5,
  inferredFactor: { 'card-list': 0.7, 'cue-words': 0.4 },
  clientGroup: 1,
  ageTargeted: 1,
  lowThresholdLight: 1.5,
  lowThresholdOther: 0.5,
  openAccess: 0.5,
  channel: 0.5,
  municipality: 1,
  county: 0.5,
  national: 0.25,
  irrelevantFactor: 0.3,
} as const;

const LIGHT_SEGMENTS: readonly Segment[] = ['omatoimi', 'yhteiso'];
/** An age range at most this wide means the service is built for that age group. */
const TARGETED_AGE_SPAN = 35;

interface Scored {
  relevance: number;
  fit: number;
  reasons: [number, string][];
  cautions: string[];
  matchedNeeds: Set<NeedTag>;
}

function scoreNeeds(a: ServiceAnalysis, p: PersonNeeds, words: readonly PersonWord[], idf: (m: RootMatch) => number, out: Scored): void {
  for (const tag of p.textNeeds) {
    const w = a.needs.get(tag);
    if (!w) continue;
    out.relevance += W.textNeed * w;
    out.matchedNeeds.add(tag);
    out.reasons.push([W.textNeed * w, `vastaa tarpeeseen: ${NEED_BY_TAG.get(tag)?.label.fi ?? tag}`]);
  }
  for (const { area, score, weight } of p.lowAreas) {
    const w = Math.max(0, ...area.needTags.map((t) => a.needs.get(t) ?? 0));
    if (!w) continue;
    area.needTags.filter((t) => a.needs.has(t)).forEach((t) => out.matchedNeeds.add(t));
    const pts = W.lowArea * weight * w;
    out.relevance += pts;
    out.reasons.push([pts, `vastaa heikoksi arvioituun elämänalueeseen: ${area.label.fi.toLowerCase()} (${String(score).replace('.', ',')}/10)`]);
  }
  let free = 0;
  const hitWords: string[] = [];
  for (const { match, surface } of words) {
    const w = bestRootWeight(a.roots, match);
    if (!w) continue;
    free += W.freeWord * w * idf(match);
    if (!hitWords.includes(surface)) hitWords.push(surface);
  }
  if (free > 0) {
    const pts = Math.min(W.freeWordCap, free);
    out.relevance += pts;
    out.reasons.push([pts, `hakusanat löytyvät palvelun tiedoista: ${hitWords.slice(0, 4).join(', ')}`]);
  }
}

function scoreSegment(s: CandidateService, a: ServiceAnalysis, segment: Segment, out: Scored): void {
  const own = s.segments ?? [];
  const inferred = own.length === 0 && a.inferredFrom !== null;
  const segs = own.length > 0 ? own : a.inferredSegments;
  if (segs.length === 0) return;
  const factor = inferred ? W.inferredFactor[a.inferredFrom!] : 1;
  const card = PROFILE_CARDS[segment];
  if (segs.includes(segment)) {
    out.fit += W.segmentOwn * factor;
    out.reasons.push([W.segmentOwn * factor, `sopii ${card.illative}`]);
  } else if (segs.some((x) => card.alsoUsesServicesOf.includes(x))) {
    out.fit += W.segmentAlso * factor;
    out.reasons.push([W.segmentAlso * factor, `sopii myös ${card.illative} (kevyemmän tuen palvelu)`]);
  } else if (!inferred) {
    out.fit += W.segmentOther;
    out.cautions.push(`tarkoitettu ensisijaisesti ${segs.map((x) => PROFILE_CARDS[x].illative).join(' tai ')}`);
  }
}

function scoreFit(person: PersonForRecommendation, s: CandidateService, a: ServiceAnalysis, opts: RankOptions, out: Scored): void {
  const add = (pts: number, reason: string) => {
    out.fit += pts;
    out.reasons.push([pts, reason]);
  };
  if (person.segment) scoreSegment(s, a, person.segment, out);
  const groups = personGroups(person);
  const shared = (s.clientGroups ?? []).filter((g) => groups.includes(g));
  if (shared.length > 0) add(W.clientGroup, `kohderyhmä: ${shared.map((g) => CLIENT_GROUP_LABELS[g]).join(', ')}`);
  else if (groups.length > 0 && (s.clientGroups ?? []).length > 0) out.cautions.push('kohderyhmä on toinen kuin asiakkaan');
  if (person.age != null && (s.ageMax ?? 100) - (s.ageMin ?? 0) <= TARGETED_AGE_SPAN) {
    const range = s.ageMax == null ? `${s.ageMin}+` : `${s.ageMin ?? 0}–${s.ageMax}`;
    add(W.ageTargeted, `tarkoitettu ikäryhmälle ${range} v.`);
  }
  const light = (person.segment != null && LIGHT_SEGMENTS.includes(person.segment)) || person.level === 'neuvonta-ja-ohjaus';
  if (s.lowThreshold) add(light ? W.lowThresholdLight : W.lowThresholdOther, 'matalan kynnyksen palvelu');
  if (s.accessRoute === 'open' && light) add(W.openAccess, 'ei tarvitse lähetettä eikä ajanvarausta');
  const ch = s.channels ?? [];
  if (person.segment === 'omatoimi' && (ch.includes('e-service') || ch.includes('chat'))) add(W.channel, 'asioinnin voi hoitaa verkossa');
  if ((person.segment === 'verkosto' || person.segment === 'yhteiso') && ch.includes('home-visit')) add(W.channel, 'palvelu tulee tarvittaessa kotiin');
  const fit = areaFit(person, s.area, opts);
  if (fit === 'municipality') add(W.municipality, 'saatavilla kotikunnassa');
  else if (fit === 'county') add(W.county, 'saatavilla omalla hyvinvointialueella');
  else if (fit === 'national') add(W.national, 'valtakunnallinen palvelu');
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Rank the services available to a person. Age, area and (strict) client group are hard filters;
 * the rest is an additive score explained by `reasons`. When the person has needs (text or low life
 * areas), services that answer none of them keep only 30 % of their fit score (or are dropped with
 * `requireNeedMatch`). Ordering: score, then name, then id — deterministic.
 */
export function rankServices<S extends CandidateService>(
  person: PersonForRecommendation,
  candidates: readonly S[],
  opts: RankOptions = {},
): RankedService<S>[] {
  const matcher = opts.needMatcher ?? getDefaultNeedMatcher();
  const { eligible } = filterServices(person, candidates, opts);
  const p = personNeeds(person, opts, matcher);
  const analyses = eligible.map((s) => analyse(s, matcher));
  const words = [...p.words].map(([root, surface]) => ({ match: rootMatch(root), surface }));
  const idf = inverseDocumentFrequency(analyses);
  const needsKnown = p.textNeeds.length > 0 || p.lowAreas.length > 0 || p.words.size > 0;

  const ranked: RankedService<S>[] = [];
  eligible.forEach((s, i) => {
    const a = analyses[i]!;
    const out: Scored = { relevance: 0, fit: 0, reasons: [], cautions: [], matchedNeeds: new Set() };
    scoreNeeds(a, p, words, idf, out);
    scoreFit(person, s, a, opts, out);
    if (needsKnown && out.relevance === 0) {
      if (opts.requireNeedMatch) return;
      out.fit *= W.irrelevantFactor;
      out.cautions.push('ei vastaa kirjattuihin tarpeisiin');
    }
    const reasons = out.reasons
      .map(([pts, text], order) => ({ pts, text, order }))
      .sort((x, y) => y.pts - x.pts || x.order - y.order)
      .map((r) => r.text);
    ranked.push({
      service: s,
      id: s.id,
      score: round2(out.relevance + out.fit),
      reasons: [...new Set(reasons)],
      cautions: out.cautions,
      matchedNeeds: [...out.matchedNeeds],
    });
  });
  ranked.sort((x, y) => y.score - x.score || cmp(x.service.name, y.service.name) || cmp(x.id, y.id));
  return opts.limit != null ? ranked.slice(0, opts.limit) : ranked;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rare words count more: weight in (0, 1], words in most services count nothing. */
function inverseDocumentFrequency(analyses: readonly ServiceAnalysis[]): (m: RootMatch) => number {
  const n = analyses.length;
  const cache = new Map<string, number>();
  return (m) => {
    const hit = cache.get(m.exact);
    if (hit != null) return hit;
    let df = 0;
    for (const a of analyses) if (bestRootWeight(a.roots, m) > 0) df += 1;
    const w = n >= 5 && df / n > 0.6 ? 0 : Math.log(1 + n / Math.max(1, df)) / Math.log(1 + n);
    cache.set(m.exact, w);
    return w;
  };
}
