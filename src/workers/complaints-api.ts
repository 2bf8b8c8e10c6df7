/**
 * The complaint half of the data worker's API. The street's orders (its own work-order layer,
 * then every file imported) stay in the worker as one columnar order table; what crosses to the
 * UI thread is an import's summary and a month's figures for the plan on screen, never the
 * orders themselves. The same orders are placed in whichever plan is on screen.
 */
import { isMonth } from '../analysis/complaints/assessment-period.ts';
import type { CoordinateSystem, SystemFit } from '../analysis/complaints/coordinate-systems.ts';
import {
  monthlyOrders,
  orderMonths,
  type MonthCount,
} from '../analysis/complaints/monthly-orders.ts';
import { orderGridsFor } from '../analysis/complaints/order-grids.ts';
import { OrderTableBuilder, type OrderTable } from '../analysis/complaints/order-table.ts';
import {
  analyseMonth,
  complaintGrids,
  orderPlacerFor,
  type MonthAnalysis,
} from '../analysis/complaints/street-orders.ts';
import { transfer } from 'comlink';
import type { CoverageReport } from '../analysis/coverage/report.ts';
import type { ProblemGroup } from '../domain/problems.ts';
import { planGrids, type Plan } from '../editing/plan.ts';
import {
  importOrderFeatures,
  importOrderRows,
  type OrderImport,
} from '../io/orders/import-orders.ts';
import type { OrderProblem } from '../io/orders/order-problems.ts';
import { readTableRows } from '../io/orders/read-table.ts';
import type { PlanWorkspace } from './plan-api.ts';

/** What the UI is told of an import. */
export interface OrderImportView {
  file: string;
  encoding: string | null;
  system: CoordinateSystem;
  fit: SystemFit | null;
  counts: OrderImport['counts'];
  problems: ProblemGroup<OrderProblem>[];
  /** Every row left out or not placed, for the download. */
  rowProblems: OrderProblem[];
  /** Orders held after the import, all files together. */
  totalOrders: number;
}

/** A month's figures for the plan on screen, with the repeat-complaint buildings named. */
export interface ComplaintMonthView extends Omit<MonthAnalysis, 'repeats'> {
  repeats: { buildingId: string; category2: string; peak: number; orders: number }[];
  /** The assessment months from the first order's to the last's, oldest first, with their orders. */
  trend: MonthCount[];
  /** The second-level category the figures are narrowed to, or null for all. */
  category2: string | null;
  /** Every second-level category of the street's orders, for the filter. */
  categoryOptions: string[];
  /** The month's orders (of the category) with a position, as flat lng,lat pairs, for the heatmap. */
  points: Float64Array;
}

interface HeldOrders {
  workspace: PlanWorkspace;
  builder: OrderTableBuilder;
  table: OrderTable;
  ids: Map<string, number>;
  /** The orders' grids in the plan they were last placed in: another month or category reuses them. */
  placed: { plan: Plan; table: OrderTable; orderGrid: Int32Array } | null;
}

/**
 * @example
 * const complaints = createComplaintsApi(() => workspace);
 * await complaints.importOrders('10月工单.csv', bytes, 'auto');
 * complaints.complaintMonth(null)?.current.street.compositeScore; // 85.7
 */
