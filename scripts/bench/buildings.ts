/**
 * Building footprints: rotated rectangles (10–80 m sides) inside the grids, clear of one another
 * where the grid has room, about 3 % of them laid across a boundary between two grids, and a few
 * outside the territory (in no grid). Each grid's
 * buildings share a household total drawn around the 300–500 band, so workloads look plausible.
 */
import type { Position } from 'geojson';
import type { BuildingFeature } from '../../src/domain/types.ts';
import type { Vec } from '../sample/frame.ts';
import { convexOverlap, rectangle } from '../sample/geometry.ts';
import type { Random } from '../sample/random.ts';
import { ringInside } from './containment.ts';
import { FAULT_M } from './faults.ts';
import { benchLonLat } from './frame.ts';
import { CELL_M, cellPoint, latticePoint, rectRingM, type Lattice } from './lattice.ts';
import type { CommunityPlan, GridPlan, Layout } from './layout.ts';

export interface BuildingSet {
  buildings: BuildingFeature[];
  /** Laid across a grid boundary on purpose. */
  straddlingIds: string[];
  /** Outside every grid on purpose. */
  unassignedIds: string[];
}

const STRADDLE_SHARE = 0.03;
const UNASSIGNED_SHARE = 0.0005;
/** Kept this far inside the grid, so rounding to 6 decimals cannot push a corner across. */
const MARGIN_M = 1;
const PLACEMENT_TRIES = 40;

interface Shape {
  ring: Vec[];
  floors: number;
  units: number;
}

/**
 * Places `total` buildings over the layout's grids (in proportion to grid size) plus a few
 * outside the territory.
 * @example
 * placeBuildings(layout, lattice, 1000, rng).buildings.length; // 1000
 */
export function placeBuildings(
  layout: Layout,
  lattice: Lattice,
  total: number,
  rng: Random,
): BuildingSet {
  const unassigned = Math.max(3, Math.round(total * UNASSIGNED_SHARE));
  const grids = layout.communities.flatMap((c) => c.grids);
  const counts = proportional(
    total - unassigned,
    grids.map((g) => cellCount(g)),
  );
  const set: BuildingSet = { buildings: [], straddlingIds: [], unassignedIds: [] };
  const nextId = (): string => 'B' + String(set.buildings.length + 1).padStart(7, '0');

  grids.forEach((grid, g) => {
    const ringM = rectRingM(lattice, grid.rect);
    const placed: Vec[][] = [];
    const planned = Array.from({ length: counts[g] as number }, () => {
      const straddles = rng.chance(STRADDLE_SHARE);
      const shape = straddles
        ? clearOf(placed, () => straddlingShape(layout, lattice, grid, rng))
        : insideShape(lattice, grid, ringM, placed, rng);
      placed.push(shape.ring);
      return { shape, straddles };
    });
    const households = proportional(
      rng.int(260, 540),
      planned.filter((p) => !p.straddles).map((p) => p.shape.floors * p.shape.units),
    );
    let inside = 0;
    for (const { shape, straddles } of planned) {
      const id = nextId();
      const hh = straddles ? shape.floors * shape.units * 2 : (households[inside++] as number);
      set.buildings.push(feature(id, grid.communityId, shape, hh, rng));
      if (straddles) set.straddlingIds.push(id);
    }
  });

  for (let k = 0; k < unassigned; k++) {
    const id = nextId();
    const { shape, community } = outsideShape(layout, lattice, rng);
    set.buildings.push(feature(id, community.id, shape, shape.floors * shape.units * 2, rng));
    set.unassignedIds.push(id);
  }
  return set;
}

/**
 * A footprint wholly inside the grid and clear of the grid's footprints so far (as real
 * footprints are), shrinking towards a 10 m square in a cell's middle; when the grid has no room
 * left for one, the last try, overlapping.
 */
function insideShape(
  lattice: Lattice,
  grid: GridPlan,
  ringM: Vec[],
  placed: readonly Vec[][],
  rng: Random,
): Shape {
  const { i0, j0, i1, j1 } = grid.rect;
  for (let attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
    const shrink = 1 - attempt / PLACEMENT_TRIES;
    const centre = cellPoint(
      lattice,
      rng.int(i0, i1 - 1),
      rng.int(j0, j1 - 1),
      0.5 + rng.float(-0.4, 0.4),
      0.5 + rng.float(-0.4, 0.4),
    );
    const length = 10 + rng.float(5, 70) * shrink;
    const depth = Math.min(length, 10 + rng.float(0, 15) * shrink);
    const angle = rng.float(0, Math.PI);
    const test = rectangle(centre, length + 2 * MARGIN_M, depth + 2 * MARGIN_M, angle);
    if (!ringInside(test, ringM) || nearVertex(test, ringM)) continue;
    if (placed.every((other) => !convexOverlap(test, other)))
      return { ring: rectangle(centre, length, depth, angle), ...storeys(length, rng) };
  }
  // No room left: a 10 m square in the middle of a cell, clear of the vertices if one is.
  const middles: Vec[] = [];
  for (let i = i0; i < i1; i++)
    for (let j = j0; j < j1; j++) middles.push(cellPoint(lattice, i, j, 0.5, 0.5));
  const square = (centre: Vec) => rectangle(centre, 10 + 2 * MARGIN_M, 10 + 2 * MARGIN_M, 0);
  const centre =
    middles.find((m) => ringInside(square(m), ringM) && !nearVertex(square(m), ringM)) ??
    middles.find((m) => ringInside(square(m), ringM));
  if (!centre) throw new RangeError(`no room for a building in grid ${grid.id}`);
  return { ring: rectangle(centre, 10, 10, 0), ...storeys(10, rng) };
}

