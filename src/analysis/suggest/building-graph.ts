/**
 * The buildings of a community as the suggestion's search sees them: each a point inside its
 * footprint, in local metres, with its households and residents; two buildings are neighbours
 * when their Voronoi cells (d3-delaunay) share an edge longer than MIN_SHARED_EDGE_M (cells of
 * buildings on a regular lattice meet four at a corner, which is no shared edge) inside the
 * community (not across a bay of a concave border). A set of buildings connected in this graph
 * has a connected union of cells within the community.
 */
import { Delaunay } from 'd3-delaunay';
import type { Position } from 'geojson';
import type { BuildingFeature } from '../../domain/types.ts';
import { boundaryMeetsBox, flatContains, type FlatPolygon } from '../coverage/clip-area.ts';
import { metresPerDegree } from '../coverage/geodesy.ts';
import type { BuildingGraph } from './partition.ts';

/** Cells sharing less edge than this (metres) only touch at a corner: they are not neighbours. */
const MIN_SHARED_EDGE_M = 0.5;

/** Degrees ↔ local metres around an origin (equirectangular; exact enough inside a street). */
export interface LocalFrame {
  toLocal(p: Position): [number, number];
  toLngLat(x: number, y: number): [number, number];
}

export function localFrame(origin: Position): LocalFrame {
  const [lng0, lat0] = [origin[0]!, origin[1]!];
  const scale = metresPerDegree(lat0);
  return {
    toLocal: (p) => [(p[0]! - lng0) * scale.lng, (p[1]! - lat0) * scale.lat],
    toLngLat: (x, y) => [lng0 + x / scale.lng, lat0 + y / scale.lat],
  };
}

/**
 * A point inside the building's outline: the mean of its vertices when that is inside, else the
 * middle of the first stretch inside along the horizontal line through that mean.
 */
export function interiorPoint(building: BuildingFeature): Position {
  const outline = building.geometry.coordinates[0]!;
  const vertices = outline.slice(0, -1);
  const cx = vertices.reduce((s, p) => s + p[0]!, 0) / vertices.length;
  const cy = vertices.reduce((s, p) => s + p[1]!, 0) / vertices.length;
  const flat: FlatPolygon[] = [[Float64Array.from(outline.flat())]];
  if (flatContains(flat, cx, cy)) return [cx, cy];
  const crossings: number[] = [];
  for (let i = 0; i + 1 < outline.length; i++) {
    const [a, b] = [outline[i]!, outline[i + 1]!];
    if (a[1]! > cy !== b[1]! > cy)
      crossings.push(a[0]! + ((cy - a[1]!) / (b[1]! - a[1]!)) * (b[0]! - a[0]!));
  }
  crossings.sort((a, b) => a - b);
  return crossings.length >= 2 ? [(crossings[0]! + crossings[1]!) / 2, cy] : outline[0]!;
}

/**
 * The graph of `buildings` (in that order) inside a community, with the points it was built on.
 * @example
 * const { graph, points } = buildingGraph(buildings, communityFlat, frame);
 */
export function buildingGraph(
  buildings: readonly BuildingFeature[],
  /** The ground the buildings' grids share (the community less its dedicated grids). */
  community: readonly FlatPolygon[],
  frame: LocalFrame,
): { graph: BuildingGraph; points: Position[] } {
  const points = buildings.map(interiorPoint);
  const local = points.map((p) => frame.toLocal(p));
  const neighbours: number[][] = buildings.map(() => []);
  const link = (i: number, j: number) => {
    neighbours[i]!.push(j);
    neighbours[j]!.push(i);
  };
  if (buildings.length >= 2) {
    const delaunay = Delaunay.from(local);
    const { triangles, halfedges } = delaunay;
    if (triangles.length === 0) {
      // All points on one line: each neighbours the next along it.
      for (let i = 0; i < buildings.length; i++)
        for (const j of delaunay.neighbors(i)) if (j > i) link(i, j);
    }
    const { circumcenters } = delaunay.voronoi();
    const reach = farReach(local);
    for (let e = 0; e < triangles.length; e++) {
      const opposite = halfedges[e]!;
      if (opposite >= 0 && opposite < e) continue;
      const [i, j] = [triangles[e]!, triangles[nextHalfedge(e)]!];
      // The cells' common edge runs between the circumcentres of the two triangles on this
      // Delaunay edge; on the hull, from the one circumcentre outwards, away from the triangle.
      const t = Math.floor(e / 3) * 2;
      const from: [number, number] = [circumcenters[t]!, circumcenters[t + 1]!];
      let to: [number, number];
      if (opposite >= 0) {
        const u = Math.floor(opposite / 3) * 2;
        to = [circumcenters[u]!, circumcenters[u + 1]!];
      } else {
        const [pi, pj] = [local[i]!, local[j]!];
        const pk = local[triangles[nextHalfedge(nextHalfedge(e))]!]!;
        let [dx, dy] = [pi[1] - pj[1], pj[0] - pi[0]];
        if (dx * (pk[0] - pi[0]) + dy * (pk[1] - pi[1]) > 0) [dx, dy] = [-dx, -dy];
        const norm = Math.hypot(dx, dy) || 1;
        to = [from[0] + (dx / norm) * reach, from[1] + (dy / norm) * reach];
      }
      if (lengthInside(from, to, community, frame) >= MIN_SHARED_EDGE_M) link(i, j);
    }
  }
  return {
    points,
    graph: {
      households: buildings.map((b) => b.properties.households),
      residents: buildings.map((b) => b.properties.residents),
      x: local.map((p) => p[0]),
      y: local.map((p) => p[1]),
      neighbours,
    },
  };
}

const nextHalfedge = (e: number) => (e % 3 === 2 ? e - 2 : e + 1);

/** A length (metres) beyond any two of the points: how far a hull cell's edge is followed. */
function farReach(local: readonly [number, number][]): number {
  const xs = local.map((p) => p[0]);
  const ys = local.map((p) => p[1]);
  return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) + 1000;
}

/** How much of segment a–b (local metres) lies inside the community, in metres. */
function lengthInside(
  a: [number, number],
  b: [number, number],
  community: readonly FlatPolygon[],
  frame: LocalFrame,
): number {
  const [ax, ay] = frame.toLngLat(a[0], a[1]);
  const [bx, by] = frame.toLngLat(b[0], b[1]);
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const box = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
  const at = (t: number): [number, number] => [ax + (bx - ax) * t, ay + (by - ay) * t];
  if (!boundaryMeetsBox(community, box)) return flatContains(community, ...at(0.5)) ? length : 0;
  // Where the segment crosses the community's rings, as fractions along it.
  const cuts = [0, 1];
  const [dx, dy] = [bx - ax, by - ay];
  for (const polygon of community)
    for (const ring of polygon)
      for (let k = 2; k < ring.length; k += 2) {
        const [px, py, qx, qy] = [ring[k - 2]!, ring[k - 1]!, ring[k]!, ring[k + 1]!];
        const [ex, ey] = [qx - px, qy - py];
        const denominator = dx * ey - dy * ex;
        if (denominator === 0) continue;
        const t = ((px - ax) * ey - (py - ay) * ex) / denominator;
        const s = ((px - ax) * dy - (py - ay) * dx) / denominator;
        if (t > 0 && t < 1 && s >= 0 && s <= 1) cuts.push(t);
      }
  cuts.sort((x, y) => x - y);
  let inside = 0;
  for (let k = 1; k < cuts.length; k++)
    if (flatContains(community, ...at((cuts[k - 1]! + cuts[k]!) / 2)))
      inside += (cuts[k]! - cuts[k - 1]!) * length;
  return inside;
}
