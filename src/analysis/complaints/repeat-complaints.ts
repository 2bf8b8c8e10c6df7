/**
 * Repeat complaints (重复投诉): a building with at least 3 orders of the same second-level category
 * within any 30 days (both from the settings). Found by sorting each building's orders of a
 * category by time and sliding a window over them.
 */
import type { GridSettings } from '../../domain/settings.ts';
import type { OrderTable } from './order-table.ts';

const DAY_MS = 86_400_000;

export interface RepeatComplaint {
  /** Index of the building in the street's building list. */
  building: number;
  /** Index of the category in the table's category2 dictionary. */
  category2: number;
  /** The most orders within one window. */
  peak: number;
  /** Every order of the building in the category, oldest first (row indexes in the table). */
  orders: number[];
}

/**
 * The repeat complaints among the orders `included` (all when omitted), busiest first.
 * @example
 * repeatComplaints(table, DEFAULT_SETTINGS)[0]; // { building: 17, category2: 3, peak: 5, orders: [...] }
 */
export function repeatComplaints(
  table: OrderTable,
  settings: Pick<GridSettings, 'repeatComplaint'>,
  included?: (row: number) => boolean,
): RepeatComplaint[] {
  const { minOrders, windowDays } = settings.repeatComplaint;
  const windowMs = windowDays * DAY_MS;
  const groups = new Map<number, number[]>();
  const categories = Math.max(1, table.dictionaries.category2.length);
  for (let row = 0; row < table.size; row++) {
    const building = table.building[row]!;
    if (building < 0 || (included && !included(row))) continue;
    const key = building * categories + table.category2[row]!;
    const rows = groups.get(key);
    if (rows) rows.push(row);
    else groups.set(key, [row]);
  }
  const found: RepeatComplaint[] = [];
  for (const rows of groups.values()) {
    if (rows.length < minOrders) continue;
    rows.sort((a, b) => table.createdAt[a]! - table.createdAt[b]! || a - b);
    let peak = 0;
    let from = 0;
    for (let to = 0; to < rows.length; to++) {
      while (table.createdAt[rows[to]!]! - table.createdAt[rows[from]!]! >= windowMs) from++;
      peak = Math.max(peak, to - from + 1);
    }
    if (peak < minOrders) continue;
    const first = rows[0]!;
    found.push({
      building: table.building[first]!,
      category2: table.category2[first]!,
      peak,
      orders: rows,
    });
  }
  return found.sort(
    (a, b) =>
      b.peak - a.peak ||
      b.orders.length - a.orders.length ||
      a.building - b.building ||
      a.category2 - b.category2,
  );
}
