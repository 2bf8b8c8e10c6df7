/**
 * Features prepared once for the engine: bounding boxes, rings projected to equal-area metres
 * and areas, so that assignment and coverage never re-project a geometry they have seen.
 */
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
import { flatContains, type FlatPolygon } from './clip-area.ts';
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
  /** Rings as flat [lng, lat, …] arrays, for the quick box and containment tests. */
  flat: FlatPolygon[];
  /** Rings projected to equal-area metres, for clipping. */
  projected: FlatPolygon[];
  areaM2: number;
  perimeterM: number;
  /** Area of each polygon of the grid, m². */
  partAreasM2: number[];
}

/**
 * A building ready for assignment: its box and centre at once; its footprint projected to
 * equal-area metres and its area only on first use, since most buildings never need clipping.
 */
export class PreparedBuilding {
  readonly feature: BuildingFeature;
  readonly bbox: BBox;
  /** Mean of the outline's vertices, where facility distances are measured from. */
  readonly point: Position;
  #rings: Float64Array[] | null = null;
  #areaM2: number | null = null;

  constructor(feature: BuildingFeature, bbox: BBox, point: Position) {
    this.feature = feature;
    this.bbox = bbox;
    this.point = point;
  }

  /** Footprint rings in equal-area metres: outline first, then courtyards. */
  get rings(): Float64Array[] {
    return (this.#rings ??= this.feature.geometry.coordinates.map(projectRing));
  }

  get areaM2(): number {
    this.#areaM2 ??= Math.max(
      this.rings.reduce((sum, ring, r) => {
        const area = Math.abs(projectedRingArea(ring));
        return r === 0 ? area : sum - area;
      }, 0),
      0,
    );
    return this.#areaM2;
  }
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
  // Indexed loops, not destructuring: this runs for every building at city scale.
  for (const ring of rings)
    for (let i = 0; i < ring.length; i++) {
      const x = ring[i]![0]!;
      const y = ring[i]![1]!;
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
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
    flat: flatPolygons(feature.geometry),
    projected: polygons.map((rings) => rings.map(projectRing)),
    areaM2: geometryAreaM2(feature.geometry),
    perimeterM: perimeterM(feature.geometry),
    partAreasM2: polygons.map(polygonAreaM2),
  };
}

export function prepareBuilding(feature: BuildingFeature): PreparedBuilding {
  // One pass over the outline for its box and vertex mean (courtyards lie inside it): this runs
  // for every building, and a separate bboxOfRings pass measurably slows a district report.
  const outline = feature.geometry.coordinates[0]!;
  const vertices = outline.length > 1 ? outline.length - 1 : outline.length;
  const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < outline.length; i++) {
    const x = outline[i]![0]!;
    const y = outline[i]![1]!;
    if (x < bbox[0]) bbox[0] = x;
    if (y < bbox[1]) bbox[1] = y;
    if (x > bbox[2]) bbox[2] = x;
    if (y > bbox[3]) bbox[3] = y;
    if (i < vertices) {
      sumX += x;
      sumY += y;
    }
  }
  return new PreparedBuilding(feature, bbox, [sumX / vertices, sumY / vertices]);
}

/** The rings of a Polygon or MultiPolygon as flat [lng, lat, …] arrays. */
export function flatPolygons(geometry: Polygon | MultiPolygon): FlatPolygon[] {
  return polygonsOf(geometry).map((rings) =>
    rings.map((ring) => Float64Array.from(ring.flat() as number[])),
  );
}

/** Whether a position lies inside flat polygons whose box is `bbox` (holes excluded). */
export function geometryContains(
  flat: readonly FlatPolygon[],
  bbox: BBox,
  [x, y]: Position,
): boolean {
  const [west, south, east, north] = bbox;
  if (x! < west || x! > east || y! < south || y! > north) return false;
  return flatContains(flat, x!, y!);
}

/** Whether a position lies inside a grid. */
export function gridContains(grid: PreparedGrid, position: Position): boolean {
  return geometryContains(grid.flat, grid.bbox, position);
}
