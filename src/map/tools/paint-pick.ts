/**
 * Which buildings a paint stroke picks: a building is picked when the centre of its footprint
 * (the mean of its outline's vertices, the point the coverage engine and the redistricting tools
 * use) lies in the painted area. The candidates are the few buildings the map reports under the
 * stroke.
 */
import type { Position } from 'geojson';
import {
  bboxOfRings,
  flatPolygons,
  geometryContains,
  prepareBuilding,
} from '../../analysis/coverage/prepared.ts';
import type { BuildingFeature } from '../../domain/types.ts';

/**
 * The ids of the buildings whose footprint centre lies in `area` (the rings of one polygon).
 * @example
 * buildingsInArea(candidates, boxRing(a, b) ? [boxRing(a, b)!] : []);
 */
export function buildingsInArea(
  buildings: readonly BuildingFeature[],
  area: readonly Position[][],
): string[] {
  if (area.length === 0) return [];
  const flat = flatPolygons({ type: 'Polygon', coordinates: area as Position[][] });
  const bbox = bboxOfRings(area);
  return buildings
    .filter((b) => geometryContains(flat, bbox, prepareBuilding(b).point))
    .map((b) => b.properties.id);
}
