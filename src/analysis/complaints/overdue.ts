/**
 * Overdue work orders (超期): closed after their due time, or still open past it at the end of the
 * period looked at. The due time is the export's, or the creation time plus the category's time
 * limit when the export has none (time-limits.ts).
 */
import type { GridSettings } from '../../domain/settings.ts';
import type { OrderTable } from './order-table.ts';
import { limitClassOf, limitMs } from './time-limits.ts';

/**
 * Whether an order is overdue as of `asOf` (epoch ms); `closedAt` NaN or null for an open order.
 * @example
 * isOverdue(due, null, periodEnd); // true when the period ends after the due time
 */
export function isOverdue(dueAt: number, closedAt: number | null, asOf: number): boolean {
  if (closedAt !== null && !Number.isNaN(closedAt)) return closedAt > dueAt;
  return asOf > dueAt;
}

/**
 * The due time of an order: its own when given, else creation plus the category's limit.
 * @example
 * dueTime(created, null, '供暖', '暖气不热', DEFAULT_SETTINGS); // created + 24 h
 */
export function dueTime(
  createdAt: number,
  dueAt: number | null,
  category2: string,
  category3: string | null,
  settings: Pick<GridSettings, 'timeLimits'>,
): number {
  if (dueAt !== null && !Number.isNaN(dueAt)) return dueAt;
  return createdAt + limitMs(limitClassOf(category2, category3), settings);
}

/**
 * The overdue orders among those `included` as of `asOf`: the `limit` latest (by how long past
 * their due time they were closed, or are still open), latest first, and how many there are.
 * @example
 * overdueRows(table, inMonth, period.end, 50); // { rows: [812, 77, …], count: 71 }
 */
export function overdueRows(
  table: Pick<OrderTable, 'size' | 'dueAt' | 'closedAt'>,
  included: (row: number) => boolean,
  asOf: number,
  limit: number,
): { rows: number[]; count: number } {
  const late: { row: number; by: number }[] = [];
  for (let row = 0; row < table.size; row++) {
    if (!included(row)) continue;
    const due = table.dueAt[row]!;
    const closed = table.closedAt[row]!;
    if (!isOverdue(due, closed, asOf)) continue;
    late.push({ row, by: (Number.isNaN(closed) ? asOf : closed) - due });
  }
  late.sort((a, b) => b.by - a.by || a.row - b.row);
  return { rows: late.slice(0, limit).map((l) => l.row), count: late.length };
}
