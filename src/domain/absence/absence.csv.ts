/**
 * Absence import from a school's student information system export (Wilma, Primus …):
 * one row per pupil, day and kind. Schools export with `;` (Finnish Excel) or `,`; hours may use
 * a decimal comma. Bad rows are reported in Finnish with their line number and never stop the rest.
 */
import type { Lang } from '../shared/errors.js';
import type { AbsenceKind } from './absence.types.js';

export interface AbsenceCsvRow {
  line: number;
  pupilId: string;
  date: string; // YYYY-MM-DD
  hours: number;
  kind: AbsenceKind;
}

export interface AbsenceCsvRejection {
  line: number;
  reason: string; // Finnish, shown to the school's user as is
}

export interface AbsenceCsvResult {
  rows: AbsenceCsvRow[];
  rejected: AbsenceCsvRejection[];
}

type Column = 'pupilId' | 'date' | 'hours' | 'kind';

const HEADER_ALIASES: Record<Column, readonly string[]> = {
  pupilId: ['pupil_id', 'pupilid', 'pupil', 'oppilas_id', 'oppilas', 'oppilasnumero', 'elev_id', 'elev'],
  date: ['date', 'pvm', 'päivämäärä', 'paivamaara', 'datum'],
  hours: ['hours', 'tunnit', 'tuntia', 'h', 'timmar'],
  kind: ['kind', 'laji', 'tyyppi', 'type', 'typ'],
};

const KIND_ALIASES: Record<string, AbsenceKind> = {
  unauthorized: 'unauthorized',
  luvaton: 'unauthorized',
  'luvaton poissaolo': 'unauthorized',
  olovlig: 'unauthorized',
  'olovlig frånvaro': 'unauthorized',
  sick: 'sick',
  sairaus: 'sick',
  sairauspoissaolo: 'sick',
  sjuk: 'sick',
  sjukdom: 'sick',
  sjukfrånvaro: 'sick',
  other: 'other',
  unauthorised: 'unauthorized',
  muu: 'other',
  'muu huolestuttava poissaolo': 'other',
  annan: 'other',
  övrig: 'other',
};

/** Why a row is rejected, in the importer's language (fi/sv/en). */
export const CSV_MESSAGES = {
  fi: {
    empty: 'Tiedosto on tyhjä.',
    headerQuotes: 'Otsikkorivin lainausmerkit eivät täsmää.',
    missingColumn: (cols: string) => `Otsikkorivistä puuttuu sarake: ${cols}. Odotettu otsikko on esimerkiksi pupil_id;date;hours;kind.`,
    rowQuotes: 'Rivin lainausmerkit eivät täsmää.',
    fieldCount: (n: number, needed: number) => `Rivillä on ${n} kenttää, tarvitaan ${needed}.`,
    noPupil: 'Oppilaan tunniste puuttuu.',
    badDate: (v: string) => `Päivämäärä "${v}" ei kelpaa. Käytä muotoa 2026-09-14 tai 14.9.2026.`,
    notNumber: (v: string) => `Tuntimäärä "${v}" ei ole luku.`,
    notPositive: 'Tuntimäärän pitää olla suurempi kuin 0.',
    tooMany: (v: string) => `Tuntimäärä ${v} on liian suuri yhdelle päivälle.`,
    badKind: (v: string) => `Poissaolon laji "${v}" on tuntematon. Käytä: luvaton, sairaus tai muu.`,
    unknownPupil: (v: string) => `Oppilasta "${v}" ei löydy tämän koulun oppilaista.`,
    future: (v: string) => `Päivämäärä ${v} on tulevaisuudessa.`,
    duplicate: 'Sama poissaolo on jo kirjattu (sama oppilas, päivä, laji ja tunnit).',
  },
  sv: {
    empty: 'Filen är tom.',
    headerQuotes: 'Citattecknen på rubrikraden stämmer inte.',
    missingColumn: (cols: string) => `Rubrikraden saknar kolumnen: ${cols}. En väntad rubrik är till exempel pupil_id;date;hours;kind.`,
    rowQuotes: 'Citattecknen på raden stämmer inte.',
    fieldCount: (n: number, needed: number) => `Raden har ${n} fält, det behövs ${needed}.`,
    noPupil: 'Elevens identifierare saknas.',
    badDate: (v: string) => `Datumet "${v}" duger inte. Använd formen 2026-09-14 eller 14.9.2026.`,
    notNumber: (v: string) => `Timantalet "${v}" är inte ett tal.`,
    notPositive: 'Timantalet ska vara större än 0.',
    tooMany: (v: string) => `Timantalet ${v} är för stort för en dag.`,
    badKind: (v: string) => `Frånvaroslaget "${v}" är okänt. Använd: olovlig, sjukdom eller annan.`,
    unknownPupil: (v: string) => `Eleven "${v}" finns inte bland skolans elever.`,
    future: (v: string) => `Datumet ${v} är i framtiden.`,
    duplicate: 'Samma frånvaro är redan införd (samma elev, dag, slag och timmar).',
  },
  en: {
    empty: 'The file is empty.',
    headerQuotes: 'The quotation marks of the header row do not match.',
    missingColumn: (cols: string) => `The header row lacks the column: ${cols}. An expected header is for example pupil_id;date;hours;kind.`,
    rowQuotes: 'The quotation marks of the row do not match.',
    fieldCount: (n: number, needed: number) => `The row has ${n} fields, ${needed} are needed.`,
    noPupil: 'The pupil identifier is missing.',
    badDate: (v: string) => `The date "${v}" is not valid. Use the form 2026-09-14 or 14.9.2026.`,
    notNumber: (v: string) => `The hours "${v}" are not a number.`,
    notPositive: 'The hours must be more than 0.',
    tooMany: (v: string) => `${v} hours is too many for one day.`,
    badKind: (v: string) => `The absence kind "${v}" is unknown. Use: unauthorised, sick or other.`,
    unknownPupil: (v: string) => `The pupil "${v}" is not among this school's pupils.`,
    future: (v: string) => `The date ${v} is in the future.`,
    duplicate: 'The same absence is already recorded (same pupil, day, kind and hours).',
  },
} as const;
type CsvMessages = (typeof CSV_MESSAGES)[Lang];