export function createComplaintsApi(workspace: () => PlanWorkspace) {
  let held: HeldOrders | null = null;

  /** The orders of the street on screen, starting from its own work-order layer. */
  function orders(): HeldOrders {
    const current = workspace();
    if (held?.workspace === current) return held;
    const builder = new OrderTableBuilder();
    const imported = importOrderFeatures(
      'work-orders',
      current.input.workOrders ?? [],
      placerFor(current),
      builder,
      { settings: current.settings, system: 'WGS84' },
    );
    held = { workspace: current, builder, table: builder.build(), ids: imported.ids, placed: null };
    return held;
  }

  function placerFor(current: PlanWorkspace, figures = figuresOf(current)) {
    const { session, input } = current;
    return orderPlacerFor(input.buildings, planGrids(session.plan), figures ?? NO_FIGURES);
  }

  /** The grid of every held order in the plan on screen, placed again only when either changed. */
  function orderGridOf(held: HeldOrders, figures: PlanFigures | null): Int32Array {
    const { plan } = held.workspace.session;
    const { placed } = held;
    if (placed?.plan === plan && placed.table === held.table) return placed.orderGrid;
    const orderGrid = orderGridsFor(held.table, placerFor(held.workspace, figures));
    // Placed without the plan's figures (a drag preview holds the engine): not kept.
    if (figures) held.placed = { plan, table: held.table, orderGrid };
    return orderGrid;
  }

  return {
    /**
     * Imports a CSV or XLSX export into the street's orders; repeated order numbers are left out.
     * `onProgress` (a Comlink proxy from the UI) is told the rows read as the import goes.
     */
    async importOrders(
      name: string,
      bytes: Uint8Array,
      system: CoordinateSystem | 'auto',
      onProgress?: (rows: number, estimated: number) => void,
    ): Promise<OrderImportView> {
      const rows = await readTableRows(bytes);
      const current = orders();
      const { settings } = current.workspace;
      const imported = importOrderRows(name, rows, placerFor(current.workspace), current.builder, {
        settings,
        system,
        known: current.ids,
        ...(onProgress ? { onProgress } : {}),
      });
      for (const [id, row] of imported.ids) current.ids.set(id, row);
      current.table = current.builder.build();
      return {
        file: name,
        encoding: rows.encoding,
        system: imported.system,
        fit: imported.fit,
        counts: imported.counts,
        problems: imported.problems,
        rowProblems: imported.rowProblems,
        totalOrders: current.table.size,
      };
    },

    /**
     * A month's figures for the plan on screen (`null`: the latest complete month); null when the
     * street has no orders or the month is not a month.
     */
    complaintMonth(
      month: string | null,
      category2: string | null = null,
    ): ComplaintMonthView | null {
      const current = orders();
      const { table } = current;
      const span = orderMonths(table, current.workspace.settings);
      if (!span || (month !== null && !isMonth(month))) return null;
      const categoryIndex =
        category2 === null ? -1 : table.dictionaries.category2.indexOf(category2);
      const included =
        categoryIndex < 0 ? undefined : (row: number) => table.category2[row] === categoryIndex;
      const { session, input, settings } = current.workspace;
      const figures = figuresOf(current.workspace);
      const analysis = analyseMonth(
        table,
        orderGridOf(current, figures),
        complaintGrids(planGrids(session.plan), figures ?? NO_FIGURES),
        month ?? span.lastComplete,
        settings,
        included,
      );
      const view: ComplaintMonthView = {
        ...analysis,
        repeats: analysis.repeats.map((r) => ({
          buildingId: input.buildings[r.building]!.properties.id,
          category2: table.dictionaries.category2[r.category2]!,
          peak: r.peak,
          orders: r.orders.length,
        })),
        trend: monthlyOrders(table, span.months, settings, included),
        category2: categoryIndex < 0 ? null : category2,
        categoryOptions: [...table.dictionaries.category2].sort((a, b) =>
          a.localeCompare(b, 'zh-CN'),
        ),
        points: monthPoints(table, analysis.period, included),
      };
      return transfer(view, [view.points.buffer]);
    },
  };
}

type PlanFigures = Pick<CoverageReport, 'grids' | 'assignments'>;
const NO_FIGURES: PlanFigures = { grids: [], assignments: [] };

/** The coverage figures of the plan on screen; null while a drag preview holds the engine. */
function figuresOf({ session }: PlanWorkspace): PlanFigures | null {
  return session.currentFigures();
}

/** The positions of a period's orders (those `included`), as flat lng,lat pairs. */
function monthPoints(
  table: OrderTable,
  period: { start: number; end: number },
  included?: (row: number) => boolean,
): Float64Array {
  const points: number[] = [];
  for (let row = 0; row < table.size; row++) {
    const t = table.createdAt[row]!;
    if (t < period.start || t >= period.end || (included && !included(row))) continue;
    const lng = table.lng[row]!;
    const lat = table.lat[row]!;
    if (!Number.isNaN(lng) && !Number.isNaN(lat)) points.push(lng, lat);
  }
  return Float64Array.from(points);
}
