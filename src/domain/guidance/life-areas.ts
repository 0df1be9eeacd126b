/**
 * Life areas of the self-description ("Mitä sinulle kuuluu?", seed 002) and their scales.
 *
 * The seed gives the 1–5 scale but not the areas. The default areas are the ten of the national
 * 3X10D life-situation meter (used by AuroraAI), stored 0–10 like the meter itself; the 1–5 answers
 * of "Mitä sinulle kuuluu?" convert to that scale. Areas are configuration: an organisation may
 * pass its own list to every function here.
 */
import type { NeedTag } from './needs-vocabulary.js';

export type Localized3 = { fi: string; sv: string; en: string };

/** Which profile-card scale (004) a low score in the area speaks for, if any. */
export type ProfileAxisHint = 'everydayLife' | 'resources' | 'health' | null;

export interface LifeArea {
  key: string;
  label: Localized3;
  /** The question in plain language, as the person reads it. */
  question: Localized3;
  /** Needs a low score in this area points to (used by recommendations). */
  needTags: readonly NeedTag[];
  profileAxis: ProfileAxisHint;
}

export const DEFAULT_LIFE_AREA_KEYS = [
  'health', 'resilience', 'housing', 'working_studying', 'family', 'friends', 'finance',
  'improvement_of_strengths', 'self_esteem', 'life_satisfaction',
] as const;
export type DefaultLifeAreaKey = (typeof DEFAULT_LIFE_AREA_KEYS)[number];

const area = (
  key: DefaultLifeAreaKey,
  label: Localized3,
  question: Localized3,
  needTags: NeedTag[],
  profileAxis: ProfileAxisHint,
): LifeArea => ({ key, label, question, needTags, profileAxis });

export const DEFAULT_LIFE_AREAS: readonly LifeArea[] = [
  area('health', { fi: 'Terveys', sv: 'Hälsa', en: 'Health' },
    { fi: 'Miten voit? Millainen on terveytesi?', sv: 'Hur mår du? Hur är din hälsa?', en: 'How is your health?' },
    ['terveys', 'mielenterveys', 'paihteet', 'liikkuminen', 'uni', 'muisti'], 'health'),
  area('resilience', { fi: 'Arjessa jaksaminen', sv: 'Att orka i vardagen', en: 'Coping with everyday life' },
    { fi: 'Miten jaksat ja selviät arjen asioista?', sv: 'Hur orkar du och klarar vardagen?', en: 'How do you cope with everyday life?' },
    ['arki', 'mielenterveys', 'kriisi'], 'everydayLife'),
  area('housing', { fi: 'Asuminen', sv: 'Boende', en: 'Housing' },
    { fi: 'Onko sinulla hyvä ja turvallinen koti?', sv: 'Har du ett bra och tryggt hem?', en: 'Do you have a good and safe home?' },
    ['asuminen'], 'everydayLife'),
  area('working_studying', { fi: 'Työ tai opiskelu', sv: 'Arbete eller studier', en: 'Work or studies' },
    { fi: 'Miten työ, opiskelu tai muu päivän tekeminen sujuu?', sv: 'Hur går arbete eller studier?', en: 'How are work or studies going?' },
    ['tyo', 'opiskelu', 'tyokyky'], 'everydayLife'),
  area('family', { fi: 'Perhe', sv: 'Familj', en: 'Family' },
    { fi: 'Miten perheessäsi menee?', sv: 'Hur går det i din familj?', en: 'How is your family life?' },
    ['perhe', 'vakivalta'], 'resources'),
  area('friends', { fi: 'Ystävät ja läheiset', sv: 'Vänner och närstående', en: 'Friends and close ones' },
    { fi: 'Onko sinulla ystäviä tai muita ihmisiä, joiden kanssa olla?', sv: 'Har du vänner att umgås med?', en: 'Do you have friends or people to be with?' },
    ['yksinaisyys'], 'resources'),
  area('finance', { fi: 'Raha-asiat', sv: 'Ekonomi', en: 'Money' },
    { fi: 'Riittävätkö rahat elämiseen? Onko sinulla velkoja?', sv: 'Räcker pengarna? Har du skulder?', en: 'Do you have enough money? Any debts?' },
    ['toimeentulo', 'velat'], 'resources'),
  area('improvement_of_strengths', { fi: 'Omat vahvuudet ja kehittyminen', sv: 'Egna styrkor och utveckling', en: 'Own strengths and growth' },
    { fi: 'Saatko tehdä asioita, joissa olet hyvä ja jotka kiinnostavat sinua?', sv: 'Får du göra saker du är bra på?', en: 'Can you do things you are good at and enjoy?' },
    ['osaaminen', 'opiskelu'], null),
  area('self_esteem', { fi: 'Itsetunto', sv: 'Självkänsla', en: 'Self-esteem' },
    { fi: 'Miten arvostat itseäsi ja luotatko omiin kykyihisi?', sv: 'Hur ser du på dig själv?', en: 'How do you value yourself?' },
    ['itsetunto', 'mielenterveys'], 'health'),
  area('life_satisfaction', { fi: 'Tyytyväisyys elämään', sv: 'Nöjdhet med livet', en: 'Life satisfaction' },
    { fi: 'Kuinka tyytyväinen olet elämääsi kokonaisuutena?', sv: 'Hur nöjd är du med livet?', en: 'How satisfied are you with your life?' },
    ['hyvinvointi', 'yksinaisyys'], 'health'),
];

