/**
 * What the complaint tab and the map are shown of the orders held in the worker: a month's
 * figures under a filter (with the rankings' data, the breakdown, the repeat buildings, the
 * overdue orders, the trend, and the month's orders as points and as hexagons), one order's
 * details, and the frames of a playback. Only these figures and the visible points cross to the
 * UI thread; the orders stay here. The time index and the hexagon bins of an order table are
 * built once and kept with it.
 */
import { assessmentPeriod, isMonth } from '../analysis/complaints/assessment-period.ts';
import type { ComplaintGrid } from '../analysis/complaints/aggregate.ts';
import { categoryTree, type CategoryNode } from '../analysis/complaints/breakdown.ts';
import {
  binOrders,
  countBins,
  HexBinning,
  WindowTally,
  type BinCounts,
  type OrderBins,
} from '../analysis/complaints/hex-bins.ts';
import {
  monthlyOrders,
  orderMonths,
  type MonthCount,
} from '../analysis/complaints/monthly-orders.ts';
import { orderMask, type OrderFilter } from '../analysis/complaints/order-filter.ts';
import { orderSummary, type OrderSummary } from '../analysis/complaints/order-summary.ts';
import type { OrderTable } from '../analysis/complaints/order-table.ts';
import {
  frameWindow,
  playbackDomain,
  playbackFrames,
  type Frame,
  type PlaybackMode,
  type PlaybackStep,
} from '../analysis/complaints/playback.ts';
import {
  analyseMonth,
  maskPredicate,
  type MonthAnalysis,
} from '../analysis/complaints/street-orders.ts';
import { TimeIndex } from '../analysis/complaints/time-index.ts';
import { metresPerDegree } from '../analysis/coverage/geodesy.ts';
import type { GridSettings } from '../domain/settings.ts';

/** The orders held for the plan on screen, as the views read them. */
export interface HeldOrderContext {
  table: OrderTable;
  /** Each order's grid in the plan on screen. */
  orderGrid: Int32Array;
  grids: readonly ComplaintGrid[];
  buildingIdOf: (building: number) => string | undefined;
  settings: GridSettings;
  indexes: OrderIndexes;
}

/** The time index and hexagon bins of one order table, built when first asked for. */
export class OrderIndexes {
  readonly table: OrderTable;
  readonly #origin: readonly [number, number];
  #time: TimeIndex | null = null;
  readonly #bins = new Map<number, OrderBins>();

  constructor(table: OrderTable, origin: readonly [number, number]) {
    this.table = table;
    this.#origin = origin;
  }

