/**
 * The grid of every order of a table in one plan: the orders keep their buildings and positions,
 * and each plan's placer says which of its grids holds them, so a redraw's complaint load can be
 * compared with today's.
 */
import type { OrderTable } from './order-table.ts';
import type { OrderPlacer } from './place-orders.ts';

/**
 * @example
 * const orderGrid = orderGridsFor(table, orderPlacerFor(buildings, planGrids(plan), figures));
 */
export function orderGridsFor(table: OrderTable, placer: OrderPlacer): Int32Array {
  const grids = new Int32Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const lng = table.lng[i]!;
    const lat = table.lat[i]!;
    const positioned = !Number.isNaN(lng) && !Number.isNaN(lat);
    grids[i] = placer.gridOf(
      table.building[i]!,
      positioned ? lng : null,
      positioned ? lat : null,
      table.addresses[i] ?? null,
    );
  }
  return grids;
}
