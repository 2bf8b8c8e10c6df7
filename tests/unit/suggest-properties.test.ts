/**
 * Property test of the per-community suggestion (fast-check): on a jittered 3 × 3 lattice
 * community with 1–6 buildings of 5–30 households in each cell and a band of 20–60, whatever the
 * search does, the community stays tiled (gap and overlap under 1 m²), every grid is one
 * polygon, every building lies wholly in one grid, the grids it reports off the band are exactly
 * those the engine finds off the band, and undoing its patches gives back the grids byte for
 * byte. (That it reaches the band wherever the band is reachable is not yet a property: see
 * docs/suggest-method.md, known weak.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestCommunity } from '../../src/analysis/suggest/community-suggestion.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import type { BuildingFeature } from '../../src/domain/types.ts';
import { planGrids } from '../../src/editing/plan.ts';
import {
  buildingWith,
  cellRectangle,
  communityCoverage,
  coverageReport,
  undoAll,
  withBuildings,
} from './support/area-edits.ts';
import { latticeFixture } from './support/edit-plan.ts';
import { COMMUNITY_ID, type LatticeSpec } from './support/lattice.ts';

const SPEC: LatticeSpec = {
  west: 116.3,
  south: 39.85,
  cell: 0.002,
  cols: 3,
  rows: 3,
  jitter: [],
  bends: [],
  buildings: [],
};
const BAND = { min: 20, max: 60 };
/** Spots in a cell (fractions of it) that no jittered edge comes near. */
const SPOTS: [number, number][] = [
  [0.28, 0.3],
  [0.44, 0.3],
  [0.6, 0.3],
  [0.28, 0.58],
  [0.44, 0.58],
  [0.6, 0.58],
];

const cellContents = fc.array(
  fc.record({
    spots: fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }),
    households: fc.integer({ min: 5, max: 30 }),
  }),
  { minLength: 9, maxLength: 9 },
);
const jitter = fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), {
  minLength: 8,
  maxLength: 8,
});

describe('suggestCommunity, on random lattice communities', () => {
  it('always returns a valid tiling with whole buildings, and says which grids stay off the band', () => {
    fc.assert(
      fc.property(jitter, cellContents, (offsets, cells) => {
        let serial = 0;
        const buildings = cells.flatMap(({ spots, households }, cell): BuildingFeature[] => {
          const [i, j] = [cell % 3, Math.floor(cell / 3)];
          return spots.map((spot) => {
            const [x, y] = SPOTS[spot]!;
            const n = serial++;
            const ring = cellRectangle(SPEC, [i + x, j + y], [i + x + 0.08, j + y + 0.08]);
            const building = buildingWith(`B${n}`, n, ring);
            return { ...building, properties: { ...building.properties, households } };
          });
        });
        const base = withBuildings(latticeFixture({ ...SPEC, jitter: offsets }), buildings);
        const fixture = {
          ...base,
          ctx: { ...base.ctx, settings: { ...DEFAULT_SETTINGS, householdsBand: BAND } },
        };
        const suggestion = suggestCommunity(fixture.plan, fixture.ctx, COMMUNITY_ID);
        const coverage = communityCoverage(suggestion.plan, fixture);
        expect(coverage.gapAreaM2).toBeLessThan(1);
        expect(coverage.overlapAreaM2).toBeLessThan(1);
        expect(planGrids(suggestion.plan).every((g) => g.geometry.type === 'Polygon')).toBe(true);
        const report = coverageReport(suggestion.plan, fixture);
        expect(report.assignments.every((a) => a.status === 'inside')).toBe(true);
        const offBand = report.grids
          .filter((g) => g.households < BAND.min || g.households > BAND.max)
          .map((g) => g.gridId)
          .sort();
        expect(suggestion.offBand.map((g) => g.gridId).sort()).toEqual(offBand);
        expect(JSON.stringify(planGrids(undoAll(suggestion.plan, suggestion.patches)))).toBe(
          JSON.stringify(planGrids(fixture.plan)),
        );
      }),
      { numRuns: 25, seed: 20261130 },
    );
  });
});
