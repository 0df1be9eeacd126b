import { describe, expect, it } from 'vitest';
import { finnishCalendarDate } from './calendar.js';

describe('finnishCalendarDate', () => {
  it('is already tomorrow in Finland late in the UTC evening (winter UTC+2, summer UTC+3)', () => {
    expect(finnishCalendarDate(new Date('2026-11-22T21:59:00Z'))).toBe('2026-11-22');
    expect(finnishCalendarDate(new Date('2026-11-22T22:03:00Z'))).toBe('2026-11-23');
    expect(finnishCalendarDate(new Date('2026-07-31T20:59:00Z'))).toBe('2026-07-31');
    expect(finnishCalendarDate(new Date('2026-07-31T21:00:00Z'))).toBe('2026-08-01');
  });
});
