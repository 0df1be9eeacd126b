/**
 * Pure parsing of Palvelutietovaranto (PTV) service data into one normalised record.
 *
 * Accepted inputs (auto-detected by `parsePtvDocument`):
 *  - PTV API v11 service JSON: a single service object, an array of them, a map `{ id: service }`
 *    or a paged API answer `{ itemList: [...] }`;
 *  - the simplified list (`services-fi.json`): `[{ id, name, summary, areas: ['national' | 'municipality:<code>'] }]`.
 *
 * Nothing here throws on bad data: a record that cannot be understood is skipped and
 * reported in `rejected` with a reference (array index / map key, plus the id when known)
 * and a reason. No I/O, no database: the importer that stores the result lives elsewhere.
 */
import type { ClientGroup, Localized } from './catalog.types.js';

export type PtvChargeType = 'free' | 'charged' | 'other';
export type PtvSourceFormat = 'ptv-v11' | 'ptv-simple';

export interface ImportedService {
  ptvId: string;
  name: Localized;
  summary: Localized;
  description: Localized;
  areaNational: boolean;
  municipalityCodes: string[]; // three-digit Statistics Finland codes, e.g. '186'
  languages: string[]; // ISO 639-1, lower case
  clientGroups: ClientGroup[]; // mapped from PTV target groups where a mapping exists
  targetGroupCodes: string[]; // the raw PTV target group codes (KR1.2 …)
  serviceClasses: string[]; // PTV service class codes (P6.10 …)
  chargeType: PtvChargeType | null;
  providerName: string | null;
  status: string; // PTV publishing status in lower case ('published', 'draft' …); the simple list is 'published'
  keywords: string[]; // Finnish keywords given in PTV
  source: PtvSourceFormat;
}

export interface PtvRejection {
  ref: string;
  reason: string;
}

export interface PtvParseResult {
  services: ImportedService[];
  rejected: PtvRejection[];
}

export type PtvRecordResult = { ok: true; service: ImportedService } | { ok: false; reason: string };

/**
 * PTV target groups (codes/ptv-target-groups.json) → our client groups.
 * KR1 (citizens in general), KR1.4 (long-term ill) and KR1.5 (Finns abroad) have no
 * counterpart and map to nothing; KR2 (companies) and KR3 (authorities) are not clients.
 */
export const PTV_TARGET_GROUP_TO_CLIENT_GROUP: Readonly<Record<string, ClientGroup>> = {
  'KR1.1': 'older-people',
  'KR1.2': 'children-youth-families',
  'KR1.3': 'children-youth-families',
  'KR1.6': 'disability',
};

const LANGS = ['fi', 'sv', 'en'] as const;
type Lang = (typeof LANGS)[number];

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t.length > 0 ? t : null;
}

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Normalise PTV text: Draft.js JSON → plain text, unify line breaks, collapse spaces, keep paragraphs. */
export function cleanPtvText(raw: string): string {
  let text = raw;
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && trimmed.includes('"blocks"')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (isObject(parsed) && Array.isArray(parsed.blocks)) {
        text = parsed.blocks
          .map((b) => (isObject(b) && typeof b.text === 'string' ? b.text : ''))
          .join('\n');
      }
    } catch {
      // not Draft.js after all: keep the raw text
    }
  }
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function firstSentence(text: string, max = 250): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(oneLine);
  const s = m?.[1] ?? oneLine;
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Localised texts of one `type` from a PTV list like serviceNames / serviceDescriptions. */
function pickLocalized(list: unknown, type: string | null): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    if (!isObject(item) || !isLang(item.language)) continue;
    if (type !== null && item.type !== type) continue;
    const value = nonEmptyString(item.value);
    if (value === null || out[item.language] !== undefined) continue;
    out[item.language] = cleanPtvText(value);
  }
  return out;
}

function toLocalized(parts: Partial<Record<Lang, string>>, fallbackFi = ''): Localized {
  const fi = parts.fi ?? parts.sv ?? parts.en ?? fallbackFi;
  const loc: Localized = { fi };
  if (parts.sv !== undefined) loc.sv = parts.sv;
  if (parts.en !== undefined) loc.en = parts.en;
  return loc;
}

function isEmptyParts(parts: Partial<Record<Lang, string>>): boolean {
  return parts.fi === undefined && parts.sv === undefined && parts.en === undefined;
}

function normaliseMunicipalityCode(v: unknown): string | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (!/^\d{1,3}$/.test(s)) return null;
  return s.padStart(3, '0');
}

function codesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    const code = isObject(item) ? nonEmptyString(item.code) : nonEmptyString(item);
    if (code !== null && !out.includes(code)) out.push(code);
  }
  return out;
}

function mapClientGroups(targetGroupCodes: string[]): ClientGroup[] {
  const out: ClientGroup[] = [];
  for (const code of targetGroupCodes) {
    const group = PTV_TARGET_GROUP_TO_CLIENT_GROUP[code];
    if (group !== undefined && !out.includes(group)) out.push(group);
  }
  return out;
}

