/**
 * Reassigning buildings to a grid (the "paint" edit) on the 3 × 2 jittered lattice: the footprint
 * with its margin moves to the target, the engine then finds the building inside the target, the
 * community stays tiled, undo is exact; every refusal, flagged before anything is applied; the
 * footprint offset itself; and a stroke of 100 buildings along a long boundary.
 */
import { describe, expect, it } from 'vitest';
import { geometryAreaM2 } from '../../src/analysis/coverage/geodesy.ts';
import { bboxOf, polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import type { BuildingFeature } from '../../src/domain/types.ts';
import { grownBox, offsetFootprint } from '../../src/editing/footprint-offset.ts';
import { applyPatch, invertPatch, planGrids, type Plan } from '../../src/editing/plan.ts';
import { areaOf, intersectAreas, unionAreas } from '../../src/editing/polygon-ops.ts';
import { BUILDING_MARGIN_M, reassignBuildings } from '../../src/editing/reassign-buildings.ts';
import {
  buildingWith,
  cellPoint,
  cellRectangle,
  communityCoverage,
  coverageReport,
  OTHER_COMMUNITY_ID,
  withBuildings,
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
import { gridId, type LatticeSpec } from './support/lattice.ts';

function building(n: number, corner: [number, number], opposite: [number, number]) {
  return buildingWith(`B${n}`, n, cellRectangle(LATTICE_SPEC, corner, opposite));
}

/** Buildings around the edge between grids 001 and 002 (x ≈ 0.95 cells there). */
const BUILDINGS: BuildingFeature[] = [
  building(0, [0.92, 0.4], [0.99, 0.45]), // straddles 001 | 002
  building(1, [0.85, 0.6], [0.9, 0.65]), // in 001, 7 m from 002
  building(2, [1.3, 0.3], [1.4, 0.35]), // wholly in 002
  building(3, [0.002, 0.2], [0.99, 0.25]), // across 001, from the border into 002
  building(4, [0, 0], [1.02, 1.06]), // covers 001
  {
    ...building(5, [1.5, 0.5], [1.6, 0.55]),
    properties: {
      ...building(5, [1.5, 0.5], [1.6, 0.55]).properties,
      communityId: OTHER_COMMUNITY_ID,
    },
  },
];

function fixtureWith(...ids: number[]): EditFixture {
  return withBuildings(
    latticeFixture(),
    BUILDINGS.filter((_, n) => ids.includes(n)),
  );
}

function assignmentOf(plan: Plan, fixture: EditFixture, buildingId: string) {
  return coverageReport(plan, fixture).assignments.find((a) => a.buildingId === buildingId)!;
}

describe('reassignBuildings', () => {
  it('moves a straddling building, with its margin, into the target grid', () => {
    const fixture = fixtureWith(0);
    expect(assignmentOf(fixture.plan, fixture, 'B0').status).toBe('split');
    const result = reassignBuildings(fixture.plan, fixture.ctx, ['B0'], gridId(1));
    const plan = applied(fixture.plan, result);
    expect(assignmentOf(plan, fixture, 'B0')).toMatchObject({
      gridId: gridId(1),
      status: 'inside',
    });
    // Nothing of grid 001 comes closer to the building than the margin.
    const footprint = BUILDINGS[0]!.geometry.coordinates[0]!;
    const nearly = unionAreas([offsetFootprint(footprint, BUILDING_MARGIN_M - 0.1)]);
    expect(areaOf(intersectAreas(nearly, polygonsOf(gridOf(plan, gridId(0)).geometry)))).toBe(0);
    expect(gridOf(plan, gridId(0)).geometry.type).toBe('Polygon');
    expect(result.ok && result.patch.entries.map((e) => e.gridId).sort()).toEqual([
      gridId(0),
      gridId(1),
    ]);
    const coverage = communityCoverage(plan, fixture);
    expect(coverage.gapAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
    expect(coverage.overlapAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
    expect(coverage.splitBuildingIds).toEqual([]);
    const moved =
      geometryAreaM2(gridOf(plan, gridId(1)).geometry) -
      geometryAreaM2(gridOf(fixture.plan, gridId(1)).geometry);
    const lost =
      geometryAreaM2(gridOf(fixture.plan, gridId(0)).geometry) -
      geometryAreaM2(gridOf(plan, gridId(0)).geometry);
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeCloseTo(lost, 3);
    expect(Math.abs(planAreaM2(plan) - planAreaM2(fixture.plan))).toBeLessThan(AREA_TOLERANCE_M2);
    if (!result.ok) return;
    const undone = applyPatch(plan, invertPatch(result.patch));
    expect(JSON.stringify(planGrids(undone))).toBe(JSON.stringify(planGrids(fixture.plan)));
  });

  it('moves a building the other way, skipping unknown ids', () => {
    const fixture = fixtureWith(0);
    const plan = applied(
      fixture.plan,
      reassignBuildings(fixture.plan, fixture.ctx, ['B0', 'unknown'], gridId(0)),
    );
    expect(assignmentOf(plan, fixture, 'B0')).toMatchObject({
      gridId: gridId(0),
      status: 'inside',
    });
    expect(communityCoverage(plan, fixture).splitBuildingIds).toEqual([]);
  });

  it('leaves buildings already wholly in the target where they are', () => {
    const fixture = fixtureWith(0, 2);
    const result = reassignBuildings(fixture.plan, fixture.ctx, ['B0', 'B2'], gridId(1));
    const alone = reassignBuildings(fixture.plan, fixture.ctx, ['B0'], gridId(1));
    expect(result).toEqual(alone);
  });

  it('refuses when every building is already in the target', () => {
    const fixture = fixtureWith(2);
    for (const ids of [['B2'], ['unknown'], []])
      expect(reassignBuildings(fixture.plan, fixture.ctx, ids, gridId(1))).toEqual({
        ok: false,
        problem: { code: 'nothing-to-move', params: { gridId: gridId(1) } },
      });
  });

  it('refuses a building that does not touch the target: the target would be in two pieces', () => {
    const fixture = fixtureWith(1);
    expect(reassignBuildings(fixture.plan, fixture.ctx, ['B1'], gridId(1))).toEqual({
      ok: false,
      problem: { code: 'would-split-grid', params: { gridId: gridId(1), pieces: 2 } },
    });
  });

  it('moves the painted area with the buildings, so a stroke from the target keeps it whole', () => {
    const fixture = fixtureWith(1);
    // B1 lies 7 m inside 001; a brush stroke from grid 002 across the boundary to it.
    const stroke = cellRectangle(LATTICE_SPEC, [0.84, 0.58], [1.1, 0.67]);
    const result = reassignBuildings(fixture.plan, fixture.ctx, ['B1'], gridId(1), {
      area: [stroke],
    });
    const plan = applied(fixture.plan, result);
    expect(assignmentOf(plan, fixture, 'B1')).toMatchObject({
      gridId: gridId(1),
      status: 'inside',
    });
    expect(polygonsOf(gridOf(plan, gridId(1)).geometry)).toHaveLength(1);
    expect(polygonsOf(gridOf(plan, gridId(0)).geometry)).toHaveLength(1);
    // The target gained the stroke's part in 001 and the grown footprint, 001 lost as much.
    const gained =
      geometryAreaM2(gridOf(plan, gridId(1)).geometry) -
      geometryAreaM2(gridOf(fixture.plan, gridId(1)).geometry);
    const lost =
      geometryAreaM2(gridOf(fixture.plan, gridId(0)).geometry) -
      geometryAreaM2(gridOf(plan, gridId(0)).geometry);
    expect(gained).toBeGreaterThan(0);
    expect(gained).toBeCloseTo(lost, 3);
    expect(communityCoverage(plan, fixture)).toMatchObject({ gapAreaM2: 0, overlapAreaM2: 0 });
  });

  it('moves a building the painted area holds whole without clipping it on its own', () => {
    const fixture = fixtureWith(1, 2);
    // B1 (in 001) lies well inside the stroke, so its grown footprint adds nothing to the area.
    const stroke = cellRectangle(LATTICE_SPEC, [0.8, 0.5], [1.1, 0.75]);
    const result = reassignBuildings(fixture.plan, fixture.ctx, ['B1', 'B2'], gridId(1), {
      area: [stroke],
    });
    const plan = applied(fixture.plan, result);
    expect(assignmentOf(plan, fixture, 'B1')).toMatchObject({
      gridId: gridId(1),
      status: 'inside',
    });
    // The target is exactly what it was plus the stroke's part in 001.
    const before = polygonsOf(gridOf(fixture.plan, gridId(1)).geometry);
    const expected = areaOf(unionAreas([before, [[stroke]]]));
    expect(geometryAreaM2(gridOf(plan, gridId(1)).geometry)).toBeCloseTo(expected, 1);
    expect(communityCoverage(plan, fixture)).toMatchObject({ gapAreaM2: 0, overlapAreaM2: 0 });
    expect(applyPatch(plan, invertPatch(result.ok ? result.patch : { entries: [] }))).toEqual(
      fixture.plan,
    );
  });

  it('refuses a move that would cut another grid in two', () => {
    const fixture = fixtureWith(3);
    expect(reassignBuildings(fixture.plan, fixture.ctx, ['B3'], gridId(1))).toEqual({
      ok: false,
      problem: { code: 'would-split-grid', params: { gridId: gridId(0), pieces: 2 } },
    });
  });

  it('refuses a move that would leave a grid with no area', () => {
    const fixture = fixtureWith(4);
    expect(reassignBuildings(fixture.plan, fixture.ctx, ['B4'], gridId(1))).toEqual({
      ok: false,
      problem: { code: 'would-empty-grid', params: { gridId: gridId(0) } },
    });
  });

  it('refuses a building of another community, and an unknown target', () => {
    const fixture = fixtureWith(0, 5);
    expect(reassignBuildings(fixture.plan, fixture.ctx, ['B0', 'B5'], gridId(1))).toEqual({
      ok: false,
      problem: {
        code: 'building-other-community',
        params: { buildingId: 'B5', gridId: gridId(1) },
      },
    });
    expect(reassignBuildings(fixture.plan, fixture.ctx, ['B0'], 'nope')).toEqual({
      ok: false,
      problem: { code: 'grid-not-found', params: { gridId: 'nope' } },
    });
  });

  it('moves 100 buildings along a long boundary in one stroke', () => {
    const spec: LatticeSpec = { ...LATTICE_SPEC, cell: 0.01, cols: 1, rows: 2, jitter: [] };
    const row = Array.from({ length: 100 }, (_, n) =>
      buildingWith(
        `R${n}`,
        n,
        cellRectangle(spec, [0.01 + n * 0.0098, 0.9995], [0.015 + n * 0.0098, 1.0003]),
      ),
    );
    const fixture = withBuildings(latticeFixture(spec), row);
    const ids = row.map((b) => b.properties.id);
    const plan = applied(
      fixture.plan,
      reassignBuildings(fixture.plan, fixture.ctx, ids, gridId(1)),
    );
    const report = coverageReport(plan, fixture);
    expect(report.assignments.every((a) => a.gridId === gridId(1) && a.status === 'inside')).toBe(
      true,
    );
    const coverage = report.communities[0]!;
    expect(coverage.gapAreaM2 + coverage.overlapAreaM2).toBeLessThan(AREA_TOLERANCE_M2);
    expect(coverage.nonContiguousGridIds).toEqual([]);
  });
});

describe('offsetFootprint', () => {
  const square = (size: number) => cellRectangle({ ...LATTICE_SPEC, cell: size }, [0, 0], [1, 1]);

  it('grows a convex footprint by the margin on every side', () => {
    // A 0.0001° square is about 8.55 m × 11.1 m at 39.85° N.
    const ring = square(0.0001);
    const footprint = geometryAreaM2({ type: 'Polygon', coordinates: [ring] });
    const grown = offsetFootprint(ring, 1.5);
    expect(grown).toHaveLength(1);
    const [w, h] = [0.0001 * 85_560, 0.0001 * 111_040];
    expect(footprint).toBeCloseTo(w * h, -1);
    expect(areaOf(grown) / ((w + 3) * (h + 3))).toBeCloseTo(1, 2);
  });

  it('grows a concave (L-shaped) footprint with mitred corners', () => {
    const l = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ].map(([x, y]) => cellPoint({ ...LATTICE_SPEC, cell: 0.0001 }, x!, y!));
    const grown = unionAreas([offsetFootprint(l, 1.5)]);
    expect(grown).toHaveLength(1);
    const [w, h] = [0.0001 * 85_560, 0.0001 * 111_040];
    // Outer box (2w + 3) × (2h + 3), less the notch, w × h, which the offset moves outward.
    const expected = (2 * w + 3) * (2 * h + 3) - w * h;
    expect(areaOf(grown) / expected).toBeCloseTo(1, 2);
  });

  it('stays inside the box grownBox gives, at the sharpest mitred corner too', () => {
    // An equilateral triangle of 10 m sides: its 60° corners are the sharpest the mitre keeps,
    // reaching twice the margin out.
    const metres = ([x, y]: [number, number]) =>
      cellPoint({ ...LATTICE_SPEC, cell: 0.0001 }, x / 8.556, y / 11.104);
    const triangle = (
      [
        [0, 0],
        [10, 0],
        [5, 8.66],
        [0, 0],
      ] as [number, number][]
    ).map(metres);
    const footprintBox = bboxOf({ type: 'Polygon', coordinates: [triangle] });
    const [west, south, east, north] = grownBox(footprintBox, 1.5);
    const grown = offsetFootprint(triangle, 1.5);
    const [gWest, gSouth, gEast, gNorth] = bboxOf({ type: 'MultiPolygon', coordinates: grown });
    expect(gWest).toBeGreaterThanOrEqual(west);
    expect(gSouth).toBeGreaterThanOrEqual(south);
    expect(gEast).toBeLessThanOrEqual(east);
    expect(gNorth).toBeLessThanOrEqual(north);
    // The apex's mitre reaches about 3 m above the footprint, as far as the box allows.
    expect((gNorth - footprintBox[3]) * 111_040).toBeCloseTo(3, 0);
  });

  it('gives nothing for a degenerate outline', () => {
    expect(
      offsetFootprint([cellPoint(LATTICE_SPEC, 0, 0), cellPoint(LATTICE_SPEC, 1, 0)], 1.5),
    ).toEqual([]);
  });
});