/** More than this in one row cannot be one day's absence. */
const MAX_HOURS_PER_ROW = 24;

export function parseAbsenceCsv(text: string, lang: Lang = 'fi'): AbsenceCsvResult {
  const m = CSV_MESSAGES[lang];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) return { rows: [], rejected: [{ line: 1, reason: m.empty }] };

  const headerLine = lines[headerIndex]!;
  const delimiter = headerLine.includes(';') ? ';' : ',';
  const header = splitFields(headerLine, delimiter);
  if (header === null) return { rows: [], rejected: [{ line: headerIndex + 1, reason: m.headerQuotes }] };

  const columns = mapHeader(header);
  if ('missing' in columns) {
    return {
      rows: [],
      rejected: [
        {
          line: headerIndex + 1,
          reason: m.missingColumn(columns.missing.join(', ')),
        },
      ],
    };
  }

  const rows: AbsenceCsvRow[] = [];
  const rejected: AbsenceCsvRejection[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const result = parseRow(raw, i + 1, delimiter, columns, header.length, m);
    if ('reason' in result) rejected.push(result);
    else rows.push(result);
  }
  return { rows, rejected };
}

function mapHeader(header: string[]): Record<Column, number> | { missing: string[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const found: Partial<Record<Column, number>> = {};
  const missing: string[] = [];
  for (const col of Object.keys(HEADER_ALIASES) as Column[]) {
    const idx = names.findIndex((n) => HEADER_ALIASES[col].includes(n));
    if (idx < 0) missing.push(HEADER_ALIASES[col][0]!);
    else found[col] = idx;
  }
  return missing.length > 0 ? { missing } : (found as Record<Column, number>);
}

function parseRow(
  raw: string,
  line: number,
  delimiter: string,
  columns: Record<Column, number>,
  headerWidth: number,
  m: CsvMessages,
): AbsenceCsvRow | AbsenceCsvRejection {
  const split = splitFields(raw, delimiter);
  if (split === null) return { line, reason: m.rowQuotes };
  const fields = delimiter === ',' ? joinUnquotedDecimal(split, columns.hours, headerWidth) : split;
  const needed = Math.max(...Object.values(columns)) + 1;
  if (fields.length < needed) {
    return { line, reason: m.fieldCount(fields.length, needed) };
  }
  const get = (c: Column) => fields[columns[c]]!.trim();

  const pupilId = get('pupilId');
  if (pupilId === '') return { line, reason: m.noPupil };

  const date = parseDate(get('date'));
  if (date === null) return { line, reason: m.badDate(get('date')) };

  const hoursText = get('hours');
  if (!/^\d+([.,]\d+)?$/.test(hoursText)) return { line, reason: m.notNumber(hoursText) };
  const hours = Number(hoursText.replace(',', '.'));
  if (hours <= 0) return { line, reason: m.notPositive };
  if (hours > MAX_HOURS_PER_ROW) return { line, reason: m.tooMany(hoursText) };

  const kind = KIND_ALIASES[get('kind').toLowerCase().replace(/\s+/g, ' ')];
  if (!kind) return { line, reason: m.badKind(get('kind')) };

  return { line, pupilId, date, hours, kind };
}

/**
 * `A1,2026-09-14,2,5,sick`: in a comma file an unquoted decimal comma splits the hours in two.
 * When the row has exactly one field too many and the hours field and the next are both digits,
 * they are read as one number.
 */
function joinUnquotedDecimal(fields: string[], hoursIndex: number, headerWidth: number): string[] {
  const whole = fields[hoursIndex]?.trim() ?? '';
  const decimals = fields[hoursIndex + 1]?.trim() ?? '';
  if (fields.length !== headerWidth + 1 || !/^\d+$/.test(whole) || !/^\d+$/.test(decimals)) return fields;
  return [...fields.slice(0, hoursIndex), `${whole},${decimals}`, ...fields.slice(hoursIndex + 2)];
}

/** Splits one line, honouring "double quotes" and "" escapes; null when a quote is left open. */
function splitFields(line: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (ch === delimiter) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted) return null;
  fields.push(current);
  return fields;
}

/** `YYYY-MM-DD` or Finnish `d.m.yyyy`; must be a real calendar date. */
function parseDate(s: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fi) [d, m, y] = [Number(fi[1]), Number(fi[2]), Number(fi[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
