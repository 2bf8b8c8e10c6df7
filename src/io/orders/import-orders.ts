/**
 * A work-order table imported into a street, row by row: rows read (order-rows.ts), repeated
 * order numbers left out (within the file and against earlier imports: 工单号 is the key), the
 * coordinate system found from the first positions or taken as declared and the positions
 * converted to WGS-84, each order placed at its building and grid and appended to the columns of
 * an order table, and every row that could not be read or placed reported with its row number
 * and reason. No row is held longer than it takes to place it (but the first few thousand, while
 * the coordinate system is judged). Pure: the caller reads the file and says which plan's grids
 * to use.
 */
import type { CoordinateSystem, SystemFit } from '../../analysis/complaints/coordinate-systems.ts';
import { fitSystems, toWgs84 } from '../../analysis/complaints/coordinate-systems.ts';
import type { OrderTableBuilder } from '../../analysis/complaints/order-table.ts';
import { dueTime } from '../../analysis/complaints/overdue.ts';
import type { OrderPlacer, PlacedBy } from '../../analysis/complaints/place-orders.ts';
import type { ProblemGroup } from '../../domain/problems.ts';
import type { GridSettings } from '../../domain/settings.ts';
import type { WorkOrderFeature } from '../../domain/types.ts';
import { ProblemLog } from '../problem-groups.ts';
import { BEIJING_BOUNDS } from '../validate-geometry.ts';
import { FIELD_LABELS, findHeader, type ColumnMapping, type HeaderFound } from './order-columns.ts';
import type { OrderProblem } from './order-problems.ts';
import { RowReader, type RawOrder } from './order-rows.ts';
import type { TableRows } from './read-table.ts';
import { withMapping } from './remembered-columns.ts';

/** How much better another system must fit than the declared one to be named. */
const SHIFT_MARGIN = 0.25;
/** Positions looked at before the coordinate system is settled. */
const FIT_SAMPLE = 2000;
/** Rows the header is looked for in. */
export const HEADER_ROWS_TRIED = 6;

export interface OrderImportOptions {
  settings: Pick<GridSettings, 'timeLimits'>;
  /** The coordinate system of the file, or 'auto' to find it from where the points fall. */
  system: CoordinateSystem | 'auto';
  /** A column mapping chosen by the user, instead of the one read from the header. */
  mapping?: { headerRows: number; mapping: ColumnMapping };
  /** Order numbers already imported, with their row: re-imports add no duplicates. */
  known?: ReadonlyMap<string, number>;
  /** Told the rows read so far and about how many there are, every PROGRESS_EVERY rows. */
  onProgress?: (rows: number, estimated: number) => void;
}

/** Rows between two progress reports. */
export const PROGRESS_EVERY = 20_000;

export interface OrderImport {
  file: string;
  header: HeaderFound;
  /** The system the positions were read in, and how well each system fits the buildings. */
  system: CoordinateSystem;
  fit: SystemFit | null;
  /** The grid index of each order appended (-1: none), in order. */
  grids: number[];
  /** The row each order appended came from. */
  rows: number[];
  /** 工单号 → row, of the orders appended. */
  ids: Map<string, number>;
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

/**
 * Imports a table's rows, appending its orders to `into`.
 * @example
 * const imported = importOrderRows('orders.csv', readCsvRows(bytes), placer, builder, { settings, system: 'auto' });
 * imported.counts; // { rows: 25000, imported: 24990, unplaced: 3, … }
 */
export function importOrderRows(
  file: string,
  table: TableRows,
  placer: OrderPlacer,
  into: OrderTableBuilder,
  options: OrderImportOptions,
): OrderImport {
  const log = new OrderLog();
  const first: (readonly string[])[] = [];
  let importing: { reader: RowReader; placing: Placing } | null = null;
  let result: OrderImport | null = null;
  let rowNumber = 0;
  const start = () => {
    const header = headerOf(first, options);
    result = emptyImport(file, header, options, log);
    if (header.missing.length === 0) {
      importing = {
        reader: new RowReader(file, header, log),
        placing: new Placing(result, placer, into, options, log),
      };
    } else {
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
    }
    first.forEach((cells, i) => i >= header.headerRows && take(cells, i + 1));
  };
  const take = (cells: readonly string[], row: number) => {
    result!.counts.rows++;
    if (!importing) {
      result!.counts.unreadable++;
      return;
    }
    const order = importing.reader.read(cells, row);
    if (order) importing.placing.accept(order);
    else result!.counts.unreadable++;
  };
  table.forEachRow((cells) => {
    rowNumber++;
    if (rowNumber % PROGRESS_EVERY === 0) options.onProgress?.(rowNumber, table.estimatedRows);
    if (result) take(cells, rowNumber);
    else {
      first.push(cells);
      if (first.length === HEADER_ROWS_TRIED) start();
    }
  });
  if (!result) start();
  (importing as { placing: Placing } | null)?.placing.finish();
  options.onProgress?.(rowNumber, rowNumber);
  return byRow(result!);
}

function headerOf(rows: readonly (readonly string[])[], options: OrderImportOptions): HeaderFound {
  const found = findHeader(rows, HEADER_ROWS_TRIED);
  const chosen = options.mapping;
  return chosen ? { ...withMapping(found, chosen.mapping), headerRows: chosen.headerRows } : found;
}

/**
 * Orders of a GeoJSON work-order layer (already validated by the loader) imported like a table's
 * rows; a feature's row is its 1-based number in the file.
 * @example
 * importOrderFeatures('work-orders.geojson', result.dataset.workOrders.features, placer, builder, { settings, system: 'WGS84' });
 */
export function importOrderFeatures(
  file: string,
  features: readonly WorkOrderFeature[],
  placer: OrderPlacer,
  into: OrderTableBuilder,
  options: OrderImportOptions,
): OrderImport {
  const log = new OrderLog();
  const result = emptyImport(file, NO_HEADER, options, log);
  result.counts.rows = features.length;
  const placing = new Placing(result, placer, into, options, log);
  features.forEach((f, i) => {
    const p = f.properties;
    const [x, y] = f.geometry.coordinates as [number, number];
    placing.accept({
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
    });
  });
  placing.finish();
  return byRow(result);
}

/** The import with its row problems in row order (orders are placed after a first sample). */
function byRow(result: OrderImport): OrderImport {
  result.rowProblems.sort((a, b) => a.row! - b.row!);
  return result;
}

/**
 * Repeats left out, the coordinate system settled on the first positions, each order placed and
 * appended to the table.
 */
class Placing {
  readonly #result: OrderImport;
  readonly #placer: OrderPlacer;
  readonly #into: OrderTableBuilder;
  readonly #options: OrderImportOptions;
  readonly #log: OrderLog;
  /** Orders waiting for the coordinate system, and how many of them have a position. */
  #waiting: RawOrder[] | null = [];
  #positioned = 0;

