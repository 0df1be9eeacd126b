import { describe, expect, it } from 'vitest';
import { interfaceMatrix, reportPeriod, toCsv } from './reports.rules.js';

describe('report rules', () => {
  it('defaults to the twelve months before today and swaps a reversed period', () => {
    expect(reportPeriod(undefined, undefined, new Date('2026-11-22T08:00:00Z'))).toEqual({ from: '2025-11-22', to: '2026-11-22' });
    expect(reportPeriod('2026-05-01', '2026-01-01', new Date())).toEqual({ from: '2026-01-01', to: '2026-05-01' });
  });

  it('writes Excel-friendly CSV: BOM, semicolons, decimal comma, quoting and no formulas', () => {
    const csv = toCsv(['a', 'b', 'c'], [['x;y', 1.5, '=SUM(A1)'], ['"q"', null, true]]);
    expect(csv.startsWith('\uFEFFa;b;c\r\n')).toBe(true);
    expect(csv).toContain('"x;y";1,5;\'=SUM(A1)\r\n');
    expect(csv).toContain('"""q""";;1\r\n');
  });

  it('mirrors path crossings, keeps referrals directed and computes the failure rate', () => {
    const m = interfaceMatrix(
      [{ a: 'ngo', b: 'wellbeing-county', n: 3 }],
      [{ from: 'wellbeing-county', to: 'ngo', referrals: 4, failed: 1 }],
      ['municipality', 'wellbeing-county', 'ngo'],
    );
    expect(m.sectors).toEqual(['wellbeing-county', 'ngo']);
    expect(m.cells).toEqual([
      { from: 'wellbeing-county', to: 'ngo', handoffs: 3, referrals: 4, failed: 1, failureRate: 0.25 },
      { from: 'ngo', to: 'wellbeing-county', handoffs: 3, referrals: 0, failed: 0, failureRate: null },
    ]);
  });
});
