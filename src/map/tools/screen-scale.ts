/**
 * Screen pixels and ground metres for the editing tools: a snap tolerance or a brush is set in
 * pixels (what the hand controls) and measured in metres (what the worker's geometry uses). The
 * map's projection comes in as a function, so the conversion is tested with a fake linear one.
 */
import type { Position } from 'geojson';
import { distanceM } from '../../analysis/coverage/geodesy.ts';

/** A screen point in CSS pixels, x to the right and y down. */
export type ScreenPoint = [number, number];

/** Screen point → longitude/latitude (the map's `unproject`). */
export type Unproject = (point: ScreenPoint) => Position;

/** Longitude/latitude → screen point (the map's `project`). */
export type Project = (position: Position) => ScreenPoint;

/**
 * The ground distance in metres that `px` screen pixels span at `point`, measured horizontally.
 * @example
 * pixelsToMetres((p) => map.unproject(p).toArray(), [400, 300], 8); // ≈ 2.4 at zoom 17
 */
export function pixelsToMetres(unproject: Unproject, point: ScreenPoint, px: number): number {
  const [x, y] = point;
  return distanceM(unproject([x, y]), unproject([x + px, y]));
}

/**
 * Straight-line distance in pixels between two screen points.
 * @example
 * screenDistance([0, 0], [3, 4]); // 5
 */
export function screenDistance(a: ScreenPoint, b: ScreenPoint): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/**
 * The screen box around points, grown by `margin` pixels on every side.
 * @example
 * screenBox([last, next], brushPx); // the box a brush segment sweeps
 */
export function screenBox(points: readonly ScreenPoint[], margin = 0): [ScreenPoint, ScreenPoint] {
  let [west, north, east, south] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    west = Math.min(west, x);
    east = Math.max(east, x);
    north = Math.min(north, y);
    south = Math.max(south, y);
  }
  return [
    [west - margin, north - margin],
    [east + margin, south + margin],
  ];
}
