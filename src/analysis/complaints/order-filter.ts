/**
 * Which orders a view looks at: a branch of the category tree (一级 → 二级 → 三级), sources,
 * statuses, overdue orders only, a range of Beijing dates, and one grid or community of the plan
 * on screen. A filter is plain data (it crosses threads and goes into links); `orderMask` turns it
 * into one byte per order in a single pass, which every figure, chart and map layer then reads.
 */
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../domain/types.ts';
import type { ComplaintGrid } from './aggregate.ts';
import type { OrderTable } from './order-table.ts';
import { isOverdue } from './overdue.ts';

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** One grid or community: the orders the plan on screen puts in it. */
export interface AreaFilter {
  kind: 'grid' | 'community';
  id: string;
}

export interface OrderFilter {
  /** A branch of the category tree; a lower level is set only with the one above it. */
  category1: string | null;
  category2: string | null;
  category3: string | null;
  /** Sources kept; empty: all. */
  sources: readonly string[];
  /** Statuses kept; empty: all. */
  statuses: readonly WorkOrderStatus[];
  /** Only orders overdue by the end of the period looked at. */
  overdueOnly: boolean;
  /** First and last Beijing date (YYYY-MM-DD, both included) of creation; null: open. */
  from: string | null;
  to: string | null;
  area: AreaFilter | null;
}

export const NO_FILTER: OrderFilter = Object.freeze({
  category1: null,
  category2: null,
  category3: null,
  sources: [],
  statuses: [],
  overdueOnly: false,
  from: null,
  to: null,
  area: null,
});

/** Whether the filter keeps every order. */
export function isUnfiltered(filter: OrderFilter): boolean {
  return (
    filter.category1 === null &&
    filter.category2 === null &&
    filter.category3 === null &&
    filter.sources.length === 0 &&
    filter.statuses.length === 0 &&
    !filter.overdueOnly &&
    filter.from === null &&
    filter.to === null &&
    filter.area === null
  );
}

/** The filter without its grid or community (rankings compare every area under the rest). */
export function withoutArea(filter: OrderFilter): OrderFilter {
  return filter.area === null ? filter : { ...filter, area: null };
}

/** Epoch ms of the start of a Beijing date "YYYY-MM-DD". */
export function beijingDayStart(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) - BEIJING_OFFSET_MS;
}

export interface MaskContext {
  /** The grid of each order in the plan on screen (-1: none). */
  orderGrid: Int32Array;
  grids: readonly ComplaintGrid[];
  /** The instant open orders are judged overdue at (the end of the period looked at). */
  asOf: number;
}

/**
 * One byte per order, 1 for the orders the filter keeps; null when it keeps all (no pass needed).
 * @example
 * const mask = orderMask(table, { ...NO_FILTER, category2: '停车管理' }, context);
 * mask?.[0]; // 1 when the first order is about parking
 */
export function orderMask(
  table: OrderTable,
  filter: OrderFilter,
  context: MaskContext,
): Uint8Array | null {
  if (isUnfiltered(filter)) return null;
  const d = table.dictionaries;
  const wanted = (dictionary: readonly string[], value: string | null) =>
    value === null ? -1 : dictionary.indexOf(value);
  const c1 = wanted(d.category1, filter.category1);
  const c2 = wanted(d.category2, filter.category2);
  const c3 = wanted(d.category3, filter.category3);
  const sources = indexSet(d.source, filter.sources);
  const statuses = indexSet(WORK_ORDER_STATUSES, filter.statuses);
  const areaGrids = gridsOfArea(filter.area, context.grids);
  const from = filter.from === null ? -Infinity : beijingDayStart(filter.from);
  const to = filter.to === null ? Infinity : beijingDayStart(filter.to) + DAY_MS;
  const mask = new Uint8Array(table.size);
  // A value asked for that no order has: nothing is kept.
  if (
    (filter.category1 !== null && c1 < 0) ||
    (filter.category2 !== null && c2 < 0) ||
    (filter.category3 !== null && c3 < 0)
  )
    return mask;
  for (let row = 0; row < table.size; row++) {
    const created = table.createdAt[row]!;
    if (created < from || created >= to) continue;
    if (c1 >= 0 && table.category1[row] !== c1) continue;
    if (c2 >= 0 && table.category2[row] !== c2) continue;
    if (c3 >= 0 && table.category3[row] !== c3) continue;
    if (sources && !sources.has(table.source[row]!)) continue;
    if (statuses && !statuses.has(table.status[row]!)) continue;
    if (areaGrids && !areaGrids.has(context.orderGrid[row]!)) continue;
    if (filter.overdueOnly && !isOverdue(table.dueAt[row]!, table.closedAt[row]!, context.asOf))
      continue;
    mask[row] = 1;
  }
  return mask;
}

/** The indexes of `values` in `dictionary`, or null when every value is kept. */
function indexSet(dictionary: readonly string[], values: readonly string[]): Set<number> | null {
  if (values.length === 0) return null;
  return new Set(values.map((v) => dictionary.indexOf(v)).filter((i) => i >= 0));
}

/** The indexes of the grids in the area, or null without an area. */
function gridsOfArea(area: AreaFilter | null, grids: readonly ComplaintGrid[]): Set<number> | null {
  if (area === null) return null;
  const inArea = new Set<number>();
  grids.forEach((grid, i) => {
    if ((area.kind === 'grid' ? grid.id : grid.communityId) === area.id) inArea.add(i);
  });
  return inArea;
}
