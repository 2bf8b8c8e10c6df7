/**
 * Small planar helpers on lon/lat rings that the vertex and topology edits share: exact position
 * keys, ring orientation, the rings of a grid, point–segment measures and segment crossing. Planar
 * in degrees on purpose: they decide topology (which vertex lies on which edge), not distances.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { segmentParameter } from '../analysis/coverage/segment.ts';

/** A key that is equal for exactly equal positions (longitude and latitude). */
export function positionKey(position: Position): string {
  return `${position[0]},${position[1]}`;
}

/** Whether two positions are exactly equal in longitude and latitude. */
export function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Twice the signed area of a closed ring in degrees² (positive when counter-clockwise), taken
 * relative to its first vertex so that large coordinates lose no precision.
 */
export function ringOrientation(ring: readonly Position[]): number {
  const first = ring[0];
  if (!first) return 0;
  const [x0, y0] = [first[0]!, first[1]!];
  let twice = 0;
  for (let i = 1; i < ring.length - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    twice += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
  }
  return twice;
}

/** A geometry of the same type as `geometry` with `polygons` as its rings. */
export function withPolygons<G extends Polygon | MultiPolygon>(
  geometry: G,
  polygons: Position[][][],
): G {
  return geometry.type === 'Polygon'
    ? { ...geometry, coordinates: polygons[0] ?? [] }
    : { ...geometry, coordinates: polygons };
}

/** The point at fraction `t` of segment a→b. */
export function pointAlong(a: Position, b: Position, t: number): Position {
  return [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
}

/** The nearest point to `p` on segment a→b and its fraction along it. */
export function nearestOnSegment(
  p: Position,
  a: Position,
  b: Position,
): { point: Position; t: number } {
  const t = Math.min(1, Math.max(0, segmentParameter(p, a, b)));
  return { point: pointAlong(a, b, t), t };
}

/** Planar distance in degrees between two positions. */
export function planarDistance(a: Position, b: Position): number {
  return Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  return (
    Math.min(a[0]!, b[0]!) <= p[0]! &&
    p[0]! <= Math.max(a[0]!, b[0]!) &&
    Math.min(a[1]!, b[1]!) <= p[1]! &&
    p[1]! <= Math.max(a[1]!, b[1]!)
  );
}

/**
 * Whether segments a→b and c→d meet anywhere (touching and collinear overlap count). Callers
 * leave out the pairs that legitimately share an endpoint.
 */
export function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return true;
  return (
    (d1 === 0 && onSegment(a, c, d)) ||
    (d2 === 0 && onSegment(b, c, d)) ||
    (d3 === 0 && onSegment(c, a, b)) ||
    (d4 === 0 && onSegment(d, a, b))
  );
}

/** Signed distance of `p` from the line through a→b (left positive), in degrees. */
function sideOf(a: Position, b: Position, p: Position): number {
  const length = planarDistance(a, b);
  return length === 0 ? 0 : cross(a, b, p) / length;
}

/**
 * Whether segments a→b and c→d cross properly: each one's ends lie on opposite sides of the
 * other, further than `tolerance` (degrees) from it. An end within the tolerance of the other
 * segment only touches it, so a vertex just placed on an edge does not count as a crossing.
 */
export function segmentsCross(
  a: Position,
  b: Position,
  c: Position,
  d: Position,
  tolerance = 0,
): boolean {
  const opposite = (x: number, y: number): boolean =>
    (x > tolerance && y < -tolerance) || (x < -tolerance && y > tolerance);
  return opposite(sideOf(c, d, a), sideOf(c, d, b)) && opposite(sideOf(a, b, c), sideOf(a, b, d));
}
