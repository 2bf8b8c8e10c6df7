/**
 * The complaint analysis of a street for one assessment month, as the CLI and the app's worker
 * both run it: orders placed by the buildings' grids of the plan looked at (the coverage report's
 * assignments), figures for the month, the month before (环比) and the same month a year before
 * (同比), the categories, and the repeat-complaint buildings.
 */
import type { GridSettings } from '../../domain/settings.ts';
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
import { prepareGrid } from '../coverage/prepared.ts';
import type { CoverageReport } from '../coverage/report.ts';
import { aggregateComplaints, type ComplaintAggregate, type ComplaintGrid } from './aggregate.ts';
import { assessmentPeriod, shiftMonth, type Period } from './assessment-period.ts';
import type { OrderTable } from './order-table.ts';
import { orderBreakdown, orderBreakdowns, type OrderBreakdown } from './breakdown.ts';
import { NO_FILTER, orderMask, withoutArea, type OrderFilter } from './order-filter.ts';
import { overdueRows } from './overdue.ts';
import { OrderPlacer } from './place-orders.ts';
import { repeatComplaints, type RepeatComplaint } from './repeat-complaints.ts';

/**
 * The placer for a street and the plan whose grids and assignments `report` holds.
 * @example
 * const placer = orderPlacerFor(dataset.buildings.features, dataset.grids.features, report);
 */
export function orderPlacerFor(
  buildings: readonly BuildingFeature[],
  grids: readonly GridFeature[],
  report: Pick<CoverageReport, 'assignments'>,
): OrderPlacer {
  const gridIndex = new Map(grids.map((g, i) => [g.properties.id, i]));
  const byBuilding = new Map(report.assignments.map((a) => [a.buildingId, a.gridId]));
  const buildingGrid = Int32Array.from(buildings, (b) => {
    const gridId = byBuilding.get(b.properties.id);
    return gridId ? (gridIndex.get(gridId) ?? -1) : -1;
  });
  return new OrderPlacer(buildings, buildingGrid, grids.map(prepareGrid));
}

/** The grids with their households, as the aggregation takes them, in the plan's grid order. */
export function complaintGrids(
  grids: readonly GridFeature[],
  report: Pick<CoverageReport, 'grids'>,
): ComplaintGrid[] {
  const households = new Map(report.grids.map((w) => [w.gridId, w.households]));
  return grids.map((g) => ({
    id: g.properties.id,
    communityId: g.properties.communityId,
    households: households.get(g.properties.id) ?? 0,
  }));
}

export interface MonthAnalysis {
  month: string;
  period: Period;
  /** The filter's orders of the month in every area: the rankings compare grids under it. */
  current: ComplaintAggregate;
  /** 环比: the month before. */
  previous: ComplaintAggregate;
  /** 同比: the same month a year before. */
  lastYear: ComplaintAggregate;
  /** What the month's orders under the whole filter (area included) are made of. */
  breakdown: OrderBreakdown;
  /** Buildings with repeat complaints among them, busiest first. */
  repeats: RepeatComplaint[];
  /** Their overdue orders, the latest first (at most OVERDUE_LISTED), and how many there are. */
  overdue: { rows: number[]; count: number };
}

/** Overdue orders listed by row; the rest are counted. */
export const OVERDUE_LISTED = 50;

/**
 * A month's analysis under a filter. The aggregates leave out the filter's area (a grid or
 * community), so a ranking still compares every grid; the breakdown, the repeat buildings and the
 * overdue orders keep it.
 * @example
 * analyseMonth(table, orderGrid, complaintGrids(grids, report), '2026-10', settings).current.street.orders;
 */
export function analyseMonth(
  table: OrderTable,
  orderGrid: Int32Array,
  grids: readonly ComplaintGrid[],
  month: string,
  settings: GridSettings,
  filter: OrderFilter = NO_FILTER,
): MonthAnalysis {
  const period = assessmentPeriod(month, settings);
  const included = (f: OrderFilter, asOf: number) =>
    maskPredicate(orderMask(table, f, { orderGrid, grids, asOf }));
  const aggregate = (m: string) => {
    const p = assessmentPeriod(m, settings);
    return aggregateComplaints(
      table,
      orderGrid,
      grids,
      p,
      settings,
      included(withoutArea(filter), p.end),
    );
  };
  const kept = included(filter, period.end);
  const inMonth = (row: number) => {
    const t = table.createdAt[row]!;
    return t >= period.start && t < period.end && (!kept || kept(row));
  };
  return {
    month,
    period,
    current: aggregate(month),
    previous: aggregate(shiftMonth(month, -1)),
    lastYear: aggregate(shiftMonth(month, -12)),
    breakdown: orderBreakdown(table, inMonth),
    repeats: repeatComplaints(table, settings, inMonth),
    overdue: overdueRows(table, inMonth, period.end, OVERDUE_LISTED),
  };
}

/**
 * What each grid's orders of a period are made of, in one pass.
 * @example
 * gridBreakdowns(table, orderGrid, grids.length, analysis.period)[0].category1; // [{ name: '城乡建设', orders: 9 }, …]
 */
export function gridBreakdowns(
  table: OrderTable,
  orderGrid: Int32Array,
  gridCount: number,
  period: Period,
): OrderBreakdown[] {
  return orderBreakdowns(
    table,
    (row) => {
      const t = table.createdAt[row]!;
      return t >= period.start && t < period.end ? orderGrid[row]! : -1;
    },
    gridCount,
  );
}

/** A mask as a row test; undefined (every row) for no mask. */
export function maskPredicate(mask: Uint8Array | null): ((row: number) => boolean) | undefined {
  return mask ? (row) => mask[row] === 1 : undefined;
}
