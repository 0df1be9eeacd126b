/**
 * Pure rules of the self-assessment history and the professional assessment: change between
 * answers, movement between segments, and when an override or a special-support flag is allowed.
 */
export type Segment = 'omatoimi' | 'yhteiso' | 'yhteistyo' | 'verkosto';
export type Level = 'neuvonta-ja-ohjaus' | 'asiakasohjaus' | 'intensiivinen-palveluohjaus';

export interface AnswerSet {
  at: string;
  answers: Record<string, number>;
}

export interface AreaChange {
  key: string;
  from: number | null;
  to: number | null;
  delta: number | null;
}

/** Latest answers compared with the ones before (history in time order, oldest first). */
export function selfAssessmentChange(history: readonly AnswerSet[], areaKeys: readonly string[]): AreaChange[] {
  const latest = history.at(-1);
  const previous = history.at(-2);
  return areaKeys.map((key) => {
    const to = latest?.answers[key] ?? null;
    const from = previous?.answers[key] ?? null;
    return { key, from, to, delta: from !== null && to !== null ? to - from : null };
  });
}

/** Answer keys that are not configured life areas (typos, removed areas). */
export function unknownAreaKeys(answers: Record<string, number>, areaKeys: readonly string[]): string[] {
  return Object.keys(answers).filter((k) => !areaKeys.includes(k));
}

export interface AssessedPoint {
  at: string;
  segment: Segment;
  level: Level;
}

export interface Movement {
  at: string;
  from: Segment;
  to: Segment;
  levelFrom: Level;
  levelTo: Level;
}

/** Re-assessments that moved the client to another segment or level (oldest first). */
export function movements(history: readonly AssessedPoint[]): Movement[] {
  const out: Movement[] = [];
  for (let i = 1; i < history.length; i += 1) {
    const a = history[i - 1]!;
    const b = history[i]!;
    if (a.segment !== b.segment || a.level !== b.level) out.push({ at: b.at, from: a.segment, to: b.segment, levelFrom: a.level, levelTo: b.level });
  }
  return out;
}

export type DecisionProblem = 'override-reason-missing' | 'special-support-needs-social-worker';

/**
 * The professional confirms the suggestion or overrides it with a reason; only an official
 * social worker (sosiaalityöntekijä) records a special support need (erityisen tuen tarve).
 */
export function decisionProblem(d: {
  suggestedSegment: Segment;
  suggestedLevel: Level;
  segment: Segment;
  level: Level;
  overrideReason?: string | null;
  specialSupportNeed: boolean;
  role: string;
}): DecisionProblem | null {
  if (d.specialSupportNeed && d.role !== 'social-worker') return 'special-support-needs-social-worker';
  const overridden = d.segment !== d.suggestedSegment || d.level !== d.suggestedLevel;
  if (overridden && !d.overrideReason?.trim()) return 'override-reason-missing';
  return null;
}
