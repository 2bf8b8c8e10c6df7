/** Headline figures of a loaded street: area and counts, as shown in the status bar and README. */
import { bbox } from '@turf/turf';
import { geometryAreaM2 } from './coverage/geodesy.ts';
import type { StreetDataset } from '../domain/types.ts';

export interface StreetSummary {
  streetName: string | null;
  /** [west, south, east, north] of the street, else of the grids or communities; null when empty. */
  bounds: [number, number, number, number] | null;
  areaKm2: number;
  communities: number;
  grids: number;
  buildings: number;
  households: number;
  residents: number;
  facilities: number;
  workOrders: number;
}

/**
 * Sums a dataset's headline figures; layers that are missing count as empty.
 * @example
 * summarizeStreet(dataset).households; // 16,240
 */
export function summarizeStreet(dataset: Partial<StreetDataset>): StreetSummary {
  const street = dataset.street?.features[0];
  const buildings = dataset.buildings?.features ?? [];
  const extent = [dataset.street, dataset.grids, dataset.communities, dataset.buildings].find(
    (layer) => layer && layer.features.length > 0,
  );
  return {
    streetName: street?.properties.name ?? null,
    bounds: extent ? (bbox(extent) as [number, number, number, number]) : null,
    areaKm2:
      (dataset.street?.features ?? []).reduce((sum, f) => sum + geometryAreaM2(f.geometry), 0) /
      1e6,
    communities: dataset.communities?.features.length ?? 0,
    grids: dataset.grids?.features.length ?? 0,
    buildings: buildings.length,
    households: buildings.reduce((sum, b) => sum + b.properties.households, 0),
    residents: buildings.reduce((sum, b) => sum + b.properties.residents, 0),
    facilities: dataset.facilities?.features.length ?? 0,
    workOrders: dataset.workOrders?.features.length ?? 0,
  };
}
