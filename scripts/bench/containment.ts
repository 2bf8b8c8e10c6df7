/** Whether a small ring lies wholly inside a larger one, in the metre frame (building placement). */
import type { Vec } from '../sample/frame.ts';
import { cross, insideRing } from '../sample/geometry.ts';

/**
 * True when every vertex of `inner` is inside `outer` and no edge of one crosses an edge of the
 * other (both open rings).
 * @example
 * ringInside(rectangle([0, 0], 2, 2, 0), rectangle([0, 0], 10, 10, 0)); // true
 */
export function ringInside(inner: readonly Vec[], outer: readonly Vec[]): boolean {
  for (const p of inner) if (!insideRing(outer, p)) return false;
  for (let a = 0; a < inner.length; a++) {
    const p = inner[a] as Vec;
    const q = inner[(a + 1) % inner.length] as Vec;
    for (let b = 0; b < outer.length; b++) {
      const r = outer[b] as Vec;
      const s = outer[(b + 1) % outer.length] as Vec;
      if (segmentsCross(p, q, r, s)) return false;
    }
  }
  return true;
}

function segmentsCross(p: Vec, q: Vec, r: Vec, s: Vec): boolean {
  const d1 = cross(r, s, p);
  const d2 = cross(r, s, q);
  const d3 = cross(p, q, r);
  const d4 = cross(p, q, s);
  return d1 * d2 < 0 && d3 * d4 < 0;
}
