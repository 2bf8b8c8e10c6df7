/**
 * Turns a loaded street into what the map draws: one FeatureCollection per source (grids carry
 * their figures as properties so the fill can be coloured by any metric, labels come from the
 * worker) and the work-order positions as a flat array for the heatmap. No geometry is computed
 * here: this runs on the UI thread.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GridStats } from '../analysis/grid-stats.ts';
import type { LabelProperties } from '../analysis/label-points.ts';
import type { StreetDataset } from '../domain/types.ts';
import { LABEL_SOURCE_ID, SOURCE_IDS } from './style.ts';

export type SourceId = (typeof SOURCE_IDS)[keyof typeof SOURCE_IDS] | typeof LABEL_SOURCE_ID;

export interface MapData {
  collections: Record<SourceId, FeatureCollection>;
  workOrderPositions: Float64Array;
}

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * The map's sources for a dataset; missing layers become empty collections.
 * @example
 * const { collections } = toMapData(loaded.dataset, loaded.gridStats, loaded.labels);
 */
export function toMapData(
  dataset: Partial<StreetDataset>,
  gridStats: readonly GridStats[],
  labels: FeatureCollection<Point, LabelProperties>,
): MapData {
  const statsById = new Map(gridStats.map((s) => [s.gridId, s]));
  const grids: FeatureCollection = {
    type: 'FeatureCollection',
    features: (dataset.grids?.features ?? []).map((grid) => ({
      ...grid,
      properties: { ...grid.properties, ...statsById.get(grid.properties.id) },
    })),
  };
  const orders = dataset.workOrders?.features ?? [];
  const workOrderPositions = new Float64Array(orders.length * 2);
  orders.forEach((order, i) => {
    const [lng, lat] = order.geometry.coordinates;
    workOrderPositions[i * 2] = lng!;
    workOrderPositions[i * 2 + 1] = lat!;
  });
  return {
    collections: {
      [LABEL_SOURCE_ID]: labels,
      [SOURCE_IDS.basemap]: dataset.basemap ?? empty(),
      [SOURCE_IDS.street]: dataset.street ?? empty(),
      [SOURCE_IDS.communities]: dataset.communities ?? empty(),
      [SOURCE_IDS.grids]: grids,
      [SOURCE_IDS.buildings]: dataset.buildings ?? empty(),
      [SOURCE_IDS.facilities]: dataset.facilities ?? empty(),
      // Only id and position: the details panel reads the rest from the loaded layer.
      [SOURCE_IDS.workOrders]: {
        type: 'FeatureCollection',
        features: orders.map((order) => ({
          type: 'Feature',
          geometry: order.geometry,
          properties: { id: order.properties.id, category2: order.properties.category2 },
        })),
      },
    } as Record<SourceId, FeatureCollection>,
    workOrderPositions,
  };
}
