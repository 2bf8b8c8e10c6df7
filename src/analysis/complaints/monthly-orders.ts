/**
 * Orders per assessment month, in one pass over the table: the months' periods are cut once and
 * each order's month found by binary search over their starts, not by a date per order.
 */
import type { GridSettings } from '../../domain/settings.ts';
import { assessmentPeriod } from './assessment-period.ts';
import type { OrderTable } from './order-table.ts';

export interface MonthCount {
  month: string;
  orders: number;
}

/**
 * @example
 * monthlyOrders(table, ['2026-09', '2026-10'], settings); // [{ month: '2026-09', orders: 972 }, …]
 */
export function monthlyOrders(
  table: OrderTable,
  months: readonly string[],
  settings: Pick<GridSettings, 'assessmentMonthStartDay'>,
  included?: (row: number) => boolean,
): MonthCount[] {
  const starts = months.map((m) => assessmentPeriod(m, settings).start);
  const end = months.length ? assessmentPeriod(months.at(-1)!, settings).end : -Infinity;
  const counts = new Array<number>(months.length).fill(0);
  for (let row = 0; row < table.size; row++) {
    const t = table.createdAt[row]!;
    if (t < starts[0]! || t >= end || (included && !included(row))) continue;
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    counts[lo]!++;
  }
  return months.map((month, i) => ({ month, orders: counts[i]! }));
}
