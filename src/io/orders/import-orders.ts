/**
 * A work-order table imported into a street: rows read (order-rows.ts), repeated order numbers
 * left out (within the file and against earlier imports: 工单号 is the key), the coordinate
 * system found or taken as declared and the positions converted to WGS-84, each order placed at
 * its building and grid, and every row that could not be read or placed reported with its row
 * number and reason. Pure: the caller reads the file and says which plan's grids to use.
 */
import type { CoordinateSystem, SystemFit } from '../../analysis/complaints/coordinate-systems.ts';
import { fitSystems, toWgs84 } from '../../analysis/complaints/coordinate-systems.ts';
import type { OrderRecord } from '../../analysis/complaints/order-table.ts';
import { dueTime } from '../../analysis/complaints/overdue.ts';
import type { OrderPlacer, PlacedBy } from '../../analysis/complaints/place-orders.ts';
import type { ProblemGroup } from '../../domain/problems.ts';
import type { GridSettings } from '../../domain/settings.ts';
import type { WorkOrderFeature } from '../../domain/types.ts';
import { ProblemLog } from '../problem-groups.ts';
import { BEIJING_BOUNDS } from '../validate-geometry.ts';
import {
  FIELD_LABELS,
  findHeader,
  missingFields,
  type ColumnMapping,
  type HeaderFound,
} from './order-columns.ts';
import type { OrderProblem } from './order-problems.ts';
import { readOrderRows, type RawOrder } from './order-rows.ts';

/**
 * The import's problems, grouped, and besides every row that was left out or could not be placed
 * (so the list can be downloaded whole).
 */
class OrderLog extends ProblemLog<OrderProblem> {
  readonly rows: OrderProblem[] = [];
  override add(p: OrderProblem): void {
    super.add(p);
    const leftOut = p.severity === 'error' || p.code === 'order-duplicate';
    const unplaced = p.code === 'order-unplaced' || p.code === 'order-outside-grids';
    if (p.row !== null && (leftOut || unplaced)) this.rows.push(p);
  }
}

/** How much better another system must fit than the declared one to be named. */
const SHIFT_MARGIN = 0.25;

export interface OrderImportOptions {
  settings: Pick<GridSettings, 'timeLimits'>;
  /** The coordinate system of the file, or 'auto' to find it from where the points fall. */
  system: CoordinateSystem | 'auto';
  /** A column mapping chosen by the user, instead of the one read from the header. */
  mapping?: { headerRows: number; mapping: ColumnMapping };
  /** Order numbers already imported, with the row they came in (re-imports add no duplicates). */
  known?: ReadonlyMap<string, number>;
}

export interface OrderImport {
  file: string;
  header: HeaderFound;
  /** The system the positions were read in, and how well each system fits the buildings. */
  system: CoordinateSystem;
  fit: SystemFit | null;
  records: OrderRecord[];
  /** The grid index of each record (-1: none). */
  grids: number[];
  /** The row each record came from. */
  rows: number[];
  problems: ProblemGroup<OrderProblem>[];
  /** Every row left out (unreadable, repeated) or not placed, with its reason. */
  rowProblems: OrderProblem[];
  counts: {
    rows: number;
    imported: number;
    unreadable: number;
    duplicates: number;
    unplaced: number;
    placedBy: Record<PlacedBy, number>;
  };
}

/**
 * @example
 * const imported = importOrderRows('orders.csv', readCsvRows(bytes).rows, placer, { settings, system: 'auto' });
 * imported.counts; // { rows: 25000, imported: 24990, unplaced: 3, … }
 */
export function importOrderRows(
  file: string,
  rows: readonly (readonly string[])[],
  placer: OrderPlacer,
  options: OrderImportOptions,
): OrderImport {
  const log = new OrderLog();
  const found = findHeader(rows);
  const header: HeaderFound = options.mapping
    ? {
        headerRows: options.mapping.headerRows,
        headers: found.headers,
        mapping: options.mapping.mapping,
        missing: missingFields(options.mapping.mapping),
      }
    : found;
  const result = emptyImport(file, header, options, log, rows.length - header.headerRows);
  if (header.missing.length > 0) {
    log.add({
      file,
      row: null,
      orderId: null,
      field: null,
      code: 'order-no-header',
      severity: 'error',
      params: {
        fields: header.missing.map((f) => FIELD_LABELS[f].zh).join('、'),
        fieldsEn: header.missing.map((f) => FIELD_LABELS[f].en).join(', '),
      },
    });
    result.counts.unreadable = result.counts.rows;
    return result;
  }

  const read = readOrderRows(file, rows, header, log);
  result.counts.unreadable = result.counts.rows - read.length;
  placeOrders(result, read, placer, options, log);
  return result;
}

/**
 * Orders of a GeoJSON work-order layer (already validated by the loader) imported like a table's
 * rows; a feature's row is its 1-based number in the file.
 * @example
 * importOrderFeatures('work-orders.geojson', result.dataset.workOrders.features, placer, { settings, system: 'WGS84' });
 */
export function importOrderFeatures(
  file: string,
  features: readonly WorkOrderFeature[],
  placer: OrderPlacer,
  options: OrderImportOptions,
): OrderImport {
  const log = new OrderLog();
  const result = emptyImport(file, NO_HEADER, options, log, features.length);
  const orders = features.map((f, i): RawOrder => {
    const p = f.properties;
    const [x, y] = f.geometry.coordinates as [number, number];
    return {
      row: i + 1,
      id: p.id,
      source: p.source,
      category1: p.category1,
      category2: p.category2,
      category3: p.category3 ?? null,
      content: null,
      createdAt: Date.parse(p.createdAt),
      dueAt: Date.parse(p.dueAt),
      closedAt: p.closedAt ? Date.parse(p.closedAt) : null,
      status: p.status,
      followedUp: p.followedUp,
      contacted: p.contacted,
      resolved: p.resolved,
      satisfaction: p.satisfaction,
      x,
      y,
      address: p.address ?? null,
      community: null,
      buildingId: p.buildingId ?? null,
    };
  });
  placeOrders(result, orders, placer, options, log);
  return result;
}

