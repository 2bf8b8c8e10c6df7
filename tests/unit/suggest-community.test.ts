/**
 * The suggestion for one community on the 3 × 2 lattice, with a small band so a handful of
 * buildings fill a grid: a community already in the band comes back unchanged; an overfull grid
 * passes households to its neighbours until every grid is in the band; a community with too few
 * grids gets its fullest grids split first. After every suggestion the community is tiled, every
 * building lies wholly in one grid, and undoing the patches gives back the plan.
 */
import { describe, expect, it } from 'vitest';
import { suggestCommunity } from '../../src/analysis/suggest/community-suggestion.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import type { BuildingFeature } from '../../src/domain/types.ts';
import { planGrids, type Plan } from '../../src/editing/plan.ts';
import {
  buildingWith,
  cellRectangle,
  communityCoverage,
  coverageReport,
  undoAll,
  withBuildings,
} from './support/area-edits.ts';
import { LATTICE_SPEC, latticeFixture, type EditFixture } from './support/edit-plan.ts';
import { COMMUNITY_ID } from './support/lattice.ts';

let serial = 0;

/** Buildings of `households` each in cell (i, j), at the given spots (fractions of the cell). */
function inCell(i: number, j: number, households: number, spots: [number, number][]) {
  return spots.map(([x, y]): BuildingFeature => {
    const n = serial++;
    const ring = cellRectangle(LATTICE_SPEC, [i + x, j + y], [i + x + 0.1, j + y + 0.1]);
    const building = buildingWith(`B${n}`, n, ring);
    return {
      ...building,
      properties: { ...building.properties, households, residents: 2 * households },
    };
  });
}

const TWO: [number, number][] = [
  [0.3, 0.45],
  [0.55, 0.45],
];
const FOUR: [number, number][] = [
  [0.3, 0.3],
  [0.55, 0.3],
  [0.3, 0.58],
  [0.55, 0.58],
];
const SIX: [number, number][] = [
  [0.28, 0.3],
  [0.44, 0.3],
  [0.6, 0.3],
  [0.28, 0.58],
  [0.44, 0.58],
  [0.6, 0.58],
];
const CELLS: [number, number][] = [
  [0, 0],
  [1, 0],
  [2, 0],
  [0, 1],
  [1, 1],
  [2, 1],
];

function fixtureOf(buildings: BuildingFeature[], band: { min: number; max: number }): EditFixture {
  const fixture = withBuildings(latticeFixture(), buildings);
  return {
    ...fixture,
    ctx: { ...fixture.ctx, settings: { ...DEFAULT_SETTINGS, householdsBand: band } },
  };
}

function expectValid(
  plan: Plan,
  fixture: EditFixture,
  patches: ReturnType<typeof suggestCommunity>['patches'],
) {
  expect(communityCoverage(plan, fixture)).toMatchObject({ gapAreaM2: 0, overlapAreaM2: 0 });
  expect(coverageReport(plan, fixture).assignments.every((a) => a.status === 'inside')).toBe(true);
  // Undone, the patches give back the grids byte for byte (the rank counter only grows).
  expect(JSON.stringify(planGrids(undoAll(plan, patches)))).toBe(
    JSON.stringify(planGrids(fixture.plan)),
  );
}

const householdsByGrid = (plan: Plan, fixture: EditFixture) =>
  coverageReport(plan, fixture).grids.map((g) => g.households);

describe('suggestCommunity', () => {
  it('leaves a community already in the band as it is', () => {
    const fixture = fixtureOf(
      CELLS.flatMap(([i, j]) => inCell(i, j, 15, TWO)),
      { min: 20, max: 60 },
    );
    const suggestion = suggestCommunity(fixture.plan, fixture.ctx, COMMUNITY_ID);
    expect(suggestion.patches).toEqual([]);
    expect(suggestion.plan).toBe(fixture.plan);
    expect(suggestion.offBand).toEqual([]);
  });

  it('passes an overfull grid’s households to its neighbours until every grid is in the band', () => {
    // Grid 001 holds 90 households, the five others 30 each; the band is 20–60.
    const buildings = [
      ...inCell(0, 0, 15, SIX),
      ...CELLS.slice(1).flatMap(([i, j]) => inCell(i, j, 15, TWO)),
    ];
    const fixture = fixtureOf(buildings, { min: 20, max: 60 });
    const suggestion = suggestCommunity(fixture.plan, fixture.ctx, COMMUNITY_ID);
    expect(suggestion.count).toMatchObject({ feasible: true, grids: 6 });
    expect(suggestion.offBand).toEqual([]);
    const households = householdsByGrid(suggestion.plan, fixture);
    expect(households.every((h) => h >= 20 && h <= 60)).toBe(true);
    expect(households.reduce((a, b) => a + b, 0)).toBe(240);
    expect([...suggestion.plan.grids.keys()]).toEqual([...fixture.plan.grids.keys()]);
    expectValid(suggestion.plan, fixture, suggestion.patches);
  });

  it('splits the fullest grid first when the community has too few', () => {
    // Grid 001 holds 80 households in four rows of two, the five others 40 each; with a band of
    // 20–40, 280 households need at least 7 grids.
    const rows = [0.2, 0.35, 0.5, 0.65].flatMap((y): [number, number][] => [
      [0.3, y],
      [0.55, y],
    ]);
    const buildings = [
      ...inCell(0, 0, 10, rows),
      ...CELLS.slice(1).flatMap(([i, j]) => inCell(i, j, 10, FOUR)),
    ];
    const fixture = fixtureOf(buildings, { min: 20, max: 40 });
    const suggestion = suggestCommunity(fixture.plan, fixture.ctx, COMMUNITY_ID);
    expect(suggestion.count).toMatchObject({ feasible: true, grids: 7 });
    expect(suggestion.patches).toHaveLength(1);
    expect(householdsByGrid(suggestion.plan, fixture).sort()).toEqual([40, 40, 40, 40, 40, 40, 40]);
    expect(suggestion.offBand).toEqual([]);
    expectValid(suggestion.plan, fixture, suggestion.patches);
  });
});