function mapChargeType(v: unknown): PtvChargeType | null {
  switch (v) {
    case 'FreeOfCharge':
      return 'free';
    case 'Charged':
      return 'charged';
    case 'Other':
      return 'other';
    default:
      return null;
  }
}

const PROVIDER_ROLE_ORDER = ['Responsible', 'Producer', 'OtherResponsible'];

function pickProviderName(organizations: unknown): string | null {
  if (!Array.isArray(organizations)) return null;
  const named = organizations
    .filter(isObject)
    .map((o) => ({
      role: typeof o.roleType === 'string' ? o.roleType : '',
      name: isObject(o.organization) ? nonEmptyString(o.organization.name) : null,
    }))
    .filter((o): o is { role: string; name: string } => o.name !== null);
  for (const role of PROVIDER_ROLE_ORDER) {
    const hit = named.find((o) => o.role === role);
    if (hit) return hit.name;
  }
  return named[0]?.name ?? null;
}

const NATIONAL_AREA_TYPES = ['Nationwide', 'NationwideExceptAlandIslands'];

function parseV11Areas(svc: Json): { national: boolean; codes: string[] } | { error: string } {
  const areaType = svc.areaType;
  const national = typeof areaType === 'string' && NATIONAL_AREA_TYPES.includes(areaType);
  const codes: string[] = [];
  if (svc.areas !== undefined && svc.areas !== null && !Array.isArray(svc.areas)) {
    return { error: 'areas is not an array' };
  }
  for (const area of Array.isArray(svc.areas) ? svc.areas : []) {
    if (!isObject(area)) continue;
    const add = (raw: unknown): void => {
      const code = normaliseMunicipalityCode(raw);
      if (code !== null && !codes.includes(code)) codes.push(code);
    };
    if (area.type === 'Municipality' && area.code !== null && area.code !== undefined) add(area.code);
    if (Array.isArray(area.municipalities)) {
      for (const m of area.municipalities) if (isObject(m)) add(m.code);
    }
  }
  return { national, codes };
}

/** True when the object looks like a PTV API v11 service. */
export function isPtvV11Service(v: unknown): boolean {
  return isObject(v) && ('serviceNames' in v || 'serviceDescriptions' in v || v.type === 'Service');
}

/** True when the object looks like a record of the simplified list. */
export function isPtvSimpleService(v: unknown): boolean {
  return isObject(v) && 'id' in v && 'name' in v && !('serviceNames' in v);
}

/** Parse one PTV API v11 service object. */
export function parsePtvV11Service(raw: unknown): PtvRecordResult {
  if (!isObject(raw)) return { ok: false, reason: 'not an object' };
  const ptvId = nonEmptyString(raw.id);
  if (ptvId === null) return { ok: false, reason: 'missing id' };
  if (!Array.isArray(raw.serviceNames)) return { ok: false, reason: 'serviceNames is missing or not an array' };

  let nameParts = pickLocalized(raw.serviceNames, 'Name');
  if (isEmptyParts(nameParts)) nameParts = pickLocalized(raw.serviceNames, 'AlternativeName');
  if (isEmptyParts(nameParts)) return { ok: false, reason: 'no service name in fi, sv or en' };

  if (raw.serviceDescriptions !== undefined && raw.serviceDescriptions !== null && !Array.isArray(raw.serviceDescriptions)) {
    return { ok: false, reason: 'serviceDescriptions is not an array' };
  }
  const descriptionParts = pickLocalized(raw.serviceDescriptions, 'Description');
  const summaryParts = pickLocalized(raw.serviceDescriptions, 'Summary');
  // A missing summary is common in older PTV data: derive it from the description.
  for (const lang of LANGS) {
    const d = descriptionParts[lang];
    if (summaryParts[lang] === undefined && d !== undefined) summaryParts[lang] = firstSentence(d);
  }

  const areas = parseV11Areas(raw);
  if ('error' in areas) return { ok: false, reason: areas.error };

  const languages = Array.isArray(raw.languages)
    ? [...new Set(raw.languages.filter((l): l is string => typeof l === 'string').map((l) => l.trim().toLowerCase()))].filter((l) =>
        /^[a-z]{2}$/.test(l),
      )
    : [];

  const targetGroupCodes = codesOf(raw.targetGroups);
  const keywords = Array.isArray(raw.keywords)
    ? [
        ...new Set(
          raw.keywords
            .filter(isObject)
            .filter((k) => k.language === 'fi')
            .map((k) => nonEmptyString(k.value))
            .filter((k): k is string => k !== null)
            .map((k) => k.toLowerCase()),
        ),
      ]
    : [];

  const service: ImportedService = {
    ptvId,
    name: toLocalized(nameParts),
    summary: toLocalized(summaryParts),
    description: toLocalized(descriptionParts),
    areaNational: areas.national,
    municipalityCodes: areas.codes,
    languages,
    clientGroups: mapClientGroups(targetGroupCodes),
    targetGroupCodes,
    serviceClasses: codesOf(raw.serviceClasses),
    chargeType: mapChargeType(raw.serviceChargeType),
    providerName: pickProviderName(raw.organizations),
    status: typeof raw.publishingStatus === 'string' ? raw.publishingStatus.toLowerCase() : 'published',
    keywords,
    source: 'ptv-v11',
  };
  return { ok: true, service };
}