/** Repeats left out, the coordinate system settled, each order placed: fills `result`. */
function placeOrders(
  result: OrderImport,
  read: readonly RawOrder[],
  placer: OrderPlacer,
  options: OrderImportOptions,
  log: ProblemLog<OrderProblem>,
): void {
  const { file, counts } = result;
  const placedBy = counts.placedBy;
  const orders = withoutDuplicates(file, read, options.known, log);
  counts.duplicates = read.length - orders.length;

  const positioned = orders.filter((o) => o.x !== null && o.y !== null);
  if (positioned.length > 0) {
    const fit = fitSystems(
      positioned.map((o) => [o.x!, o.y!] as const),
      placer.buildingBoxes,
    );
    result.fit = fit;
    const declared = result.system;
    if (fit.likely !== declared && fit.shares[fit.likely] >= fit.shares[declared] + SHIFT_MARGIN) {
      if (options.system === 'auto') result.system = fit.likely;
      log.add({
        file,
        row: null,
        orderId: null,
        field: null,
        code: 'order-coordinates-shifted',
        severity: 'warning',
        params: {
          declared,
          likely: fit.likely,
          declaredShare: Math.round(100 * fit.shares[declared]),
          likelyShare: Math.round(100 * fit.shares[fit.likely]),
          applied: options.system === 'auto' ? 1 : 0,
        },
      });
    }
  }

  for (const order of orders) {
    const position = positionOf(order, result.system, file, log);
    const placement = placer.place({
      buildingId: order.buildingId,
      lng: position?.[0] ?? null,
      lat: position?.[1] ?? null,
      address: order.address,
    });
    placedBy[placement.by]++;
    if (placement.grid < 0) {
      counts.unplaced++;
      const where = {
        file,
        row: order.row,
        orderId: order.id,
        field: null,
        severity: 'warning' as const,
      };
      if (placement.building >= 0)
        log.add({
          ...where,
          code: 'order-outside-grids',
          params: { building: placer.buildingId(placement.building) ?? '' },
        });
      else
        log.add({
          ...where,
          code: 'order-unplaced',
          params: {
            position: position ? 1 : 0,
            address: order.address ?? '',
            compound: placement.by === 'compound-split' ? 1 : 0,
          },
        });
    }
    result.records.push({
      id: order.id,
      source: order.source,
      category1: order.category1,
      category2: order.category2,
      category3: order.category3,
      createdAt: order.createdAt,
      dueAt: dueTime(
        order.createdAt,
        order.dueAt,
        order.category2,
        order.category3,
        options.settings,
      ),
      closedAt: order.closedAt,
      status: order.status,
      followedUp: order.followedUp,
      contacted: order.contacted,
      resolved: order.resolved,
      satisfaction: order.satisfaction,
      lng: position?.[0] ?? null,
      lat: position?.[1] ?? null,
      address: order.address,
      building: placement.building,
    });
    result.grids.push(placement.grid);
    result.rows.push(order.row);
  }
  counts.imported = result.records.length;
}

/** A GeoJSON layer has no header: its fields are the app's own. */
const NO_HEADER: HeaderFound = { headerRows: 0, headers: [], mapping: [], missing: [] };

function emptyImport(
  file: string,
  header: HeaderFound,
  options: OrderImportOptions,
  log: OrderLog,
  rows: number,
): OrderImport {
  return {
    file,
    header,
    system: options.system === 'auto' ? 'WGS84' : options.system,
    fit: null,
    records: [],
    grids: [],
    rows: [],
    problems: log.groups,
    rowProblems: log.rows,
    counts: {
      rows: Math.max(0, rows),
      imported: 0,
      unreadable: 0,
      duplicates: 0,
      unplaced: 0,
      placedBy: {
        'building-id': 0,
        position: 0,
        address: 0,
        compound: 0,
        grid: 0,
        'compound-split': 0,
        none: 0,
      },
    },
  };
}

/** The orders whose 工单号 has not come before, in this file or an earlier import. */
function withoutDuplicates(
  file: string,
  orders: readonly RawOrder[],
  known: ReadonlyMap<string, number> | undefined,
  log: ProblemLog<OrderProblem>,
): RawOrder[] {
  const firstRow = new Map<string, number>();
  return orders.filter((order) => {
    const earlier = known?.get(order.id);
    const first = earlier ?? firstRow.get(order.id);
    if (first === undefined) {
      firstRow.set(order.id, order.row);
      return true;
    }
    log.add({
      file,
      row: order.row,
      orderId: order.id,
      field: null,
      code: 'order-duplicate',
      severity: 'warning',
      params: { id: order.id, firstRow: first, earlier: earlier === undefined ? 0 : 1 },
    });
    return false;
  });
}

/** The order's position in WGS-84, or null (reported) when it has none in Beijing. */
function positionOf(
  order: RawOrder,
  system: CoordinateSystem,
  file: string,
  log: ProblemLog<OrderProblem>,
): [number, number] | null {
  if (order.x === null || order.y === null) return null;
  const [lng, lat] = toWgs84(order.x, order.y, system);
  const b = BEIJING_BOUNDS;
  if (lng >= b.west && lng <= b.east && lat >= b.south && lat <= b.north) return [lng, lat];
  log.add({
    file,
    row: order.row,
    orderId: order.id,
    field: null,
    code: 'order-bad-position',
    severity: 'warning',
    params: { lng: order.x, lat: order.y },
  });
  return null;
}
