/**
 * The complaint half of the data worker's API. The street's orders (its own work-order layer,
 * then every file imported) stay in the worker as one columnar order table; what crosses to the
 * UI thread is an import's summary, a month's figures and points for the plan on screen, one
 * order's details and a playback's frames (complaint-views.ts), never the orders themselves. The
 * same orders are placed in whichever plan is on screen.
 */
import type { CoordinateSystem, SystemFit } from '../analysis/complaints/coordinate-systems.ts';
import { NO_FILTER, type OrderFilter } from '../analysis/complaints/order-filter.ts';
import { DEFAULT_HEXAGON_M } from '../analysis/complaints/hex-bins.ts';
import { orderGridsFor } from '../analysis/complaints/order-grids.ts';
import { OrderTableBuilder, type OrderTable } from '../analysis/complaints/order-table.ts';
import { complaintGrids, orderPlacerFor } from '../analysis/complaints/street-orders.ts';
import { transfer } from 'comlink';
import type { CoverageReport } from '../analysis/coverage/report.ts';
import type { ProblemGroup } from '../domain/problems.ts';
import { planGrids, type Plan } from '../editing/plan.ts';
import { previewColumns, type ColumnsPreview } from '../io/orders/column-preview.ts';
import {
  importOrderFeatures,
  importOrderRows,
  type OrderImport,
  type OrderImportOptions,
} from '../io/orders/import-orders.ts';
import type { OrderProblem } from '../io/orders/order-problems.ts';
import { readTableRows, type TableRows } from '../io/orders/read-table.ts';
import type { BuildingFeature } from '../domain/types.ts';
import {
  monthView,
  monthViewBuffers,
  orderDetails,
  OrderIndexes,
  orderNear,
  Playback,
  type ComplaintMonthView,
  type HeldOrderContext,
  type OrderDetails,
  type PlaybackFrameView,
  type PlaybackPlan,
  type PlaybackRequest,
} from './complaint-views.ts';
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

interface HeldOrders {
  workspace: PlanWorkspace;
  builder: OrderTableBuilder;
  table: OrderTable;
  ids: Map<string, number>;
  /** The orders' grids in the plan they were last placed in: another month or category reuses them. */
  placed: { plan: Plan; table: OrderTable; orderGrid: Int32Array } | null;
  /** The time index and bins of the table, rebuilt when an import replaces it. */
  indexes: OrderIndexes | null;
}

/** The origin of the street's hexagon lattice: its first building's first corner. */
function originOf(buildings: readonly BuildingFeature[]): [number, number] {
  const ring = buildings[0]?.geometry.coordinates[0];
  const corner = (Array.isArray(ring?.[0]?.[0]) ? ring[0][0] : ring?.[0]) as number[] | undefined;
  return corner ? [corner[0]!, corner[1]!] : [116.4, 39.9];
}

/**
 * A picked file's rows, read here: the UI thread hands over the File (a handle, not its bytes).
 */
async function readTable(file: Blob): Promise<TableRows> {
  return readTableRows(new Uint8Array(await file.arrayBuffer()));
}

/** Bytes of a CSV the column preview reads: its header and first rows, not a whole export. */
const PREVIEW_BYTES = 256 * 1024;

/**
 * The start of a file, enough for its header and first rows: a CSV cut after its last whole line
 * within PREVIEW_BYTES (a line feed never falls inside a UTF-8 or GBK character, so the encoding
 * is still found), a spreadsheet whole (a zip is read from its end).
 */
async function headOf(file: Blob): Promise<Blob> {
  const start = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const zip = start[0] === 0x50 && start[1] === 0x4b;
  if (file.size <= PREVIEW_BYTES || zip) return file;
  return new Blob([start.subarray(0, start.lastIndexOf(0x0a) + 1)]);
}

/**
 * @example
 * const complaints = createComplaintsApi(() => workspace);
 * await complaints.importOrders('10月工单.csv', file, 'auto');
 * complaints.complaintMonth(null)?.current.street.compositeScore; // 85.7
 */
