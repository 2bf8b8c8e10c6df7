/**
 * Where each order belongs: its building (by the building id the export gives, by a position
 * inside a footprint, or by its address) and its grid (the building's grid in the plan looked at,
 * else the grid holding its position, else the one grid all buildings of its compound are in).
 * Built once per street and plan; placing an order is a few index lookups.
 */
import type { BBox } from 'geojson';
import type { BuildingFeature } from '../../domain/types.ts';
import { bboxOf, flatPolygons, gridContains, type PreparedGrid } from '../coverage/prepared.ts';
import { flatContains, type FlatPolygon } from '../coverage/clip-area.ts';
import { addressIndex, matchAddress, type AddressIndex } from './address-match.ts';
import { BoxGrid } from './box-grid.ts';

/**
 * How an order was placed; `compound-split`: its address names a compound whose buildings lie in
 * more than one grid, so it has neither building nor grid.
 */
export type PlacedBy =
  'building-id' | 'position' | 'address' | 'compound' | 'grid' | 'compound-split' | 'none';

export interface Placement {
  /** Index of the building, or -1. */
  building: number;
  /** Index of the grid, or -1. */
  grid: number;
  by: PlacedBy;
}

export interface OrderToPlace {
  buildingId: string | null;
  /** WGS-84, null when unknown. */
  lng: number | null;
  lat: number | null;
  address: string | null;
}

/**
 * @example
 * const placer = new OrderPlacer(buildings, buildingGrid, grids);
 * placer.place({ buildingId: null, lng: 116.33, lat: 39.84, address: null }); // { building: 17, grid: 3, by: 'position' }
 */
export class OrderPlacer {
  readonly #buildingIds: Map<string, number>;
  readonly #ids: readonly string[];
  readonly #footprints: { bbox: BBox; flat: FlatPolygon[] }[];
  readonly #buildingCells: BoxGrid;
  /** The footprints' boxes, four numbers each (west, south, east, north). */
  readonly #boxes: Float64Array;
  readonly #grids: readonly PreparedGrid[];
  readonly #gridCells: BoxGrid;
  readonly #buildingGrid: Int32Array;
  readonly #addresses: AddressIndex;

  /**
   * @param buildingGrid the grid index of each building in the plan looked at (-1: none)
   * @param grids the plan's grids, in the order `buildingGrid` and placements index them
   */
  constructor(
    buildings: readonly BuildingFeature[],
    buildingGrid: Int32Array,
    grids: readonly PreparedGrid[],
  ) {
    this.#buildingGrid = buildingGrid;
    this.#grids = grids;
    this.#ids = buildings.map((b) => b.properties.id);
    this.#buildingIds = new Map(this.#ids.map((id, i) => [id, i]));
    this.#footprints = buildings.map((b) => ({
      bbox: bboxOf(b.geometry),
      flat: flatPolygons(b.geometry),
    }));
    this.#boxes = Float64Array.from(this.#footprints.flatMap((f) => f.bbox));
    this.#buildingCells = new BoxGrid(
      this.#footprints.map((f) => f.bbox),
      0.0005,
    );
    this.#gridCells = new BoxGrid(
      grids.map((g) => g.bbox),
      0.002,
    );
    this.#addresses = addressIndex(buildings.map((b) => b.properties));
  }

  /** The footprint boxes, for telling coordinate systems apart (coordinate-systems.ts). */
  get buildingBoxes(): BBox[] {
    return this.#footprints.map((f) => f.bbox);
  }

  /** The id of the building at an index. */
  buildingId(index: number): string | undefined {
    return this.#ids[index];
  }

  place(order: OrderToPlace): Placement {
    const byId = order.buildingId === null ? undefined : this.#buildingIds.get(order.buildingId);
    if (byId !== undefined) return this.#atBuilding(byId, 'building-id', order);
    if (order.lng !== null && order.lat !== null) {
      const building = this.#buildingCells.find(order.lng, order.lat, this.#inFootprint);
      if (building >= 0) return this.#atBuilding(building, 'position', order);
      const grid = this.#gridAt(order.lng, order.lat);
      if (grid >= 0) return { building: -1, grid, by: 'grid' };
    }
    if (order.address) {
      const match = matchAddress(this.#addresses, order.address);
      if (match.kind === 'building') return this.#atBuilding(match.building, 'address', order);
      if (match.kind === 'compound') {
        const grids = new Set(match.buildings.map((b) => this.#buildingGrid[b]!));
        const [grid] = grids;
        if (grids.size === 1 && grid! >= 0) return { building: -1, grid: grid!, by: 'compound' };
        return { building: -1, grid: -1, by: 'compound-split' };
      }
    }
    return { building: -1, grid: -1, by: 'none' };
  }

  /**
   * The grid of an order already placed (its building index, or -1, and position), in the plan
   * this placer was made for: how the same orders are counted for another plan.
   * @example
   * placer.gridOf(table.building[i], table.lng[i], table.lat[i], table.addresses[i]); // 3
   */
  gridOf(building: number, lng: number | null, lat: number | null, address: string | null): number {
    if (building >= 0)
      return this.#atBuilding(building, 'building-id', { buildingId: null, lng, lat, address })
        .grid;
    return this.place({ buildingId: null, lng, lat, address }).grid;
  }

  /** A building's grid; for a building no grid holds, the grid at the order's position. */
  #atBuilding(building: number, by: PlacedBy, order: OrderToPlace): Placement {
    let grid = this.#buildingGrid[building] ?? -1;
    if (grid < 0 && order.lng !== null && order.lat !== null)
      grid = this.#gridAt(order.lng, order.lat);
    return { building, grid, by };
  }

  #gridAt(lng: number, lat: number): number {
    return this.#gridCells.find(lng, lat, this.#inGrid);
  }

  /** The tests the cell grids call with a position (made once, not per order). */
  readonly #inFootprint = (i: number, x: number, y: number): boolean => {
    const boxes = this.#boxes;
    if (
      x < boxes[4 * i]! ||
      y < boxes[4 * i + 1]! ||
      x > boxes[4 * i + 2]! ||
      y > boxes[4 * i + 3]!
    )
      return false;
    return flatContains(this.#footprints[i]!.flat, x, y);
  };
  readonly #inGrid = (g: number, x: number, y: number): boolean =>
    gridContains(this.#grids[g]!, [x, y]);
}
