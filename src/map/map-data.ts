/**
 * Turns a loaded street into what the map draws: one FeatureCollection per source (grids carry
 * their figures as properties so the fill can be coloured by any metric) and the work-order
 * positions for the heatmap. It runs on the UI thread, so labels and work-order points come
 * ready-made from the worker.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GridStats } from '../analysis/grid-stats.ts';
import type { LabelProperties } from '../analysis/label-points.ts';
import type { WorkOrderPoints } from '../analysis/work-order-points.ts';
import type { StreetDataset } from '../domain/types.ts';
import { LABEL_SOURCE_ID, SOURCE_IDS } from './style.ts';

export type SourceId = (typeof SOURCE_IDS)[keyof typeof SOURCE_IDS] | typeof LABEL_SOURCE_ID;

export interface MapData {
  collections: Record<SourceId, FeatureCollection>;
  workOrderPositions: Float64Array;
}

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * The map's sources for a loaded street; missing layers become empty collections. Only the grids
 * (a few dozen to a few thousand) are touched here; everything per building or per work order was
 * prepared in the worker.
 * @example
 * const { collections } = toMapData(loaded.dataset, loaded.gridStats, loaded.labels, loaded.workOrderPoints);
 */
export function toMapData(
  dataset: Partial<StreetDataset>,
  gridStats: readonly GridStats[],
  labels: FeatureCollection<Point, LabelProperties>,
  workOrders: WorkOrderPoints,
): MapData {
  const statsById = new Map(gridStats.map((s) => [s.gridId, s]));
  const grids: FeatureCollection = {
    type: 'FeatureCollection',
    features: (dataset.grids?.features ?? []).map((grid) => ({
      ...grid,
      properties: { ...grid.properties, ...statsById.get(grid.properties.id) },
    })),
  };
  return {
    collections: {
      [LABEL_SOURCE_ID]: labels,
      [SOURCE_IDS.basemap]: dataset.basemap ?? empty(),
      [SOURCE_IDS.street]: dataset.street ?? empty(),
      [SOURCE_IDS.communities]: dataset.communities ?? empty(),
      [SOURCE_IDS.grids]: grids,
      [SOURCE_IDS.buildings]: dataset.buildings ?? empty(),
      [SOURCE_IDS.facilities]: dataset.facilities ?? empty(),
      [SOURCE_IDS.workOrders]: workOrders.features,
    } as Record<SourceId, FeatureCollection>,
    workOrderPositions: workOrders.positions,
  };
}
