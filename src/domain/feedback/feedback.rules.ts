/**
 * Pure rules for PAKU quality-criteria feedback: which items a respondent answers, checking a
 * filled questionnaire, and averages per item, group and part with small groups hidden so no
 * single client's (or worker's) answers can be read from a report.
 */
import { QUESTIONNAIRES } from './questionnaires.data.js';
import type {
  LocalizedText,
  QualityGroupId,
  Questionnaire,
  QuestionnaireId,
  QuestionnaireItem,
  Rating,
  Respondent,
} from './questionnaires.types.js';

export type Answers = Readonly<Record<string, unknown>>;

export interface QuestionnaireResponse {
  questionnaireId: QuestionnaireId;
  respondent: Respondent;
  /** itemId → 1–5; null or a missing key means the item was skipped. */
  answers: Answers;
}

export function itemsFor(questionnaire: Questionnaire, respondent: Respondent): QuestionnaireItem[] {
  return questionnaire.groups.flatMap((g) => g.items.filter((i) => i.respondent === respondent));
}

export function isRating(v: unknown): v is Rating {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
}

// ---------------------------------------------------------------- validation

export type AnswerErrorCode = 'unknown-item' | 'not-for-respondent' | 'invalid-rating' | 'empty';

export interface AnswerError {
  itemId: string | null;
  code: AnswerErrorCode;
  message: LocalizedText;
}

const MESSAGES: Record<AnswerErrorCode, LocalizedText> = {
  'unknown-item': {
    fi: 'Kysymystä ei ole tässä kyselyssä.',
    sv: 'Frågan finns inte i den här enkäten.',
    en: 'The question is not part of this questionnaire.',
  },
  'not-for-respondent': {
    fi: 'Tähän kysymykseen vastaa toinen vastaajaryhmä.',
    sv: 'Den här frågan besvaras av en annan svarsgrupp.',
    en: 'This question is answered by another group of respondents.',
  },
  'invalid-rating': {
    fi: 'Vastauksen pitää olla kokonaisluku 1–5.',
    sv: 'Svaret ska vara ett heltal 1–5.',
    en: 'The answer must be a whole number from 1 to 5.',
  },
  empty: {
    fi: 'Vastaa vähintään yhteen kysymykseen.',
    sv: 'Svara på minst en fråga.',
    en: 'Answer at least one question.',
  },
};

/**
 * Answering is voluntary item by item (null = skipped), but a response needs at least one rating,
 * and a respondent may answer only the items meant for them.
 */
export function validateAnswers(
  questionnaire: Questionnaire,
  respondent: Respondent,
  answers: Answers,
): { valid: boolean; errors: AnswerError[]; answered: number } {
  const items = new Map(questionnaire.groups.flatMap((g) => g.items).map((i) => [i.id, i]));
  const errors: AnswerError[] = [];
  let answered = 0;
  for (const [itemId, value] of Object.entries(answers)) {
    const item = items.get(itemId);
    const error = (code: AnswerErrorCode) => errors.push({ itemId, code, message: MESSAGES[code] });
    if (!item) error('unknown-item');
    else if (item.respondent !== respondent) error('not-for-respondent');
    else if (value === null || value === undefined) continue;
    else if (!isRating(value)) error('invalid-rating');
    else answered++;
  }
  if (answered === 0 && errors.length === 0) errors.push({ itemId: null, code: 'empty', message: MESSAGES.empty });
  return { valid: errors.length === 0, errors, answered };
}

// ---------------------------------------------------------------- aggregation

export type Suppressed = { suppressed: true };
type Shown<T> = { suppressed: false; n: number } & T;

export type ItemAggregate = { itemId: string; respondent: Respondent } & (
  | Suppressed
  | Shown<{ mean: number; distribution: Record<Rating, number> }>
);
export type GroupAggregate = { groupId: QualityGroupId } & (Suppressed | Shown<{ mean: number | null; items: ItemAggregate[] }>);
export type PartAggregate = { questionnaireId: QuestionnaireId } & (
  | Suppressed
  | Shown<{ mean: number | null; groups: GroupAggregate[] }>
);

