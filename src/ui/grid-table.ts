/**
 * The grid workload table's columns and sorting: one row per grid of the report, with the names
 * the report leaves out (grid and community), each column's sort value, and a stable sort that
 * keeps missing values (a grid without a worker has no households per worker) last either way;
 * and whether a grid's households are off the band, which the table and the details panel mark.
 */
import type { GridWorkload } from '../analysis/coverage/report.ts';

export interface GridTableRow {
  workload: GridWorkload;
  name: string;
  community: string;
}

export const GRID_TABLE_COLUMNS = [
  'code',
  'name',
  'community',
  'type',
  'households',
  'residents',
  'buildings',
  'workers',
  'householdsPerWorker',
  'monthlyVisits',
  'areaM2',
  'compactness',
  'band',
  'householdsDeviation',
  'workOrders',
] as const;
export type GridTableColumn = (typeof GRID_TABLE_COLUMNS)[number];

/** The columns holding text: a click on one sorts it A to Z first. */
export const TEXT_COLUMNS: readonly GridTableColumn[] = ['code', 'name', 'community', 'type'];

export type SortDirection = 'asc' | 'desc';

export interface GridTableSort {
  column: GridTableColumn;
  direction: SortDirection;
}

/** Band statuses from furthest below to furthest above, exempt last. */
const BAND_ORDER = { below: 0, within: 1, above: 2, exempt: 3 } as const;

/** The value a column sorts by; null when the grid has none. */
export function sortValue(row: GridTableRow, column: GridTableColumn): number | string | null {
  const w = row.workload;
  switch (column) {
    case 'code':
      return w.gridId;
    case 'name':
      return row.name;
    case 'community':
      return row.community;
    case 'type':
      return w.type;
    case 'band':
      return BAND_ORDER[w.band];
    default:
      return w[column];
  }
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The rows sorted by one column, ties kept in input order, missing values last in both directions.
 * @example
 * sortGridRows(rows, { column: 'households', direction: 'desc' })[0].workload.gridId; // the fullest grid
 */
export function sortGridRows(
  rows: readonly GridTableRow[],
  { column, direction }: GridTableSort,
): GridTableRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: sortValue(row, column) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === null ? 1 : -1;
    }
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : collator.compare(String(a.value), String(b.value));
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map((k) => k.row);
}

/**
 * The next sort after a click on a column header: the same column flips direction, a new one
 * starts descending for figures (largest first) and ascending for text.
 * @example
 * nextSort({ column: 'code', direction: 'asc' }, 'households'); // { column: 'households', direction: 'desc' }
 */
export function nextSort(current: GridTableSort, column: GridTableColumn): GridTableSort {
  if (current.column === column)
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: TEXT_COLUMNS.includes(column) ? 'asc' : 'desc' };
}

/**
 * True when the grid's households fall below or above the band (the household half of
 * `outOfBand`, which also counts the resident limit); exempt grids never do.
 * @example
 * householdsOffBand({ band: 'above' }); // true
 */
export function householdsOffBand(w: Pick<GridWorkload, 'band'>): boolean {
  return w.band === 'below' || w.band === 'above';
}