/** Whether a footprint comes within reach of a grid vertex a fault may move (FAULT_M). */
function nearVertex(ring: readonly Vec[], gridRing: readonly Vec[]): boolean {
  return gridRing.some((vertex) => convexOverlap(ring, rectangle(vertex, 0.1, 0.1, 0), FAULT_M));
}

/** A shape from `make` clear of the `placed` footprints, or the last try when none is. */
function clearOf(placed: readonly Vec[][], make: () => Shape): Shape {
  let shape = make();
  for (let attempt = 1; attempt < PLACEMENT_TRIES; attempt++) {
    if (placed.every((other) => !convexOverlap(shape.ring, other))) return shape;
    shape = make();
  }
  return shape;
}

/** A footprint centred on a cell edge of the grid's boundary that another grid shares. */
function straddlingShape(layout: Layout, lattice: Lattice, grid: GridPlan, rng: Random): Shape {
  const { i0, j0, i1, j1 } = grid.rect;
  const w = i1 - i0;
  const h = j1 - j0;
  // Boundary cell edges in order south, north, west, east; those on the territory's edge count 0.
  const sides = [
    j0 > 0 ? w : 0,
    j1 < layout.height ? w : 0,
    i0 > 0 ? h : 0,
    i1 < layout.width ? h : 0,
  ];
  let pick = rng.int(0, sides.reduce((a, b) => a + b) - 1);
  let side = 0;
  while (pick >= (sides[side] as number)) pick -= sides[side++] as number;
  const [a, b] =
    side === 0
      ? [latticePoint(lattice, i0 + pick, j0), latticePoint(lattice, i0 + pick + 1, j0)]
      : side === 1
        ? [latticePoint(lattice, i0 + pick, j1), latticePoint(lattice, i0 + pick + 1, j1)]
        : side === 2
          ? [latticePoint(lattice, i0, j0 + pick), latticePoint(lattice, i0, j0 + pick + 1)]
          : [latticePoint(lattice, i1, j0 + pick), latticePoint(lattice, i1, j0 + pick + 1)];
  const centre: Vec = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const length = rng.float(16, 40);
  const angle = rng.float(0, Math.PI);
  return { ring: rectangle(centre, length, rng.float(10, 16), angle), ...storeys(length, rng) };
}

/**
 * A footprint 150–300 m outside the territory's edge, beyond any wobble of the edge (jitter and
 * warp move it by well under 100 m there), credited to the community at that edge.
 */
function outsideShape(
  layout: Layout,
  lattice: Lattice,
  rng: Random,
): { shape: Shape; community: CommunityPlan } {
  const south = rng.chance(0.5);
  const i = rng.int(0, layout.width - 1);
  const edge = latticePoint(lattice, i, south ? 0 : layout.height);
  const away = rng.float(150, 300) * (south ? -1 : 1);
  const centre: Vec = [edge[0] + rng.float(-CELL_M, CELL_M) / 2, edge[1] + away];
  const j = south ? 0 : layout.height - 1;
  const community = layout.communities.find(
    (c) => c.rect.i0 <= i && i < c.rect.i1 && c.rect.j0 <= j && j < c.rect.j1,
  ) as CommunityPlan;
  const length = rng.float(12, 40);
  const ring = rectangle(centre, length, rng.float(10, 14), rng.float(0, Math.PI));
  return { shape: { ring, ...storeys(length, rng) }, community };
}

/** Floors (bungalow, walk-up, mid-rise or tower) and one stair unit per ≈16 m of length. */
function storeys(length: number, rng: Random): { floors: number; units: number } {
  const kind = rng.weighted([1, 6, 14, 24], [0.15, 0.45, 0.3, 0.1]);
  return {
    floors: kind === 1 ? 1 : kind + rng.int(-2, 4),
    units: Math.max(1, Math.round(length / 16)),
  };
}

function feature(
  id: string,
  communityId: string,
  shape: Shape,
  households: number,
  rng: Random,
): BuildingFeature {
  const ring: Position[] = shape.ring.map(benchLonLat);
  ring.push([...(ring[0] as Position)]);
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: {
      id,
      communityId,
      floors: shape.floors,
      units: shape.units,
      households,
      residents: Math.round(households * rng.float(2.3, 2.8)),
      difficultHouseholds: Math.round(households * rng.float(0, 0.03)),
      specialHouseholds: Math.round(households * rng.float(0, 0.02)),
    },
  };
}

function cellCount(grid: GridPlan): number {
  return (grid.rect.i1 - grid.rect.i0) * (grid.rect.j1 - grid.rect.j0);
}

/** `total` split in proportion to `weights`, as whole numbers that add up to it exactly. */
function proportional(total: number, weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  let before = 0;
  let done = 0;
  return weights.map((w) => {
    before += w;
    const upTo = Math.round((total * before) / sum);
    const count = upTo - done;
    done = upTo;
    return count;
  });
}
