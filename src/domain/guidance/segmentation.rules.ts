/**
 * Segment (004) and service-guidance level (002) suggestions. Pure: the professional always has the
 * last word and may override a suggestion with a reason; these functions only explain a proposal.
 */
import { SEGMENTS, type Segment } from '../catalog/catalog.types.js';
import {
  DEFAULT_LIFE_AREAS,
  SEVERE_AREA_THRESHOLD,
  answeredAreas,
  lowLifeAreas,
  type LifeArea,
  type LifeSituation,
} from './life-areas.js';
import { PROFILE_CARDS, PROFILE_SCALES, type ProfileScale, type ProfileScales } from './profile-cards.js';

/* ------------------------------------------------------------------- axes */

/**
 * Two axes of 004, both 0–10: `everydayCoping` 10 = everyday life is easy, 0 = hard ("Arjessa
 * pärjääminen"); `serviceNeed` 0 = little, 10 = much ("Terveys- ja hyvinvointiriskit / palvelujen
 * tarve"). Coping weighs everydayLife and resources 0.4 each and network importance 0.2 (leaning
 * on a network means coping alone is harder); need weighs health and coordination 0.4 each and the
 * in-person channel 0.2. Missing scales drop out and the weights are renormalised.
 */
export interface SegmentAxes {
  everydayCoping: number;
  serviceNeed: number;
}

const COPING_WEIGHTS: Partial<Record<ProfileScale, number>> = { everydayLife: 0.4, resources: 0.4, network: 0.2 };
const NEED_WEIGHTS: Partial<Record<ProfileScale, number>> = { health: 0.4, coordination: 0.4, channel: 0.2 };
/** Within this distance of the axis midpoint (5) the nearest card decides between neighbours. */
export const BORDER_BAND = 1;
const MID = 5;

export type PartialProfile = Partial<Record<ProfileScale, number | null>>;

