/**
 * The shapes a planner sketches with the pointer, as GeoJSON rings in longitude/latitude: a box
 * from two corners, a polygon from clicked corners, a lasso from a free path. Paths are thinned
 * while they are drawn, so a long stroke stays a few hundred positions. A lasso that crosses
 * itself is resolved into the largest simple piece it encloses.
 */
import type { Position } from 'geojson';
import { polygonAreaM2 } from '../../analysis/coverage/geodesy.ts';
import { unionAreas } from '../../editing/polygon-ops.ts';
import { samePosition } from '../../editing/ring-geometry.ts';
import { screenDistance, type ScreenPoint } from './screen-scale.ts';

/**
 * The closed counter-clockwise ring of the box with corners `a` and `b`; null when it has no area.
 * @example
 * boxRing([116.30, 39.85], [116.31, 39.86]); // 5 positions, first = last
 */
export function boxRing(a: Position, b: Position): Position[] | null {
  const [west, east] = [Math.min(a[0]!, b[0]!), Math.max(a[0]!, b[0]!)];
  const [south, north] = [Math.min(a[1]!, b[1]!), Math.max(a[1]!, b[1]!)];
  if (west === east || south === north) return null;
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/**
 * The closed ring through clicked corners, with repeated clicks (a double-click) dropped; null
 * when fewer than three distinct corners remain.
 * @example
 * closedRing([a, b, c, c]); // [a, b, c, a]
 */
export function closedRing(corners: readonly Position[]): Position[] | null {
  const distinct: Position[] = [];
  for (const corner of corners) {
    const last = distinct[distinct.length - 1];
    if (!last || !samePosition(last, corner)) distinct.push([corner[0]!, corner[1]!]);
  }
  while (distinct.length > 1 && samePosition(distinct[0]!, distinct[distinct.length - 1]!))
    distinct.pop();
  if (distinct.length < 3) return null;
  return [...distinct, distinct[0]!];
}

/**
 * The clicked points without repeats in a row (a double-click clicks the last point twice).
 * @example
 * withoutRepeats([a, b, b]); // [a, b]
 */
export function withoutRepeats(points: readonly Position[]): Position[] {
  return points.filter((p, i) => i === 0 || !samePosition(points[i - 1]!, p));
}

/**
 * Whether a pointer path should take `point`: only when it lies `minPx` or more from the last
 * point taken, so a stroke keeps one point per few pixels.
 * @example
 * if (takesPoint(path, [e.point.x, e.point.y], 4)) path.push(...);
 */
export function takesPoint(
  path: readonly ScreenPoint[],
  point: ScreenPoint,
  minPx: number,
): boolean {
  const last = path[path.length - 1];
  return !last || screenDistance(last, point) >= minPx;
}

/**
 * The area a free lasso path encloses, as the rings of one polygon (outer ring, then holes): the
 * path is closed, and if it crosses itself the largest piece is kept. Null when it encloses
 * nothing.
 * @example
 * lassoArea(pathLngLat)?.[0]; // the outer ring
 */
export function lassoArea(path: readonly Position[]): Position[][] | null {
  const ring = closedRing(path);
  if (!ring) return null;
  return largestPolygon(unionAreas([[[ring]]]));
}

/**
 * The polygon of largest area among `polygons` (MultiPolygon coordinates); null when empty.
 * @example
 * largestPolygon(unionAreas(pieces));
 */
export function largestPolygon(polygons: readonly Position[][][]): Position[][] | null {
  let best: Position[][] | null = null;
  let bestArea = 0;
  for (const rings of polygons) {
    const area = polygonAreaM2(rings);
    if (area > bestArea) [best, bestArea] = [rings, area];
  }
  return best;
}
