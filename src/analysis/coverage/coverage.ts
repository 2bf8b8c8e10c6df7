/**
 * Does a community's set of grids tile it? Fast path: when the grids' boundaries and the
 * community's border cancel edge for edge (each grid edge matched by the reverse edge of a
 * neighbour or by the border), the grids' winding numbers sum to the community's indicator, so
 * there is no gap, no overlap and nothing outside — proved without building a single polygon.
 * Only communities whose edges do not match are clipped with Turf (union, difference, intersect)
 * to find the gap, overlap and outside polygons and their geodesic areas.
 */
import { difference, feature, featureCollection, intersect, union } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { CommunityFeature } from '../../domain/types.ts';
import type { GridSettings } from '../../domain/settings.ts';
import { geometryAreaM2, polygonAreaM2 } from './geodesy.ts';
import { bboxOfRings, polygonsOf, type PreparedGrid } from './prepared.ts';
import { boxesMeet } from './spatial-index.ts';
import { distanceToPointAt, segmentParameter } from './segment.ts';
import type { CoveragePiece, OutsidePiece, OverlapPiece } from './report.ts';

/** Pieces smaller than this (1 dm²) are floating-point residue of clipping, not area. */
export const NUMERIC_ZERO_M2 = 0.01;

export interface CommunityGeometryCheck {
  areaM2: number;
  gridAreaInsideM2: number;
  gaps: CoveragePiece[];
  overlaps: OverlapPiece[];
  outside: OutsidePiece[];
  nonContiguousGridIds: string[];
  sliverParts: OutsidePiece[];
  /** False when the edges did not match and clipping threw: the pieces are then unknown. */
  checked: boolean;
}

function signedRingArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 1; i < ring.length; i++)
    twice += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return twice;
}

/**
 * Appends each directed boundary edge of a polygon (outer ring counter-clockwise, holes
 * clockwise) to `edges` as [x1, y1, x2, y2, sign] with its ends in lexicographic order, the sign
 * saying which way it ran, times `weight`.
 */
function addBoundary(rings: readonly Position[][], weight: number, edges: number[]): void {
  rings.forEach((ring, r) => {
    const counterClockwise = signedRingArea(ring) > 0;
    const forward = r === 0 ? counterClockwise : !counterClockwise;
    for (let i = 1; i < ring.length; i++) {
      const a = forward ? ring[i - 1]! : ring[i]!;
      const b = forward ? ring[i]! : ring[i - 1]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      const aFirst = a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!);
      const [p, q] = aFirst ? [a, b] : [b, a];
      edges.push(p[0]!, p[1]!, q[0]!, q[1]!, aFirst ? weight : -weight);
    }
  });
}

/** Whether these boundary edges cancel exactly, run by run. */
function boundariesCancel(
  gridPolygons: readonly Position[][][],
  communityPolygons: readonly Position[][][],
): boolean {
  const edges: number[] = [];
  for (const rings of gridPolygons) addBoundary(rings, 1, edges);
  for (const rings of communityPolygons) addBoundary(rings, -1, edges);
  const count = edges.length / 5;
  const order = Array.from({ length: count }, (_, i) => i * 5);
  const compare = (a: number, b: number): number =>
    edges[a]! - edges[b]! ||
    edges[a + 1]! - edges[b + 1]! ||
    edges[a + 2]! - edges[b + 2]! ||
    edges[a + 3]! - edges[b + 3]!;
  order.sort(compare);
  // Equal edges are now adjacent: every run of them must sum to zero.
  let sum = 0;
  for (let k = 0; k < count; k++) {
    sum += edges[order[k]! + 4]!;
    const last = k === count - 1 || compare(order[k]!, order[k + 1]!) !== 0;
    if (last) {
      if (sum !== 0) return false;
      sum = 0;
    }
  }
  return true;
}

/** A position lies on segment a–b (within a tolerance), strictly between its ends. */
function liesOn(p: Position, a: Position, b: Position): boolean {
  const t = segmentParameter(p, a, b);
  return t > 0 && t < 1 && distanceToPointAt(p, a, b, t) <= COLLINEAR_TOLERANCE_DEG;
}

