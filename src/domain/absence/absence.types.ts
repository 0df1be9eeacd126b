/**
 * Vocabulary of the school-absence model (LAPE, seed `003`: "Poissaolojen seuranta ja
 * niihin puuttuminen"). String unions so the values travel unchanged through SQL, JSON and zod.
 */
import type { Role } from '../identity/roles.js';

/** The seed's three kinds: luvaton poissaolo, sairauspoissaolo, muu huolestuttava poissaolo. */
export const ABSENCE_KINDS = ['unauthorized', 'sick', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** Ordered from lowest to highest; `over30` means strictly more than 30 hours ("Yli 30 h"). */
export const ABSENCE_LEVELS = ['none', 'concern', 'over30', 'over50', 'over70'] as const;
export type AbsenceLevel = (typeof ABSENCE_LEVELS)[number];

/** The steps of the model, in the order they are taken. */
export const REQUIRED_ACTION_CODES = [
  'discuss-with-guardians', // huoli puheeksi oppilaan ja huoltajien kanssa
  'school-meeting', // yli 30 h: opettaja kutsuu koolle palaverin
  'multi-agency-meeting', // yli 50 h: koulun ulkopuoliset toimijat mukaan
  'social-welfare-notification', // yli 70 h: SHL 35 § yhteydenotto tai lastensuojeluilmoitus
] as const;
export type RequiredActionCode = (typeof REQUIRED_ACTION_CODES)[number];

export type LocalizedText = { fi: string; sv: string; en: string };

/** Who usually carries a step; the people themselves are agreed in the meeting. */
export type ResponsibleRole = Extract<Role, 'teacher' | 'student-welfare'>;

/** One recorded absence. `date` is a calendar date `YYYY-MM-DD`; hours may be fractional (45-min lessons). */
export interface Absence {
  date: string;
  hours: number;
  kind: AbsenceKind;
}

export type HoursByKind = Record<AbsenceKind, number>;
