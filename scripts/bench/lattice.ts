/**
 * The shared vertices of the whole territory: a lattice of points jittered and gently warped so
 * lattice-aligned rectangles become irregular polygons. Every polygon's ring is traced through
 * every lattice point on its boundary, so neighbours carry exactly the same coordinates along a
 * common edge and a community's grids repeat its ring vertex for vertex (no T-junctions).
 */
import type { Position } from 'geojson';
import type { Vec } from '../sample/frame.ts';
import type { Random } from '../sample/random.ts';
import { benchLonLat } from './frame.ts';
import type { CellRect } from './layout.ts';

export interface Lattice {
  width: number;
  height: number;
  /** Metres east/north of the frame origin, point (i, j) at index j × (width + 1) + i. */
  x: Float64Array;
  y: Float64Array;
  /** The same points in WGS-84, rounded once so every ring repeats the same numbers. */
  lon: Float64Array;
  lat: Float64Array;
}

export const CELL_M = 60;
/** Each lattice point moves up to this share of a cell along each axis. */
const JITTER = 0.25;
/** A smooth warp bends the lattice lines: amplitude and wavelength in metres (slope ≤ 0.25). */
const WARP_M = 80;
const WARP_WAVELENGTH_M = 2000;

/**
 * The jittered, warped lattice of `width` × `height` cells centred on the frame origin.
 * @example
 * buildLattice(2, 1, createRandom(1)).x.length; // 6 points
 */
export function buildLattice(width: number, height: number, rng: Random): Lattice {
  const n = (width + 1) * (height + 1);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const phaseX = rng.float(0, 2 * Math.PI);
  const phaseY = rng.float(0, 2 * Math.PI);
  const k = (2 * Math.PI) / WARP_WAVELENGTH_M;
  for (let j = 0; j <= height; j++) {
    for (let i = 0; i <= width; i++) {
      const x0 = (i - width / 2) * CELL_M;
      const y0 = (j - height / 2) * CELL_M;
      const at = j * (width + 1) + i;
      x[at] = x0 + WARP_M * Math.sin(k * y0 + phaseX) + rng.float(-JITTER, JITTER) * CELL_M;
      y[at] = y0 + WARP_M * Math.sin(k * x0 + phaseY) + rng.float(-JITTER, JITTER) * CELL_M;
      const [pLon = 0, pLat = 0] = benchLonLat([x[at] as number, y[at] as number]);
      lon[at] = pLon;
      lat[at] = pLat;
    }
  }
  return { width, height, x, y, lon, lat };
}

/** Lattice point (i, j) in metres. */
export function latticePoint(lattice: Lattice, i: number, j: number): Vec {
  const at = j * (lattice.width + 1) + i;
  return [lattice.x[at] as number, lattice.y[at] as number];
}

/**
 * Lattice indices around a cell rectangle, counter-clockwise from its south-west corner, every
 * boundary point included, not closed.
 */
function ringIndices(lattice: Lattice, r: CellRect): number[] {
  const row = lattice.width + 1;
  const out: number[] = [];
  for (let i = r.i0; i < r.i1; i++) out.push(r.j0 * row + i);
  for (let j = r.j0; j < r.j1; j++) out.push(j * row + r.i1);
  for (let i = r.i1; i > r.i0; i--) out.push(r.j1 * row + i);
  for (let j = r.j1; j > r.j0; j--) out.push(j * row + r.i0);
  return out;
}

/**
 * The closed WGS-84 ring of a cell rectangle, counter-clockwise (RFC 7946), each position a fresh
 * array as if parsed from a file.
 * @example
 * rectRing(lattice, { i0: 0, j0: 0, i1: 2, j1: 1 }).length; // 7: six boundary points + closing
 */
export function rectRing(lattice: Lattice, r: CellRect): Position[] {
  const ring = ringIndices(lattice, r).map((at) => [
    lattice.lon[at] as number,
    lattice.lat[at] as number,
  ]);
  ring.push([...(ring[0] as Position)]);
  return ring;
}

/**
 * The open metre ring of a cell rectangle, counter-clockwise.
 * @example
 * rectRingM(lattice, { i0: 0, j0: 0, i1: 1, j1: 1 }).length; // 4
 */
export function rectRingM(lattice: Lattice, r: CellRect): Vec[] {
  return ringIndices(lattice, r).map((at) => [lattice.x[at] as number, lattice.y[at] as number]);
}

/**
 * The point at (u, v) ∈ [0, 1]² of cell (i, j), u running east and v north (bilinear).
 * @example
 * cellPoint(lattice, 0, 0, 0.5, 0.5); // near the middle of the south-west cell
 */
export function cellPoint(lattice: Lattice, i: number, j: number, u: number, v: number): Vec {
  const [swX, swY] = latticePoint(lattice, i, j);
  const [seX, seY] = latticePoint(lattice, i + 1, j);
  const [nwX, nwY] = latticePoint(lattice, i, j + 1);
  const [neX, neY] = latticePoint(lattice, i + 1, j + 1);
  const southX = swX + (seX - swX) * u;
  const southY = swY + (seY - swY) * u;
  const northX = nwX + (neX - nwX) * u;
  const northY = nwY + (neY - nwY) * u;
  return [southX + (northX - southX) * v, southY + (northY - southY) * v];
}