/** Parse one record of the simplified list: `{ id, name, summary, areas }`. */
export function parsePtvSimpleService(raw: unknown): PtvRecordResult {
  if (!isObject(raw)) return { ok: false, reason: 'not an object' };
  const ptvId = nonEmptyString(raw.id);
  if (ptvId === null) return { ok: false, reason: 'missing id' };
  const name = nonEmptyString(raw.name);
  if (name === null) return { ok: false, reason: 'missing name' };
  if (raw.summary !== undefined && raw.summary !== null && typeof raw.summary !== 'string') {
    return { ok: false, reason: 'summary is not a string' };
  }
  if (!Array.isArray(raw.areas)) return { ok: false, reason: 'areas is missing or not an array' };
  if (raw.areas.length === 0) return { ok: false, reason: 'no areas' };

  let national = false;
  const codes: string[] = [];
  for (const area of raw.areas) {
    if (area === 'national') {
      national = true;
      continue;
    }
    const m = typeof area === 'string' ? /^municipality:(\d{1,3})$/.exec(area.trim()) : null;
    const code = m ? normaliseMunicipalityCode(m[1]) : null;
    if (code === null) return { ok: false, reason: `unknown area ${JSON.stringify(area)}` };
    if (!codes.includes(code)) codes.push(code);
  }

  const summary = typeof raw.summary === 'string' ? cleanPtvText(raw.summary) : '';
  const service: ImportedService = {
    ptvId,
    name: { fi: cleanPtvText(name) },
    summary: { fi: summary },
    description: { fi: '' },
    areaNational: national,
    municipalityCodes: codes,
    languages: [],
    clientGroups: [],
    targetGroupCodes: [],
    serviceClasses: [],
    chargeType: null,
    providerName: null,
    status: 'published',
    keywords: [],
    source: 'ptv-simple',
  };
  return { ok: true, service };
}

/** Parse one record of either format, detecting which. */
export function parsePtvRecord(raw: unknown): PtvRecordResult {
  if (isPtvV11Service(raw)) return parsePtvV11Service(raw);
  if (isPtvSimpleService(raw)) return parsePtvSimpleService(raw);
  if (!isObject(raw)) return { ok: false, reason: raw === null ? 'null record' : `not an object (${Array.isArray(raw) ? 'array' : typeof raw})` };
  return { ok: false, reason: 'unknown record format (neither PTV v11 service nor simplified service)' };
}

function refOf(position: string, raw: unknown): string {
  const id = isObject(raw) ? nonEmptyString(raw.id) : null;
  return id !== null && id !== position ? `${position} (${id})` : position;
}

function parseEntries(entries: [string, unknown][]): PtvParseResult {
  const services: ImportedService[] = [];
  const rejected: PtvRejection[] = [];
  const seen = new Set<string>();
  for (const [position, raw] of entries) {
    const result = parsePtvRecord(raw);
    if (!result.ok) {
      rejected.push({ ref: refOf(position, raw), reason: result.reason });
      continue;
    }
    if (seen.has(result.service.ptvId)) {
      rejected.push({ ref: refOf(position, raw), reason: `duplicate id ${result.service.ptvId}` });
      continue;
    }
    seen.add(result.service.ptvId);
    services.push(result.service);
  }
  return { services, rejected };
}

/**
 * Parse a PTV document of any supported shape. Never throws; a document that is not
 * recognisable at all gives no services and one rejection with ref 'document'.
 */
export function parsePtvDocument(json: unknown): PtvParseResult {
  if (Array.isArray(json)) return parseEntries(json.map((raw, i) => [`#${i}`, raw]));
  if (!isObject(json)) {
    return { services: [], rejected: [{ ref: 'document', reason: `expected an object or an array, got ${json === null ? 'null' : typeof json}` }] };
  }
  if (isPtvV11Service(json) || isPtvSimpleService(json)) return parseEntries([['#0', json]]);
  // Paged PTV API answer: { pageNumber, pageCount, itemList: [...] }
  if (Array.isArray(json.itemList)) return parseEntries(json.itemList.map((raw, i) => [`itemList#${i}`, raw]));
  const entries = Object.entries(json);
  if (entries.length === 0) return { services: [], rejected: [] };
  if (entries.some(([, v]) => isObject(v))) return parseEntries(entries);
  return { services: [], rejected: [{ ref: 'document', reason: 'unknown document format' }] };
}
