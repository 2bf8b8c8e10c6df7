/**
 * The suggestion's boundary shift on the 3 × 2 lattice: grid 001 passes its buildings nearest
 * grid 002 (its eastern neighbour) to it, ground and all, as few households as bring it down to
 * the asked level; the receiver's room limits it; the community stays tiled, every building
 * whole and both grids keep their ids; a grid that does not touch the giver gets nothing.
 */
import { describe, expect, it } from 'vitest';
import { transferHouseholds, type TransferLimits } from '../../src/analysis/suggest/transfer.ts';
import { applyPatch, invertPatch } from '../../src/editing/plan.ts';
import {
  buildingWith,
  cellRectangle,
  communityCoverage,
  coverageReport,
  withBuildings,
} from './support/area-edits.ts';
import { LATTICE_SPEC, latticeFixture } from './support/edit-plan.ts';
import { gridId } from './support/lattice.ts';

/** Three buildings across grid 001, west to east: 10, 11 and 12 households. */
const BUILDINGS = [0.2, 0.4, 0.6].map((x, n) =>
  buildingWith(`B${n}`, n, cellRectangle(LATTICE_SPEC, [x, 0.4], [x + 0.08, 0.48])),
);
const fixture = withBuildings(latticeFixture(), BUILDINGS);

const limits = (overrides: Partial<TransferLimits>): TransferLimits => ({
  fromGridId: gridId(0),
  toGridId: gridId(1),
  fromHouseholds: 33,
  toHouseholds: 0,
  giveDownTo: 20,
  receiveUpTo: 100,
  keepAtLeast: 0,
  ...overrides,
});

function gridOfBuilding(plan: typeof fixture.plan) {
  const report = coverageReport(plan, fixture);
  return Object.fromEntries(report.assignments.map((a) => [a.buildingId, [a.gridId, a.status]]));
}

describe('transferHouseholds', () => {
  it('shifts the boundary past as few buildings as bring the giver down, nearest first', () => {
    // 13 households must go: B2 alone (12) is not enough, B2 and B1 (23) are.
    const shift = transferHouseholds(fixture.plan, fixture.ctx, BUILDINGS, limits({}))!;
    expect(shift.households).toBe(23);
    expect(shift.movedBuildingIds.sort()).toEqual(['B1', 'B2']);
    const plan = applyPatch(fixture.plan, shift.patch);
    expect(gridOfBuilding(plan)).toEqual({
      B0: [gridId(0), 'inside'],
      B1: [gridId(1), 'inside'],
      B2: [gridId(1), 'inside'],
    });
    expect(communityCoverage(plan, fixture)).toMatchObject({ gapAreaM2: 0, overlapAreaM2: 0 });
    expect([...plan.grids.keys()]).toEqual([...fixture.plan.grids.keys()]);
    expect(plan.grids.get(gridId(0))!.grid.geometry.type).toBe('Polygon');
    expect(applyPatch(plan, invertPatch(shift.patch))).toEqual(fixture.plan);
  });

  it('passes only what the receiver has room for, and leaves the giver its floor', () => {
    const shift = transferHouseholds(
      fixture.plan,
      fixture.ctx,
      BUILDINGS,
      limits({ toHouseholds: 85 }),
    )!;
    expect(shift.households).toBe(12);
    expect(shift.movedBuildingIds).toEqual(['B2']);
    expect(
      transferHouseholds(fixture.plan, fixture.ctx, BUILDINGS, limits({ toHouseholds: 95 })),
    ).toBeNull();
    // Keeping 15 of its 33 households, 001 may pass 12 but not 23.
    expect(
      transferHouseholds(fixture.plan, fixture.ctx, BUILDINGS, limits({ keepAtLeast: 15 }))!
        .movedBuildingIds,
    ).toEqual(['B2']);
  });

  it('gives nothing to a grid that does not touch the giver', () => {
    // Grid 003 lies east of 002: the part of 001 on its side cannot join it in one piece.
    expect(
      transferHouseholds(fixture.plan, fixture.ctx, BUILDINGS, limits({ toGridId: gridId(2) })),
    ).toBeNull();
  });
});
