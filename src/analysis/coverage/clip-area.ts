/**
 * Exact area of the intersection of a footprint with a grid, without building the intersection
 * polygon: the footprint is split into a signed fan of triangles (1_P = Σ ±1_T for any simple
 * ring), and every grid ring is clipped against each triangle with Sutherland–Hodgman, which
 * yields the right area against a convex window even for a concave ring. Coordinates are
 * equal-area metres (see geodesy.ts) taken relative to the footprint's first vertex, so the sums
 * keep their precision.
 */
import { projectedRingArea } from './geodesy.ts';

/** A polygon as flat [x0, y0, x1, y1, …] rings, outer ring first, then holes. */
export type FlatPolygon = Float64Array[];

// Scratch buffers reused between calls: clipping runs millions of times at city scale.
let bufferA = new Float64Array(256);
let bufferB = new Float64Array(256);

function ensureCapacity(values: number): void {
  if (bufferA.length >= values) return;
  const size = Math.max(values, bufferA.length * 2);
  bufferA = new Float64Array(size);
  bufferB = new Float64Array(size);
}

/**
 * |area| of a ring (closed, projected) clipped to the counter-clockwise triangle (t0, t1, t2),
 * all relative to the origin (ox, oy).
 */
function ringInTriangleArea(
  ring: Float64Array,
  ox: number,
  oy: number,
  triangle: readonly number[],
): number {
  const vertices = ring.length / 2 - 1;
  ensureCapacity((vertices + 8) * 2 * 4);
  let input = bufferA;
  let output = bufferB;
  for (let i = 0; i < vertices; i++) {
    input[i * 2] = ring[i * 2]! - ox;
    input[i * 2 + 1] = ring[i * 2 + 1]! - oy;
  }
  let count = vertices;
  for (let e = 0; e < 3 && count > 0; e++) {
    const ax = triangle[e * 2]!;
    const ay = triangle[e * 2 + 1]!;
    const bx = triangle[((e + 1) % 3) * 2]!;
    const by = triangle[((e + 1) % 3) * 2 + 1]!;
    const ex = bx - ax;
    const ey = by - ay;
    let out = 0;
    let px = input[(count - 1) * 2]!;
    let py = input[(count - 1) * 2 + 1]!;
    let pSide = ex * (py - ay) - ey * (px - ax);
    for (let i = 0; i < count; i++) {
      const cx = input[i * 2]!;
      const cy = input[i * 2 + 1]!;
      const cSide = ex * (cy - ay) - ey * (cx - ax);
      if (cSide >= 0) {
        if (pSide < 0) {
          const t = pSide / (pSide - cSide);
          output[out++] = px + t * (cx - px);
          output[out++] = py + t * (cy - py);
        }
        output[out++] = cx;
        output[out++] = cy;
      } else if (pSide >= 0) {
        const t = pSide / (pSide - cSide);
        output[out++] = px + t * (cx - px);
        output[out++] = py + t * (cy - py);
      }
      px = cx;
      py = cy;
      pSide = cSide;
    }
    count = out / 2;
    [input, output] = [output, input];
  }
  let twice = 0;
  for (let i = 0; i < count; i++) {
    const j = (i + 1) % count;
    twice += input[i * 2]! * input[j * 2 + 1]! - input[j * 2]! * input[i * 2 + 1]!;
  }
  return Math.abs(twice / 2);
}

function polygonInTriangleArea(
  polygon: FlatPolygon,
  ox: number,
  oy: number,
  triangle: readonly number[],
): number {
  let area = 0;
  polygon.forEach((ring, r) => {
    const inside = ringInTriangleArea(ring, ox, oy, triangle);
    area += r === 0 ? inside : -inside;
  });
  return area;
}

/**
 * Area in m² of footprint ∩ grid, for a closed projected footprint ring and the grid's projected
 * polygons.
 * @example
 * intersectionAreaM2(projectRing(building), gridPolygons) / footprintArea; // share in the grid
 */
export function intersectionAreaM2(footprint: Float64Array, grid: readonly FlatPolygon[]): number {
  const n = footprint.length / 2 - 1;
  if (n < 3) return 0;
  const orientation = Math.sign(projectedRingArea(footprint));
  const ox = footprint[0]!;
  const oy = footprint[1]!;
  const triangle = [0, 0, 0, 0, 0, 0];
  let total = 0;
  for (let i = 1; i < n - 1; i++) {
    const ax = footprint[i * 2]! - ox;
    const ay = footprint[i * 2 + 1]! - oy;
    const bx = footprint[i * 2 + 2]! - ox;
    const by = footprint[i * 2 + 3]! - oy;
    const cross = ax * by - bx * ay;
    if (cross === 0) continue;
    // The triangle (0, a, b) made counter-clockwise; its sign relative to the footprint's.
    if (cross > 0) triangle.splice(0, 6, 0, 0, ax, ay, bx, by);
    else triangle.splice(0, 6, 0, 0, bx, by, ax, ay);
    const sign = Math.sign(cross) * orientation;
    for (const polygon of grid) total += sign * polygonInTriangleArea(polygon, ox, oy, triangle);
  }
  return Math.max(total, 0);
}

/** [minX, minY, maxX, maxY] in the plane of the rings it is compared with (a GeoJSON BBox fits). */
export type FlatBox = readonly number[];

/** Whether segment (ax, ay)–(bx, by) meets the box (touching counts). */
function segmentMeetsBox(ax: number, ay: number, bx: number, by: number, box: FlatBox): boolean {
  const west = box[0]!;
  const south = box[1]!;
  const east = box[2]!;
  const north = box[3]!;
  if (Math.max(ax, bx) < west || Math.min(ax, bx) > east) return false;
  if (Math.max(ay, by) < south || Math.min(ay, by) > north) return false;
  // The segment's line separates the box's corners unless they all lie strictly on one side.
  const dx = bx - ax;
  const dy = by - ay;
  const a = dx * (south - ay) - dy * (west - ax);
  const b = dx * (south - ay) - dy * (east - ax);
  const c = dx * (north - ay) - dy * (east - ax);
  const d = dx * (north - ay) - dy * (west - ax);
  return (a >= 0 || b >= 0 || c >= 0 || d >= 0) && (a <= 0 || b <= 0 || c <= 0 || d <= 0);
}

/**
 * Whether any ring of the grid meets the box (rings and box in the same plane). When none does,
 * a footprint inside the box lies wholly inside or wholly outside the grid: no clipping needed.
 */
export function boundaryMeetsBox(grid: readonly FlatPolygon[], box: FlatBox): boolean {
  for (const polygon of grid)
    for (const ring of polygon)
      for (let i = 2; i < ring.length; i += 2)
        if (segmentMeetsBox(ring[i - 2]!, ring[i - 1]!, ring[i]!, ring[i + 1]!, box)) return true;
  return false;
}

/** Whether a point lies inside the grid (even–odd over each polygon's rings, same plane). */
export function flatContains(grid: readonly FlatPolygon[], x: number, y: number): boolean {
  return grid.some((polygon) => {
    let inside = false;
    for (const ring of polygon)
      for (let i = 2; i < ring.length; i += 2) {
        const xi = ring[i]!;
        const yi = ring[i + 1]!;
        const xj = ring[i - 2]!;
        const yj = ring[i - 1]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    return inside;
  });
}
