/**
 * Plans for edit tests: a jittered lattice community (from lattice.ts) or hand-drawn grids in
 * unit coordinates, frozen, with the edit context that goes with them.
 */
import type { Position } from 'geojson';
import { geometryAreaM2 } from '../../../src/analysis/coverage/geodesy.ts';
import { deepFreeze } from '../../../src/domain/deep-freeze.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts';
import type { CommunityFeature, GridFeature } from '../../../src/domain/types.ts';
import {
  applyPatch,
  planFromGrids,
  planGrids,
  type EditContext,
  type EditResult,
  type Plan,
} from '../../../src/editing/plan.ts';
import { COMMUNITY_ID, gridId, latticeInput, type LatticeSpec } from './lattice.ts';

export interface EditFixture {
  plan: Plan;
  ctx: EditContext;
  community: CommunityFeature;
  grids: readonly GridFeature[];
}

/** How far, in m², two areas may differ and still count as equal in edit tests. */
export const AREA_TOLERANCE_M2 = 1;

export const LATTICE_SPEC: LatticeSpec = {
  west: 116.3,
  south: 39.85,
  cell: 0.002,
  cols: 3,
  rows: 2,
  jitter: [0.1, -0.05, 0.2, 0.15, -0.1, 0.05],
  bends: [],
  buildings: [],
};

function fixture(grids: GridFeature[], community: CommunityFeature): EditFixture {
  const frozenGrids = deepFreeze(grids);
  const frozenCommunity = deepFreeze(community);
  return {
    plan: planFromGrids(frozenGrids),
    ctx: {
      communities: new Map([[COMMUNITY_ID, frozenCommunity]]),
      buildings: new Map(),
      settings: DEFAULT_SETTINGS,
    },
    community: frozenCommunity,
    grids: frozenGrids,
  };
}

/** The lattice community of `spec` (3 × 2 jittered cells by default), every grid frozen. */
export function latticeFixture(spec: LatticeSpec = LATTICE_SPEC): EditFixture {
  const input = latticeInput(spec);
  return fixture([...input.grids], input.communities[0]!);
}

/** A position in unit coordinates: x, y times 0.001° from (116.3, 39.85). */
export function unit(x: number, y: number): Position {
  return [116.3 + x * 0.001, 39.85 + y * 0.001];
}

/** A closed ring through unit-coordinate corners. */
export function unitRing(corners: [number, number][]): Position[] {
  const ring = corners.map(([x, y]) => unit(x, y));
  return [...ring, ring[0]!];
}

/** Hand-drawn grids (unit-coordinate rings, numbered 001…) in a hand-drawn community. */
export function drawnFixture(
  border: [number, number][],
  gridRings: [number, number][][],
): EditFixture {
  const community: CommunityFeature = {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [unitRing(border)] },
    properties: { id: COMMUNITY_ID, streetId: COMMUNITY_ID.slice(0, 9) },
  };
  const grids = gridRings.map((corners, n): GridFeature => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [unitRing(corners)] },
    properties: {
      id: gridId(n),
      communityId: COMMUNITY_ID,
      type: 'comprehensive',
      workers: 1,
      note: `kept ${n}`,
    },
  }));
  return fixture(grids, community);
}

/**
 * Two unit squares side by side (grids 001 and 002) filling a 2 × 1 community: the smallest plan
 * with a grid junction on the border.
 */
export function twoSquaresFixture(): EditFixture {
  return drawnFixture(
    [
      [0, 0],
      [2, 0],
      [2, 1],
      [0, 1],
    ],
    [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
      [
        [1, 0],
        [2, 0],
        [2, 1],
        [1, 1],
      ],
    ],
  );
}

/** The plan after an edit that must have succeeded. */
export function applied(plan: Plan, result: EditResult): Plan {
  if (!result.ok) throw new Error(`edit refused: ${result.problem.code}`);
  return applyPatch(plan, result.patch);
}

/** Σ grid area of a plan, m². */
export function planAreaM2(plan: Plan): number {
  return planGrids(plan).reduce((sum, g) => sum + geometryAreaM2(g.geometry), 0);
}

/** A plan's grid, which must be there. */
export function gridOf(plan: Plan, id: string): GridFeature {
  const grid = plan.grids.get(id)?.grid;
  if (!grid) throw new Error(`no grid ${id}`);
  return grid;
}

/** The outer ring of a plan's grid. */
export function outerRing(plan: Plan, id: string): Position[] {
  const grid = plan.grids.get(id)?.grid;
  if (grid?.geometry.type !== 'Polygon') throw new Error(`no Polygon grid ${id}`);
  return grid.geometry.coordinates[0]!;
}