/** The 1–5 answer scale of "Mitä sinulle kuuluu?" (002), 5 first as in the seed. */
export const SELF_ASSESSMENT_SCALE: readonly { value: 1 | 2 | 3 | 4 | 5; label: Localized3 }[] = [
  { value: 5, label: { fi: 'Olen täysin tyytyväinen tilanteeseeni', sv: 'Jag är helt nöjd med min situation', en: 'I am fully satisfied with my situation' } },
  { value: 4, label: { fi: 'Tilanteeni on hyvä ja suoriudun arjestani', sv: 'Min situation är bra och jag klarar vardagen', en: 'My situation is good and I manage my everyday life' } },
  { value: 3, label: { fi: 'Olen melko tyytyväinen, jotakin voisi tehdä toisin', sv: 'Jag är ganska nöjd, något kunde göras annorlunda', en: 'I am fairly satisfied, something could be done differently' } },
  { value: 2, label: { fi: 'Toiset asiat sujuvat, mutta joihinkin kaipaan apua', sv: 'Vissa saker går bra, men med en del behöver jag hjälp', en: 'Some things go well, but I need help with some' } },
  { value: 1, label: { fi: 'Minulla on vaikeuksia ja tarvitsen apua', sv: 'Jag har svårigheter och behöver hjälp', en: 'I have difficulties and need help' } },
];

export type SelfAssessmentValue = 1 | 2 | 3 | 4 | 5;

/** Life situation: 0–10 per area key (10 = all well), unanswered areas absent. */
export type LifeSituation = Readonly<Record<string, number | null | undefined>>;

/** A score at or below this (0–10) counts as a low life area. */
export const LOW_AREA_THRESHOLD = 4;
/** A score at or below this (0–10) counts as a serious difficulty ("tarvitsen apua"). */
export const SEVERE_AREA_THRESHOLD = 2;

/** 1–5 → 0–10, linear: 1 → 0, 2 → 2.5, 3 → 5, 4 → 7.5, 5 → 10. */
export function selfAssessmentToScore(value: SelfAssessmentValue): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`self-assessment must be 1–5, got ${value}`);
  return (value - 1) * 2.5;
}

/** 0–10 → nearest 1–5 (ties round up: 1.25 → 2). */
export function scoreToSelfAssessment(score: number): SelfAssessmentValue {
  if (!Number.isFinite(score) || score < 0 || score > 10) throw new RangeError(`score must be 0–10, got ${score}`);
  return (Math.floor(score / 2.5 + 0.5) + 1) as SelfAssessmentValue;
}

/** Answers on the 1–5 scale → a 0–10 life situation. */
export function lifeSituationFromSelfAssessment(answers: Readonly<Record<string, SelfAssessmentValue | null | undefined>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(answers)) if (v != null) out[key] = selfAssessmentToScore(v);
  return out;
}

export interface ScoredArea {
  area: LifeArea;
  score: number;
}

/** Answered areas with a valid 0–10 score, in the configured order. */
export function answeredAreas(situation: LifeSituation, areas: readonly LifeArea[] = DEFAULT_LIFE_AREAS): ScoredArea[] {
  const out: ScoredArea[] = [];
  for (const a of areas) {
    const s = situation[a.key];
    if (typeof s === 'number' && Number.isFinite(s) && s >= 0 && s <= 10) out.push({ area: a, score: s });
  }
  return out;
}

/** Areas at or below the threshold, lowest first (ties in configured order). */
export function lowLifeAreas(
  situation: LifeSituation,
  areas: readonly LifeArea[] = DEFAULT_LIFE_AREAS,
  threshold = LOW_AREA_THRESHOLD,
): ScoredArea[] {
  return answeredAreas(situation, areas)
    .filter((a) => a.score <= threshold)
    .sort((a, b) => a.score - b.score);
}

/** Validate a configured list: unique non-empty keys, Finnish label present. */
export function validateLifeAreas(areas: readonly LifeArea[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const a of areas) {
    if (!a.key.trim()) problems.push('empty key');
    if (keys.has(a.key)) problems.push(`duplicate key ${a.key}`);
    keys.add(a.key);
    if (!a.label.fi.trim()) problems.push(`${a.key}: Finnish label missing`);
  }
  return problems;
}
