/**
 * What the map draws, source by source, from the app state: the layers that stay as loaded
 * (basemap, street, communities, buildings, facilities, work orders, community labels), built once
 * per load; and the parts a grid edit changes (the grids with their workload figures, the grid
 * labels, the coverage problem polygons), built from the plan being edited. Each source gets its
 * own object, which changes only when its own inputs change, so the map re-sets only those. It
 * runs on the UI thread: labels, work-order points and the report come ready-made from the worker.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CoverageProblem, GridWorkload } from '../analysis/coverage/report.ts';
import { COMPLAINT_METRICS, type GridComplaintFigures, type GridFigures } from './metric-scale.ts';
import type { LabelProperties } from '../analysis/label-points.ts';
import type { WorkOrderPoints } from '../analysis/work-order-points.ts';
import type { GridFeature, StreetDataset } from '../domain/types.ts';
import { LABEL_SOURCE_IDS, SOURCE_IDS } from './style.ts';

/** The sources whose data changes only with a new load. */
export const STATIC_SOURCE_IDS = [
  SOURCE_IDS.basemap,
  SOURCE_IDS.street,
  SOURCE_IDS.communities,
  SOURCE_IDS.buildings,
  SOURCE_IDS.facilities,
  SOURCE_IDS.workOrders,
  LABEL_SOURCE_IDS.communities,
] as const;

export type StaticSourceId = (typeof STATIC_SOURCE_IDS)[number];

export type LabelFeature = Feature<Point, LabelProperties>;

const collection = <F extends Feature>(features: F[]): FeatureCollection =>
  ({ type: 'FeatureCollection', features }) as FeatureCollection;

/**
 * The label points of one layer ('communities' or 'grids'), in their order.
 * @example
 * labelsOf(loaded.labels, 'grids').length; // one per grid
 */
export function labelsOf(
  labels: FeatureCollection<Point, LabelProperties>,
  layer: LabelProperties['layer'],
): LabelFeature[] {
  return labels.features.filter((f) => f.properties.layer === layer);
}

/**
 * The data of the sources that stay as loaded; missing layers become empty collections.
 * @example
 * const sources = staticCollections(loaded.dataset, loaded.labels, loaded.workOrderPoints);
 * sources.buildings.features.length; // the loaded buildings
 */
export function staticCollections(
  dataset: Partial<StreetDataset>,
  labels: FeatureCollection<Point, LabelProperties>,
  workOrders: WorkOrderPoints,
): Record<StaticSourceId, FeatureCollection> {
  const layer = (kind: keyof StreetDataset): FeatureCollection =>
    (dataset[kind] as FeatureCollection | undefined) ?? collection([]);
  return {
    [SOURCE_IDS.basemap]: layer('basemap'),
    [SOURCE_IDS.street]: layer('street'),
    [SOURCE_IDS.communities]: layer('communities'),
    [SOURCE_IDS.buildings]: layer('buildings'),
    [SOURCE_IDS.facilities]: layer('facilities'),
    [SOURCE_IDS.workOrders]: workOrders.features,
    [LABEL_SOURCE_IDS.communities]: collection(labelsOf(labels, 'communities')),
  };
}

/**
 * A builder of the grids source: each grid with its figures (workload, and the complaint figures
 * of the month shown) as properties, so the fill can be coloured by any metric. It remembers the
 * feature it made for each grid and figures and gives the same object back while neither
 * changed, so a diff against the previous collection finds exactly the grids an edit touched.
 * @example
 * const gridCollection = createGridCollection();
 * const before = gridCollection(grids, report.grids);
 * gridCollection(grids, report.grids).features[0] === before.features[0]; // true
 */
export function createGridCollection(): (
  grids: readonly GridFeature[],
  figures: readonly GridFigures[],
) => FeatureCollection {
  const made = new WeakMap<GridFeature, { figures: GridFigures | undefined; feature: Feature }>();
  return (grids, figures) => {
    const figuresById = new Map(figures.map((f) => [f.gridId, f]));
    return collection(
      grids.map((grid) => {
        const own = figuresById.get(grid.properties.id);
        const known = made.get(grid);
        if (known && known.figures === own) return known.feature;
        const feature: Feature = { ...grid, properties: { ...grid.properties, ...own } };
        made.set(grid, { figures: own, feature });
        return feature;
      }),
    );
  };
}

/**
 * The grid label points as a source's data.
 * @example
 * gridLabelCollection(plan.gridLabels).features.length; // one per grid
 */
export function gridLabelCollection(labels: readonly LabelFeature[]): FeatureCollection {
  return collection([...labels]);
}

/**
 * The problems that have a polygon (gaps, overlaps, parts outside the community, slivers) as
 * features with their `id`, `kind` and `severity`.
 * @example
 * problemFeatures(report.problems).features.map((f) => f.properties.kind); // ['gap', 'overlap', …]
 */
export function problemFeatures(problems: readonly CoverageProblem[]): FeatureCollection {
  return collection(
    problems.flatMap((p): Feature[] =>
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
  );
}

/**
 * A builder of the grids' figures: each workload with the grid's complaint figures added. It
 * gives the same object back while the workload and the complaint figures are the same, so the
 * grids source changes only for the grids whose figures did.
 * @example
 * const gridFigures = createGridFigures();
 * gridFigures(report.grids, new Map([['110106090001001', { ordersPerThousand: 47.2 }]]));
 */
export function createGridFigures(): (
  workloads: readonly GridWorkload[],
  complaints: ReadonlyMap<string, GridComplaintFigures> | null,
) => GridFigures[] {
  const made = new WeakMap<GridWorkload, { key: string; figures: GridFigures }>();
  return (workloads, complaints) =>
    workloads.map((workload) => {
      const own = complaints?.get(workload.gridId);
      if (!own) return workload;
      const key = COMPLAINT_METRICS.map((metric) => own[metric]).join('|');
      const known = made.get(workload);
      if (known?.key === key) return known.figures;
      const figures = { ...workload, ...own };
      made.set(workload, { key, figures });
      return figures;
    });
}