  get time(): TimeIndex {
    return (this.#time ??= new TimeIndex(this.table));
  }

  bins(radiusM: number): OrderBins {
    let bins = this.#bins.get(radiusM);
    if (!bins)
      this.#bins.set(
        radiusM,
        (bins = binOrders(this.table, new HexBinning(this.#origin, radiusM))),
      );
    return bins;
  }
}

export interface HexagonView extends BinCounts {
  radiusM: number;
}

/** A month's figures under a filter, for the plan on screen. */
export interface ComplaintMonthView extends Omit<MonthAnalysis, 'repeats' | 'overdue'> {
  filter: OrderFilter;
  repeats: { buildingId: string; category2: string; peak: number; orders: number }[];
  overdue: { count: number; orders: OrderSummary[] };
  /** The filtered orders of every assessment month the orders span, oldest first. */
  trend: MonthCount[];
  /** The categories and sources of every order the street holds, for the filter. */
  categoryTree: CategoryNode[];
  sources: string[];
  /** The month's filtered orders with a position, as flat lng,lat pairs, and their rows. */
  points: Float64Array;
  pointRows: Int32Array;
  hexagons: HexagonView;
}

/**
 * @example
 * monthView(context, null, NO_FILTER, 100)?.current.street.orders; // 869
 */
export function monthView(
  context: HeldOrderContext,
  month: string | null,
  filter: OrderFilter,
  radiusM: number,
): ComplaintMonthView | null {
  const { table, orderGrid, grids, settings, indexes } = context;
  const span = orderMonths(table, settings);
  if (!span || (month !== null && !isMonth(month))) return null;
  const analysis = analyseMonth(
    table,
    orderGrid,
    grids,
    month ?? span.lastComplete,
    settings,
    filter,
  );
  const { period } = analysis;
  const mask = orderMask(table, filter, { orderGrid, grids, asOf: period.end });
  const [lo, hi] = indexes.time.range(period.start, period.end);
  const bins = indexes.bins(radiusM);
  const { points, pointRows } = windowPoints(table, indexes.time.rows, lo, hi, mask);
  return {
    ...analysis,
    filter,
    repeats: analysis.repeats.map((r) => ({
      buildingId: context.buildingIdOf(r.building) ?? String(r.building),
      category2: table.dictionaries.category2[r.category2]!,
      peak: r.peak,
      orders: r.orders.length,
    })),
    overdue: {
      count: analysis.overdue.count,
      orders: analysis.overdue.rows.map((row) =>
        orderSummary(table, row, context.buildingIdOf, period.end),
      ),
    },
    trend: monthlyOrders(table, span.months, settings, maskPredicate(mask)),
    categoryTree: categoryTree(table),
    sources: [...table.dictionaries.source].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    points,
    pointRows,
    hexagons: {
      radiusM,
      ...countBins(
        bins,
        indexes.time.rows,
        lo,
        hi,
        mask,
        new Float32Array(bins.centers.length / 2),
      ),
    },
  };
}

/** The typed arrays of a month view, to transfer rather than copy. */
export function monthViewBuffers(view: ComplaintMonthView): ArrayBuffer[] {
  return [
    view.points.buffer,
    view.pointRows.buffer,
    view.hexagons.centers.buffer,
    view.hexagons.counts.buffer,
  ] as ArrayBuffer[];
}

/** The positioned orders among `rows[lo … hi)` that the mask keeps. */
function windowPoints(
  table: OrderTable,
  rows: Uint32Array,
  lo: number,
  hi: number,
  mask: Uint8Array | null,
): { points: Float64Array; pointRows: Int32Array } {
  const kept: number[] = [];
  for (let i = lo; i < hi; i++) {
    const row = rows[i]!;
    if (mask && mask[row] !== 1) continue;
    if (!Number.isNaN(table.lng[row]!) && !Number.isNaN(table.lat[row]!)) kept.push(row);
  }
  const points = new Float64Array(kept.length * 2);
  kept.forEach((row, i) => {
    points[i * 2] = table.lng[row]!;
    points[i * 2 + 1] = table.lat[row]!;
  });
  return { points, pointRows: Int32Array.from(kept) };
}

/**
 * The row of the month's filtered order nearest to a position within `radiusM` metres (a click on
 * the map at close zoom), or null.
 * @example
 * orderNear(context, '2026-10', NO_FILTER, [116.31, 39.85], 6); // 812
 */
export function orderNear(
  context: HeldOrderContext,
  month: string,
  filter: OrderFilter,
  [lng, lat]: readonly [number, number],
  radiusM: number,
): number | null {
  const { table, orderGrid, grids, settings, indexes } = context;
  if (!isMonth(month)) return null;
  const period = assessmentPeriod(month, settings);
  const mask = orderMask(table, filter, { orderGrid, grids, asOf: period.end });
  const [lo, hi] = indexes.time.range(period.start, period.end);
  const metres = metresPerDegree(lat);
  let best: number | null = null;
  let bestM = radiusM;
  for (let i = lo; i < hi; i++) {
    const row = indexes.time.rows[i]!;
    if (mask && mask[row] !== 1) continue;
    const d = Math.hypot(
      (table.lng[row]! - lng) * metres.lng,
      (table.lat[row]! - lat) * metres.lat,
    );
    if (d <= bestM) [best, bestM] = [row, d];
  }
  return best;
}

/** One order's details, with the grid the plan on screen puts it in. */
export interface OrderDetails extends OrderSummary {
  gridId: string | null;
}

/** @example orderDetails(context, 812, period.end).gridId; // 'G-03' */
export function orderDetails(
  context: HeldOrderContext,
  row: number,
  asOf: number,
): OrderDetails | null {
  const { table, orderGrid, grids } = context;
  if (!Number.isInteger(row) || row < 0 || row >= table.size) return null;
  const grid = orderGrid[row]!;
  return {
    ...orderSummary(table, row, context.buildingIdOf, asOf),
    gridId: grid >= 0 ? (grids[grid]?.id ?? null) : null,
  };
}

export interface PlaybackRequest {
  /** The first and last assessment months played. */
  first: string;
  last: string;
  step: PlaybackStep;
  mode: PlaybackMode;
  filter: OrderFilter;
  radiusM: number;
}

export interface PlaybackPlan {
  frames: Frame[];
  /** The busiest hexagon of any frame: the top of the fixed colour scale. */
  domain: number;
}

export interface PlaybackFrameView {
  index: number;
  label: string;
  orders: number;
  hexagons: HexagonView;
}

/** A playback prepared in the worker: its frames, its fixed scale, and each frame on request. */
export class Playback {
  readonly plan: PlaybackPlan;
  readonly #context: HeldOrderContext;
  readonly #request: PlaybackRequest;
  readonly #tally: WindowTally;

  constructor(context: HeldOrderContext, request: PlaybackRequest) {
    const { table, orderGrid, grids, settings, indexes } = context;
    const frames = playbackFrames(request.first, request.last, request.step, settings);
    const end = frames.at(-1)?.end ?? 0;
    this.#context = context;
    this.#request = request;
    const mask = orderMask(table, request.filter, { orderGrid, grids, asOf: end });
    const bins = indexes.bins(request.radiusM);
    this.#tally = new WindowTally(bins, indexes.time.rows, mask);
    this.plan = {
      frames,
      domain: playbackDomain(frames, request.mode, bins, indexes.time, mask),
    };
  }

  /** Frame `i`'s hexagons; null past the last frame. */
  frame(i: number): PlaybackFrameView | null {
    const { frames } = this.plan;
    if (!Number.isInteger(i) || i < 0 || i >= frames.length) return null;
    const { indexes } = this.#context;
    const { start, end } = frameWindow(frames, i, this.#request.mode);
    const counts = this.#tally.moveTo(...indexes.time.range(start, end));
    let orders = 0;
    for (const c of counts.counts) orders += c;
    return {
      index: i,
      label: frames[i]!.label,
      orders,
      hexagons: { radiusM: this.#request.radiusM, ...counts },
    };
  }
}
