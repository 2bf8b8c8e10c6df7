/**
 * Topology clean-up of one community's grids after an edit: near-coincident vertices become one,
 * a vertex lying on another ring's edge becomes a vertex of that edge too (so the two rings share
 * the edge exactly), repeated positions go, and rings are wound by the right-hand rule. Shared
 * edges that are exactly shared are what lets a vertex move in every grid at once without a gap.
 */
import { polygonsOf } from '../analysis/coverage/prepared.ts';
import { segmentParameter } from '../analysis/coverage/segment.ts';
import type { BBox, Position } from 'geojson';
import { BoxIndex } from '../analysis/coverage/spatial-index.ts';
import type { CommunityFeature, GridFeature } from '../domain/types.ts';
import {
  positionKey,
  ringOrientation,
  samePosition,
  pointAlong,
  planarDistance,
  withPolygons,
} from './ring-geometry.ts';

/** Vertices closer than this (degrees, ≈0.1 mm) are taken as one. */
export const TOPOLOGY_TOLERANCE_DEG = 1e-9;

/**
 * Distinct positions in union–find clusters. A cluster is represented by a border vertex if it
 * has one, else by the position most rings use (the one an edit did not touch), else the first.
 */
class VertexClusters {
  readonly positions: Position[] = [];
  readonly #indexByKey = new Map<string, number>();
  readonly #parent: number[] = [];
  readonly #weight: number[] = [];

  /** Counts one use of `position`; a border vertex outweighs any number of grid uses. */
  add(position: Position, onBorder: boolean): void {
    const key = positionKey(position);
    const known = this.#indexByKey.get(key);
    if (known !== undefined) {
      this.#weight[known] = onBorder ? Infinity : this.#weight[known]! + 1;
      return;
    }
    this.#indexByKey.set(key, this.positions.length);
    this.#parent.push(this.positions.length);
    this.#weight.push(onBorder ? Infinity : 1);
    this.positions.push(position);
  }

  #root(i: number): number {
    let root = i;
    while (this.#parent[root] !== root) root = this.#parent[root]!;
    while (this.#parent[i] !== root) {
      const next = this.#parent[i]!;
      this.#parent[i] = root;
      i = next;
    }
    return root;
  }

  /** Whether position `a` should represent a cluster rather than position `b`. */
  #outranks(a: number, b: number): boolean {
    const [wa, wb] = [this.#weight[a]!, this.#weight[b]!];
    return wa > wb || (wa === wb && a < b);
  }

  /** Joins every pair of distinct positions within `tolerance` of each other. */
  join(tolerance: number): void {
    const index = new BoxIndex(this.positions, (p) => pointBox(p, 0));
    this.positions.forEach((position, i) => {
      for (const j of index.searchIndices(pointBox(position, tolerance))) {
        if (j === i || planarDistance(position, this.positions[j]!) > tolerance) continue;
        const [a, b] = [this.#root(i), this.#root(j)];
        if (a === b) continue;
        if (this.#outranks(a, b)) this.#parent[b] = a;
        else this.#parent[a] = b;
      }
    });
  }

  /** The position that stands for `position`'s cluster. */
  representative(position: Position): Position {
    const i = this.#indexByKey.get(positionKey(position));
    return i === undefined ? position : this.positions[this.#root(i)]!;
  }
}

/** A ring's positions, its closing one counted only when it does not repeat the first. */
function ringVertices(ring: readonly Position[]): readonly Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first && last && ring.length > 1 && samePosition(first, last) ? ring.slice(0, -1) : ring;
}

function pointBox(p: Position, margin: number): BBox {
  return [p[0]! - margin, p[1]! - margin, p[0]! + margin, p[1]! + margin];
}

/** A closed ring without repeated consecutive positions. */
function withoutRepeats(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const position of ring) {
    const last = out[out.length - 1];
    if (!last || !samePosition(last, position)) out.push(position);
  }
  const first = out[0];
  if (first && out.length > 1 && !samePosition(first, out[out.length - 1]!)) out.push(first);
  return out;
}

/** The other rings' vertices lying inside edge a→b (within tolerance), in order along it. */
function junctionsOnEdge(
  a: Position,
  b: Position,
  vertices: BoxIndex<Position>,
  ownKeys: ReadonlySet<string>,
  tolerance: number,
): Position[] {
  const box: BBox = [
    Math.min(a[0]!, b[0]!) - tolerance,
    Math.min(a[1]!, b[1]!) - tolerance,
    Math.max(a[0]!, b[0]!) + tolerance,
    Math.max(a[1]!, b[1]!) + tolerance,
  ];
  const found: { position: Position; t: number }[] = [];
  for (const candidate of vertices.search(box)) {
    if (ownKeys.has(positionKey(candidate))) continue;
    const t = segmentParameter(candidate, a, b);
    if (t <= 0 || t >= 1) continue;
    if (planarDistance(candidate, pointAlong(a, b, t)) > tolerance) continue;
    if (planarDistance(candidate, a) <= tolerance || planarDistance(candidate, b) <= tolerance)
      continue;
    found.push({ position: candidate, t });
  }
  return found.sort((x, y) => x.t - y.t).map((f) => f.position);
}

function withJunctions(
  ring: readonly Position[],
  vertices: BoxIndex<Position>,
  tolerance: number,
): Position[] {
  const ownKeys = new Set(ring.map(positionKey));
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    out.push(ring[i]!);
    out.push(...junctionsOnEdge(ring[i]!, ring[i + 1]!, vertices, ownKeys, tolerance));
  }
  if (ring.length > 0) out.push(ring[ring.length - 1]!);
  return out;
}

