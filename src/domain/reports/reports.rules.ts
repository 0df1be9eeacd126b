/** Pure parts of the reports: the period, CSV for Excel, the interface matrix and labels. */
import { finnishCalendarDate } from '../shared/calendar.js';

export const CASELOAD_LIMIT = 40; // seed 002: intensive guidance needs at most 40 clients per worker
export const LOST_CONTACT_DAYS = 90;
export const LOW_AREA_RATING = 2; // "I have difficulties" on the 1–5 self-assessment scale

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last twelve months up to today unless the caller chose; swapped if given the wrong way round. */
export function reportPeriod(from: string | undefined, to: string | undefined, today: Date): { from: string; to: string } {
  const end = to ?? finnishCalendarDate(today);
  const begin = from ?? isoDay(new Date(new Date(`${end}T00:00:00Z`).getTime() - 365 * 86_400_000));
  return begin <= end ? { from: begin, to: end } : { from: end, to: begin };
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * CSV that Excel in Finland opens right: UTF-8 with a byte-order mark, `;` between fields, decimal
 * comma, CRLF lines. Text that starts like a formula is prefixed so a spreadsheet never runs it.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (v: CsvCell) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return String(v).replace('.', ',');
    if (typeof v === 'boolean') return v ? '1' : '0';
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export interface Crossing {
  a: string;
  b: string;
  n: number;
}
export interface ReferralCrossing {
  from: string;
  to: string;
  referrals: number;
  failed: number;
}

/**
 * The sector × sector matrix: path crossings are undirected (shown both ways), referrals are
 * directed from the sender's sector to the receiver's; the failure rate is of referrals.
 */
export function interfaceMatrix(crossings: readonly Crossing[], referrals: readonly ReferralCrossing[], order: readonly string[]) {
  const cells = new Map<string, { from: string; to: string; handoffs: number; referrals: number; failed: number }>();
  const at = (from: string, to: string) => {
    const key = `${from}|${to}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { from, to, handoffs: 0, referrals: 0, failed: 0 }));
    return c;
  };
  for (const c of crossings) {
    at(c.a, c.b).handoffs += c.n;
    at(c.b, c.a).handoffs += c.n;
  }
  for (const r of referrals) {
    const c = at(r.from, r.to);
    c.referrals += r.referrals;
    c.failed += r.failed;
  }
  const seen = new Set([...cells.values()].flatMap((c) => [c.from, c.to]));
  const sectors = [...order.filter((s) => seen.has(s)), ...[...seen].filter((s) => !order.includes(s)).sort()];
  const rank = (s: string) => sectors.indexOf(s);
  return {
    sectors,
    cells: [...cells.values()]
      .sort((x, y) => rank(x.from) - rank(y.from) || rank(x.to) - rank(y.to))
      .map((c) => ({ ...c, failureRate: c.referrals > 0 ? Math.round((c.failed / c.referrals) * 1000) / 1000 : null })),
  };
}
