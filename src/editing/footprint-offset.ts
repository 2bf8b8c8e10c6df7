/**
 * A building footprint grown outward by a margin in metres, for moving a building between grids
 * with some room around it. Worked out in a local metric frame (metres east and north of the
 * footprint's first vertex): a convex outline is offset edge by edge, with mitred corners
 * bevelled where they are sharp; a concave outline becomes its footprint plus a strip along each
 * edge and a mitred wedge at each convex corner, for the caller to unite in one clipping pass.
 */
import type { BBox, Position } from 'geojson';
import { metresPerDegree } from '../analysis/coverage/geodesy.ts';
import type { Polygons } from './polygon-ops.ts';
import { samePosition } from './ring-geometry.ts';

/** Corners sharper than this (cosine of the turn between edge normals) are bevelled. */
const MITRE_LIMIT_COS = -0.5;

type Xy = [number, number];

interface Frame {
  toXy: (p: Position) => Xy;
  toPosition: (p: Xy) => Position;
}

function localFrame(origin: Position): Frame {
  const scale = metresPerDegree(origin[1]!);
  const [x0, y0] = [origin[0]!, origin[1]!];
  return {
    toXy: (p) => [(p[0]! - x0) * scale.lng, (p[1]! - y0) * scale.lat],
    toPosition: ([x, y]) => [x0 + x / scale.lng, y0 + y / scale.lat],
  };
}

function cross(o: Xy, a: Xy, b: Xy): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** The open ring counter-clockwise, without repeated or straight-through vertices. */
function cleanCounterClockwise(points: Xy[]): Xy[] {
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const [a, b] = [points[i]!, points[(i + 1) % points.length]!];
    area += a[0] * b[1] - b[0] * a[1];
  }
  const ordered = area < 0 ? [...points].reverse() : points;
  return ordered.filter((p, i) => {
    const prev = ordered[(i - 1 + ordered.length) % ordered.length]!;
    const next = ordered[(i + 1) % ordered.length]!;
    return cross(prev, p, next) !== 0;
  });
}

/** Outward unit normal of edge a→b of a counter-clockwise ring. */
function outwardNormal(a: Xy, b: Xy): Xy {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return [(b[1] - a[1]) / length, -(b[0] - a[0]) / length];
}

/** The offset corner(s) at vertex v between edges with normals n1 (before) and n2 (after). */
function offsetCorner(v: Xy, n1: Xy, n2: Xy, margin: number): Xy[] {
  const cos = n1[0] * n2[0] + n1[1] * n2[1];
  if (cos < MITRE_LIMIT_COS)
    return [
      [v[0] + margin * n1[0], v[1] + margin * n1[1]],
      [v[0] + margin * n2[0], v[1] + margin * n2[1]],
    ];
  const k = margin / (1 + cos);
  return [[v[0] + k * (n1[0] + n2[0]), v[1] + k * (n1[1] + n2[1])]];
}

/** The wedge a convex corner adds between the strips along its two edges. */
function cornerWedge(v: Xy, n1: Xy, n2: Xy, margin: number): Xy[] {
  const corner = offsetCorner(v, n1, n2, margin);
  const start: Xy = [v[0] + margin * n1[0], v[1] + margin * n1[1]];
  const end: Xy = [v[0] + margin * n2[0], v[1] + margin * n2[1]];
  return corner.length === 1 ? [v, start, corner[0]!, end] : [v, start, end];
}

/**
 * The footprint ring grown by `marginM` metres, as polygons whose union is the grown footprint
 * (one polygon for a convex outline). An outline of fewer than three corners gives nothing.
 * @example
 * unionAreas([offsetFootprint(building.geometry.coordinates[0], 1.5)]);
 */
export function offsetFootprint(ring: readonly Position[], marginM: number): Polygons {
  const open = ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]!));
  if (open.length > 1 && samePosition(open[0]!, open[open.length - 1]!)) open.pop();
  if (open.length < 3) return [];
  const frame = localFrame(open[0]!);
  const points = cleanCounterClockwise(open.map(frame.toXy));
  const n = points.length;
  if (n < 3) return [];
  const normals = points.map((p, i) => outwardNormal(p, points[(i + 1) % n]!));
  const close = (xy: Xy[]): Position[] => {
    const positions = xy.map(frame.toPosition);
    return [...positions, positions[0]!];
  };
  const convex = points.every(
    (p, i) => cross(points[(i - 1 + n) % n]!, p, points[(i + 1) % n]!) > 0,
  );
  if (convex)
    return [
      [
        close(
          points.flatMap((p, i) =>
            offsetCorner(p, normals[(i - 1 + n) % n]!, normals[i]!, marginM),
          ),
        ),
      ],
    ];
  const pieces: Polygons = [[close(points)]];
  points.forEach((a, i) => {
    const b = points[(i + 1) % n]!;
    const [nx, ny] = normals[i]!;
    pieces.push([
      close([
        a,
        b,
        [b[0] + marginM * nx, b[1] + marginM * ny],
        [a[0] + marginM * nx, a[1] + marginM * ny],
      ]),
    ]);
    const prev = points[(i - 1 + n) % n]!;
    if (cross(prev, a, b) > 0)
      pieces.push([close(cornerWedge(a, normals[(i - 1 + n) % n]!, normals[i]!, marginM))]);
  });
  return pieces;
}

/**
 * A box holding the footprint (box `bbox`) grown by `marginM` metres: a mitred corner reaches at
 * most twice the margin out, since sharper corners are bevelled.
 * @example
 * grownBox(prepareBuilding(building).bbox, 1.5);
 */
export function grownBox([west, south, east, north]: BBox, marginM: number): BBox {
  const scale = metresPerDegree((south + north) / 2);
  const [dLng, dLat] = [(2 * marginM) / scale.lng, (2 * marginM) / scale.lat];
  return [west - dLng, south - dLat, east + dLng, north + dLat];
}
