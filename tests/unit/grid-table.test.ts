// The grid workload table's sorting: numbers and text, both directions, ties in input order,
// missing values last either way; the header click cycle; which grids are marked off the norm.
import { describe, expect, it } from 'vitest';
import type { GridWorkload } from '../../src/analysis/coverage/report.ts';
import { outOfBand as isOutOfNorm } from '../../src/analysis/coverage/workload.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { nextSort, sortGridRows, sortValue, type GridTableRow } from '../../src/ui/grid-table.ts';

const workload = (over: Partial<GridWorkload>): GridWorkload => ({
  gridId: '110106090001001',
  communityId: '110106090001',
  type: 'comprehensive',
  households: 400,
  residents: 1000,
  buildings: 10,
  difficultHouseholds: 0,
  specialHouseholds: 0,
  workers: 2,
  householdsPerWorker: 200,
  monthlyVisits: 66.7,
  areaM2: 60000,
  perimeterM: 1000,
  compactness: 0.75,
  parts: 1,
  workOrders: 300,
  band: 'within',
  householdsDeviation: 0,
  residentsOver: 0,
  ...over,
});

const row = (
  over: Partial<GridWorkload>,
  name = '网格',
  community = '安澜里社区',
): GridTableRow => ({
  workload: workload(over),
  name,
  community,
});

const rows: GridTableRow[] = deepFreeze([
  row({ gridId: '110106090001001', households: 420 }, '安澜里社区第1网格'),
  row({ gridId: '110106090005003', households: 964, band: 'above' }, '槐花社区第3网格', '槐花社区'),
  row({ gridId: '110106090002001', households: 420, workers: 0, householdsPerWorker: null }),
  row({ gridId: '110106090003001', households: 0, type: 'dedicated', band: 'exempt' }),
  row({ gridId: '110106090001002', households: 280, band: 'below', householdsDeviation: -20 }),
]);
const ids = (sorted: GridTableRow[]) => sorted.map((r) => r.workload.gridId);

describe('sortGridRows', () => {
  it('sorts figures largest first or smallest first, ties in input order', () => {
    expect(ids(sortGridRows(rows, { column: 'households', direction: 'desc' }))).toEqual([
      '110106090005003',
      '110106090001001',
      '110106090002001',
      '110106090001002',
      '110106090003001',
    ]);
    expect(ids(sortGridRows(rows, { column: 'households', direction: 'asc' }))).toEqual([
      '110106090003001',
      '110106090001002',
      '110106090001001',
      '110106090002001',
      '110106090005003',
    ]);
  });

  it('keeps grids without the figure last in both directions', () => {
    for (const direction of ['asc', 'desc'] as const)
      expect(ids(sortGridRows(rows, { column: 'householdsPerWorker', direction })).at(-1)).toBe(
        '110106090002001',
      );
  });

  it('sorts codes and names as text, numbers inside names by value', () => {
    expect(ids(sortGridRows(rows, { column: 'code', direction: 'asc' }))).toEqual([
      '110106090001001',
      '110106090001002',
      '110106090002001',
      '110106090003001',
      '110106090005003',
    ]);
    const named = [row({ gridId: 'a' }, '第10网格'), row({ gridId: 'b' }, '第9网格')];
    expect(ids(sortGridRows(named, { column: 'name', direction: 'asc' }))).toEqual(['b', 'a']);
  });

  it('orders band statuses from below to above, exempt last', () => {
    expect(sortValue(rows[4]!, 'band') as number).toBeLessThan(
      sortValue(rows[0]!, 'band') as number,
    );
    expect(ids(sortGridRows(rows, { column: 'band', direction: 'asc' })).at(-1)).toBe(
      '110106090003001',
    );
  });
});

describe('nextSort', () => {
  it('flips the direction on the same column', () => {
    expect(nextSort({ column: 'households', direction: 'desc' }, 'households')).toEqual({
      column: 'households',
      direction: 'asc',
    });
  });

  it('starts figures descending and text ascending', () => {
    const from = { column: 'code', direction: 'asc' } as const;
    expect(nextSort(from, 'residents').direction).toBe('desc');
    expect(nextSort(from, 'community').direction).toBe('asc');
  });
});

describe('isOutOfNorm', () => {
  it('marks grids off the household band or over the resident limit, not exempt ones', () => {
    expect(isOutOfNorm(workload({ band: 'above' }))).toBe(true);
    expect(isOutOfNorm(workload({ band: 'below' }))).toBe(true);
    expect(isOutOfNorm(workload({ residentsOver: 12 }))).toBe(true);
    expect(isOutOfNorm(workload({ band: 'exempt' }))).toBe(false);
    expect(isOutOfNorm(workload({}))).toBe(false);
  });
});
