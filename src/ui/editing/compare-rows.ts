/**
 * The comparison tables' rows: one figure (households, residents, workers, buildings or
 * households per worker) of each community or grid, before, after and the difference, and their
 * order when a column header is clicked. A figure that does not exist on a side (no grid, no
 * worker) is null and sorts last either way.
 */
import type { FigureChanges, GridChangeStatus } from '../../analysis/plan-compare.ts';

export const COMPARE_METRICS = [
  'households',
  'residents',
  'workers',
  'buildings',
  'householdsPerWorker',
] as const satisfies readonly (keyof FigureChanges)[];
export type CompareMetric = (typeof COMPARE_METRICS)[number];

export type CompareSortKey = 'name' | 'before' | 'after' | 'difference';

export interface CompareRow {
  id: string;
  name: string;
  before: number | null;
  after: number | null;
  difference: number | null;
  /** For grid rows: added, removed, changed or unchanged. */
  status?: GridChangeStatus;
}

/**
 * The rows of one figure.
 * @example
 * compareRows(comparison.communities, 'households', (c) => c.communityId, (c) => c.communityName ?? c.communityId);
 */
export function compareRows<T extends FigureChanges & { status?: GridChangeStatus }>(
  items: readonly T[],
  metric: CompareMetric,
  idOf: (item: T) => string,
  nameOf: (item: T) => string,
): CompareRow[] {
  return items.map((item) => {
    const { before, after, difference } = item[metric];
    const row: CompareRow = { id: idOf(item), name: nameOf(item), before, after, difference };
    if (item.status) row.status = item.status;
    return row;
  });
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return 0;
  return typeof a === 'string' ? a.localeCompare(String(b), 'zh-CN') : a - (b as number);
}

/**
 * The rows sorted by a column (nulls last in both directions, ties by id); the input is kept.
 * @example
 * sortRows(rows, 'difference', 'desc')[0]; // the row that gained most
 */
export function sortRows(
  rows: readonly CompareRow[],
  key: CompareSortKey,
  direction: 'asc' | 'desc',
): CompareRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = compareValues(x, y);
      if (order !== 0) return sign * order;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
