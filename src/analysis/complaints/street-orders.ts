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

export interface CategoryCount {
  category1: string;
  category2: string;
  orders: number;
}

export interface MonthAnalysis {
  month: string;
  period: Period;
  current: ComplaintAggregate;
  /** 环比: the month before. */
  previous: ComplaintAggregate;
  /** 同比: the same month a year before. */
  lastYear: ComplaintAggregate;
  /** Orders of the month by second-level category, most first. */
  categories: CategoryCount[];
  /** Buildings with repeat complaints among the month's orders, busiest first. */
  repeats: RepeatComplaint[];
}

/**
 * `included` narrows the figures and the repeat complaints to some orders (a category); the
 * categories are of every order of the month, so that another can be chosen.
 * @example
 * analyseMonth(table, orderGrid, complaintGrids(grids, report), '2026-10', settings).current.street.orders;
 */
export function analyseMonth(
  table: OrderTable,
  orderGrid: Int32Array,
  grids: readonly ComplaintGrid[],
  month: string,
  settings: GridSettings,
  included?: (row: number) => boolean,
): MonthAnalysis {
  const period = assessmentPeriod(month, settings);
  const aggregate = (m: string) =>
    aggregateComplaints(table, orderGrid, grids, assessmentPeriod(m, settings), settings, included);
  const inPeriod = (row: number) => {
    const t = table.createdAt[row]!;
    return t >= period.start && t < period.end;
  };
  return {
    month,
    period,
    current: aggregate(month),
    previous: aggregate(shiftMonth(month, -1)),
    lastYear: aggregate(shiftMonth(month, -12)),
    categories: categoryCounts(table, inPeriod),
    repeats: repeatComplaints(
      table,
      settings,
      (row) => inPeriod(row) && (!included || included(row)),
    ),
  };
}

function categoryCounts(table: OrderTable, included: (row: number) => boolean): CategoryCount[] {
  const counts = new Map<number, { category1: number; orders: number }>();
  for (let row = 0; row < table.size; row++) {
    if (!included(row)) continue;
    const c2 = table.category2[row]!;
    const entry = counts.get(c2);
    if (entry) entry.orders++;
    else counts.set(c2, { category1: table.category1[row]!, orders: 1 });
  }
  const d = table.dictionaries;
  return [...counts]
    .map(([c2, { category1, orders }]) => ({
      category1: d.category1[category1]!,
      category2: d.category2[c2]!,
      orders,
    }))
    .sort((a, b) => b.orders - a.orders || (a.category2 < b.category2 ? -1 : 1));
}