/** The ring wound counter-clockwise (outer) or clockwise (hole). */
function wound(ring: Position[], outer: boolean): Position[] {
  const orientation = ringOrientation(ring);
  return (outer ? orientation < 0 : orientation > 0) ? [...ring].reverse() : ring;
}

function sameRings(a: readonly Position[][][], b: readonly Position[][][]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (rings, p) =>
        rings.length === b[p]!.length &&
        rings.every(
          (ring, r) =>
            ring.length === b[p]![r]!.length &&
            ring.every((position, k) => samePosition(position, b[p]![r]![k]!)),
        ),
    )
  );
}

/**
 * Snaps near-coincident vertices of a community's grids together (and onto the community
 * border's vertices), inserts a vertex into every ring edge that another ring's vertex lies on
 * (T-junctions), drops repeated consecutive positions, and winds rings by the right-hand rule
 * (outer counter-clockwise, holes clockwise, RFC 7946). Returns new features only for grids
 * whose geometry changed (others are returned as the same objects).
 * @example
 * const cleaned = normalizeCommunityTopology(communityGrids, community);
 * cleaned.filter((g, i) => g !== communityGrids[i]); // the grids that changed
 */
export function normalizeCommunityTopology(
  grids: readonly GridFeature[],
  community: CommunityFeature,
  options: { toleranceDeg?: number } = {},
): GridFeature[] {
  const tolerance = options.toleranceDeg ?? TOPOLOGY_TOLERANCE_DEG;
  const borderRings = polygonsOf(community.geometry).flat();
  const clusters = new VertexClusters();
  for (const ring of borderRings) ringVertices(ring).forEach((p) => clusters.add(p, true));
  for (const grid of grids)
    for (const ring of polygonsOf(grid.geometry).flat())
      ringVertices(ring).forEach((p) => clusters.add(p, false));
  clusters.join(tolerance);

  const snapRing = (ring: readonly Position[]): Position[] =>
    withoutRepeats(ring.map((p) => clusters.representative(p)));
  const snapped = grids.map((grid) =>
    polygonsOf(grid.geometry).map((rings) => rings.map(snapRing)),
  );
  const vertexKeys = new Set<string>();
  const vertices: Position[] = [];
  for (const ring of [...borderRings.map(snapRing), ...snapped.flat(2)])
    for (const p of ring) {
      const key = positionKey(p);
      if (vertexKeys.has(key)) continue;
      vertexKeys.add(key);
      vertices.push(p);
    }
  const vertexIndex = new BoxIndex(vertices, (p) => pointBox(p, 0));

  return grids.map((grid, g) => {
    const polygons = snapped[g]!.map((rings) =>
      rings.map((ring, r) =>
        wound(withoutRepeats(withJunctions(ring, vertexIndex, tolerance)), r === 0),
      ),
    );
    if (sameRings(polygons, polygonsOf(grid.geometry))) return grid;
    return { ...grid, geometry: withPolygons(grid.geometry, polygons) };
  });
}
