/**
 * Grid workers' load: per-grid counts of the buildings assigned to a grid and the figures derived
 * from them (households per worker, monthly visits under the visiting rule, deviation from the
 * household band and the resident limit, Polsby–Popper compactness), and their totals.
 */
import { monthlyVisits, type GridSettings } from '../../domain/settings.ts';
import type { BuildingProperties } from '../../domain/types.ts';
import type { BandStatus, GridWorkload, WorkloadTotals } from './report.ts';
import type { PreparedGrid } from './prepared.ts';

/** The integer counts a grid accumulates from its buildings and work orders. */
export interface GridCounts {
  households: number;
  residents: number;
  buildings: number;
  difficultHouseholds: number;
  specialHouseholds: number;
  workOrders: number;
}

export function emptyCounts(): GridCounts {
  return {
    households: 0,
    residents: 0,
    buildings: 0,
    difficultHouseholds: 0,
    specialHouseholds: 0,
    workOrders: 0,
  };
}

/** Adds (sign 1) or removes (sign −1) one building's figures. */
export function addBuilding(counts: GridCounts, building: BuildingProperties, sign: 1 | -1): void {
  counts.households += sign * building.households;
  counts.residents += sign * building.residents;
  counts.buildings += sign;
  counts.difficultHouseholds += sign * building.difficultHouseholds;
  counts.specialHouseholds += sign * building.specialHouseholds;
}

/** The band a household count falls in. */
function bandOf(households: number, settings: GridSettings): BandStatus {
  if (households < settings.householdsBand.min) return 'below';
  if (households > settings.householdsBand.max) return 'above';
  return 'within';
}

/**
 * A grid's workload from its counts.
 * @example
 * gridWorkload(grid, { households: 964, … }, DEFAULT_SETTINGS).householdsDeviation; // 464
 */
export function gridWorkload(
  grid: PreparedGrid,
  counts: GridCounts,
  settings: GridSettings,
): GridWorkload {
  const { type, workers } = grid.feature.properties;
  const exempt = type === 'dedicated';
  const band = exempt ? 'exempt' : bandOf(counts.households, settings);
  const { min, max } = settings.householdsBand;
  return {
    gridId: grid.id,
    communityId: grid.communityId,
    type,
    ...counts,
    workers,
    householdsPerWorker: workers > 0 ? counts.households / workers : null,
    monthlyVisits: monthlyVisits(
      {
        households: counts.households,
        difficult: counts.difficultHouseholds,
        special: counts.specialHouseholds,
      },
      settings,
    ),
    areaM2: grid.areaM2,
    perimeterM: grid.perimeterM,
    compactness: grid.perimeterM > 0 ? (4 * Math.PI * grid.areaM2) / grid.perimeterM ** 2 : 0,
    parts: grid.partAreasM2.length,
    band,
    householdsDeviation:
      band === 'above' ? counts.households - max : band === 'below' ? counts.households - min : 0,
    residentsOver: exempt ? 0 : Math.max(counts.residents - settings.maxResidents, 0),
  };
}

/** Whether a grid breaks the household band or the resident limit. */
export function outOfBand(grid: GridWorkload): boolean {
  return grid.band === 'above' || grid.band === 'below' || grid.residentsOver > 0;
}

/** Totals over a list of grids, summed in list order. */
export function sumWorkloads(grids: readonly GridWorkload[]): WorkloadTotals {
  const totals: WorkloadTotals = {
    grids: grids.length,
    households: 0,
    residents: 0,
    buildings: 0,
    workers: 0,
    monthlyVisits: 0,
    areaM2: 0,
    workOrders: 0,
    householdsPerWorker: null,
    outOfBandGrids: 0,
  };
  for (const grid of grids) {
    totals.households += grid.households;
    totals.residents += grid.residents;
    totals.buildings += grid.buildings;
    totals.workers += grid.workers;
    totals.monthlyVisits += grid.monthlyVisits;
    totals.areaM2 += grid.areaM2;
    totals.workOrders += grid.workOrders;
    if (outOfBand(grid)) totals.outOfBandGrids += 1;
  }
  totals.householdsPerWorker = totals.workers > 0 ? totals.households / totals.workers : null;
  return totals;
}
