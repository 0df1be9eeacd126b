/**
 * Finnish public holidays (and the de facto non-working Midsummer Eve and Christmas Eve), computed
 * for any year, for the working-day calendar of statutory deadlines (SHL 36 §: "seitsemäntenä
 * arkipäivänä"). A working day is Monday–Friday that is not one of these.
 */

export type HolidayKey =
  | 'new-year' | 'epiphany' | 'good-friday' | 'easter-sunday' | 'easter-monday' | 'may-day' | 'ascension' | 'pentecost'
  | 'midsummer-eve' | 'midsummer-day' | 'all-saints' | 'independence-day' | 'christmas-eve' | 'christmas-day' | 'boxing-day';

export interface Holiday {
  date: string; // YYYY-MM-DD
  key: HolidayKey;
  fi: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12)).toISOString().slice(0, 10);
const shift = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** The first date with the given weekday (0 = Sunday … 6 = Saturday) on or after y-m-d. */
const weekdayOnOrAfter = (y: number, m: number, d: number, weekday: number) => {
  const start = new Date(Date.UTC(y, m - 1, d, 12));
  return shift(iso(y, m, d), (weekday - start.getUTCDay() + 7) % 7);
};

/** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The holidays of one year, in date order. */
export function finnishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: iso(year, 1, 1), key: 'new-year', fi: 'Uudenvuodenpäivä' },
    { date: iso(year, 1, 6), key: 'epiphany', fi: 'Loppiainen' },
    { date: shift(easter, -2), key: 'good-friday', fi: 'Pitkäperjantai' },
    { date: easter, key: 'easter-sunday', fi: 'Pääsiäispäivä' },
    { date: shift(easter, 1), key: 'easter-monday', fi: '2. pääsiäispäivä' },
    { date: iso(year, 5, 1), key: 'may-day', fi: 'Vappu' },
    { date: shift(easter, 39), key: 'ascension', fi: 'Helatorstai' },
    { date: shift(easter, 49), key: 'pentecost', fi: 'Helluntaipäivä' },
    { date: weekdayOnOrAfter(year, 6, 19, 5), key: 'midsummer-eve', fi: 'Juhannusaatto' },
    { date: weekdayOnOrAfter(year, 6, 20, 6), key: 'midsummer-day', fi: 'Juhannuspäivä' },
    { date: weekdayOnOrAfter(year, 10, 31, 6), key: 'all-saints', fi: 'Pyhäinpäivä' },
    { date: iso(year, 12, 6), key: 'independence-day', fi: 'Itsenäisyyspäivä' },
    { date: iso(year, 12, 24), key: 'christmas-eve', fi: 'Jouluaatto' },
    { date: iso(year, 12, 25), key: 'christmas-day', fi: 'Joulupäivä' },
    { date: iso(year, 12, 26), key: 'boxing-day', fi: 'Tapaninpäivä' },
  ];
  return list.sort((x, y) => x.date.localeCompare(y.date));
}

const cache = new Map<number, Set<string>>();
function holidaySet(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(finnishHolidays(year).map((h) => h.date));
    cache.set(year, set);
  }
  return set;
}

export const isFinnishHoliday = (isoDate: string) => holidaySet(Number(isoDate.slice(0, 4))).has(isoDate);

/** Monday–Friday and not a Finnish public holiday (nor Midsummer Eve or Christmas Eve). */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isFinnishHoliday(isoDate);
}
