/**
 * Turns a loaded street into what the map draws: one FeatureCollection per source (grids carry
 * their workload figures as properties so the fill can be coloured by any metric; the coverage
 * problems that have a polygon carry their id and kind) and the work-order positions for the
 * heatmap. It runs on the UI thread, so labels, work-order points and the report come ready-made
 * from the worker; only grids and problems (a few dozen to a few thousand) are touched here.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CoverageProblem, CoverageReport } from '../analysis/coverage/report.ts';
import type { LabelProperties } from '../analysis/label-points.ts';
import type { WorkOrderPoints } from '../analysis/work-order-points.ts';
import type { StreetDataset } from '../domain/types.ts';
import { COVERAGE_SOURCE_IDS } from './coverage-style.ts';
import { LABEL_SOURCE_ID, SOURCE_IDS } from './style.ts';

export type SourceId =
  | (typeof SOURCE_IDS)[keyof typeof SOURCE_IDS]
  | typeof LABEL_SOURCE_ID
  | typeof COVERAGE_SOURCE_IDS.problems;

export interface MapData {
  collections: Record<SourceId, FeatureCollection>;
  workOrderPositions: Float64Array;
}

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * The problems that have a polygon (gaps, overlaps, parts outside the community, slivers) as
 * features with their `id`, `kind` and `severity`.
 * @example
 * problemFeatures(report.problems).features.map((f) => f.properties.kind); // ['gap', 'overlap', …]
 */
export function problemFeatures(problems: readonly CoverageProblem[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: problems.flatMap((p): Feature[] =>
      p.geometry
        ? [
            {
              type: 'Feature',
              geometry: p.geometry,
              properties: { id: p.id, kind: p.kind, severity: p.severity },
            },
          ]
        : [],
    ),
  };
}

/**
 * The map's sources for a loaded street; missing layers become empty collections.
 * @example
 * const { collections } = toMapData(loaded.dataset, loaded.report, loaded.labels, loaded.workOrderPoints);
 */
export function toMapData(
  dataset: Partial<StreetDataset>,
  report: Pick<CoverageReport, 'grids' | 'problems'>,
  labels: FeatureCollection<Point, LabelProperties>,
  workOrders: WorkOrderPoints,
): MapData {
  const workloadById = new Map(report.grids.map((g) => [g.gridId, g]));
  const grids: FeatureCollection = {
    type: 'FeatureCollection',
    features: (dataset.grids?.features ?? []).map((grid) => ({
      ...grid,
      properties: { ...grid.properties, ...workloadById.get(grid.properties.id) },
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
      [COVERAGE_SOURCE_IDS.problems]: problemFeatures(report.problems),
    } as Record<SourceId, FeatureCollection>,
    workOrderPositions: workOrders.positions,
  };
}
