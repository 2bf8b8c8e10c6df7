/**
 * The suggestion on a 3 × 2 lattice community, with a small band so a handful of buildings
 * fill a grid: a community already within the norms comes back unchanged (0 households moved);
 * an overfull grid passes about its excess to neighbours and every grid keeps its code; too few
 * grids means the fullest is split and the new grid takes the next free code; a plan with a
 * missing grid, an overlap, a part outside the community and a building cut in two is repaired;
 * dedicated grids stay as they are; infeasible communities say why and are still tiled.
 */
import { describe, expect, it } from 'vitest';
import type { BuildingFeature, GridFeature } from '../../src/domain/types.ts';
import { polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import { geometryOfAreas, unionAreas } from '../../src/editing/polygon-ops.ts';
import { buildingWith, cellRectangle } from './support/area-edits.ts';
import { LATTICE_SPEC } from './support/edit-plan.ts';
import { gridId, latticeInput } from './support/lattice.ts';
import {
  comprehensiveHouseholds,
  faultsAfter,
  inCell,
  NO_FAULTS,
  runSuggestion,
  withGrids,
} from './support/suggest.ts';

const SPEC = LATTICE_SPEC;
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
const SIX: [number, number][] = [...FOUR, [0.42, 0.15], [0.42, 0.75]];
const CELLS: [number, number][] = [
  [0, 0],
  [1, 0],
  [2, 0],
  [0, 1],
  [1, 1],
  [2, 1],
];

function street(buildings: BuildingFeature[]) {
  return { ...latticeInput(SPEC), buildings };
}

describe('suggestStreet on one community', () => {
  it('leaves a community already within the norms as it is: 0 households moved', () => {
    const input = street(CELLS.flatMap((cell) => inCell(SPEC, cell, 15, TWO)));
    const run = runSuggestion(input, { min: 20, max: 60 });
    expect(run.suggestion.grids).toEqual(input.grids);
    expect(run.suggestion.grids.every((g, i) => g === input.grids[i])).toBe(true);
    expect(run.suggestion.moves).toEqual([]);
    expect(run.suggestion.householdsMoved).toBe(0);
    expect(run.suggestion.communities[0]).toMatchObject({ offNorms: [], redrawnGridIds: [] });
  });

  it('passes about the excess of an overfull grid to its neighbours; every grid keeps its code', () => {
    // Grid 001 holds 90 households, the five others 30 each; the band is 20–60.
    const input = street([
      ...inCell(SPEC, [0, 0], 15, SIX),
      ...CELLS.slice(1).flatMap((cell) => inCell(SPEC, cell, 15, TWO)),
    ]);
    const run = runSuggestion(input, { min: 20, max: 60 });
    expect(faultsAfter(run)).toEqual(NO_FAULTS);
    const households = comprehensiveHouseholds(run);
    expect(households.every((h) => h >= 20 && h <= 60)).toBe(true);
    expect(households.reduce((a, b) => a + b, 0)).toBe(240);
    expect(run.suggestion.grids.map((g) => g.properties.id)).toEqual(
      input.grids.map((g) => g.properties.id),
    );
    // The excess is 30 households: two 15-household buildings go, no more.
    expect(run.suggestion.householdsMoved).toBe(30);
    expect(run.suggestion.moves.every((m) => m.fromGridId === gridId(0))).toBe(true);
    // Grids far from the overfull one keep their ground exactly.
    const untouched = run.suggestion.grids.filter(
      (g) => !run.suggestion.communities[0]!.redrawnGridIds.includes(g.properties.id),
    );
    expect(untouched.length).toBeGreaterThanOrEqual(3);
    for (const grid of untouched)
      expect(grid).toBe(input.grids.find((g) => g.properties.id === grid.properties.id));
  });

  it('splits the fullest grid when the community has too few; the new grid takes the next free code', () => {
    // Grid 001 holds 80 households, the five others 40 each; with a band of 20–40, 280
    // households need at least 7 grids.
    const rows = [0.2, 0.35, 0.5, 0.65].flatMap((y): [number, number][] => [
      [0.3, y],
      [0.55, y],
    ]);
    const input = street([
      ...inCell(SPEC, [0, 0], 10, rows),
      ...CELLS.slice(1).flatMap((cell) => inCell(SPEC, cell, 10, FOUR)),
    ]);
    const run = runSuggestion(input, { min: 20, max: 40 });
    expect(run.suggestion.communities[0]!.count).toMatchObject({ feasible: true, grids: 7 });
    expect(faultsAfter(run)).toEqual(NO_FAULTS);
    expect(comprehensiveHouseholds(run)).toEqual([40, 40, 40, 40, 40, 40, 40]);
    const added = run.suggestion.grids.at(-1)!;
    expect(added.properties).toMatchObject({ id: gridId(6), type: 'comprehensive', workers: 1 });
    expect(run.suggestion.householdsMoved).toBe(40);
    expect(run.suggestion.workers.needed).toBe(
      input.grids.reduce((s, g) => s + Math.max(1, g.properties.workers), 0) + 1,
    );
  });

  it('repairs a missing grid, an overlap, a part outside the community and a cut building', () => {
    const buildings = CELLS.flatMap((cell) => inCell(SPEC, cell, 15, TWO));
    // A building across the border of grids 002 and 003 (cells 1 and 2 of the bottom row).
    const straddling = buildingWith('CUT', 99, cellRectangle(SPEC, [1.9, 0.1], [2.1, 0.2]));
    const input = street([
      ...buildings,
      { ...straddling, properties: { ...straddling.properties, households: 5, residents: 10 } },
    ]);
    const [, g2, ...rest] = input.grids;
    // Grid 002 reaches into grid 005 and out of the community's south edge; grid 001 is gone.
    const reach = [cellRectangle(SPEC, [1.2, -0.3], [1.8, 1.3])];
    const grown: GridFeature = {
      ...g2!,
      geometry: geometryOfAreas(unionAreas([polygonsOf(g2!.geometry), [reach]])),
    };
    const faulty = withGrids(input, [grown, ...rest]);
    const run = runSuggestion(faulty, { min: 20, max: 60 });
    expect(run.before.street).toMatchObject({ unassignedBuildings: 2 });
    expect(run.before.street.gapAreaM2).toBeGreaterThan(1000);
    expect(run.before.street.overlapAreaM2).toBeGreaterThan(1000);
    expect(run.before.street.outsideAreaM2).toBeGreaterThan(1000);
    expect(run.before.street.splitBuildings).toBe(1);
    expect(faultsAfter(run)).toEqual(NO_FAULTS);
    expect(run.after.problems).toEqual([]);
  });

  it('leaves dedicated grids exactly as they are', () => {
    const input = street([
      ...inCell(SPEC, [0, 0], 15, SIX),
      ...CELLS.slice(1).flatMap((cell) => inCell(SPEC, cell, 15, TWO)),
    ]);
    const grids = input.grids.map((g, i) =>
      i === 1 ? { ...g, properties: { ...g.properties, type: 'dedicated' as const } } : g,
    );
    const run = runSuggestion(withGrids(input, grids), { min: 20, max: 60 });
    expect(run.suggestion.grids.find((g) => g.properties.id === gridId(1))).toBe(grids[1]);
    expect(faultsAfter(run)).toEqual(NO_FAULTS);
    expect(comprehensiveHouseholds(run).every((h) => h >= 20 && h <= 60)).toBe(true);
  });

  it('says why a community cannot meet the norms, and still tiles it', () => {
    const few = runSuggestion(street(CELLS.flatMap((cell) => inCell(SPEC, cell, 2, TWO))), {
      min: 30,
      max: 60,
    });
    expect(few.suggestion.communities[0]!.count).toMatchObject({
      feasible: false,
      problem: { code: 'too-few-households', params: { households: 24, min: 30 } },
    });
    expect(faultsAfter(few)).toEqual(NO_FAULTS);

    const tower = runSuggestion(
      street([
        ...inCell(SPEC, [0, 0], 80, [[0.4, 0.4]]),
        ...CELLS.slice(1).flatMap((cell) => inCell(SPEC, cell, 15, TWO)),
      ]),
      { min: 20, max: 60 },
    );
    expect(tower.suggestion.communities[0]!.count).toMatchObject({
      feasible: false,
      problem: { code: 'building-above-band', params: { households: 80, max: 60 } },
    });
    expect(faultsAfter(tower)).toEqual(NO_FAULTS);
    expect(tower.suggestion.communities[0]!.offNorms.map((g) => g.households)).toEqual([80]);
  });
});