function weighted(profile: PartialProfile, weights: Partial<Record<ProfileScale, number>>): number | null {
  let sum = 0;
  let total = 0;
  for (const [scale, w] of Object.entries(weights) as [ProfileScale, number][]) {
    const v = profile[scale];
    if (v == null) continue;
    sum += w * v;
    total += w;
  }
  return total === 0 ? null : sum / total; // 0–9
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const fiNumber = (x: number) => String(round1(x)).replace('.', ',');

function assertScales(profile: PartialProfile): void {
  for (const scale of PROFILE_SCALES) {
    const v = profile[scale];
    if (v != null && (!Number.isFinite(v) || v < 0 || v > 9)) throw new RangeError(`${scale} must be 0–9, got ${v}`);
  }
}

/** Axes of a (possibly partial) profile, or null when an axis has no scale at all. */
export function computeAxes(profile: PartialProfile): SegmentAxes | null {
  assertScales(profile);
  const hardship = weighted(profile, COPING_WEIGHTS);
  const need = weighted(profile, NEED_WEIGHTS);
  if (hardship == null || need == null) return null;
  return { everydayCoping: round1(10 * (1 - hardship / 9)), serviceNeed: round1((10 * need) / 9) };
}

/** Euclidean distance to each card over the scales present in the profile. */
export function cardDistances(profile: PartialProfile): Record<Segment, number> {
  const out = {} as Record<Segment, number>;
  for (const s of SEGMENTS) {
    let sq = 0;
    for (const scale of PROFILE_SCALES) {
      const v = profile[scale];
      if (v != null) sq += (v - PROFILE_CARDS[s].scales[scale]) ** 2;
    }
    out[s] = round2(Math.sqrt(sq));
  }
  return out;
}

function quadrant(easy: boolean, much: boolean): Segment {
  if (easy) return much ? 'yhteistyo' : 'omatoimi';
  return much ? 'verkosto' : 'yhteiso';
}

/* ------------------------------------------------------------ segmentation */

export interface SegmentSuggestion {
  code: Segment;
  /** Plain Finnish sentences a worker can read aloud. */
  reasons: string[];
  axes: SegmentAxes;
  distances: Record<Segment, number>;
  /** True when the point lies near an axis midpoint and the nearest card decided. */
  borderline: boolean;
}

function copingSentence(c: number): string {
  if (c >= 6.5) return `Arki sujuu ja voimavaroja on hyvin (arjessa pärjääminen ${fiNumber(c)}/10).`;
  if (c >= MID) return `Arki sujuu enimmäkseen ja voimavarat ovat kohtalaiset (arjessa pärjääminen ${fiNumber(c)}/10).`;
  if (c >= 3.5) return `Arjessa on haasteita ja voimavarat ovat rajalliset (arjessa pärjääminen ${fiNumber(c)}/10).`;
  return `Arjessa on paljon haasteita ja voimavaroja on vähän (arjessa pärjääminen ${fiNumber(c)}/10).`;
}

function needSentence(n: number): string {
  if (n < 3.5) return `Palvelujen tarve on vähäinen (palvelujen tarve ${fiNumber(n)}/10).`;
  if (n < MID) return `Palvelujen tarve on rajattu ja selkeä (palvelujen tarve ${fiNumber(n)}/10).`;
  if (n < 6.5) return `Tukea tai hoitoa tarvitaan useammalla osa-alueella (palvelujen tarve ${fiNumber(n)}/10).`;
  return `Tuen tarve on runsas ja palveluja pitää sovittaa yhteen (palvelujen tarve ${fiNumber(n)}/10).`;
}

function scaleRemarks(p: PartialProfile): string[] {
  const out: string[] = [];
  if (p.network != null && p.network >= 7) out.push('Läheisverkoston merkitys on suuri.');
  if (p.channel != null && p.channel >= 7) out.push('Asiointi sujuu parhaiten kasvokkain.');
  if (p.channel != null && p.channel <= 2) out.push('Sähköinen asiointi sopii hyvin.');
  if (p.coordination != null && p.coordination >= 7) out.push('Tarvitaan yhteen sovitettuja palveluja ja yksi yhteinen suunnitelma.');
  return out;
}

/**
 * Suggest a segment from profile-card positions. The two axes pick the quadrant; near a midpoint
 * (within BORDER_BAND) the nearest card among the neighbouring quadrants decides, so a card's own
 * positions always give its own segment. A partial profile without any scale of an axis gives null.
 */
export function suggestSegment(profile: ProfileScales): SegmentSuggestion;
export function suggestSegment(profile: PartialProfile): SegmentSuggestion | null;
export function suggestSegment(profile: PartialProfile): SegmentSuggestion | null {
  const axes = computeAxes(profile);
  if (!axes) return null;
  const distances = cardDistances(profile);
  const easySides = axes.everydayCoping >= MID + BORDER_BAND ? [true] : axes.everydayCoping <= MID - BORDER_BAND ? [false] : [true, false];
  const muchSides = axes.serviceNeed >= MID + BORDER_BAND ? [true] : axes.serviceNeed <= MID - BORDER_BAND ? [false] : [true, false];
  const candidates = easySides.flatMap((e) => muchSides.map((m) => quadrant(e, m)));
  const borderline = candidates.length > 1;
  // tie → SEGMENTS order (lighter segment first)
  const code = [...candidates].sort((a, b) => distances[a] - distances[b] || SEGMENTS.indexOf(a) - SEGMENTS.indexOf(b))[0]!;
  const card = PROFILE_CARDS[code];
  const reasons = [copingSentence(axes.everydayCoping), needSentence(axes.serviceNeed), ...scaleRemarks(profile)];
  if (borderline) {
    const others = candidates.filter((c) => c !== code).map((c) => PROFILE_CARDS[c].name.fi.toLowerCase());
    reasons.push(`Tilanne on rajalla (myös ${others.join(', ')} on mahdollinen); lähimpänä on profiilikortti ${card.name.fi}.`);
  }
  reasons.push(`Ehdotus: ${card.name.fi.toLowerCase()}. Ehdotus on ammattilaisen tueksi, ja sitä voi muuttaa perustellusti.`);
  return { code, reasons, axes, distances, borderline };
}

/* ------------------------------------------------------ from life situation */

/** At least this many answered life areas are needed to derive a segment. */
export const MIN_ANSWERED_AREAS = 4;
/** This many low areas (≤ 4/10) or more means the full need for coordinated services. */
const LOW_AREAS_FOR_FULL_COORDINATION = 5;

/**
 * Profile positions derived from a 0–10 life situation: each area's `profileAxis` feeds that scale
 * (9 × (1 − mean/10)); the number of low areas feeds coordination. Channel and network stay unknown.
 * Null when too few areas are answered or an axis has no area.
 */
export function profileFromLifeSituation(
  situation: LifeSituation,
  areas: readonly LifeArea[] = DEFAULT_LIFE_AREAS,
): PartialProfile | null {
  const answered = answeredAreas(situation, areas);
  if (answered.length < MIN_ANSWERED_AREAS) return null;
  const byScale = new Map<ProfileScale, number[]>();
  for (const { area, score } of answered) {
    if (!area.profileAxis) continue;
    byScale.set(area.profileAxis, [...(byScale.get(area.profileAxis) ?? []), score]);
  }
  const profile: PartialProfile = {};
  for (const [scale, scores] of byScale) {
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    profile[scale] = round1(9 * (1 - mean / 10));
  }
  const low = lowLifeAreas(situation, areas).length;
  profile.coordination = round1(9 * Math.min(1, low / LOW_AREAS_FOR_FULL_COORDINATION));
  if (profile.everydayLife == null && profile.resources == null) return null;
  return profile;
}

/** Segment from a life situation only, or null when there is too little information. */
export function suggestSegmentFromLifeSituation(
  situation: LifeSituation,
  areas: readonly LifeArea[] = DEFAULT_LIFE_AREAS,
): SegmentSuggestion | null {
  const profile = profileFromLifeSituation(situation, areas);
  const suggestion = profile ? suggestSegment(profile) : null;
  if (!suggestion) return null;
  const n = answeredAreas(situation, areas).length;
  suggestion.reasons.unshift(`Arvio perustuu elämäntilanteen itsearvioon (${n}/${areas.length} elämänaluetta).`);
  return suggestion;
}

/* ------------------------------------------------------------------ levels */

export const GUIDANCE_LEVELS = ['neuvonta-ja-ohjaus', 'asiakasohjaus', 'intensiivinen-palveluohjaus'] as const;
export type GuidanceLevel = (typeof GUIDANCE_LEVELS)[number];

export interface LevelInput {
  segment?: Segment | null;
  profile?: PartialProfile | null;
  /** 0–10 per life-area key. */
  lifeSituation?: LifeSituation | null;
  /** Special support need (erityisen tuen tarve) recognised. */
  specialSupportNeed?: boolean;
  /** Many actors (organisations, professionals) are needed or already involved. */
  manyActors?: boolean;
  lifeAreas?: readonly LifeArea[];
}

export interface LevelSuggestion {
  code: GuidanceLevel;
  reasons: string[];
  /** The segment used: given, or derived from the profile or the life situation. */
  segment: Segment | null;
  segmentSuggestion: SegmentSuggestion | null;
}

const LEVEL_ACTIONS: Record<GuidanceLevel, string> = {
  'neuvonta-ja-ohjaus':
    'Keskustelu, ohjaus sekä apu tuen ja palvelujen hakemiseen riittää: selkeät, arkikieliset ohjeet ja yhteystiedot.',
  asiakasohjaus:
    'Tuen tarve on laaja-alaisempi, mutta voimavaroja on: nimetään asiakasvastaava tai omatyöntekijä (sosiaalihuoltolaki 42 §) ja käynnistetään tuki ja palvelut koordinoidusti.',
  'intensiivinen-palveluohjaus':
    'Monimutkainen tilanne ja vahva tuen tarve: asiakasvastaava ja asiakas käynnistävät yhteisen arvion mahdollisimman nopeasti; monialainen intensiivinen palveluohjaus ja erityisen tuen tarpeen arviointi.',
};

/**
 * Suggest the level of service guidance following 002 "Palveluohjaus tuen tarpeen mukaan":
 * talk and guidance suffice → advice; wider need but resources → client guidance with a named
 * responsible worker; complex situation, strong need, many actors → intensive case management.
 * Returns null when neither a segment, a usable profile, enough life-situation answers nor a flag is given.
 */
export function suggestLevel(input: LevelInput): LevelSuggestion | null {
  const areas = input.lifeAreas ?? DEFAULT_LIFE_AREAS;
  const situation = input.lifeSituation ?? {};
  const segmentSuggestion =
    input.segment != null
      ? null
      : (input.profile ? suggestSegment(input.profile) : null) ?? suggestSegmentFromLifeSituation(situation, areas);
  const segment = input.segment ?? segmentSuggestion?.code ?? null;
  const answered = answeredAreas(situation, areas);
  const low = lowLifeAreas(situation, areas);
  const severe = low.filter((a) => a.score <= SEVERE_AREA_THRESHOLD);
  const coordination = input.profile?.coordination ?? null;
  const special = input.specialSupportNeed === true;
  const many = input.manyActors === true;
  if (segment == null && !special && !many && answered.length < MIN_ANSWERED_AREAS) return null;

  const reasons: string[] = [];
  if (segment) reasons.push(`Asiakkuus: ${PROFILE_CARDS[segment].name.fi.toLowerCase()}.`);
  if (low.length > 0) {
    const list = low.map((a) => `${a.area.label.fi.toLowerCase()} ${fiNumber(a.score)}/10`).join(', ');
    reasons.push(`Heikoiksi arvioidut elämänalueet: ${list}.`);
  }
  if (special) reasons.push('Erityisen tuen tarve on tunnistettu; sen arvioinnista vastaa virkasuhteinen sosiaalityöntekijä.');
  if (many) reasons.push('Tilanteessa tarvitaan monia toimijoita.');

  let code: GuidanceLevel;
  if (special) code = 'intensiivinen-palveluohjaus';
  else if (segment === 'verkosto') {
    code = 'intensiivinen-palveluohjaus';
    reasons.push('Tuen tarve on runsas ja usealla osa-alueella, eikä asiakas pärjää ilman yhteen sovitettuja palveluja.');
  } else if (many && (severe.length >= 1 || low.length >= 3 || (coordination ?? 0) >= 7)) {
    code = 'intensiivinen-palveluohjaus';
  } else if (severe.length >= 3 || low.length >= 5) {
    code = 'intensiivinen-palveluohjaus';
    reasons.push('Usealla elämänalueella on vakavia vaikeuksia.');
  } else if (
    low.length >= 2 ||
    severe.length >= 1 ||
    many ||
    segment === 'yhteiso' ||
    segment === 'yhteistyo' ||
    (coordination ?? 0) >= 5
  ) {
    code = 'asiakasohjaus';
  } else code = 'neuvonta-ja-ohjaus';

  if (segment === 'omatoimi' && code === 'intensiivinen-palveluohjaus') {
    reasons.push('Huom: tuen tarve näyttää suuremmalta kuin omatoimiasiakkuudessa; tarkista asiakkuus.');
  }
  reasons.push(LEVEL_ACTIONS[code]);
  return { code, reasons, segment, segmentSuggestion };
}
