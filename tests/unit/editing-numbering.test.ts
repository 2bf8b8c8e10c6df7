/**
 * Grid numbering: the west → east, north → south order, the next free code for a new grid, and
 * renumbering a community (renames that swap codes, ranks and properties kept, exact undo).
 */
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import {
  nextFreeGridCode,
  numberGrids,
  renumberCommunity,
  ROW_BAND_DEG,
} from '../../src/editing/numbering.ts';
import { applyPatch, invertPatch, planFromGrids, planGrids } from '../../src/editing/plan.ts';
import { applied, latticeFixture, unitRing } from './support/edit-plan.ts';
import { COMMUNITY_ID, gridId } from './support/lattice.ts';

const square = (x: number, y: number): GridFeature['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    unitRing([
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
    ]),
  ],
});

describe('numberGrids', () => {
  it('numbers north → south by rows, each row west → east', () => {
    const numbers = numberGrids(
      deepFreeze([
        { key: 'SW', geometry: square(0, 0) },
        { key: 'SE', geometry: square(1, 0) },
        { key: 'NE', geometry: square(1, 1) },
        { key: 'NW', geometry: square(0, 1) },
      ]),
    );
    expect(Object.fromEntries(numbers)).toEqual({ NW: 1, NE: 2, SW: 3, SE: 4 });
  });

  it('keeps a grid a little south of the row in that row (within the band)', () => {
    const band = ROW_BAND_DEG / 0.001; // in unit coordinates
    const numbers = numberGrids([
      { key: 'east-lower', geometry: square(1, -band * 0.9) },
      { key: 'west', geometry: square(0, 0) },
      { key: 'far-south', geometry: square(0, -band * 3) },
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ west: 1, 'east-lower': 2, 'far-south': 3 });
  });
});

describe('nextFreeGridCode', () => {
  const gridsWithSequences = (sequences: number[]): GridFeature[] =>
    sequences.map((s, i) => ({
      type: 'Feature',
      geometry: square(i, 0),
      properties: {
        id: `${COMMUNITY_ID}${String(s).padStart(3, '0')}`,
        communityId: COMMUNITY_ID,
        type: 'comprehensive',
        workers: 1,
      },
    }));

  it('gives one past the highest sequence in use', () => {
    const { plan } = latticeFixture();
    expect(nextFreeGridCode(plan, COMMUNITY_ID)).toBe(`${COMMUNITY_ID}007`);
    expect(nextFreeGridCode(plan, '110106090002')).toBe('110106090002001');
  });

  it('falls back to the lowest unused sequence when 999 is taken, and gives null when none is left', () => {
    const plan = planFromGrids(gridsWithSequences([1, 2, 4, 999]));
    expect(nextFreeGridCode(plan, COMMUNITY_ID)).toBe(`${COMMUNITY_ID}003`);
    const full = planFromGrids(gridsWithSequences(Array.from({ length: 999 }, (_, i) => i + 1)));
    expect(nextFreeGridCode(full, COMMUNITY_ID)).toBeNull();
    expect(nextFreeGridCode(plan, '1101')).toBeNull();
  });
});

describe('renumberCommunity', () => {
  it('renames the lattice grids 001… north-west first, keeping ranks and properties', () => {
    const fx = latticeFixture();
    const result = renumberCommunity(fx.plan, fx.ctx, COMMUNITY_ID);
    const plan = applied(fx.plan, result);
    // Lattice cells are numbered from the south-west (cell n has id gridId(n)); the north row
    // (cells 3, 4, 5) becomes 001–003, the south row 004–006: every grid changes code.
    const expected: Record<number, number> = { 3: 0, 4: 1, 5: 2, 0: 3, 1: 4, 2: 5 };
    for (const [cell, code] of Object.entries(expected)) {
      const ranked = plan.grids.get(gridId(code))!;
      expect(ranked.rank).toBe(Number(cell));
      expect(ranked.grid.geometry).toBe(fx.grids[Number(cell)]!.geometry);
      expect(ranked.grid.properties.workers).toBe(fx.grids[Number(cell)]!.properties.workers);
    }
    expect(plan.grids.size).toBe(6);
    if (result.ok) expect(result.patch.entries).toHaveLength(12); // 6 out, then 6 in
    expect(planGrids(plan).map((g) => g.properties.id)).toEqual([3, 4, 5, 0, 1, 2].map(gridId));
  });

  it('is undone exactly, and renumbering a numbered community changes nothing', () => {
    const fx = latticeFixture();
    const result = renumberCommunity(fx.plan, fx.ctx, COMMUNITY_ID);
    if (!result.ok) throw new Error(result.problem.code);
    const after = applyPatch(fx.plan, result.patch);
    expect(applyPatch(after, invertPatch(result.patch))).toEqual(fx.plan);
    const again = renumberCommunity(after, fx.ctx, COMMUNITY_ID);
    expect(again).toEqual({ ok: true, patch: { entries: [] }, warnings: [] });
  });

  it('renames the feature id too when the grid has one', () => {
    const fx = latticeFixture();
    const withIds = deepFreeze(planGrids(fx.plan).map((g) => ({ ...g, id: g.properties.id })));
    const plan = applied(
      planFromGrids(withIds),
      renumberCommunity(planFromGrids(withIds), fx.ctx, COMMUNITY_ID),
    );
    expect(plan.grids.get(gridId(0))!.grid.id).toBe(gridId(0));
    expect(plan.grids.get(gridId(0))!.grid.geometry).toBe(withIds[3]!.geometry);
  });

  it('refuses a community code that is not 12 digits', () => {
    const fx = latticeFixture();
    expect(renumberCommunity(fx.plan, fx.ctx, '1101')).toEqual({
      ok: false,
      problem: { code: 'no-free-code', params: { communityId: '1101' } },
    });
  });
});
