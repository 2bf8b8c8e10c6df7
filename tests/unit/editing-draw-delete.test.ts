/**
 * Drawing a new grid and deleting a grid, on the 3 × 2 jittered lattice (and a second community
 * east of it): the drawn area taken from the grids it covers, clipping to the community, areas
 * kept, exact undo, and every refusal.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryAreaM2 } from '../../src/analysis/coverage/geodesy.ts';
import { deleteGrid } from '../../src/editing/delete-grid.ts';
import { drawGrid } from '../../src/editing/draw-grid.ts';
import {
  applyPatch,
  invertPatch,
  planGrids,
  type EditResult,
  type Plan,
} from '../../src/editing/plan.ts';
import {
  cellPoint,
  cellRectangle,
  communityCoverage,
  OTHER_COMMUNITY_ID,
  twoCommunities,
  withoutFreeCodes,
} from './support/area-edits.ts';
import {
  applied,
  AREA_TOLERANCE_M2,
  gridOf,
  LATTICE_SPEC,
  latticeFixture,
  planAreaM2,
  type EditFixture,
} from './support/edit-plan.ts';
import { COMMUNITY_ID, gridId } from './support/lattice.ts';

function areaOfGrid(plan: Plan, id: string): number {
  return geometryAreaM2(gridOf(plan, id).geometry);
}

function rectangleArea(corner: [number, number], opposite: [number, number]): number {
  return geometryAreaM2({
    type: 'Polygon',
    coordinates: [cellRectangle(LATTICE_SPEC, corner, opposite)],
  });
}

function expectTiled(plan: Plan, fixture: EditFixture): void {
  const coverage = communityCoverage(plan, fixture);
  expect(coverage.gapAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
  expect(coverage.overlapAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
  expect(coverage.outsideAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
  expect(coverage.nonContiguousGridIds).toEqual([]);
  const communityArea = geometryAreaM2(fixture.community.geometry);
  const communityGrids = planGrids(plan).filter((g) => g.properties.communityId === COMMUNITY_ID);
  const sum = communityGrids.reduce((s, g) => s + geometryAreaM2(g.geometry), 0);
  expect(Math.abs(sum - communityArea)).toBeLessThan(AREA_TOLERANCE_M2);
}

function expectUndone(plan: Plan, result: EditResult): void {
  if (!result.ok) throw new Error(result.problem.code);
  const undone = applyPatch(applyPatch(plan, result.patch), invertPatch(result.patch));
  expect(JSON.stringify(planGrids(undone))).toBe(JSON.stringify(planGrids(plan)));
}

describe('drawGrid', () => {
  it('adds the drawn area as a new grid, taken from the grids it covers', () => {
    const fixture = latticeFixture();
    const ring = cellRectangle(LATTICE_SPEC, [0.6, 0.2], [1.3, 0.6]);
    const result = drawGrid(fixture.plan, fixture.ctx, ring);
    const plan = applied(fixture.plan, result);
    const newId = gridId(6);
    expect(gridOf(plan, newId).properties).toEqual({
      id: newId,
      communityId: COMMUNITY_ID,
      type: 'comprehensive',
      workers: 0,
    });
    const drawnArea = rectangleArea([0.6, 0.2], [1.3, 0.6]);
    expect(areaOfGrid(plan, newId)).toBeCloseTo(drawnArea, 3);
    const lost =
      areaOfGrid(fixture.plan, gridId(0)) +
      areaOfGrid(fixture.plan, gridId(1)) -
      areaOfGrid(plan, gridId(0)) -
      areaOfGrid(plan, gridId(1));
    expect(lost).toBeCloseTo(drawnArea, 3);
    expect(result.ok && result.patch.entries.map((e) => e.gridId).sort()).toEqual([
      gridId(0),
      gridId(1),
      newId,
    ]);
    expectTiled(plan, fixture);
    expectUndone(fixture.plan, result);
  });

  it('accepts an open ring and cuts off what lies outside every community', () => {
    const fixture = latticeFixture();
    const ring = cellRectangle(LATTICE_SPEC, [-0.3, 0.2], [0.5, 0.6]).slice(0, -1);
    const plan = applied(fixture.plan, drawGrid(fixture.plan, fixture.ctx, ring));
    expect(areaOfGrid(plan, gridId(6))).toBeCloseTo(rectangleArea([0, 0.2], [0.5, 0.6]), 3);
    // Grid 001 now wraps the new grid on three sides: still one polygon.
    expect(gridOf(plan, gridId(0)).geometry.type).toBe('Polygon');
    expectTiled(plan, fixture);
  });

  it('gives the drawn area to the community holding most of it when the rest is a sliver', () => {
    const fixture = twoCommunities(LATTICE_SPEC, latticeFixture());
    // 0.02 of 0.5 cells east of the shared border: 4 % in the other community.
    const ring = cellRectangle(LATTICE_SPEC, [2.5, 0.2], [3.02, 0.6]);
    const plan = applied(fixture.plan, drawGrid(fixture.plan, fixture.ctx, ring));
    expect(gridOf(plan, gridId(6)).properties.communityId).toBe(COMMUNITY_ID);
    expect(areaOfGrid(plan, gridId(6))).toBeCloseTo(rectangleArea([2.5, 0.2], [3, 0.6]), 3);
    expect(plan.grids.get(`${OTHER_COMMUNITY_ID}001`)!.grid).toBe(
      fixture.plan.grids.get(`${OTHER_COMMUNITY_ID}001`)!.grid,
    );
  });

  it('refuses a ring outside every community, or with fewer than three corners', () => {
    const fixture = latticeFixture();
    const outside = cellRectangle(LATTICE_SPEC, [-2, 0], [-1, 1]);
    const line = [cellPoint(LATTICE_SPEC, 0.2, 0.2), cellPoint(LATTICE_SPEC, 0.6, 0.6)];
    for (const ring of [outside, line])
      expect(drawGrid(fixture.plan, fixture.ctx, ring)).toEqual({
        ok: false,
        problem: { code: 'draw-outside-community', params: {} },
      });
  });

  it('refuses a ring lying across two communities', () => {
    const fixture = twoCommunities(LATTICE_SPEC, latticeFixture());
    const ring = cellRectangle(LATTICE_SPEC, [2.5, 0.2], [3.4, 0.6]);
    expect(drawGrid(fixture.plan, fixture.ctx, ring)).toEqual({
      ok: false,
      problem: {
        code: 'draw-crosses-communities',
        params: { communityId: COMMUNITY_ID, otherCommunityId: OTHER_COMMUNITY_ID },
      },
    });
  });

  it('refuses when the community has no free code left', () => {
    const fixture = withoutFreeCodes(latticeFixture());
    const ring = cellRectangle(LATTICE_SPEC, [0.6, 0.2], [1.3, 0.6]);
    expect(drawGrid(fixture.plan, fixture.ctx, ring)).toEqual({
      ok: false,
      problem: { code: 'no-free-code', params: { communityId: COMMUNITY_ID } },
    });
  });

  it('refuses a ring that would swallow a grid', () => {
    const fixture = latticeFixture();
    const ring = cellRectangle(LATTICE_SPEC, [-0.1, -0.1], [1.2, 1.2]);
    expect(drawGrid(fixture.plan, fixture.ctx, ring)).toEqual({
      ok: false,
      problem: { code: 'would-empty-grid', params: { gridId: gridId(0) } },
    });
  });

  it('refuses a ring that would cut a grid in two', () => {
    const fixture = latticeFixture();
    const band = cellRectangle(LATTICE_SPEC, [-0.5, 0.4], [1.2, 0.6]);
    expect(drawGrid(fixture.plan, fixture.ctx, band)).toEqual({
      ok: false,
      problem: { code: 'would-split-grid', params: { gridId: gridId(0), pieces: 2 } },
    });
  });

  it('refuses a ring whose part in the community is in pieces', () => {
    const fixture = latticeFixture();
    const u: Position[] = [
      [0.2, -0.5],
      [1.8, -0.5],
      [1.8, 0.3],
      [1.4, 0.3],
      [1.4, -0.3],
      [0.6, -0.3],
      [0.6, 0.3],
      [0.2, 0.3],
      [0.2, -0.5],
    ].map(([x, y]) => cellPoint(LATTICE_SPEC, x!, y!));
    expect(drawGrid(fixture.plan, fixture.ctx, u)).toEqual({
      ok: false,
      problem: { code: 'would-split-grid', params: { gridId: gridId(6), pieces: 2 } },
    });
  });
});

describe('deleteGrid', () => {
  it('gives the area to the neighbour, which keeps its id, rank and workers', () => {
    const fixture = latticeFixture();
    const result = deleteGrid(fixture.plan, fixture.ctx, gridId(1), gridId(0));
    const plan = applied(fixture.plan, result);
    expect(plan.grids.has(gridId(1))).toBe(false);
    expect(plan.grids.get(gridId(0))!.rank).toBe(0);
    expect(gridOf(plan, gridId(0)).properties).toEqual(gridOf(fixture.plan, gridId(0)).properties);
    expect(areaOfGrid(plan, gridId(0))).toBeCloseTo(
      areaOfGrid(fixture.plan, gridId(0)) + areaOfGrid(fixture.plan, gridId(1)),
      3,
    );
    expect(Math.abs(planAreaM2(plan) - planAreaM2(fixture.plan))).toBeLessThan(AREA_TOLERANCE_M2);
    expectTiled(plan, fixture);
    expectUndone(fixture.plan, result);
  });

  it('refuses a neighbour that touches only at a point, or is the grid itself', () => {
    const fixture = latticeFixture();
    for (const neighbourId of [gridId(4), gridId(0)])
      expect(deleteGrid(fixture.plan, fixture.ctx, gridId(0), neighbourId)).toEqual({
        ok: false,
        problem: {
          code: 'delete-neighbour-not-adjacent',
          params: { gridId: gridId(0), neighbourId },
        },
      });
  });

  it('refuses a neighbour in another community', () => {
    const fixture = twoCommunities(LATTICE_SPEC, latticeFixture());
    const east = `${OTHER_COMMUNITY_ID}001`;
    expect(deleteGrid(fixture.plan, fixture.ctx, gridId(2), east)).toEqual({
      ok: false,
      problem: {
        code: 'merge-other-community',
        params: { gridId: gridId(2), neighbourId: east },
      },
    });
  });

  it('refuses an unknown grid', () => {
    const fixture = latticeFixture();
    expect(deleteGrid(fixture.plan, fixture.ctx, 'nope', gridId(0))).toEqual({
      ok: false,
      problem: { code: 'grid-not-found', params: { gridId: 'nope' } },
    });
  });
});
