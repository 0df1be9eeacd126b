/**
 * Pure rules about persons: the Finnish personal identity code (henkilötunnus), its masking,
 * age and client group, and when two person records are probably the same person.
 */

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

// Since 2023 (Population Information Act amendment) the century sign has more variants, so
// that the pool of codes for one birth date does not run out: Y X W V U for the 1900s and
// B C D E F for the 2000s, beside the original - and A.
const CENTURY_BY_SIGN: Record<string, number> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

const HETU = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/;

export type IdentityCodeProblem = 'format' | 'date' | 'individual-number' | 'checksum';

export type IdentityCodeCheck =
  | { valid: true; code: string; birthDate: string; temporary: boolean }
  | { valid: false; problem: IdentityCodeProblem };

/** Validates a henkilötunnus: format, a real birth date, the individual number and the control character. */
export function checkIdentityCode(input: string): IdentityCodeCheck {
  const code = input.trim().toUpperCase();
  const m = HETU.exec(code);
  if (!m) return { valid: false, problem: 'format' };
  const [, dd, mm, yy, sign, nnn, check] = m as unknown as [string, string, string, string, string, string, string];
  const century = CENTURY_BY_SIGN[sign];
  if (century === undefined) return { valid: false, problem: 'format' };
  const year = century + Number(yy);
  const birthDate = `${year}-${mm}-${dd}`;
  if (!isRealDate(year, Number(mm), Number(dd))) return { valid: false, problem: 'date' };
  const individual = Number(nnn);
  if (individual < 2) return { valid: false, problem: 'individual-number' };
  if (CHECK_CHARS[Number(`${dd}${mm}${yy}${nnn}`) % 31] !== check) return { valid: false, problem: 'checksum' };
  // 900–999 are temporary codes given by e.g. hospitals before registration.
  return { valid: true, code, birthDate, temporary: individual >= 900 };
}

/** The code shown in lists and on screens: the birth date part only, e.g. `140381-****`. */
export function maskIdentityCode(code: string | null | undefined): string | null {
  if (!code) return null;
  return code.length >= 7 ? `${code.slice(0, 7)}****` : '****';
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Age in full years on a given day (birthday counted on the day itself). */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  const [y, m, d] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  const beforeBirthday = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

export type AgeClientGroup = 'children-youth-families' | 'working-age' | 'older-people';

/** The client group of the catalogue by age: under 18 (and families), 18–64, 65+ (Older Persons Act 980/2012). */
export function clientGroupForAge(age: number): AgeClientGroup {
  if (age < 18) return 'children-youth-families';
  if (age >= 65) return 'older-people';
  return 'working-age';
}

export function isChild(birthDate: string, today: Date = new Date()): boolean {
  return ageOn(birthDate, today) < 18;
}

/** Names compared without case, accents of foreign scripts, hyphens or extra spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    // keep å ä ö distinct from a o (Finnish letters), drop other combining marks
    .replace(/a\u030a/g, 'å').replace(/a\u0308/g, 'ä').replace(/o\u0308/g, 'ö')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface PersonKey {
  firstName: string;
  lastName: string;
  birthDate: string;
  identityCode?: string | null;
}

export type DuplicateReason = 'identity-code' | 'name-and-birth-date';

/**
 * Why two records may be the same person: the same identity code, or the same birth date and
 * last name with a first name that matches or one contains the other (Anna ~ Anna-Maria).
 */
export function duplicateReason(a: PersonKey, b: PersonKey): DuplicateReason | null {
  if (a.identityCode && b.identityCode && a.identityCode.toUpperCase() === b.identityCode.toUpperCase()) return 'identity-code';
  if (a.birthDate.slice(0, 10) !== b.birthDate.slice(0, 10)) return null;
  if (normalizeName(a.lastName) !== normalizeName(b.lastName)) return null;
  const fa = normalizeName(a.firstName).split(' ');
  const fb = normalizeName(b.firstName).split(' ');
  return fa[0] === fb[0] ? 'name-and-birth-date' : null;
}
