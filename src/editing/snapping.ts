/**
 * Snapping a dragged or drawn position to what a planner aims at: grid vertices and edges, the
 * community border and road centre lines of the basemap. Targets are indexed once per community;
 * each snap is a box search and a few distance measures in geodesic metres, so it can run on
 * every pointer move.
 */
import { polygonsOf } from '../analysis/coverage/prepared.ts';
import type { BBox, Position } from 'geojson';
import { metresPerDegree } from '../analysis/coverage/geodesy.ts';
import { BoxIndex } from '../analysis/coverage/spatial-index.ts';
import type { BasemapFeature, CommunityFeature, GridFeature } from '../domain/types.ts';
import { pointAlong, positionKey, samePosition } from './ring-geometry.ts';

/** What a position snapped to; a vertex of any kind beats an edge of any kind. */
export const SNAP_KINDS = [
  'grid-vertex',
  'border-vertex',
  'road-vertex',
  'grid-edge',
  'border-edge',
  'road-edge',
] as const;
export type SnapKind = (typeof SNAP_KINDS)[number];

type Source = 'grid' | 'border' | 'road';

interface VertexTarget {
  position: Position;
  source: Source;
  featureId: string;
}

interface EdgeTarget {
  a: Position;
  b: Position;
  source: Source;
  featureId: string;
}

/** The snap targets of one community: its grids, its border and the roads, indexed. */
export interface SnapTargets {
  vertices: BoxIndex<VertexTarget>;
  edges: BoxIndex<EdgeTarget>;
}

/** A snapped position and what it snapped to (null when nothing lay within the tolerance). */
export interface SnapResult {
  position: Position;
  snap: { kind: SnapKind; featureId: string; distanceM: number } | null;
}

function lineTargets(
  lines: readonly Position[][],
  source: Source,
  featureId: string,
  vertices: VertexTarget[],
  edges: EdgeTarget[],
  seen: Set<string>,
): void {
  for (const line of lines) {
    line.forEach((position, i) => {
      const key = `${source}:${positionKey(position)}`;
      if (!seen.has(key)) {
        seen.add(key);
        vertices.push({ position, source, featureId });
      }
      const next = line[i + 1];
      if (!next) return;
      const [ka, kb] = [positionKey(position), positionKey(next)];
      const edgeKey = `${source}:${ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`}`;
      if (seen.has(edgeKey)) return;
      seen.add(edgeKey);
      edges.push({ a: position, b: next, source, featureId });
    });
  }
}

function edgeBox({ a, b }: EdgeTarget): BBox {
  return [
    Math.min(a[0]!, b[0]!),
    Math.min(a[1]!, b[1]!),
    Math.max(a[0]!, b[0]!),
    Math.max(a[1]!, b[1]!),
  ];
}

/**
 * Indexes the snap targets of a community: its grids' vertices and edges (a shared one once),
 * its border, and the centre lines of the basemap features of kind 'road'.
 * @example
 * const targets = snapTargets(communityGrids, community, dataset.basemap.features);
 */
export function snapTargets(
  grids: readonly GridFeature[],
  community: CommunityFeature,
  roads: readonly BasemapFeature[],
): SnapTargets {
  const vertices: VertexTarget[] = [];
  const edges: EdgeTarget[] = [];
  const seen = new Set<string>();
  for (const grid of grids)
    lineTargets(
      polygonsOf(grid.geometry).flat(),
      'grid',
      grid.properties.id,
      vertices,
      edges,
      seen,
    );
  lineTargets(
    polygonsOf(community.geometry).flat(),
    'border',
    community.properties.id,
    vertices,
    edges,
    seen,
  );
  for (const road of roads)
    if (road.properties.kind === 'road' && road.geometry.type === 'LineString')
      lineTargets([road.geometry.coordinates], 'road', road.properties.id, vertices, edges, seen);
  return {
    vertices: new BoxIndex(vertices, ({ position: p }) => [p[0]!, p[1]!, p[0]!, p[1]!]),
    edges: new BoxIndex(edges, edgeBox),
  };
}

const SOURCE_ORDER: readonly Source[] = ['grid', 'border', 'road'];

interface Candidate {
  position: Position;
  source: Source;
  featureId: string;
  distanceM: number;
}

/** The nearest candidate within the tolerance; ties go to grids, then the border, then roads. */
function nearest(candidates: readonly Candidate[], toleranceM: number): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.distanceM > toleranceM) continue;
    if (
      !best ||
      c.distanceM < best.distanceM ||
      (c.distanceM === best.distanceM &&
        SOURCE_ORDER.indexOf(c.source) < SOURCE_ORDER.indexOf(best.source))
    )
      best = c;
  }
  return best;
}

/**
 * The position snapped to the nearest target within `toleranceM` metres: the nearest vertex if
 * any lies within it, else the nearest point on an edge; ties go to grids, then the border, then
 * roads. `options.ignore` leaves out a vertex (the one being dragged) and the edges that end
 * there.
 * @example
 * snapPosition([116.3021, 39.8512], targets, 5);
 * // { position: [116.30211, 39.85118], snap: { kind: 'grid-vertex', featureId: '…', distanceM: 2.1 } }
 */
export function snapPosition(
  position: Position,
  targets: SnapTargets,
  toleranceM: number,
  options: { ignore?: Position } = {},
): SnapResult {
  const scale = metresPerDegree(position[1]!);
  const metres = (p: Position): number =>
    Math.hypot((p[0]! - position[0]!) * scale.lng, (p[1]! - position[1]!) * scale.lat);
  const box: BBox = [
    position[0]! - toleranceM / scale.lng,
    position[1]! - toleranceM / scale.lat,
    position[0]! + toleranceM / scale.lng,
    position[1]! + toleranceM / scale.lat,
  ];
  const kept = (p: Position): boolean => !options.ignore || !samePosition(p, options.ignore);

  const vertex = nearest(
    targets.vertices
      .search(box)
      .filter((t) => kept(t.position))
      .map((t) => ({ ...t, distanceM: metres(t.position) })),
    toleranceM,
  );
  if (vertex) return { position: vertex.position, snap: snapOf(vertex, 'vertex') };
  const edge = nearest(
    targets.edges
      .search(box)
      .filter((t) => kept(t.a) && kept(t.b))
      .map((t) => {
        const point = nearestInMetres(position, t.a, t.b, scale);
        return {
          position: point,
          source: t.source,
          featureId: t.featureId,
          distanceM: metres(point),
        };
      }),
    toleranceM,
  );
  if (edge) return { position: edge.position, snap: snapOf(edge, 'edge') };
  return { position, snap: null };
}

function snapOf(c: Candidate, element: 'vertex' | 'edge'): NonNullable<SnapResult['snap']> {
  return { kind: `${c.source}-${element}`, featureId: c.featureId, distanceM: c.distanceM };
}

/** The nearest point to `p` on segment a→b, measured in the local metric frame at `p`. */
function nearestInMetres(
  p: Position,
  a: Position,
  b: Position,
  scale: { lat: number; lng: number },
): Position {
  const [dx, dy] = [(b[0]! - a[0]!) * scale.lng, (b[1]! - a[1]!) * scale.lat];
  const [px, py] = [(p[0]! - a[0]!) * scale.lng, (p[1]! - a[1]!) * scale.lat];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, (px * dx + py * dy) / lengthSquared));
  return t === 0 ? a : t === 1 ? b : pointAlong(a, b, t);
}
