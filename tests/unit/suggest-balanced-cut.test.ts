/**
 * The line a suggestion splits an overfull grid along: through a gap between buildings, at the
 * household-weighted median as near as a gap allows, across the longer axis unless the other
 * balances clearly better; and, applied with the editing split, two grids whose households are
 * the cut's, with every building wholly in one of them.
 */
import { describe, expect, it } from 'vitest';
import type { BBox, Position } from 'geojson';
import { bboxOf } from '../../src/analysis/coverage/prepared.ts';
import { balancedCut } from '../../src/analysis/suggest/balanced-cut.ts';
import type { CutBuilding } from '../../src/analysis/suggest/building-gaps.ts';
import { applyCommand } from '../../src/editing/commands.ts';
import {
  buildingWith,
  cellRectangle,
  coverageReport,
  withBuildings,
} from './support/area-edits.ts';
import { applied, LATTICE_SPEC, latticeFixture } from './support/edit-plan.ts';
import { gridId } from './support/lattice.ts';

/** A box in cell units of the lattice (cells are about 171 m wide and 222 m tall). */
const cellBox = ([x0, y0]: [number, number], [x1, y1]: [number, number]): BBox => {
  const { west, south, cell } = LATTICE_SPEC;
  return [west + x0 * cell, south + y0 * cell, west + x1 * cell, south + y1 * cell];
};
const building = (
  low: [number, number],
  high: [number, number],
  households: number,
): CutBuilding => ({ bbox: cellBox(low, high), households });
const CELL = cellBox([0, 0], [1, 1]);
const isHorizontal = ([from, to]: readonly Position[]) => from![1] === to![1];

describe('balancedCut', () => {
  it('cuts through the gap nearest the household median, across the longer axis', () => {
    // Four buildings up the cell (its longer side, north–south): 10, 20, 30 and 40 households.
    const column = [0.1, 0.3, 0.5, 0.7].map((y, k) =>
      building([0.4, y], [0.6, y + 0.1], 10 * (k + 1)),
    );
    const cut = balancedCut(CELL, column)!;
    expect(cut.households).toEqual([60, 40]);
    expect(isHorizontal(cut.line)).toBe(true);
    expect(cut.line[0]![1]).toBeCloseTo(cellBox([0, 0.65], [0, 0.65])[1], 12);
    // The line crosses the whole cell.
    expect(cut.line[0]![0]).toBeLessThan(CELL[0]);
    expect(cut.line[1]![0]).toBeGreaterThan(CELL[2]);
  });

  it('takes the shorter axis when the buildings leave no gap along the longer one', () => {
    const tall = [building([0.3, 0.2], [0.4, 0.8], 50), building([0.6, 0.25], [0.7, 0.9], 40)];
    const cut = balancedCut(CELL, tall)!;
    expect(isHorizontal(cut.line)).toBe(false);
    expect(cut.households).toEqual([50, 40]);
  });

  it('keeps the longer axis when the other balances only a little better', () => {
    const square = [
      building([0.2, 0.2], [0.3, 0.3], 10),
      building([0.6, 0.2], [0.7, 0.3], 11),
      building([0.2, 0.6], [0.3, 0.7], 10),
      building([0.6, 0.6], [0.7, 0.7], 10),
    ];
    // North–south halves: 21 | 20; east–west: 20 | 21. Same imbalance: the longer axis.
    expect(isHorizontal(balancedCut(CELL, square)!.line)).toBe(true);
  });

  it('gives nothing when no straight line can pass between the buildings', () => {
    expect(balancedCut(CELL, [building([0.2, 0.2], [0.8, 0.8], 400)])).toBeNull();
    expect(balancedCut(CELL, [])).toBeNull();
  });

  it('splits a grid with the editing split into the two halves it promised', () => {
    const rings = [0.3, 0.42, 0.54].map((y) =>
      cellRectangle(LATTICE_SPEC, [0.35, y], [0.65, y + 0.08]),
    );
    const buildings = rings.map((ring, n) => buildingWith(`B${n}`, n, ring));
    const fixture = withBuildings(latticeFixture(), buildings);
    const grid = fixture.plan.grids.get(gridId(0))!.grid;
    const cut = balancedCut(
      bboxOf(grid.geometry),
      buildings.map((b) => ({ bbox: bboxOf(b.geometry), households: b.properties.households })),
    )!;
    // 10, 11 and 12 households: the first two together are nearest half.
    expect(cut.households).toEqual([21, 12]);
    const plan = applied(
      fixture.plan,
      applyCommand(fixture.plan, fixture.ctx, { op: 'split', gridId: gridId(0), line: cut.line }),
    );
    const report = coverageReport(plan, fixture);
    expect(report.assignments.every((a) => a.status === 'inside')).toBe(true);
    const households = report.grids
      .filter((g) => g.households > 0)
      .map((g) => g.households)
      .sort((a, b) => b - a);
    expect(households).toEqual([21, 12]);
    expect(plan.grids.size).toBe(fixture.plan.grids.size + 1);
  });
});
