/**
 * Helpers for the area-changing edit tests: positions and rectangles in lattice cell units,
 * buildings and a second community added to an edit fixture, the coverage report of a plan, and
 * undoing a whole sequence of patches.
 */
import type { Position } from 'geojson';
import { CoverageEngine } from '../../../src/analysis/coverage/engine.ts';
import type { CommunityCoverage, CoverageReport } from '../../../src/analysis/coverage/report.ts';
import { deepFreeze } from '../../../src/domain/deep-freeze.ts';
import type { BuildingFeature, CommunityFeature, GridFeature } from '../../../src/domain/types.ts';
import {
  applyPatch,
  invertPatch,
  planFromGrids,
  planGrids,
  type EditPatch,
  type Plan,
} from '../../../src/editing/plan.ts';
import type { EditFixture } from './edit-plan.ts';
import { buildingProperties, COMMUNITY_ID, latticeInput, type LatticeSpec } from './lattice.ts';

/** A position at (x, y) cells from the lattice's south-west corner. */
export function cellPoint(spec: LatticeSpec, x: number, y: number): Position {
  return [spec.west + x * spec.cell, spec.south + y * spec.cell];
}

/** The closed counter-clockwise rectangle [x0, x1] × [y0, y1] in cell units. */
export function cellRectangle(
  spec: LatticeSpec,
  [x0, y0]: [number, number],
  [x1, y1]: [number, number],
): Position[] {
  return [
    cellPoint(spec, x0, y0),
    cellPoint(spec, x1, y0),
    cellPoint(spec, x1, y1),
    cellPoint(spec, x0, y1),
    cellPoint(spec, x0, y0),
  ];
}

/** A building of the lattice community with the given footprint ring. */
export function buildingWith(id: string, n: number, ring: Position[]): BuildingFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: buildingProperties(id, n),
  };
}

/** The fixture with these buildings in its context (frozen). */
export function withBuildings(fixture: EditFixture, buildings: BuildingFeature[]): EditFixture {
  const frozen = deepFreeze(buildings);
  return {
    ...fixture,
    ctx: { ...fixture.ctx, buildings: new Map(frozen.map((b) => [b.properties.id, b])) },
  };
}

export const OTHER_COMMUNITY_ID = '110106090002';

/** A grid or community of the lattice moved to the other community's code. */
function recoded<F extends GridFeature | CommunityFeature>(feature: F): F {
  const properties = {
    ...feature.properties,
    id: feature.properties.id.replace(COMMUNITY_ID, OTHER_COMMUNITY_ID),
  };
  if ('communityId' in properties) properties.communityId = OTHER_COMMUNITY_ID;
  return { ...feature, properties };
}

/**
 * The fixture's lattice and a second lattice community of the same shape east of it (sharing its
 * east border), grids numbered in each community from 001.
 */
export function twoCommunities(spec: LatticeSpec, fixture: EditFixture): EditFixture {
  const east = latticeInput({ ...spec, west: spec.west + spec.cols * spec.cell });
  const community = deepFreeze(recoded(east.communities[0]!));
  const grids = deepFreeze([...fixture.grids, ...east.grids.map(recoded)]);
  return {
    ...fixture,
    plan: planFromGrids(grids),
    grids,
    ctx: {
      ...fixture.ctx,
      communities: new Map([...fixture.ctx.communities, [OTHER_COMMUNITY_ID, community]]),
    },
  };
}

/** The coverage report of a plan with the fixture's communities and buildings. */
export function coverageReport(plan: Plan, fixture: EditFixture): CoverageReport {
  return new CoverageEngine({
    communities: [...fixture.ctx.communities.values()],
    grids: planGrids(plan),
    buildings: [...fixture.ctx.buildings.values()],
    facilities: [],
  }).report();
}

/** The coverage of one community of a plan. */
export function communityCoverage(
  plan: Plan,
  fixture: EditFixture,
  communityId = COMMUNITY_ID,
): CommunityCoverage {
  const coverage = coverageReport(plan, fixture).communities.find(
    (c) => c.communityId === communityId,
  );
  if (!coverage) throw new Error(`no coverage for ${communityId}`);
  return coverage;
}

/** The plan with every patch undone, last first. */
export function undoAll(plan: Plan, patches: readonly EditPatch[]): Plan {
  return [...patches].reverse().reduce((p, patch) => applyPatch(p, invertPatch(patch)), plan);
}

/**
 * The fixture with every other sequence number of its community taken (007–999), by grids filed
 * under another community so they stay out of the way: no free code is left.
 */
export function withoutFreeCodes(fixture: EditFixture): EditFixture {
  const template = fixture.grids[0]!;
  const fillers = Array.from({ length: 999 - fixture.grids.length }, (_, k): GridFeature => ({
    ...template,
    properties: {
      ...template.properties,
      id: `${COMMUNITY_ID}${String(fixture.grids.length + k + 1).padStart(3, '0')}`,
      communityId: OTHER_COMMUNITY_ID,
    },
  }));
  const grids = deepFreeze([...fixture.grids, ...fillers]);
  return { ...fixture, grids, plan: planFromGrids(grids) };
}
