/** Row layout: places footprints of given sizes in east–west rows inside a convex compound. */
import type { Vec } from './frame.ts';
import { convexOverlap, insideConvex, rectangle, rotate } from './geometry.ts';
import type { Random } from './random.ts';

/** A footprint to place: long side `length` along the rows, `depth` across them. */
export interface Footprint {
  length: number;
  depth: number;
}

/** How rows are spaced and filled. */
export interface RowOptions {
  /** Minimum distance between row centre lines (sunlight spacing). */
  minPitch: number;
  /** Minimum and maximum gap between neighbours in a row. */
  minGap: number;
  maxGap: number;
  /** Share (0–1] of the possible rows to use when footprints fit in fewer. */
  spread: number;
  /** Largest random turn of a footprint off the row direction, in degrees. */
  jitterDeg: number;
  /** Areas to keep free (with `clearance` metres around them). */
  exclusions: readonly (readonly Vec[])[];
  clearance: number;
}

/** A placed footprint: its ring, row and position in the row (west to east). */
export interface Placement {
  index: number;
  ring: Vec[];
  row: number;
  order: number;
  center: Vec;
}

/** The result of a layout: placements and where the rows run (in the frame turned by -angle). */
export interface RowLayout {
  placements: Placement[];
  /** Row centre ordinates, north to south. */
  rowCenters: number[];
}

interface Segment {
  row: number;
  x0: number;
  x1: number;
  items: number[];
  used: number;
}

/**
 * Places `items` in rows parallel to `angle` (radians from east) inside a convex counter-clockwise
 * `area`: rows evenly spaced north to south, each footprint in the row segment with most room,
 * rows centred with gaps between `minGap` and `maxGap`. Returns null if they cannot all fit.
 * @example
 * layoutRows(inner, 0, [{ length: 60, depth: 11 }], opts, rng)?.placements.length; // 1
 */
export function layoutRows(
  area: readonly Vec[],
  angle: number,
  items: readonly Footprint[],
  options: RowOptions,
  rng: Random,
): RowLayout | null {
  if (items.length === 0) return { placements: [], rowCenters: [] };
  const local = area.map((p) => rotate(p, -angle));
  const ys = local.map((p) => p[1]);
  const top = Math.max(...ys);
  const bottom = Math.min(...ys);
  const maxDepth = Math.max(...items.map((f) => f.depth));
  const pad = 1 + Math.sin((options.jitterDeg * Math.PI) / 180) * 40;
  const usable = top - bottom - maxDepth - 2 * pad;
  if (usable < 0) return null;
  const maxRows = Math.max(1, Math.floor(usable / options.minPitch) + 1);
  const exclusions = options.exclusions.map((ring) => ring.map((p) => rotate(p, -angle)));

  for (let rows = Math.max(1, Math.round(maxRows * options.spread)); rows <= maxRows; rows++) {
    const pitch = rows === 1 ? 0 : usable / (rows - 1);
    const first = rows === 1 ? (top + bottom) / 2 : top - pad - maxDepth / 2;
    const centers = Array.from({ length: rows }, (_, k) => first - k * pitch);
    const segments = centers.flatMap((yc, row) =>
      rowSegments(local, exclusions, yc, maxDepth / 2 + pad, options.clearance).map((s) => ({
        row,
        x0: s[0],
        x1: s[1],
        items: [] as number[],
        used: 0,
      })),
    );
    if (!assign(segments, items, options.minGap)) continue;
    const placements = place(segments, centers, items, angle, area, options, rng);
    if (placements.length < items.length) continue;
    return { placements, rowCenters: centers };
  }
  return null;
}

/** Free x-intervals of the band yc ± half inside the polygon, minus the exclusions. */
function rowSegments(
  local: readonly Vec[],
  exclusions: readonly Vec[][],
  yc: number,
  half: number,
  clearance: number,
): [number, number][] {
  const [a0, a1] = spanAt(local, yc + half);
  const [b0, b1] = spanAt(local, yc - half);
  let free: [number, number][] = [[Math.max(a0, b0), Math.min(a1, b1)]];
  for (const ex of exclusions) {
    const ys = ex.map((p) => p[1]);
    if (Math.min(...ys) - clearance > yc + half || Math.max(...ys) + clearance < yc - half)
      continue;
    const xs = ex.map((p) => p[0]);
    const lo = Math.min(...xs) - clearance;
    const hi = Math.max(...xs) + clearance;
    free = free.flatMap(([s, e]): [number, number][] => {
      if (hi <= s || lo >= e) return [[s, e]];
      const parts: [number, number][] = [];
      if (lo > s) parts.push([s, lo]);
      if (hi < e) parts.push([hi, e]);
      return parts;
    });
  }
  return free.filter(([s, e]) => e - s > 5);
}

/**
 * The x-interval of a convex polygon at ordinate y ([0, 0] when y misses it).
 * @example
 * spanAt([[0, 0], [10, 0], [10, 10], [0, 10]], 5); // [0, 10]
 */
export function spanAt(poly: readonly Vec[], y: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Vec;
    const b = poly[(i + 1) % poly.length] as Vec;
    if ((a[1] - y) * (b[1] - y) > 0 || a[1] === b[1]) continue;
    const x = a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

function assign(segments: Segment[], items: readonly Footprint[], minGap: number): boolean {
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Footprint;
    let best: Segment | undefined;
    let bestFree = -Infinity;
    for (const s of segments) {
      const need = item.length + (s.items.length > 0 ? minGap : 0);
      const free = s.x1 - s.x0 - s.used - need;
      if (free >= 0 && free > bestFree + 1e-9) {
        best = s;
        bestFree = free;
      }
    }
    if (!best) return false;
    best.used += item.length + (best.items.length > 0 ? minGap : 0);
    best.items.push(i);
  }
  return true;
}

function place(
  segments: readonly Segment[],
  centers: readonly number[],
  items: readonly Footprint[],
  angle: number,
  area: readonly Vec[],
  options: RowOptions,
  rng: Random,
): Placement[] {
  const placed: Placement[] = [];
  for (const s of segments) {
    if (s.items.length === 0) continue;
    const lengths = s.items.map((i) => (items[i] as Footprint).length);
    const total = lengths.reduce((a, b) => a + b, 0);
    const width = s.x1 - s.x0;
    const gap = Math.min(
      options.maxGap,
      Math.max(options.minGap, (width - total) / (s.items.length + 1)),
    );
    const group = total + gap * (s.items.length - 1);
    const slack = Math.max(0, width - group);
    let x = s.x0 + slack / 2 + rng.float(-slack / 3, slack / 3);
    const yc = centers[s.row] as number;
    s.items.forEach((index, k) => {
      const f = items[index] as Footprint;
      const center = rotate([x + f.length / 2, yc + rng.float(-1.5, 1.5)], angle);
      x += f.length + gap;
      const turn = (rng.float(-1, 1) * options.jitterDeg * Math.PI) / 180;
      for (const t of [turn, 0]) {
        const ring = rectangle(center, f.length, f.depth, angle + t);
        const inside = ring.every((p) => insideConvex(area, p));
        const clear =
          options.exclusions.every((ex) => !convexOverlap(ring, ex, options.clearance)) &&
          placed.every((p) => !convexOverlap(ring, p.ring, Math.min(2, options.minGap)));
        if (inside && clear) {
          placed.push({ index, ring, row: s.row, order: k, center });
          break;
        }
      }
    });
  }
  return placed.sort((a, b) => a.index - b.index);
}