export interface FeedbackAggregate {
  minGroupSize: number;
  parts: PartAggregate[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const meanOf = (xs: number[]) => (xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length));

/** The ratings a response gives, keeping only items of its questionnaire meant for its respondent. */
function validRatings(q: Questionnaire, r: QuestionnaireResponse): Map<string, Rating> {
  const ratings = new Map<string, Rating>();
  for (const item of itemsFor(q, r.respondent)) {
    const v = r.answers[item.id];
    if (isRating(v)) ratings.set(item.id, v);
  }
  return ratings;
}

/**
 * What the averages are formed from: how many responses rated anything in a part (`part|`) and in each
 * group (`part|group`), and the distribution of ratings per item (`part|item`). Counted from responses
 * here (countResponses) or by the database for the management report (reports.feedback.ts).
 */
export interface FeedbackCounts {
  responses: Map<string, number>;
  ratings: Map<string, Record<Rating, number>>;
}

/** The counts of `aggregate`: only items of the response's questionnaire meant for its respondent count. */
export function countResponses(responses: readonly QuestionnaireResponse[], questionnaires: readonly Questionnaire[] = QUESTIONNAIRES): FeedbackCounts {
  const counts: FeedbackCounts = { responses: new Map(), ratings: new Map() };
  const add = (key: string) => counts.responses.set(key, (counts.responses.get(key) ?? 0) + 1);
  for (const q of questionnaires) {
    for (const r of responses) {
      if (r.questionnaireId !== q.id) continue;
      const rated = validRatings(q, r);
      if (rated.size === 0) continue;
      add(`${q.id}|`);
      for (const g of q.groups) if (g.items.some((i) => rated.has(i.id))) add(`${q.id}|${g.id}`);
      for (const [item, v] of rated) {
        const key = `${q.id}|${item}`;
        const d = counts.ratings.get(key) ?? { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
        d[v] += 1;
        counts.ratings.set(key, d);
      }
    }
  }
  return counts;
}

/**
 * Averages per item, group and part. Any cell answered by fewer than `minGroupSize` respondents is
 * returned as `{ suppressed: true }` with no count or value. Group and part means are averages of
 * the shown item (group) means only, so a hidden item cannot be worked out by subtraction.
 */
export function aggregate(
  responses: readonly QuestionnaireResponse[],
  minGroupSize = 5,
  questionnaires: readonly Questionnaire[] = QUESTIONNAIRES,
): FeedbackAggregate {
  return aggregateCounts(countResponses(responses, questionnaires), minGroupSize, questionnaires);
}

/** `aggregate` over counts already made (the suppression and mean rules live only here). */
export function aggregateCounts(counts: FeedbackCounts, minGroupSize = 5, questionnaires: readonly Questionnaire[] = QUESTIONNAIRES): FeedbackAggregate {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new RangeError(`minGroupSize must be a positive integer: ${minGroupSize}`);
  const parts = questionnaires.map((q): PartAggregate => {
    const rated = counts.responses.get(`${q.id}|`) ?? 0;
    if (rated < minGroupSize) return { questionnaireId: q.id, suppressed: true };

    const groups = q.groups.map((g): GroupAggregate => {
      const inGroup = counts.responses.get(`${q.id}|${g.id}`) ?? 0;
      if (inGroup < minGroupSize) return { groupId: g.id, suppressed: true };
      const items = g.items.map((i) => aggregateItem(i, counts.ratings.get(`${q.id}|${i.id}`), minGroupSize));
      const mean = meanOf(items.flatMap((i) => (i.suppressed ? [] : [i.mean])));
      return { groupId: g.id, suppressed: false, n: inGroup, mean, items };
    });
    const mean = meanOf(groups.flatMap((g) => (g.suppressed || g.mean === null ? [] : [g.mean])));
    return { questionnaireId: q.id, suppressed: false, n: rated, mean, groups };
  });
  return { minGroupSize, parts };
}

function aggregateItem(item: QuestionnaireItem, d: Record<Rating, number> | undefined, minGroupSize: number): ItemAggregate {
  const n = d ? d[1] + d[2] + d[3] + d[4] + d[5] : 0;
  if (!d || n < minGroupSize) return { itemId: item.id, respondent: item.respondent, suppressed: true };
  return {
    itemId: item.id,
    respondent: item.respondent,
    suppressed: false,
    n,
    mean: round2((d[1] + 2 * d[2] + 3 * d[3] + 4 * d[4] + 5 * d[5]) / n),
    distribution: { ...d },
  };
}
