/**
 * The area a brush stroke covers: the path swept by a disc of `radiusM`, as the redistricting
 * tools paint it. Each segment of the path becomes its capsule (the convex hull of the discs at
 * its two ends, built directly as two half-circles), and the capsules are united with the same
 * clipper the editing operations use. Positions are placed in the stroke's local metric frame, so
 * the brush is round on the ground, not on the screen.
 */
import type { Position } from 'geojson';
import { circleRing, distanceM, metresPerDegree } from '../../analysis/coverage/geodesy.ts';
import { unionAreas } from '../../editing/polygon-ops.ts';
import { largestPolygon } from './sketch-shapes.ts';

/** Vertices of each half-circle of a capsule: 8 keep a 20 m brush within 0.4 m of round. */
const HALF_STEPS = 8;

/** The closed ring of the segment a–b swept by a disc of `radiusM` (a stadium shape). */
function capsuleRing(a: Position, b: Position, radiusM: number): Position[] {
  const scale = metresPerDegree((a[1]! + b[1]!) / 2);
  const dx = (b[0]! - a[0]!) * scale.lng;
  const dy = (b[1]! - a[1]!) * scale.lat;
  const heading = Math.atan2(dy, dx);
  const arc = (centre: Position, from: number): Position[] =>
    Array.from({ length: HALF_STEPS + 1 }, (_, k): Position => {
      const angle = from + (Math.PI * k) / HALF_STEPS;
      return [
        centre[0]! + (radiusM * Math.cos(angle)) / scale.lng,
        centre[1]! + (radiusM * Math.sin(angle)) / scale.lat,
      ];
    });
  // Counter-clockwise: around b from the right side to the left, then around a back again.
  const ring = [...arc(b, heading - Math.PI / 2), ...arc(a, heading + Math.PI / 2)];
  return [...ring, ring[0]!];
}

/**
 * The painted area of a brush stroke along `path` (longitude/latitude), as the rings of one
 * polygon; null for an empty path. Points closer than a fifth of the radius to the previous one
 * are skipped (the path's end is always kept): they add nothing visible and cost a capsule each.
 * @example
 * const area = brushStrokePolygon([[116.30, 39.85], [116.301, 39.85]], 20);
 * run({ op: 'reassign', buildingIds, targetGridId, area: area! });
 */
export function brushStrokePolygon(
  path: readonly Position[],
  radiusM: number,
): Position[][] | null {
  const points: Position[] = [];
  for (const p of path) {
    const last = points[points.length - 1];
    if (!last || distanceM(last, p) >= radiusM / 5) points.push(p);
  }
  const end = path[path.length - 1];
  if (end && points[points.length - 1] !== end) points.push(end);
  const [first] = points;
  if (!first || !(radiusM > 0)) return null;
  if (points.length === 1) return [circleRing(first, radiusM, HALF_STEPS * 2)];
  const capsules = points.slice(1).map((b, i) => [[capsuleRing(points[i]!, b, radiusM)]]);
  return largestPolygon(unionAreas(capsules));
}

/**
 * The stroke painted so far (`area`, the rings of one polygon, or null at the start) extended by
 * the segment a–b: one union per pointer move, for showing the stroke while it is painted.
 * @example
 * shown = extendStroke(shown, lastLngLat, lngLat, radiusM);
 */
export function extendStroke(
  area: Position[][] | null,
  a: Position,
  b: Position,
  radiusM: number,
): Position[][] | null {
  const capsule = [[capsuleRing(a, b, radiusM)]];
  return largestPolygon(unionAreas(area ? [[area], capsule] : [capsule]));
}
