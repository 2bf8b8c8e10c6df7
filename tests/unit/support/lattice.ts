/**
 * Random grid plans for property tests: a rectangular community cut into a jittered lattice of
 * grids that share their vertices exactly, optionally with edges bent into lens-shaped gaps,
 * overlaps and outside parts, and random building footprints. Driven by fast-check's random
 * numbers, so failing cases shrink and replay.
 */
import type { Position } from 'geojson';
import type {
  BuildingFeature,
  CommunityFeature,
  FacilityFeature,
  GridFeature,
  WorkOrderFeature,
} from '../../../src/domain/types.ts';
import type { AnalysisInput } from '../../../src/analysis/coverage/input.ts';

export interface LatticeSpec {
  west: number;
  south: number;
  /** Cell size in degrees. */
  cell: number;
  cols: number;
  rows: number;
  /** Interior vertex jitter, as fractions of a cell in [-0.3, 0.3]. */
  jitter: number[];
  /** Edges to bend: [cell index, side 0–3, signed bend as a fraction of the edge]. */
  bends: [number, number, number][];
  /** Buildings: [x, y (fractions of the community), width, height (fractions of a cell)]. */
  buildings: [number, number, number, number][];
}

export const COMMUNITY_ID = '110106090001';

function vertex(spec: LatticeSpec, i: number, j: number): Position {
  const interior = i > 0 && i < spec.cols && j > 0 && j < spec.rows;
  const k = (j * (spec.cols + 1) + i) * 2;
  const dx = interior ? (spec.jitter[k % spec.jitter.length] ?? 0) : 0;
  const dy = interior ? (spec.jitter[(k + 1) % spec.jitter.length] ?? 0) : 0;
  return [spec.west + (i + dx) * spec.cell, spec.south + (j + dy) * spec.cell];
}

/** The community outline through every lattice vertex on its border, counter-clockwise. */
function communityRing(spec: LatticeSpec): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < spec.cols; i++) ring.push(vertex(spec, i, 0));
  for (let j = 0; j < spec.rows; j++) ring.push(vertex(spec, spec.cols, j));
  for (let i = spec.cols; i > 0; i--) ring.push(vertex(spec, i, spec.rows));
  for (let j = spec.rows; j > 0; j--) ring.push(vertex(spec, 0, j));
  ring.push(ring[0]!);
  return ring;
}

export function gridId(n: number): string {
  return `${COMMUNITY_ID}${String(n + 1).padStart(3, '0')}`;
}

/** One cell's ring, counter-clockwise, with its bent sides given a displaced midpoint. */
function cellRing(spec: LatticeSpec, i: number, j: number): Position[] {
  const corners = [
    vertex(spec, i, j),
    vertex(spec, i + 1, j),
    vertex(spec, i + 1, j + 1),
    vertex(spec, i, j + 1),
  ];
  const cellIndex = j * spec.cols + i;
  const ring: Position[] = [];
  corners.forEach((a, side) => {
    ring.push(a);
    const bend = spec.bends.find(([c, s]) => c === cellIndex && s === side);
    if (!bend) return;
    const b = corners[(side + 1) % 4]!;
    const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
    // Outward normal of a counter-clockwise ring is (dy, −dx).
    ring.push([(a[0]! + b[0]!) / 2 + dy * bend[2], (a[1]! + b[1]!) / 2 - dx * bend[2]]);
  });
  ring.push(corners[0]!);
  return ring;
}

export function latticeGrid(spec: LatticeSpec, i: number, j: number): GridFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [cellRing(spec, i, j)] },
    properties: {
      id: gridId(j * spec.cols + i),
      communityId: COMMUNITY_ID,
      type: 'comprehensive',
      workers: 1 + ((i + j) % 3),
    },
  };
}

/** Figures of a building that vary with its number. */
export function buildingProperties(id: string, n: number): BuildingFeature['properties'] {
  return {
    id,
    communityId: COMMUNITY_ID,
    floors: 6,
    units: 2,
    households: 10 + (n % 40),
    residents: 25 + (n % 90),
    difficultHouseholds: n % 3,
    specialHouseholds: n % 2,
  };
}

function building(
  [fx, fy, fw, fh]: [number, number, number, number],
  n: number,
  spec: LatticeSpec,
): BuildingFeature {
  const x = spec.west + fx * spec.cols * spec.cell;
  const y = spec.south + fy * spec.rows * spec.cell;
  const w = fw * spec.cell;
  const h = fh * spec.cell;
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + w, y],
          [x + w, y + h],
          [x, y + h],
          [x, y],
        ],
      ],
    },
    properties: buildingProperties(`B${n}`, n),
  };
}

/** A work order with only what the engine reads: its position. */
function workOrder(id: string, coordinates: Position): WorkOrderFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { id } as WorkOrderFeature['properties'],
  };
}

export function latticeInput(spec: LatticeSpec): AnalysisInput {
  const community: CommunityFeature = {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [communityRing(spec)] },
    properties: { id: COMMUNITY_ID, streetId: COMMUNITY_ID.slice(0, 9) },
  };
  const grids: GridFeature[] = [];
  for (let j = 0; j < spec.rows; j++)
    for (let i = 0; i < spec.cols; i++) grids.push(latticeGrid(spec, i, j));
  const facility: FacilityFeature = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: vertex(spec, 1, 1) },
    properties: { id: 'F1', type: '垃圾收集点' },
  };
  const buildings = spec.buildings.map((b, n) => building(b, n, spec));
  return {
    communities: [community],
    grids,
    buildings,
    facilities: [facility],
    // Work orders on a fine mesh over the community and just beyond it, so some fall in gaps
    // and overlaps.
    workOrders: Array.from({ length: 24 * 24 }, (_, k) =>
      workOrder(`W${k}`, [
        spec.west + (((k % 24) - 1.5) / 21) * spec.cols * spec.cell,
        spec.south + ((Math.floor(k / 24) - 1.5) / 21) * spec.rows * spec.cell,
      ]),
    ),
  };
}
