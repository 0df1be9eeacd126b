import { describe, expect, it } from 'vitest';
import { councilTable, HIDDEN, SMALL, statistic, suppressColumn } from './reports.council.rules.js';

describe('small-count suppression for council reports', () => {
  it('shows 1–4 as <5 and keeps 0 and 5+', () => {
    expect(suppressColumn([0, 1, 4, 5, 12], false).cells).toEqual([0, SMALL, SMALL, 5, 12]);
  });

  it('hides a second cell when one small cell could be calculated from the total', () => {
    const { cells, total } = suppressColumn([3, 40, 7], true);
    expect(cells).toEqual([SMALL, 40, HIDDEN]);
    expect(total).toBe(50);
  });

  it('hides the second cell even when several cells are small (all-ones or all-fours would be exact)', () => {
    expect(suppressColumn([1, 1, 20], true)).toEqual({ cells: [SMALL, SMALL, HIDDEN], total: 22 });
  });

  it('hides the total when nothing else can be hidden', () => {
    expect(suppressColumn([3, 4, 0], true)).toEqual({ cells: [SMALL, SMALL, 0], total: HIDDEN });
    expect(suppressColumn([2, 0], true)).toEqual({ cells: [SMALL, 0], total: SMALL });
  });

  it('leaves a column without small counts as it is', () => {
    expect(suppressColumn([0, 5, 9], true)).toEqual({ cells: [0, 5, 9], total: 14 });
  });

  it('never leaves exactly one hidden cell in a column with a shown total', () => {
    for (let seed = 0; seed < 500; seed++) {
      const values = Array.from({ length: 2 + (seed % 5) }, (_, i) => ((seed * 7 + i * 13) % 11) - (i % 3 === 0 ? 3 : 0)).map((v) => Math.max(0, v));
      const { cells, total } = suppressColumn(values, true);
      const hidden = cells.filter((c) => c === SMALL || c === HIDDEN).length;
      if (typeof total === 'number') expect(hidden === 0 || hidden >= 2, JSON.stringify(values)).toBe(true);
      cells.forEach((c, i) => {
        if (values[i]! >= 1 && values[i]! <= 4) expect(c).toBe(SMALL);
      });
    }
  });

  it('hides medians of fewer than 5 cases', () => {
    expect(statistic(12.5, 4)).toBe(HIDDEN);
    expect(statistic(12.5, 5)).toBe(12.5);
    expect(statistic(null, 0)).toBeNull();
  });

  it('builds a table with a total row', () => {
    const t = councilTable(
      [{ key: 'name', label: 'Taso', kind: 'label' }, { key: 'n', label: 'Asiakkaita', kind: 'count' }, { key: 'm', label: 'Mediaani', kind: 'statistic', casesKey: 'n' }],
      [{ name: 'A', n: 2, m: 30 }, { name: 'B', n: 10, m: 40 }, { name: 'C', n: 8, m: 20 }],
      { withTotal: true, totalLabel: 'Yhteensä' },
    );
    expect(t.rows).toEqual([['A', SMALL, HIDDEN], ['B', 10, 40], ['C', HIDDEN, 20]]);
    expect(t.total).toEqual(['Yhteensä', 20, null]);
  });
});
