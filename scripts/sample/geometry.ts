/** Plane geometry in the local metric frame: vectors, quads, convex tests, rectangles. */
import type { Vec } from './frame.ts';

/** A block or compound corner set: north-west, north-east, south-east, south-west. */
export interface Quad {
  nw: Vec;
  ne: Vec;
  se: Vec;
  sw: Vec;
}

/** a + b */
export function add(a: Vec, b: Vec): Vec {
  return [a[0] + b[0], a[1] + b[1]];
}

/** a − b */
export function sub(a: Vec, b: Vec): Vec {
  return [a[0] - b[0], a[1] - b[1]];
}

/** a × k */
export function scale(a: Vec, k: number): Vec {
  return [a[0] * k, a[1] * k];
}

/** The point a fraction t of the way from a to b. */
export function lerp(a: Vec, b: Vec, t: number): Vec {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Euclidean length of a vector. */
export function norm(a: Vec): number {
  return Math.hypot(a[0], a[1]);
}

/** Distance between two points. */
export function distance(a: Vec, b: Vec): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** z-component of the cross product (b − a) × (c − a): > 0 when a → b → c turns left. */
export function cross(a: Vec, b: Vec, c: Vec): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Rotates a vector by `angle` radians counter-clockwise. */
export function rotate(a: Vec, angle: number): Vec {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [a[0] * c - a[1] * s, a[0] * s + a[1] * c];
}

/**
 * The point at (u, v) of a bilinear patch: u runs west → east, v north → south. Lines of constant
 * u or v are straight, so sub-quads of a block have straight edges.
 * @example
 * bilinear({ nw: [0, 1], ne: [1, 1], se: [1, 0], sw: [0, 0] }, 0.5, 0.5); // [0.5, 0.5]
 */
export function bilinear(q: Quad, u: number, v: number): Vec {
  const north = lerp(q.nw, q.ne, u);
  const south = lerp(q.sw, q.se, u);
  return lerp(north, south, v);
}

/** The sub-quad [u0, u1] × [v0, v1] of a bilinear patch. */
export function subQuad(q: Quad, u0: number, u1: number, v0: number, v1: number): Quad {
  return {
    nw: bilinear(q, u0, v0),
    ne: bilinear(q, u1, v0),
    se: bilinear(q, u1, v1),
    sw: bilinear(q, u0, v1),
  };
}

/** A quad as a counter-clockwise ring (without the closing point): nw, sw, se, ne. */
export function quadRing(q: Quad): Vec[] {
  return [q.nw, q.sw, q.se, q.ne];
}

/** Signed area of a ring (shoelace): positive when counter-clockwise. */
export function signedArea(ring: readonly Vec[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Vec;
    const b = ring[(i + 1) % ring.length] as Vec;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** Area centroid of a simple ring. */
export function centroid(ring: readonly Vec[]): Vec {
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Vec;
    const b = ring[(i + 1) % ring.length] as Vec;
    const w = a[0] * b[1] - b[0] * a[1];
    a2 += w;
    cx += (a[0] + b[0]) * w;
    cy += (a[1] + b[1]) * w;
  }
  return [cx / (3 * a2), cy / (3 * a2)];
}

/** True when p lies inside (or on) a counter-clockwise convex ring. */
export function insideConvex(ring: readonly Vec[], p: Vec, margin = 0): boolean {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Vec;
    const b = ring[(i + 1) % ring.length] as Vec;
    if (cross(a, b, p) / distance(a, b) < margin) return false;
  }
  return true;
}

/** True when p lies inside a simple ring (even–odd rule). */
export function insideRing(ring: readonly Vec[], p: Vec): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Vec;
    const b = ring[j] as Vec;
    if (a[1] > p[1] !== b[1] > p[1]) {
      const x = ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0];
      if (p[0] < x) inside = !inside;
    }
  }
  return inside;
}

/**
 * True when two convex rings overlap or come closer than `gap` metres (separating axis test).
 * @example
 * convexOverlap(rectangle([0, 0], 10, 10, 0), rectangle([12, 0], 10, 10, 0), 3); // true
 */
export function convexOverlap(a: readonly Vec[], b: readonly Vec[], gap = 0): boolean {
  for (const ring of [a, b]) {
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i] as Vec;
      const q = ring[(i + 1) % ring.length] as Vec;
      const len = distance(p, q);
      const axis: Vec = [-(q[1] - p[1]) / len, (q[0] - p[0]) / len];
      const [minA, maxA] = project(a, axis);
      const [minB, maxB] = project(b, axis);
      if (maxA + gap <= minB || maxB + gap <= minA) return false;
    }
  }
  return true;
}

function project(ring: readonly Vec[], axis: Vec): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of ring) {
    const d = p[0] * axis[0] + p[1] * axis[1];
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return [min, max];
}

/**
 * A convex counter-clockwise ring moved inwards: edge i by insets[i] metres. Used for setbacks
 * from roads and lanes.
 * @example
 * insetConvex(rectangle([0, 0], 100, 50, 0), [5, 5, 5, 5]); // a 90 × 40 rectangle
 */
export function insetConvex(ring: readonly Vec[], insets: readonly number[]): Vec[] {
  const n = ring.length;
  const lines = ring.map((a, i) => {
    const b = ring[(i + 1) % n] as Vec;
    const len = distance(a, b);
    const normal: Vec = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
    const d = insets[i] ?? 0;
    return { p: add(a, scale(normal, d)), dir: sub(b, a) };
  });
  return lines.map((line, i) => {
    const prev = lines[(i + n - 1) % n] as (typeof lines)[number];
    return intersectLines(prev.p, prev.dir, line.p, line.dir);
  });
}

function intersectLines(p: Vec, r: Vec, q: Vec, s: Vec): Vec {
  const denom = r[0] * s[1] - r[1] * s[0];
  const t = ((q[0] - p[0]) * s[1] - (q[1] - p[1]) * s[0]) / denom;
  return [p[0] + t * r[0], p[1] + t * r[1]];
}

/**
 * A rectangle footprint as a counter-clockwise ring: `length` along `angle` (radians from east),
 * `depth` across it.
 * @example
 * rectangle([0, 0], 60, 12, 0); // [[-30, -6], [30, -6], [30, 6], [-30, 6]]
 */
export function rectangle(center: Vec, length: number, depth: number, angle: number): Vec[] {
  const half: Vec[] = [
    [-length / 2, -depth / 2],
    [length / 2, -depth / 2],
    [length / 2, depth / 2],
    [-length / 2, depth / 2],
  ];
  return half.map((p) => add(center, rotate(p, angle)));
}

/** Parameter t ∈ [0, 1] of the projection of p on segment ab, and p's distance from the segment. */
export function projectOnSegment(a: Vec, b: Vec, p: Vec): { t: number; dist: number } {
  const ab = sub(b, a);
  const len2 = ab[0] * ab[0] + ab[1] * ab[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / len2));
  return { t, dist: distance(p, lerp(a, b, t)) };
}
