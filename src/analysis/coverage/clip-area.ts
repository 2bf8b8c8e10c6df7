/**
 * Exact area of the intersection of a footprint with a grid, without building the intersection
 * polygon: the footprint is split into a signed fan of triangles (1_P = Σ ±1_T for any simple
 * ring), and every grid ring is clipped against each triangle with Sutherland–Hodgman, which
 * yields the right area against a convex window even for a concave ring. Coordinates are
 * equal-area metres (see geodesy.ts) taken relative to the footprint's first vertex, so the sums
 * keep their precision.
 */
import { projectedRingArea } from './geodesy.ts';

/** A polygon projected to equal-area metres: outer ring first, then holes. */
export type ProjectedPolygon = Float64Array[];

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
  polygon: ProjectedPolygon,
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
export function intersectionAreaM2(
  footprint: Float64Array,
  grid: readonly ProjectedPolygon[],
): number {
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

/** [minX, minY, maxX, maxY] in equal-area metres. */
export type ProjectedBox = [number, number, number, number];

/** The box of a closed projected ring. */
export function projectedBox(ring: Float64Array): ProjectedBox {
  const box: ProjectedBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < ring.length; i += 2) {
    box[0] = Math.min(box[0], ring[i]!);
    box[1] = Math.min(box[1], ring[i + 1]!);
    box[2] = Math.max(box[2], ring[i]!);
    box[3] = Math.max(box[3], ring[i + 1]!);
  }
  return box;
}

/** Whether segment (ax, ay)–(bx, by) meets the box (touching counts). */
function segmentMeetsBox(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  box: ProjectedBox,
): boolean {
  if (Math.max(ax, bx) < box[0] || Math.min(ax, bx) > box[2]) return false;
  if (Math.max(ay, by) < box[1] || Math.min(ay, by) > box[3]) return false;
  // The segment's line separates the box's corners unless they all lie strictly on one side.
  const dx = bx - ax;
  const dy = by - ay;
  let positive = false;
  let negative = false;
  for (const [x, y] of [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[2], box[3]],
    [box[0], box[3]],
  ] as const) {
    const side = dx * (y - ay) - dy * (x - ax);
    if (side >= 0) positive = true;
    if (side <= 0) negative = true;
  }
  return positive && negative;
}

/**
 * Whether any ring of the grid meets the box. When none does, a footprint inside the box lies
 * wholly inside or wholly outside the grid, and no clipping is needed.
 */
export function boundaryMeetsBox(grid: readonly ProjectedPolygon[], box: ProjectedBox): boolean {
  for (const polygon of grid)
    for (const ring of polygon)
      for (let i = 2; i < ring.length; i += 2)
        if (segmentMeetsBox(ring[i - 2]!, ring[i - 1]!, ring[i]!, ring[i + 1]!, box)) return true;
  return false;
}

/** Whether a projected point lies inside the grid (even–odd over each polygon's rings). */
export function projectedContains(
  grid: readonly ProjectedPolygon[],
  x: number,
  y: number,
): boolean {
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
