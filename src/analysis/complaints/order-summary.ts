/**
 * One order as a list or a details panel shows it (and orders.json lists it): its fields with
 * times as ISO instants, its building by id, and how many hours past its due time it was closed
 * or is still open at the end of the period looked at.
 */
import { orderRecord, type OrderRecord, type OrderTable } from './order-table.ts';
import { isOverdue } from './overdue.ts';

const HOUR_MS = 3_600_000;

export interface OrderSummary extends Omit<
  OrderRecord,
  'createdAt' | 'dueAt' | 'closedAt' | 'building'
> {
  /** The order's row in the table (the handle the UI asks about it by). */
  row: number;
  createdAt: string;
  dueAt: string;
  closedAt: string | null;
  buildingId: string | null;
  /** Hours past the due time (null when not overdue). */
  lateHours: number | null;
}

/**
 * @example
 * orderSummary(table, 812, (b) => buildings[b]?.properties.id, period.end).lateHours; // 30.5
 */
export function orderSummary(
  table: OrderTable,
  row: number,
  buildingIdOf: (building: number) => string | undefined,
  asOf: number,
): OrderSummary {
  const { createdAt, dueAt, closedAt, building, ...rest } = orderRecord(table, row);
  const late = isOverdue(dueAt, closedAt, asOf) ? ((closedAt ?? asOf) - dueAt) / HOUR_MS : null;
  return {
    ...rest,
    row,
    createdAt: new Date(createdAt).toISOString(),
    dueAt: new Date(dueAt).toISOString(),
    closedAt: closedAt === null ? null : new Date(closedAt).toISOString(),
    buildingId: building >= 0 ? (buildingIdOf(building) ?? null) : null,
    lateHours: late,
  };
}