  constructor(
    result: OrderImport,
    placer: OrderPlacer,
    into: OrderTableBuilder,
    options: OrderImportOptions,
    log: OrderLog,
  ) {
    this.#result = result;
    this.#placer = placer;
    this.#into = into;
    this.#options = options;
    this.#log = log;
  }

  accept(order: RawOrder): void {
    if (this.#repeated(order)) return;
    if (this.#waiting === null) {
      this.#place(order);
      return;
    }
    this.#waiting.push(order);
    if (order.x !== null && order.y !== null && ++this.#positioned === FIT_SAMPLE) this.#settle();
  }

  finish(): void {
    if (this.#waiting !== null) this.#settle();
  }

  #repeated(order: RawOrder): boolean {
    const { ids, file } = this.#result;
    const earlier = this.#options.known?.get(order.id);
    const first = earlier ?? ids.get(order.id);
    if (first === undefined) {
      ids.set(order.id, order.row);
      return false;
    }
    this.#result.counts.duplicates++;
    this.#log.add({
      file,
      row: order.row,
      orderId: order.id,
      field: null,
      code: 'order-duplicate',
      severity: 'warning',
      params: { id: order.id, firstRow: first, earlier: earlier === undefined ? 0 : 1 },
    });
    return true;
  }

  /** Judges the coordinate system on the waiting orders' positions, then places them. */
  #settle(): void {
    const waiting = this.#waiting!;
    this.#waiting = null;
    const positions = waiting
      .filter((o) => o.x !== null && o.y !== null)
      .map((o) => [o.x!, o.y!] as const);
    const result = this.#result;
    if (positions.length > 0) {
      const fit = fitSystems(positions, this.#placer.buildingBoxes);
      result.fit = fit;
      const declared = result.system;
      if (
        fit.likely !== declared &&
        fit.shares[fit.likely] >= fit.shares[declared] + SHIFT_MARGIN
      ) {
        if (this.#options.system === 'auto') result.system = fit.likely;
        this.#log.add({
          file: result.file,
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
            applied: this.#options.system === 'auto' ? 1 : 0,
          },
        });
      }
    }
    for (const order of waiting) this.#place(order);
  }

  #place(order: RawOrder): void {
    const result = this.#result;
    const { counts, file } = result;
    const position = this.#positionOf(order);
    const placement = this.#placer.place({
      buildingId: order.buildingId,
      lng: position?.[0] ?? null,
      lat: position?.[1] ?? null,
      address: order.address,
    });
    counts.placedBy[placement.by]++;
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
        this.#log.add({
          ...where,
          code: 'order-outside-grids',
          params: { building: this.#placer.buildingId(placement.building) ?? '' },
        });
      else
        this.#log.add({
          ...where,
          code: 'order-unplaced',
          params: {
            position: position ? 1 : 0,
            address: order.address ?? '',
            compound: placement.by === 'compound-split' ? 1 : 0,
          },
        });
    }
    this.#into.add({
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
        this.#options.settings,
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
    counts.imported++;
  }

  /** The order's position in WGS-84, or null (reported) when it has none in Beijing. */
  #positionOf(order: RawOrder): [number, number] | null {
    if (order.x === null || order.y === null) return null;
    const [lng, lat] = toWgs84(order.x, order.y, this.#result.system);
    const b = BEIJING_BOUNDS;
    if (lng >= b.west && lng <= b.east && lat >= b.south && lat <= b.north) return [lng, lat];
    this.#log.add({
      file: this.#result.file,
      row: order.row,
      orderId: order.id,
      field: null,
      code: 'order-bad-position',
      severity: 'warning',
      params: { lng: order.x, lat: order.y },
    });
    return null;
  }
}

/** A GeoJSON layer has no header: its fields are the app's own. */
const NO_HEADER: HeaderFound = { headerRows: 0, headers: [], mapping: [], missing: [] };

function emptyImport(
  file: string,
  header: HeaderFound,
  options: OrderImportOptions,
  log: OrderLog,
): OrderImport {
  return {
    file,
    header,
    system: options.system === 'auto' ? 'WGS84' : options.system,
    fit: null,
    grids: [],
    rows: [],
    ids: new Map(),
    problems: log.groups,
    rowProblems: log.rows,
    counts: {
      rows: 0,
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
