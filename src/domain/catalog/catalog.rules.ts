/**
 * Pure decisions of the catalogue: how a query word becomes something to match, who may
 * edit a service, whether an edit is coherent. No I/O here.
 */
import { createHash } from 'node:crypto';

/** Words that carry no meaning in a service query (fi, sv, en). */
const STOPWORDS = new Set([
  'ja', 'tai', 'sekä', 'on', 'ei', 'se', 'ne', 'että', 'kun', 'jos', 'mitä', 'missä', 'miten', 'mikä', 'kuka', 'voi', 'olla',
  'minä', 'mä', 'minun', 'mulle', 'minulle', 'sinä', 'hän', 'me', 'he', 'jotain', 'jossa', 'joka', 'apu', 'apua', 'avuksi',
  'tarvitsen', 'haluan', 'saada', 'saan', 'kanssa', 'varten', 'tai', 'vai', 'kuin', 'myös', 'nyt', 'hyvä', 'paljon',
  'och', 'eller', 'för', 'med', 'till', 'jag', 'en', 'ett', 'av', 'på', 'i', 'hjälp', 'the', 'and', 'or', 'for', 'with',
  'to', 'of', 'in', 'a', 'an', 'my', 'help', 'need', 'i',
  // Everyday words of a resident's sentence ("juon liikaa", "en jaksa enää"): their short roots would
  // otherwise match unrelated compounds (liikaa → liik:* → liikenne, liiketoiminta).
  'liikaa', 'liian', 'enää', 'vielä', 'aina', 'ihan', 'aivan', 'tosi', 'todella', 'kovin', 'mutta', 'eikä', 'en', 'olen',
  'ole', 'oli', 'ovat', 'mistä', 'mihin', 'miksi', 'kenelle', 'keneltä', 'voin', 'voisin', 'voiko', 'pitää', 'pitäisi',
  'tarvitsee', 'tarvitsisi', 'saisin', 'mene', 'menee', 'koko', 'joku', 'jonkun', 'jollekin', 'meillä', 'minulla',
]);

/** Lower-cased words of a query; punctuation and stopwords dropped, at most `max` words. */
export function tokenizeQuery(q: string, max = 8): string[] {
  const words = q
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w));
  return [...new Set(words)].slice(0, max);
}

/**
 * Word pairs written with a shared tail: "mielenterveys- ja päihdepalvelut" means mental health
 * services and substance abuse services, "ensi- ja turvakoti" a mother-and-baby home and a
 * shelter (also in Swedish: "hälso- och sjukvård"). The searcher wants either kind, so the two words
 * are one either-or condition, not two conditions that must both hold. Pairs of the words
 * tokenizeQuery returns, in query order.
 */
export function coordinatedPairs(q: string): [string, string][] {
  const words = new Set(tokenizeQuery(q));
  const out: [string, string][] = [];
  const re = /([\p{L}\p{N}]+)-\s+(?:ja|tai|sekä|och|eller|and|or)\s+([\p{L}\p{N}]+)/gu;
  for (const m of q.toLowerCase().normalize('NFC').matchAll(re)) {
    const [a, b] = [m[1]!, m[2]!];
    if (a !== b && words.has(a) && words.has(b)) out.push([a, b]);
  }
  return out;
}

// Finnish case endings and possessive suffixes, longest first (plural forms included).
const CASE_ENDINGS = [
  'iltaan', 'iltään', 'ineen', 'illaan', 'illään', 'isiin', 'iksi', 'iden', 'itten', 'ista', 'istä', 'issa', 'issä',
  'illa', 'illä', 'ilta', 'iltä', 'ille', 'ihin', 'ssaan', 'ssään', 'staan', 'stään', 'lleen', 'nsa', 'nsä',
  'mme', 'nne', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'tta', 'ttä', 'ineen',
  'iin', 'hin', 'han', 'hän', 'hon', 'ni', 'si', 'na', 'nä', 'en', 'in', 'an', 'än', 'on', 'un', 'yn', 'ta', 'tä',
  'aa', 'ää', 'ia', 'iä', 'ja', 'jä', 'n', 't', 'a', 'ä',
];

// Derivational endings that join related words (yksinäisyys ↔ yksinäinen, työttömyys ↔ työtön).
const DERIVATIONS = ['isuus', 'isyys', 'uus', 'yys', 'inen', 'isen', 'ise', 'ttomuus', 'ttömyys', 'ton', 'tön'];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö']);

/**
 * A prefix that the inflected forms of a Finnish word share, for a `prefix:*` query:
 * strip one case ending and one derivational ending, then cut past the vowel and the
 * consonant that change in inflection (consonant gradation: kotihoito → kotihoidon).
 * Deliberately generous; ranking sorts the closer matches first.
 */
