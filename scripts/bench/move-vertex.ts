/**
 * Moving one vertex of a grid: where to (a few metres across the boundary it sits on) and the
 * grid with it moved, as a new feature (the old one is left as it was).
 */
import type { Position } from 'geojson';
import { polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { round6 } from '../sample/frame.ts';
import { degreesToMetres, metresToDegrees } from './frame.ts';

/**
 * Where vertex `at` of `grid` ends up when moved `metres` into the grid (negative: out of it),
 * square to the chord between its two neighbours on the outer ring that holds it.
 * @example
 * nudgeVertex(grid, grid.geometry.coordinates[0][3], 3); // 3 m inside the grid
 */
export function nudgeVertex(grid: GridFeature, at: Position, metres: number): Position {
  for (const [ring] of polygonsOf(grid.geometry)) {
    if (!ring) continue;
    const n = ring.length - 1;
    const k = ring.findIndex((p) => same(p, at));
    if (k < 0 || k >= n) continue;
    const prev = ring[(k + n - 1) % n] as Position;
    const next = ring[(k + 1) % n] as Position;
    const [tx, ty] = degreesToMetres([
      (next[0] as number) - (prev[0] as number),
      (next[1] as number) - (prev[1] as number),
    ]);
    const len = Math.hypot(tx, ty);
    // The left normal points into a counter-clockwise outer ring; flip it for a clockwise one.
    const side = ringArea(ring) > 0 ? 1 : -1;
    const [dx, dy] = metresToDegrees([(-ty / len) * metres * side, (tx / len) * metres * side]);
    return [round6((at[0] as number) + dx), round6((at[1] as number) + dy)];
  }
  throw new RangeError(`grid ${grid.properties.id} has no vertex at ${at.join(',')}`);
}

/**
 * The grid with every occurrence of vertex `from` (the closing one too) replaced by `to`.
 * @example
 * moveVertex(grid, p, nudgeVertex(grid, p, 3)); // a new feature; `grid` is unchanged
 */
export function moveVertex(grid: GridFeature, from: Position, to: Position): GridFeature {
  const moveRing = (ring: Position[]): Position[] => ring.map((p) => (same(p, from) ? [...to] : p));
  const g = grid.geometry;
  return {
    ...grid,
    geometry:
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map(moveRing) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(moveRing)) },
  };
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Twice the signed area in degrees²: positive for a counter-clockwise ring. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let k = 0; k < ring.length - 1; k++) {
    const a = ring[k] as Position;
    const b = ring[k + 1] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum;
}
