/**
 * Small-count suppression for reports meant for councils and the public (valtuustot, lautakunnat).
 * No personal data leaves in them, and no count of 1–4 people can be read or calculated:
 *  - primary: a count 1–4 is shown as "<5" (0 is shown: nobody is identified by it);
 *  - secondary: where a column has a total, one hidden cell could be calculated as total minus the
 *    rest, so the smallest other non-zero cell is hidden too ("..", hidden to protect another cell);
 *    if there is no other non-zero cell, the total itself is hidden;
 *  - a median or average of fewer than 5 cases is hidden ("..").
 */
export const COUNCIL_MIN_COUNT = 5;
export const SMALL = '<5';
export const HIDDEN = '..';
export type CouncilCell = number | string | null;

const isSmall = (v: number) => v >= 1 && v < COUNCIL_MIN_COUNT;

/** One column of counts (rows that add up to `total` when `withTotal`). */
export function suppressColumn(values: readonly number[], withTotal: boolean): { cells: CouncilCell[]; total: CouncilCell } {
  const cells: CouncilCell[] = values.map((v) => (isSmall(v) ? SMALL : v));
  const sum = values.reduce((a, v) => a + v, 0);
  if (!withTotal) return { cells, total: null };
  if (isSmall(sum)) return { cells, total: SMALL };
  const primary = values.filter(isSmall).length;
  if (primary === 0) return { cells, total: sum };
  let candidate = -1;
  values.forEach((v, i) => {
    if (v >= COUNCIL_MIN_COUNT && (candidate === -1 || v < values[candidate]!)) candidate = i;
  });
  if (candidate === -1) return { cells, total: HIDDEN };
  cells[candidate] = HIDDEN;
  return { cells, total: sum };
}

/** A median (or other statistic) shown only when it rests on at least 5 cases. */
export const statistic = (value: number | null, cases: number): CouncilCell => (value === null ? null : cases >= COUNCIL_MIN_COUNT ? value : HIDDEN);

export interface CouncilColumn {
  key: string;
  label: string;
  kind: 'label' | 'count' | 'statistic';
}

/**
 * Builds a table: label columns as they are, count columns suppressed column by column (with a
 * total row when `withTotal`), statistic columns hidden when their `casesKey` count is under 5.
 */
export function councilTable(
  columns: readonly (CouncilColumn & { casesKey?: string })[],
  rows: readonly Record<string, string | number | null>[],
  opts: { withTotal: boolean; totalLabel: string },
): { columns: CouncilColumn[]; rows: CouncilCell[][]; total: CouncilCell[] | null } {
  const out: CouncilCell[][] = rows.map(() => []);
  const total: CouncilCell[] = [];
  columns.forEach((c, ci) => {
    if (c.kind === 'count') {
      const { cells, total: t } = suppressColumn(rows.map((r) => Number(r[c.key] ?? 0)), opts.withTotal);
      cells.forEach((cell, ri) => (out[ri]![ci] = cell));
      total[ci] = t;
    } else if (c.kind === 'statistic') {
      rows.forEach((r, ri) => (out[ri]![ci] = statistic((r[c.key] as number | null) ?? null, Number(r[c.casesKey ?? ''] ?? 0))));
      total[ci] = null;
    } else {
      rows.forEach((r, ri) => (out[ri]![ci] = (r[c.key] as string | null) ?? null));
      total[ci] = ci === 0 ? opts.totalLabel : null;
    }
  });
  return { columns: columns.map(({ key, label, kind }) => ({ key, label, kind })), rows: out, total: opts.withTotal ? total : null };
}
