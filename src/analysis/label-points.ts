/**
 * One label point per community and grid: the centre of mass when it lies inside the polygon, a
 * point on its surface otherwise. The map labels these points instead of the polygons, so a
 * polygon cut by tile edges is still labelled once.
 */
import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { StreetDataset } from '../domain/types.ts';

export interface LabelProperties {
  /** The layer the labelled polygon belongs to. */
  layer: 'communities' | 'grids';
  id: string;
  name: string;
}

/** Where a polygon's label goes. */
function labelPoint(feature: Feature<Polygon | MultiPolygon>): Point {
  const center = centerOfMass(feature).geometry;
  return booleanPointInPolygon(center, feature) ? center : pointOnFeature(feature).geometry;
}

/**
 * The label point of one community or grid.
 * @example
 * polygonLabel('grids', grid).properties.name; // '第3网格'
 */
export function polygonLabel(
  layer: LabelProperties['layer'],
  feature: Feature<Polygon | MultiPolygon, { id: string; name?: string }>,
): Feature<Point, LabelProperties> {
  return {
    type: 'Feature',
    geometry: labelPoint(feature),
    properties: {
      layer,
      id: feature.properties.id,
      name: feature.properties.name ?? feature.properties.id,
    },
  };
}

/**
 * Label points of the communities and grids of a dataset.
 * @example
 * labelPoints(dataset).features[0].properties; // { layer: 'communities', id: '110106090001', name: '安澜里社区' }
 */
export function labelPoints(
  dataset: Partial<StreetDataset>,
): FeatureCollection<Point, LabelProperties> {
  const layers = [
    ['communities', dataset.communities?.features ?? []],
    ['grids', dataset.grids?.features ?? []],
  ] as const;
  return {
    type: 'FeatureCollection',
    features: layers.flatMap(([layer, features]) =>
      features.map((feature: Feature<Polygon | MultiPolygon, { id: string; name?: string }>) =>
        polygonLabel(layer, feature),
      ),
    ),
  };
}
