/**
 * Splitting a grid along a drawn line and merging two grids, on the 3 × 2 jittered lattice:
 * areas kept (the community's grids still sum to its area), codes, properties, shared vertices
 * with neighbours, exact undo, and every refusal.
 */
import { polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import { describe, expect, it } from 'vitest';
import { geometryAreaM2 } from '../../src/analysis/coverage/geodesy.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { mergeGrids } from '../../src/editing/merge-grids.ts';
import { applyPatch, invertPatch, planFromGrids, planGrids } from '../../src/editing/plan.ts';
import { SPLIT_NAME_SUFFIX, splitGrid } from '../../src/editing/split-grid.ts';
import { positionKey } from '../../src/editing/ring-geometry.ts';
import {
  cellPoint,
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

function communityArea(fixture: EditFixture): number {
  return geometryAreaM2(fixture.community.geometry);
}

function vertexKeys(grid: GridFeature): Set<string> {
  return new Set(polygonsOf(grid.geometry).flat(2).map(positionKey));
}

/** The lattice with names and leaders on its grids. */
function namedFixture(): EditFixture {
  const base = latticeFixture();
  const grids = base.grids.map((g, n): GridFeature => ({
    ...g,
    properties: { ...g.properties, name: `第${n + 1}网格`, leader: '王芳', note: `kept ${n}` },
  }));
  return { ...base, grids: deepFreeze(grids), plan: planFromGrids(deepFreeze(grids)) };
}

describe('splitGrid', () => {
  const line = [cellPoint(LATTICE_SPEC, 0.4, -0.2), cellPoint(LATTICE_SPEC, 0.4, 1.2)];

  it('cuts a grid in two that keep its area, the larger piece keeping the id', () => {
    const fixture = namedFixture();
    const result = splitGrid(fixture.plan, fixture.ctx, gridId(0), line);
    const plan = applied(fixture.plan, result);
    const newId = gridId(6);
    const kept = gridOf(plan, gridId(0));
    const splitOff = gridOf(plan, newId);
    const before = geometryAreaM2(gridOf(fixture.plan, gridId(0)).geometry);
    expect(geometryAreaM2(kept.geometry) + geometryAreaM2(splitOff.geometry)).toBeCloseTo(
      before,
      3,
    );
    // x = 0.4 leaves 0.4 of the cell west and about 0.55 east.
    expect(geometryAreaM2(kept.geometry)).toBeGreaterThan(geometryAreaM2(splitOff.geometry));
    expect(geometryAreaM2(splitOff.geometry) / before).toBeCloseTo(0.4 / 0.975, 1);
    expect(kept.geometry.type).toBe('Polygon');
    expect(splitOff.geometry.type).toBe('Polygon');
    expect(kept.properties).toEqual(gridOf(fixture.plan, gridId(0)).properties);
    expect(splitOff.properties).toEqual({
      id: newId,
      communityId: kept.properties.communityId,
      type: 'comprehensive',
      workers: 0,
      name: `第1网格${SPLIT_NAME_SUFFIX}`,
      note: 'kept 0',
    });
    expect(plan.grids.get(newId)!.rank).toBe(6);
    expect(Math.abs(planAreaM2(plan) - communityArea(fixture))).toBeLessThan(AREA_TOLERANCE_M2);
  });

  it('shares the new vertices with the neighbour across the cut, and tiles the community', () => {
    const fixture = latticeFixture();
    const result = splitGrid(fixture.plan, fixture.ctx, gridId(0), line);
    const plan = applied(fixture.plan, result);
    // The cut ends on grid 004's south edge: 004 gains that vertex, 002 is not touched.
    const changedIds = result.ok ? result.patch.entries.map((e) => e.gridId).sort() : [];
    expect(changedIds).toEqual([gridId(0), gridId(3), gridId(6)]);
    const shared = [...vertexKeys(gridOf(plan, gridId(6)))].filter((k) =>
      vertexKeys(gridOf(plan, gridId(3))).has(k),
    );
    expect(shared.length).toBeGreaterThanOrEqual(2);
    const coverage = communityCoverage(plan, fixture);
    expect(coverage.gapAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
    expect(coverage.overlapAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
    expect(coverage.outsideAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
    expect(coverage.nonContiguousGridIds).toEqual([]);
  });

  it('is undone byte for byte by its inverse', () => {
    const fixture = latticeFixture();
    const result = splitGrid(fixture.plan, fixture.ctx, gridId(0), line);
    if (!result.ok) throw new Error(result.problem.code);
    const undone = applyPatch(applyPatch(fixture.plan, result.patch), invertPatch(result.patch));
    expect(JSON.stringify(planGrids(undone))).toBe(JSON.stringify(planGrids(fixture.plan)));
  });

  it('cuts along a bent line', () => {
    const fixture = latticeFixture();
    const bent = [
      cellPoint(LATTICE_SPEC, 0.8, 0.3),
      cellPoint(LATTICE_SPEC, 1.5, 0.6),
      cellPoint(LATTICE_SPEC, 2.3, 0.3),
    ];
    const plan = applied(fixture.plan, splitGrid(fixture.plan, fixture.ctx, gridId(1), bent));
    expect(plan.grids.size).toBe(7);
    const bend = positionKey(cellPoint(LATTICE_SPEC, 1.5, 0.6));
    expect(vertexKeys(gridOf(plan, gridId(1))).has(bend)).toBe(true);
    expect(vertexKeys(gridOf(plan, gridId(6))).has(bend)).toBe(true);
    expect(Math.abs(planAreaM2(plan) - communityArea(fixture))).toBeLessThan(AREA_TOLERANCE_M2);
  });

  it('refuses a line that does not cross the grid', () => {
    const fixture = latticeFixture();
    const misses = [cellPoint(LATTICE_SPEC, 1.5, -0.2), cellPoint(LATTICE_SPEC, 1.5, 0.5)];
    const endsInside = [cellPoint(LATTICE_SPEC, 0.4, -0.2), cellPoint(LATTICE_SPEC, 0.4, 0.5)];
    for (const bad of [misses, endsInside, [cellPoint(LATTICE_SPEC, 0.4, -0.2)]])
      expect(splitGrid(fixture.plan, fixture.ctx, gridId(0), bad)).toEqual({
        ok: false,
        problem: { code: 'split-line-does-not-cross', params: { gridId: gridId(0) } },
      });
  });

  it('refuses a line that cuts the grid into more than two pieces', () => {
    const fixture = latticeFixture();
    // Up across the grid west of x = 0.4, back down east of it: three strips.
    const zigzag = [
      cellPoint(LATTICE_SPEC, 0.2, -0.2),
      cellPoint(LATTICE_SPEC, 0.3, 1.2),
      cellPoint(LATTICE_SPEC, 0.6, -0.2),
    ];
    expect(splitGrid(fixture.plan, fixture.ctx, gridId(0), zigzag)).toEqual({
      ok: false,
      problem: { code: 'split-into-many', params: { gridId: gridId(0), pieces: 3 } },
    });
  });

  it('refuses when the community has no free code left', () => {
    const fixture = withoutFreeCodes(latticeFixture());
    expect(splitGrid(fixture.plan, fixture.ctx, gridId(0), line)).toEqual({
      ok: false,
      problem: { code: 'no-free-code', params: { communityId: COMMUNITY_ID } },
    });
  });

  it('refuses an unknown grid', () => {
    const fixture = latticeFixture();
    const result = splitGrid(fixture.plan, fixture.ctx, 'nope', line);
    expect(result).toEqual({
      ok: false,
      problem: { code: 'grid-not-found', params: { gridId: 'nope' } },
    });
  });
});

describe('mergeGrids', () => {
  it('unites two adjacent grids into the first, summing workers and removing the second', () => {
    const fixture = latticeFixture();
    const [a, b] = [gridOf(fixture.plan, gridId(0)), gridOf(fixture.plan, gridId(1))];
    const result = mergeGrids(fixture.plan, fixture.ctx, [gridId(0), gridId(1)]);
    const plan = applied(fixture.plan, result);
    const merged = gridOf(plan, gridId(0));
    expect(plan.grids.has(gridId(1))).toBe(false);
    expect(plan.grids.get(gridId(0))!.rank).toBe(0);
    expect(merged.geometry.type).toBe('Polygon');
    expect(merged.properties).toEqual({
      ...a.properties,
      workers: a.properties.workers + b.properties.workers,
    });
    expect(geometryAreaM2(merged.geometry)).toBeCloseTo(
      geometryAreaM2(a.geometry) + geometryAreaM2(b.geometry),
      3,
    );
    // The shared edge's inner vertex (0.9, 1.05) stays: 004 and 005 still meet there.
    expect(vertexKeys(merged).has(positionKey(cellPoint(LATTICE_SPEC, 0.9, 1.05)))).toBe(true);
    const coverage = communityCoverage(plan, fixture);
    expect(coverage.gapAreaM2 + coverage.overlapAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
    expect(Math.abs(planAreaM2(plan) - communityArea(fixture))).toBeLessThan(AREA_TOLERANCE_M2);
  });

  it('merges back what a split cut off, and both edits undo exactly', () => {
    const fixture = latticeFixture();
    const line = [cellPoint(LATTICE_SPEC, 0.4, -0.2), cellPoint(LATTICE_SPEC, 0.4, 1.2)];
    const split = splitGrid(fixture.plan, fixture.ctx, gridId(0), line);
    const afterSplit = applied(fixture.plan, split);
    const merge = mergeGrids(afterSplit, fixture.ctx, [gridId(0), gridId(6)]);
    const afterMerge = applied(afterSplit, merge);
    expect(afterMerge.grids.size).toBe(6);
    expect(geometryAreaM2(gridOf(afterMerge, gridId(0)).geometry)).toBeCloseTo(
      geometryAreaM2(gridOf(fixture.plan, gridId(0)).geometry),
      3,
    );
    if (!split.ok || !merge.ok) throw new Error('refused');
    const undone = applyPatch(
      applyPatch(afterMerge, invertPatch(merge.patch)),
      invertPatch(split.patch),
    );
    expect(JSON.stringify(planGrids(undone))).toBe(JSON.stringify(planGrids(fixture.plan)));
  });

  it('refuses grids that touch at a point, or not at all', () => {
    const fixture = latticeFixture();
    // 001 and 005 meet only at the jittered vertex (0.9, 1.05); 001 and 003 do not meet.
    for (const other of [gridId(4), gridId(2)])
      expect(mergeGrids(fixture.plan, fixture.ctx, [gridId(0), other])).toEqual({
        ok: false,
        problem: { code: 'merge-not-adjacent', params: { gridId: gridId(0), otherId: other } },
      });
    expect(mergeGrids(fixture.plan, fixture.ctx, [gridId(0), gridId(0)]).ok).toBe(false);
  });

  it('refuses grids of different communities, even when they share a border', () => {
    const fixture = twoCommunities(LATTICE_SPEC, latticeFixture());
    const east = `${OTHER_COMMUNITY_ID}001`;
    expect(mergeGrids(fixture.plan, fixture.ctx, [gridId(2), east])).toEqual({
      ok: false,
      problem: { code: 'merge-other-community', params: { gridId: gridId(2), otherId: east } },
    });
  });

  it('refuses an unknown grid', () => {
    const fixture = latticeFixture();
    expect(mergeGrids(fixture.plan, fixture.ctx, [gridId(0), 'nope'])).toEqual({
      ok: false,
      problem: { code: 'grid-not-found', params: { gridId: 'nope' } },
    });
  });
});
