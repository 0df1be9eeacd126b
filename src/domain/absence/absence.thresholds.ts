import { ABSENCE_KINDS, type AbsenceKind, type LocalizedText } from './absence.types.js';

/**
 * Hour limits of the model. A level is reached when the counted hours are strictly greater than
 * its limit ("Yli 30 h" = more than 30 hours). Municipalities may use their own limits.
 *
 * Which kinds count (`countKinds`): the seed's drawing is titled
 *   "Poissaoloihin (luvaton poissaolo, sairauspoissaolo ja muu huolestuttava poissaolo)
 *    puuttuminen perusopetuksessa"
 * and its steps speak of "poissaoloja yli 30h / yli 50h / yli 70h" without narrowing the kind.
 * We read that as: all three kinds, sickness included, count toward 30/50/70. Long sickness is
 * itself a reason to find out how the pupil is doing; a municipality that wants to follow only
 * unauthorized and other absences sets `countKinds` accordingly.
 */
export interface AbsenceThresholds {
  /**
   * Counted hours above which concern is raised even if every hour is sickness. The seed names
   * no number for "Oppilaan poissaoloista herää huoli"; 15 h is Polku's default, halfway to 30.
   */
  concernHours: number;
  level1Hours: number;
  level2Hours: number;
  level3Hours: number;
  countKinds: readonly AbsenceKind[];
  /**
   * Kinds that are worrying in themselves: any hour of them raises concern. Default: luvaton and
   * "muu huolestuttava poissaolo" (the seed's own name for `other` says it is worrying).
   */
  concernKinds: readonly AbsenceKind[];
}

export const DEFAULT_THRESHOLDS: Readonly<AbsenceThresholds> = Object.freeze({
  concernHours: 15,
  level1Hours: 30,
  level2Hours: 50,
  level3Hours: 70,
  countKinds: Object.freeze([...ABSENCE_KINDS]),
  concernKinds: Object.freeze(['unauthorized', 'other'] as AbsenceKind[]),
});

export type ThresholdProblemCode = 'not-positive' | 'not-increasing' | 'no-kinds' | 'unknown-kind' | 'duplicate-kind';

export interface ThresholdProblem {
  field: keyof AbsenceThresholds;
  code: ThresholdProblemCode;
  message: LocalizedText;
}

const HOUR_FIELDS = ['concernHours', 'level1Hours', 'level2Hours', 'level3Hours'] as const;

/** Every problem at once, so an admin form can show them all. Empty array = valid. */
export function validateThresholds(t: AbsenceThresholds): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const field of HOUR_FIELDS) {
    const v = t[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      problems.push({
        field,
        code: 'not-positive',
        message: {
          fi: 'Tuntirajan pitää olla positiivinen luku.',
          sv: 'Timgränsen ska vara ett positivt tal.',
          en: 'The hour limit must be a positive number.',
        },
      });
    }
  }
  for (let i = 1; i < HOUR_FIELDS.length; i++) {
    const field = HOUR_FIELDS[i]!;
    const prev = HOUR_FIELDS[i - 1]!;
    if (!(t[field] > t[prev])) {
      problems.push({
        field,
        code: 'not-increasing',
        message: {
          fi: `Rajan pitää olla suurempi kuin edellinen raja (${t[prev]} h).`,
          sv: `Gränsen ska vara större än föregående gräns (${t[prev]} h).`,
          en: `The limit must be greater than the previous limit (${t[prev]} h).`,
        },
      });
    }
  }
  problems.push(...validateKinds(t, 'countKinds'), ...validateKinds(t, 'concernKinds'));
  return problems;
}

function validateKinds(t: AbsenceThresholds, field: 'countKinds' | 'concernKinds'): ThresholdProblem[] {
  const kinds = t[field];
  const problems: ThresholdProblem[] = [];
  if (field === 'countKinds' && kinds.length === 0) {
    problems.push({
      field,
      code: 'no-kinds',
      message: {
        fi: 'Valitse vähintään yksi poissaolon laji, joka lasketaan rajoihin.',
        sv: 'Välj minst en frånvarotyp som räknas mot gränserna.',
        en: 'Choose at least one kind of absence that counts toward the limits.',
      },
    });
  }
  if (kinds.some((k) => !(ABSENCE_KINDS as readonly string[]).includes(k))) {
    problems.push({
      field,
      code: 'unknown-kind',
      message: {
        fi: 'Tuntematon poissaolon laji.',
        sv: 'Okänd frånvarotyp.',
        en: 'Unknown kind of absence.',
      },
    });
  }
  if (new Set(kinds).size !== kinds.length) {
    problems.push({
      field,
      code: 'duplicate-kind',
      message: {
        fi: 'Sama poissaolon laji on valittu kahdesti.',
        sv: 'Samma frånvarotyp har valts två gånger.',
        en: 'The same kind of absence is chosen twice.',
      },
    });
  }
  return problems;
}

export class InvalidThresholdsError extends Error {
  constructor(readonly problems: ThresholdProblem[]) {
    super(`Invalid absence thresholds: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`);
    this.name = 'InvalidThresholdsError';
  }
}

/**
 * A municipality's own limits on top of a base (default: the seed's 30/50/70).
 * Throws InvalidThresholdsError (the service maps it to a 422) when the result is not valid.
 */
export function mergeThresholds(
  own: Partial<AbsenceThresholds> | null | undefined,
  base: AbsenceThresholds = DEFAULT_THRESHOLDS,
): AbsenceThresholds {
  // Only known keys: the municipality's settings may come from JSON with extra fields.
  const known: readonly string[] = [...HOUR_FIELDS, 'countKinds', 'concernKinds'];
  const defined = Object.fromEntries(
    Object.entries(own ?? {}).filter(([k, v]) => known.includes(k) && v !== undefined && v !== null),
  );
  const merged: AbsenceThresholds = {
    ...base,
    ...defined,
    countKinds: [...((defined.countKinds as AbsenceKind[] | undefined) ?? base.countKinds)],
    concernKinds: [...((defined.concernKinds as AbsenceKind[] | undefined) ?? base.concernKinds)],
  };
  const problems = validateThresholds(merged);
  if (problems.length > 0) throw new InvalidThresholdsError(problems);
  return merged;
}