/** Grid vertices this close (degrees, about 0.1 mm) to a border edge lie on it. */
const COLLINEAR_TOLERANCE_DEG = 1e-9;

/**
 * The community's rings with every grid vertex that lies on a border edge inserted into it, so
 * a grid edge that runs along part of a border edge (a split or a painted area that reaches the
 * border) meets the matching part of the border.
 */
function borderRefinedBy(
  communityPolygons: readonly Position[][][],
  gridPolygons: readonly Position[][][],
): Position[][][] {
  const vertices = gridPolygons.flat(2).sort((a, b) => a[0]! - b[0]!);
  const firstAtOrAfter = (x: number): number => {
    let lo = 0;
    let hi = vertices.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vertices[mid]![0]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return communityPolygons.map((rings) =>
    rings.map((ring) => {
      const refined: Position[] = [ring[0]!];
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        const west = Math.min(a[0]!, b[0]!) - COLLINEAR_TOLERANCE_DEG;
        const east = Math.max(a[0]!, b[0]!) + COLLINEAR_TOLERANCE_DEG;
        const on: Position[] = [];
        for (let k = firstAtOrAfter(west); k < vertices.length && vertices[k]![0]! <= east; k++)
          if (liesOn(vertices[k]!, a, b)) on.push(vertices[k]!);
        const along = (p: Position) =>
          (p[0]! - a[0]!) * (b[0]! - a[0]!) + (p[1]! - a[1]!) * (b[1]! - a[1]!);
        on.sort((p, q) => along(p) - along(q));
        for (const p of on) {
          const last = refined[refined.length - 1]!;
          if (last[0] !== p[0] || last[1] !== p[1]) refined.push(p);
        }
        refined.push(b);
      }
      return refined;
    }),
  );
}

/**
 * Whether the grids' boundary edges cancel exactly against the community's border, also where a
 * grid vertex splits a border edge the border itself does not split.
 */
export function edgesMatch(community: CommunityFeature, grids: readonly PreparedGrid[]): boolean {
  const gridPolygons = grids.flatMap((grid) => polygonsOf(grid.feature.geometry));
  const communityPolygons = polygonsOf(community.geometry);
  return (
    boundariesCancel(gridPolygons, communityPolygons) ||
    boundariesCancel(gridPolygons, borderRefinedBy(communityPolygons, gridPolygons))
  );
}

/** The polygons of a clipping result as pieces, residue dropped. */
function piecesOf(
  geometry: Polygon | MultiPolygon | null | undefined,
  sliverAreaM2: number,
): CoveragePiece[] {
  if (!geometry) return [];
  const pieces: CoveragePiece[] = [];
  for (const rings of polygonsOf(geometry)) {
    const areaM2 = polygonAreaM2(rings);
    if (areaM2 < NUMERIC_ZERO_M2) continue;
    pieces.push({
      geometry: { type: 'Polygon', coordinates: rings },
      areaM2,
      bbox: bboxOfRings(rings),
      sliver: areaM2 < sliverAreaM2,
    });
  }
  return pieces;
}

/** The union of the grids, or null when there are none. */
function unionOf(grids: readonly PreparedGrid[]): Polygon | MultiPolygon | null {
  if (grids.length <= 1) return grids[0]?.feature.geometry ?? null;
  return union(featureCollection(grids.map((g) => feature(g.feature.geometry))))?.geometry ?? null;
}

function differenceOf(
  a: Polygon | MultiPolygon,
  b: Polygon | MultiPolygon | null,
): Polygon | MultiPolygon | null {
  if (!b) return a;
  return difference(featureCollection([feature(a), feature(b)]))?.geometry ?? null;
}

