/**
 * Orders per assessment month, in one pass over the table: the months' periods are cut once and
 * each order's month found by binary search over their starts, not by a date per order.
 */
import type { GridSettings } from '../../domain/settings.ts';
import {
  assessmentMonthOf,
  assessmentPeriod,
  lastCompleteMonth,
  shiftMonth,
} from './assessment-period.ts';
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

/**
 * The assessment months the orders span, oldest first, and the latest of them that is complete
 * (the month a report shows unless asked for another); null for a table without orders.
 * @example
 * orderMonths(table, settings); // { months: ['2024-11', …, '2026-11'], lastComplete: '2026-10' }
 */
export function orderMonths(
  table: OrderTable,
  settings: Pick<GridSettings, 'assessmentMonthStartDay'>,
): { months: string[]; lastComplete: string } | null {
  if (table.size === 0) return null;
  let [earliest, latest] = [Infinity, -Infinity];
  for (const t of table.createdAt) {
    earliest = Math.min(earliest, t);
    latest = Math.max(latest, t);
  }
  const months = [assessmentMonthOf(earliest, settings)];
  const last = assessmentMonthOf(latest, settings);
  while (months.at(-1)! < last) months.push(shiftMonth(months.at(-1)!, 1));
  return { months, lastComplete: lastCompleteMonth(latest + 1, settings) };
}
