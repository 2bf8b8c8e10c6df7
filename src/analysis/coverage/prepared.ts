/**
 * Features prepared once for the engine: bounding boxes, rings projected to equal-area metres
 * and areas, so that assignment and coverage never re-project a geometry they have seen.
 */
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
import { projectedBox, type ProjectedBox, type ProjectedPolygon } from './clip-area.ts';
import {
  geometryAreaM2,
  perimeterM,
  polygonAreaM2,
  projectRing,
  projectedRingArea,
} from './geodesy.ts';

export interface PreparedGrid {
  feature: GridFeature;
  id: string;
  communityId: string;
  bbox: BBox;
  projected: ProjectedPolygon[];
  areaM2: number;
  perimeterM: number;
  /** Area of each polygon of the grid, m². */
  partAreasM2: number[];
}

export interface PreparedBuilding {
  feature: BuildingFeature;
  bbox: BBox;
  /** Footprint rings projected to equal-area metres: outline first, then courtyards. */
  rings: Float64Array[];
  /** Box of the outline in equal-area metres. */
  box: ProjectedBox;
  areaM2: number;
  /** Mean of the outline's vertices, where facility distances are measured from. */
  point: Position;
}

/** The polygons of a Polygon or MultiPolygon, as arrays of rings. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** [west, south, east, north] of a list of rings. */
export function bboxOfRings(rings: Iterable<readonly Position[]>): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x! < west) west = x!;
      if (x! > east) east = x!;
      if (y! < south) south = y!;
      if (y! > north) north = y!;
    }
  return [west, south, east, north];
}

/** Bounding box of a Polygon or MultiPolygon. */
export function bboxOf(geometry: Polygon | MultiPolygon): BBox {
  return bboxOfRings(polygonsOf(geometry).flat());
}

export function prepareGrid(feature: GridFeature): PreparedGrid {
  const polygons = polygonsOf(feature.geometry);
  return {
    feature,
    id: feature.properties.id,
    communityId: feature.properties.communityId,
    bbox: bboxOf(feature.geometry),
    projected: polygons.map((rings) => rings.map(projectRing)),
    areaM2: geometryAreaM2(feature.geometry),
    perimeterM: perimeterM(feature.geometry),
    partAreasM2: polygons.map(polygonAreaM2),
  };
}

function vertexMean(ring: readonly Position[]): Position {
  const vertices = ring.length > 1 ? ring.slice(0, -1) : ring;
  let x = 0;
  let y = 0;
  for (const [lng, lat] of vertices) {
    x += lng!;
    y += lat!;
  }
  return [x / vertices.length, y / vertices.length];
}

export function prepareBuilding(feature: BuildingFeature): PreparedBuilding {
  const rings = feature.geometry.coordinates.map(projectRing);
  const areas = rings.map((ring) => Math.abs(projectedRingArea(ring)));
  return {
    feature,
    bbox: bboxOf(feature.geometry),
    rings,
    box: projectedBox(rings[0]!),
    areaM2: Math.max(
      areas.reduce((sum, a, r) => (r === 0 ? a : sum - a), 0),
      0,
    ),
    point: vertexMean(feature.geometry.coordinates[0]!),
  };
}

function ringContains(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a position lies inside a Polygon or MultiPolygon within `bbox` (holes excluded). */
export function geometryContains(
  geometry: Polygon | MultiPolygon,
  bbox: BBox,
  [x, y]: Position,
): boolean {
  const [west, south, east, north] = bbox;
  if (x! < west || x! > east || y! < south || y! > north) return false;
  return polygonsOf(geometry).some(
    (rings) =>
      ringContains(rings[0]!, x!, y!) && !rings.slice(1).some((hole) => ringContains(hole, x!, y!)),
  );
}

/** Whether a position lies inside a grid. */
export function gridContains(grid: PreparedGrid, position: Position): boolean {
  return geometryContains(grid.feature.geometry, grid.bbox, position);
}
