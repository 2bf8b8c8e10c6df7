/**
 * Per-grid figures for the map and the details panel: households, residents, buildings,
 * workers, households per worker, monthly visits, area and work orders. Buildings and work orders
 * are assigned to the grid that contains their representative point (a first approximation; the
 * coverage engine assigns buildings by footprint share and reports split buildings).
 */
import { area, bbox, booleanPointInPolygon, centroid } from '@turf/turf';
import type { BBox, Polygon, Position } from 'geojson';
import { DEFAULT_SETTINGS, monthlyVisits, type GridSettings } from '../domain/settings.ts';
import type { BuildingFeature, GridFeature, WorkOrderFeature } from '../domain/types.ts';

/** Where a grid's households stand against the band; dedicated grids are exempt from it. */
export type BandStatus = 'below' | 'within' | 'above' | 'exempt';

export interface GridStats {
  gridId: string;
  households: number;
  residents: number;
  buildings: number;
  difficultHouseholds: number;
  specialHouseholds: number;
  workers: number;
  /** Households per grid worker; null when the grid has no worker. */
  householdsPerWorker: number | null;
  monthlyVisits: number;
  areaM2: number;
  workOrders: number;
  /** Where the households stand against the configured band. */
  band: BandStatus;
}

interface IndexedGrid {
  grid: GridFeature;
  box: BBox;
}

function inBox([x, y]: Position, box: BBox): boolean {
  return x! >= box[0] && x! <= box[2] && y! >= box[1] && y! <= box[3];
}

/** Finds the grid holding a point: bbox test first, exact point-in-polygon second. */
function gridAt(point: Position, grids: IndexedGrid[]): GridFeature | null {
  for (const { grid, box } of grids)
    if (inBox(point, box) && booleanPointInPolygon(point, grid.geometry as Polygon)) return grid;
  return null;
}

/** The band a household count falls in. */
export function bandOf(households: number, settings: GridSettings = DEFAULT_SETTINGS): BandStatus {
  if (households < settings.householdsBand.min) return 'below';
  if (households > settings.householdsBand.max) return 'above';
  return 'within';
}

/**
 * Figures for every grid, keyed by grid id.
 * @example
 * const stats = computeGridStats(grids, buildings, workOrders);
 * stats.get('110106012003004')?.households;
 */
export function computeGridStats(
  grids: readonly GridFeature[],
  buildings: readonly BuildingFeature[],
  workOrders: readonly WorkOrderFeature[],
  settings: GridSettings = DEFAULT_SETTINGS,
): Map<string, GridStats> {
  const indexed = grids.map((grid) => ({ grid, box: bbox(grid) }));
  const dedicated = new Set(
    grids.filter((g) => g.properties.type === 'dedicated').map((g) => g.properties.id),
  );
  const stats = new Map<string, GridStats>();
  for (const grid of grids) {
    stats.set(grid.properties.id, {
      gridId: grid.properties.id,
      households: 0,
      residents: 0,
      buildings: 0,
      difficultHouseholds: 0,
      specialHouseholds: 0,
      workers: grid.properties.workers,
      householdsPerWorker: null,
      monthlyVisits: 0,
      areaM2: area(grid),
      workOrders: 0,
      band: 'below',
    });
  }
  for (const building of buildings) {
    const holder = gridAt(centroid(building).geometry.coordinates, indexed);
    const entry = holder && stats.get(holder.properties.id);
    if (!entry) continue;
    const p = building.properties;
    entry.households += p.households;
    entry.residents += p.residents;
    entry.buildings += 1;
    entry.difficultHouseholds += p.difficultHouseholds;
    entry.specialHouseholds += p.specialHouseholds;
  }
  for (const order of workOrders) {
    const holder = gridAt(order.geometry.coordinates, indexed);
    const entry = holder && stats.get(holder.properties.id);
    if (entry) entry.workOrders += 1;
  }
  for (const entry of stats.values()) {
    entry.householdsPerWorker = entry.workers > 0 ? entry.households / entry.workers : null;
    entry.monthlyVisits = monthlyVisits(
      {
        households: entry.households,
        difficult: entry.difficultHouseholds,
        special: entry.specialHouseholds,
      },
      settings,
    );
    // The band is a norm for comprehensive grids; a school's or a park's own grid is exempt.
    entry.band = dedicated.has(entry.gridId) ? 'exempt' : bandOf(entry.households, settings);
  }
  return stats;
}