function overlapPieces(grids: readonly PreparedGrid[], sliverAreaM2: number): OverlapPiece[] {
  const pieces: OverlapPiece[] = [];
  grids.forEach((a, i) => {
    for (const b of grids.slice(i + 1)) {
      if (!boxesMeet(a.bbox, b.bbox)) continue;
      const shared = intersect(
        featureCollection([feature(a.feature.geometry), feature(b.feature.geometry)]),
      );
      for (const piece of piecesOf(shared?.geometry, sliverAreaM2))
        pieces.push({ ...piece, gridIds: [a.id, b.id] });
    }
  });
  return pieces;
}

/** Each grid's part outside the community, for the grids near where the union spills over. */
function outsidePieces(
  community: CommunityFeature,
  grids: readonly PreparedGrid[],
  spills: readonly CoveragePiece[],
  sliverAreaM2: number,
): OutsidePiece[] {
  const pieces: OutsidePiece[] = [];
  for (const grid of grids) {
    if (!spills.some((spill) => boxesMeet(spill.bbox, grid.bbox))) continue;
    const outside = differenceOf(grid.feature.geometry, community.geometry);
    for (const piece of piecesOf(outside, sliverAreaM2)) pieces.push({ ...piece, gridId: grid.id });
  }
  return pieces;
}

/** Grid parts too small to be a piece of territory in their own right. */
function sliverParts(grids: readonly PreparedGrid[], sliverAreaM2: number): OutsidePiece[] {
  const pieces: OutsidePiece[] = [];
  for (const grid of grids) {
    polygonsOf(grid.feature.geometry).forEach((rings, p) => {
      const areaM2 = grid.partAreasM2[p]!;
      if (areaM2 >= sliverAreaM2) return;
      pieces.push({
        geometry: { type: 'Polygon', coordinates: rings },
        areaM2,
        bbox: bboxOfRings(rings),
        sliver: true,
        gridId: grid.id,
      });
    });
  }
  return pieces;
}

/**
 * The coverage of one community by its grids.
 * @example
 * checkCommunity(community, itsGrids, communityAreaM2, settings).gaps[0]?.areaM2; // 302.4
 */
export function checkCommunity(
  community: CommunityFeature,
  grids: readonly PreparedGrid[],
  areaM2: number,
  settings: GridSettings,
): CommunityGeometryCheck {
  const sliver = settings.sliverAreaM2;
  const common = {
    areaM2,
    nonContiguousGridIds: grids.filter((g) => g.partAreasM2.length > 1).map((g) => g.id),
    sliverParts: sliverParts(grids, sliver),
  };
  const gridAreaM2 = grids.reduce((sum, g) => sum + g.areaM2, 0);
  const matched = grids.length > 0 && edgesMatch(community, grids);
  const clean = { ...common, gridAreaInsideM2: gridAreaM2, gaps: [], overlaps: [], outside: [] };
  if (matched) return { ...clean, checked: true };
  try {
    return { ...clipCommunity(community, grids, gridAreaM2, sliver), ...common, checked: true };
  } catch {
    // Clipping can fail on degenerate geometry; say so rather than lose the community's check.
    return { ...clean, checked: false };
  }
}

/** The gap, overlap and outside pieces of a community whose edges do not match. */
function clipCommunity(
  community: CommunityFeature,
  grids: readonly PreparedGrid[],
  gridAreaM2: number,
  sliver: number,
): Pick<CommunityGeometryCheck, 'gridAreaInsideM2' | 'gaps' | 'overlaps' | 'outside'> {
  // One union answers whether there is anything outside or overlapping at all; only then are
  // the grids clipped one by one or pair by pair.
  const covered = unionOf(grids);
  const spills = covered ? piecesOf(differenceOf(covered, community.geometry), sliver) : [];
  const outside = outsidePieces(community, grids, spills, sliver);
  const overlapping = covered !== null && gridAreaM2 - geometryAreaM2(covered) >= NUMERIC_ZERO_M2;
  return {
    gridAreaInsideM2: gridAreaM2 - outside.reduce((sum, p) => sum + p.areaM2, 0),
    gaps: piecesOf(differenceOf(community.geometry, covered), sliver),
    overlaps: overlapping ? overlapPieces(grids, sliver) : [],
    outside,
  };
}