export function finnishRoot(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 4 || /\d/.test(w)) return w;
  let root = w;
  for (const end of CASE_ENDINGS) {
    if (root.endsWith(end) && root.length - end.length >= 4) {
      root = root.slice(0, -end.length);
      break;
    }
  }
  for (const end of DERIVATIONS) {
    if (root.endsWith(end) && root.length - end.length >= 4) {
      root = root.slice(0, -end.length);
      break;
    }
  }
  while (root.length > 5 && VOWELS.has(root.at(-1)!)) root = root.slice(0, -1);
  if (root.length > 6 && !VOWELS.has(root.at(-1)!)) root = root.slice(0, -1);
  return root;
}

/**
 * Splits of a compound into a head that is a known word and the rest, longest head first:
 * mielenterveyspalvelu → [mielenterveys, palvelu]. `isWord` says whether a head exists.
 */
export function compoundSplits(word: string, isWord: (w: string) => boolean, minPart = 4): [string, string][] {
  const out: [string, string][] = [];
  for (let i = word.length - minPart; i >= minPart; i--) {
    const head = word.slice(0, i);
    if (isWord(head)) out.push([head, word.slice(i)]);
  }
  return out;
}

/** Every prefix of a word that could be a compound's first part (for one lexicon lookup). */
export function compoundHeads(word: string, minPart = 4): string[] {
  const out: string[] = [];
  for (let i = minPart; i <= word.length - minPart; i++) out.push(word.slice(0, i));
  return out;
}

/** A tsquery operand that is safe whatever the user typed: only letters and digits survive. */
export function tsLexeme(word: string): string | null {
  const clean = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return clean.length > 0 ? clean : null;
}

/** Typo candidates must be this close (pg_trgm similarity) to replace a word that matches nothing. */
export const TYPO_SIMILARITY = 0.45;

/** Which roles edit their organisation's catalogue entries. */
export const CATALOG_EDITOR_ROLES = ['admin', 'manager'] as const;

export function mayEditService(actor: { role: string; organizationId: string } | null, serviceOrganizationId: string | null): boolean {
  if (!actor || serviceOrganizationId === null) return false;
  return (CATALOG_EDITOR_ROLES as readonly string[]).includes(actor.role) && actor.organizationId === serviceOrganizationId;
}

export interface EditProblem {
  field: string;
  code: 'age-range' | 'area-missing' | 'contact-missing';
}

/** Coherence rules across fields, on the service as it would be after the edit. */
export function validateServiceState(s: {
  ageMin: number | null;
  ageMax: number | null;
  area: { national: boolean; countyCodes: string[]; municipalityCodes: string[] };
  phone: string | null;
  email: string | null;
  url: string | null;
  status: string;
}): EditProblem[] {
  const problems: EditProblem[] = [];
  if (s.ageMin !== null && s.ageMax !== null && s.ageMin > s.ageMax) problems.push({ field: 'ageMin', code: 'age-range' });
  if (!s.area.national && s.area.countyCodes.length === 0 && s.area.municipalityCodes.length === 0) {
    problems.push({ field: 'area', code: 'area-missing' });
  }
  // A published service that nobody can reach is of no use to a resident.
  if (s.status === 'active' && !s.phone && !s.email && !s.url) problems.push({ field: 'phone', code: 'contact-missing' });
  return problems;
}

/** The fields that differ between two snapshots, as {field: {from, to}}, for the edit history. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return out;
}

/** Stable hash of a record (key order independent) for idempotent imports. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 32);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** A deterministic UUID (v5 layout) derived from a name, for HSDS sub-records that have no row of their own. */
export function derivedUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type LocalizedInput = { fi: string; sv?: string | null; en?: string | null };
type LocalizedField = 'name' | 'summary' | 'description';

/** A service's text in fi/sv/en as its three columns (`name` → name_fi, name_sv, name_en); a missing language is null. */
export function localizedColumns<K extends LocalizedField>(field: K, text: LocalizedInput) {
  return { [`${field}_fi`]: text.fi, [`${field}_sv`]: text.sv ?? null, [`${field}_en`]: text.en ?? null } as
    Record<`${K}_fi`, string> & Record<`${K}_sv` | `${K}_en`, string | null>;
}

/** name, summary and description of a service as their nine columns. */
export function serviceTextColumns(s: { name: LocalizedInput; summary: LocalizedInput; description: LocalizedInput }) {
  return { ...localizedColumns('name', s.name), ...localizedColumns('summary', s.summary), ...localizedColumns('description', s.description) };
}
