/**
 * Planar point–segment measures in degrees, shared by the coverage checks that decide which
 * vertex lies on which edge (topology, not distances on the ground).
 */
import type { Position } from 'geojson';

/**
 * Where the foot of the perpendicular from `p` falls on segment a→b, as a fraction of it (0 for
 * a segment of zero length).
 *
 * @example
 * segmentParameter([1, 1], [0, 0], [4, 0]); // 0.25
 */
export function segmentParameter(p: Position, a: Position, b: Position): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return 0;
  return ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / lengthSquared;
}

/**
 * Planar distance in degrees from `p` to the point at fraction `t` of segment a→b.
 *
 * @example
 * distanceToPointAt([1, 1], [0, 0], [4, 0], 0.25); // 1
 */
export function distanceToPointAt(p: Position, a: Position, b: Position, t: number): number {
  return Math.hypot(p[0]! - (a[0]! + t * (b[0]! - a[0]!)), p[1]! - (a[1]! + t * (b[1]! - a[1]!)));
}
