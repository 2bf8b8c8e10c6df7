/**
 * Checks that a vertex edit leaves valid rings: no new edge crosses its own ring or another
 * grid's ring, folds back on an edge, leaves its community, and no ring flips its winding (a
 * flipped ring has passed through itself). Only edges the edit created are tested, so a defect
 * elsewhere in the plan does not block an edit here.
 */
import { polygonsOf } from '../analysis/coverage/prepared.ts';
import type { BBox, Position } from 'geojson';
import { bboxOf } from '../analysis/coverage/prepared.ts';
import { boxesMeet } from '../analysis/coverage/spatial-index.ts';
import type { GridFeature } from '../domain/types.ts';
import type { CommunityBorder } from './community-border.ts';
import { TOPOLOGY_TOLERANCE_DEG } from './topology.ts';
import {
  pointAlong,
  positionKey,
  ringOrientation,
  samePosition,
  segmentsCross,
  segmentsMeet,
} from './ring-geometry.ts';

interface Edge {
  a: Position;
  b: Position;
  /** Which ring of which grid, so edges of one ring can be told apart from the others. */
  ring: string;
  index: number;
}

function edgeKey(a: Position, b: Position): string {
  const [ka, kb] = [positionKey(a), positionKey(b)];
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}

function edgesOf(grid: GridFeature): Edge[] {
  const edges: Edge[] = [];
  polygonsOf(grid.geometry).forEach((rings, p) =>
    rings.forEach((ring, r) => {
      for (let i = 0; i < ring.length - 1; i++)
        edges.push({
          a: ring[i]!,
          b: ring[i + 1]!,
          ring: `${grid.properties.id}/${p}/${r}`,
          index: i,
        });
    }),
  );
  return edges;
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
}

/** Whether two segments lie on one line and share a stretch of positive length. */
function overlapCollinear(e: Edge, f: Edge): boolean {
  if (cross(e.a, e.b, f.a) !== 0 || cross(e.a, e.b, f.b) !== 0) return false;
  const axis = Math.abs(e.b[0]! - e.a[0]!) >= Math.abs(e.b[1]! - e.a[1]!) ? 0 : 1;
  const [e0, e1] = [e.a[axis]!, e.b[axis]!].sort((x, y) => x - y) as [number, number];
  const [f0, f1] = [f.a[axis]!, f.b[axis]!].sort((x, y) => x - y) as [number, number];
  return Math.min(e1, f1) > Math.max(e0, f0);
}

/**
 * Whether new edge `e` conflicts with edge `f`: a crossing or a shared stretch always does (an
 * identical edge of another ring is a shared boundary and does not); within one ring, touching
 * anywhere but at the joint of two consecutive edges does too.
 */
function conflicts(e: Edge, f: Edge): boolean {
  const sameRing = e.ring === f.ring;
  if (sameRing && e.index === f.index) return false;
  const identical = edgeKey(e.a, e.b) === edgeKey(f.a, f.b);
  if (identical) return sameRing;
  if (segmentsCross(e.a, e.b, f.a, f.b, TOPOLOGY_TOLERANCE_DEG) || overlapCollinear(e, f))
    return true;
  if (!sameRing) return false;
  const consecutive = samePosition(e.b, f.a) || samePosition(f.b, e.a);
  return !consecutive && segmentsMeet(e.a, e.b, f.a, f.b);
}

function edgesBox(edges: readonly Edge[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { a, b } of edges)
    for (const p of [a, b]) {
      box[0] = Math.min(box[0], p[0]!);
      box[1] = Math.min(box[1], p[1]!);
      box[2] = Math.max(box[2], p[0]!);
      box[3] = Math.max(box[3], p[1]!);
    }
  return box;
}

function windingKept(before: GridFeature, after: GridFeature): boolean {
  const old = polygonsOf(before.geometry);
  return polygonsOf(after.geometry).every((rings, p) =>
    rings.every((ring, r) => {
      const was = old[p]?.[r];
      const now = ringOrientation(ring);
      return now !== 0 && (!was || Math.sign(now) === Math.sign(ringOrientation(was)));
    }),
  );
}

/** A grid before and after an edit, with its community's border when known. */
export interface ReshapedGrid {
  before: GridFeature;
  after: GridFeature;
  border: CommunityBorder | null;
}

/**
 * Whether the reshaped grids are still valid among `others` (the plan's unchanged grids).
 * @example
 * reshapeIsValid([{ before, after, border }], unchangedGrids); // false when a ring crosses
 */
export function reshapeIsValid(
  reshaped: readonly ReshapedGrid[],
  others: readonly GridFeature[],
): boolean {
  const afterEdges = reshaped.flatMap(({ after }) => edgesOf(after));
  const fresh = reshaped.flatMap(({ before, after, border }) => {
    const old = new Set(edgesOf(before).map((e) => edgeKey(e.a, e.b)));
    return edgesOf(after)
      .filter((e) => !old.has(edgeKey(e.a, e.b)))
      .map((edge) => ({ edge, border }));
  });
  if (fresh.length === 0) return reshaped.every(({ before, after }) => windingKept(before, after));
  const box = edgesBox(fresh.map((f) => f.edge));
  const candidates = [
    ...afterEdges,
    ...others.filter((g) => boxesMeet(bboxOf(g.geometry), box)).flatMap(edgesOf),
  ];
  const clean = fresh.every(({ edge, border }) => {
    if (candidates.some((other) => conflicts(edge, other))) return false;
    if (!border) return true;
    if (!border.covers(pointAlong(edge.a, edge.b, 0.5))) return false;
    for (const [a, b] of border.edges())
      if (segmentsCross(edge.a, edge.b, a, b, TOPOLOGY_TOLERANCE_DEG)) return false;
    return true;
  });
  return clean && reshaped.every(({ before, after }) => windingKept(before, after));
}