export function createComplaintsApi(workspace: () => PlanWorkspace) {
  let held: HeldOrders | null = null;
  let playback: Playback | null = null;

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
    held = {
      workspace: current,
      builder,
      table: builder.build(),
      ids: imported.ids,
      placed: null,
      indexes: null,
    };
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

  /** The held orders as the views read them, for the plan on screen. */
  function viewContext(): HeldOrderContext {
    const current = orders();
    const { session, input, settings } = current.workspace;
    const figures = figuresOf(current.workspace);
    if (current.indexes?.table !== current.table)
      current.indexes = new OrderIndexes(current.table, originOf(input.buildings));
    return {
      table: current.table,
      orderGrid: orderGridOf(current, figures),
      grids: complaintGrids(planGrids(session.plan), figures ?? NO_FIGURES),
      buildingIdOf: (b) => input.buildings[b]?.properties.id,
      settings,
      indexes: current.indexes,
    };
  }

  return {
    /**
     * The columns of a CSV or XLSX export as the import finds them, with the first rows' values,
     * for the column dialog.
     */
    async previewOrderColumns(file: Blob): Promise<ColumnsPreview> {
      return previewColumns(await readTable(await headOf(file)));
    },

    /**
     * Imports a CSV or XLSX export into the street's orders; repeated order numbers are left out.
     * `onProgress` (a Comlink proxy from the UI) is told the rows read as the import goes;
     * `mapping`, the columns as the user mapped them, replaces the mapping found in the header.
     */
    async importOrders(
      name: string,
      file: Blob,
      system: CoordinateSystem | 'auto',
      onProgress?: (rows: number, estimated: number) => void,
      mapping?: OrderImportOptions['mapping'],
    ): Promise<OrderImportView> {
      const rows = await readTable(file);
      const current = orders();
      const { settings } = current.workspace;
      const imported = importOrderRows(name, rows, placerFor(current.workspace), current.builder, {
        settings,
        system,
        known: current.ids,
        ...(onProgress ? { onProgress } : {}),
        ...(mapping ? { mapping } : {}),
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
     * A month's figures under a filter for the plan on screen (`null`: the latest complete month),
     * with its orders as points and as hexagons of `radiusM`; null when the street has no orders
     * or the month is not a month.
     */
    complaintMonth(
      month: string | null,
      filter: OrderFilter = NO_FILTER,
      radiusM = DEFAULT_HEXAGON_M,
    ): ComplaintMonthView | null {
      const view = monthView(viewContext(), month, filter, radiusM);
      return view && transfer(view, monthViewBuffers(view));
    },

    /** The month's filtered order nearest a position within `radiusM` metres (its row), or null. */
    orderNear(
      month: string,
      filter: OrderFilter,
      position: readonly [number, number],
      radiusM: number,
    ): number | null {
      return orderNear(viewContext(), month, filter, position, radiusM);
    },

    /** One order's details (by its row), judged overdue as of `asOf`. */
    orderDetails(row: number, asOf: number): OrderDetails | null {
      return orderDetails(viewContext(), row, asOf);
    },

    /** Prepares a playback (its frames and fixed colour scale) and keeps it for its frames. */
    startPlayback(request: PlaybackRequest): PlaybackPlan {
      playback = new Playback(viewContext(), request);
      return playback.plan;
    },

    /** A frame of the playback prepared last; null without one or past its end. */
    playbackFrame(index: number): PlaybackFrameView | null {
      const frame = playback?.frame(index) ?? null;
      return (
        frame && transfer(frame, [frame.hexagons.centers.buffer, frame.hexagons.counts.buffer])
      );
    },
  };
}

type PlanFigures = Pick<CoverageReport, 'grids' | 'assignments'>;
const NO_FIGURES: PlanFigures = { grids: [], assignments: [] };

/** The coverage figures of the plan on screen; null while a drag preview holds the engine. */
function figuresOf({ session }: PlanWorkspace): PlanFigures | null {
  return session.currentFigures();
}
