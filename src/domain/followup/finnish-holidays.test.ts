import { describe, expect, it } from 'vitest';
import { easterSunday, finnishHolidays, isFinnishHoliday, isWorkingDay } from './finnish-holidays.js';
import { addWorkingDays, DEFAULT_FOLLOWUP_SETTINGS, statutoryDeadline } from './followup.rules.js';

const byKey = (year: number) => Object.fromEntries(finnishHolidays(year).map((h) => [h.key, h.date]));

describe('Finnish public holidays', () => {
  it('computes Easter Sunday, including the earliest and latest possible dates', () => {
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible
  });

  it.each([
    [2024, { 'good-friday': '2024-03-29', 'easter-monday': '2024-04-01', ascension: '2024-05-09', 'midsummer-eve': '2024-06-21', 'midsummer-day': '2024-06-22', 'all-saints': '2024-11-02' }],
    [2025, { 'good-friday': '2025-04-18', 'easter-monday': '2025-04-21', ascension: '2025-05-29', 'midsummer-eve': '2025-06-20', 'midsummer-day': '2025-06-21', 'all-saints': '2025-11-01' }],
    [2026, { 'good-friday': '2026-04-03', 'easter-monday': '2026-04-06', ascension: '2026-05-14', 'midsummer-eve': '2026-06-19', 'midsummer-day': '2026-06-20', 'all-saints': '2026-10-31' }],
    [2027, { 'good-friday': '2027-03-26', 'easter-monday': '2027-03-29', ascension: '2027-05-06', 'midsummer-eve': '2027-06-25', 'midsummer-day': '2027-06-26', 'all-saints': '2027-11-06' }],
  ])('moving holidays of %i', (year, expected) => {
    expect(byKey(year)).toMatchObject(expected);
  });

  it('has the fixed holidays every year', () => {
    for (const year of [2024, 2025, 2026, 2030]) {
      expect(byKey(year)).toMatchObject({
        'new-year': `${year}-01-01`, epiphany: `${year}-01-06`, 'may-day': `${year}-05-01`, 'independence-day': `${year}-12-06`,
        'christmas-eve': `${year}-12-24`, 'christmas-day': `${year}-12-25`, 'boxing-day': `${year}-12-26`,
      });
      expect(finnishHolidays(year)).toHaveLength(15);
    }
  });

  it('Midsummer Eve is always a Friday 19–25 June and All Saints a Saturday 31 Oct–6 Nov', () => {
    for (let year = 2020; year <= 2040; year += 1) {
      const h = byKey(year);
      const eve = new Date(`${h['midsummer-eve']}T12:00:00Z`);
      expect(eve.getUTCDay()).toBe(5);
      expect(h['midsummer-eve']! >= `${year}-06-19` && h['midsummer-eve']! <= `${year}-06-25`).toBe(true);
      const saints = new Date(`${h['all-saints']}T12:00:00Z`);
      expect(saints.getUTCDay()).toBe(6);
      expect(h['all-saints']! >= `${year}-10-31` && h['all-saints']! <= `${year}-11-06`).toBe(true);
    }
  });

  it('tells working days from weekends and holidays', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-06-19')).toBe(false); // Midsummer Eve
    expect(isWorkingDay('2027-12-06')).toBe(false); // Independence Day on a Monday
    expect(isFinnishHoliday('2026-04-07')).toBe(false);
  });
});

describe('SHL 36 § working-day deadlines skip holidays', () => {
  it('over Christmas, New Year and Epiphany', () => {
    expect(addWorkingDays('2026-12-23', 7)).toBe('2027-01-07');
  });
  it('over Easter (Good Friday and Easter Monday)', () => {
    expect(addWorkingDays('2026-04-01', 7)).toBe('2026-04-14');
    expect(addWorkingDays('2027-03-24', 2)).toBe('2027-03-30');
  });
  it('over Midsummer Eve, May Day, Ascension and Independence Day', () => {
    expect(addWorkingDays('2026-06-17', 2)).toBe('2026-06-22');
    expect(addWorkingDays('2026-04-30', 1)).toBe('2026-05-04');
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(addWorkingDays('2027-12-03', 1)).toBe('2027-12-07');
  });
  it('the statutory rule uses the holiday calendar', () => {
    const rule = DEFAULT_FOLLOWUP_SETTINGS.statutoryDeadlines[0]!;
    expect(statutoryDeadline(rule, '2025-12-19')).toBe('2026-01-05'); // 22, 23, 29, 30, 31 Dec, 2 and 5 Jan
  });
});
