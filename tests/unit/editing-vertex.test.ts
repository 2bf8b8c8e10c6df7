/**
 * Vertex edits: a shared vertex moves in every grid (areas still add up to the community), a
 * border vertex slides along the border with the grids on either side gaining and losing the
 * stretch, inserts and deletes touch every ring with the edge or vertex, refusals come back as
 * problem codes, and undo restores the plan exactly.
 */
import { polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import type { Position } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import { geometryAreaM2 } from '../../src/analysis/coverage/geodesy.ts';
import {
  applyPatch,
  invertPatch,
  planGrids,
  type EditPatch,
  type EditResult,
} from '../../src/editing/plan.ts';
import { deleteVertex, insertVertex, moveVertex } from '../../src/editing/vertex-edits.ts';
import {
  applied,
  drawnFixture,
  latticeFixture,
  LATTICE_SPEC,
  outerRing,
  planAreaM2,
  twoSquaresFixture,
  unit,
} from './support/edit-plan.ts';
import { gridId, latticeInput, type LatticeSpec } from './support/lattice.ts';

/** Lattice vertex (i, j) of the default 3 × 2 lattice, read from the grid rings. */
function latticeVertex(fx: ReturnType<typeof latticeFixture>, i: number, j: number): Position {
  const cell = Math.min(i, 2) + Math.min(j, 1) * 3;
  const corner = (i > 2 ? 1 : 0) + (j > 1 ? 2 : 0);
  const ring = outerRing(fx.plan, gridId(cell));
  const index = [0, 1, 3, 2][corner]!;
  return ring[index]!;
}

function problemCode(result: EditResult): string | null {
  return result.ok ? null : result.problem.code;
}

function contains(ring: readonly Position[], p: Position): boolean {
  return ring.some((q) => q[0] === p[0] && q[1] === p[1]);
}

// Two grids in a community whose south border bends at (1.5, −0.2):
//   G001 = (0,0) (1,0) (1,1) (0,1)   G002 = (1,0) (1.5,−0.2) (2,0) (2,1) (1,1)
const BENT_BORDER: [number, number][] = [
  [0, 0],
  [1, 0],
  [1.5, -0.2],
  [2, 0],
  [2, 1],
  [0, 1],
];
const bentFixture = (): ReturnType<typeof drawnFixture> =>
  drawnFixture(BENT_BORDER, [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
    [
      [1, 0],
      [1.5, -0.2],
      [2, 0],
      [2, 1],
      [1, 1],
    ],
  ]);

describe('moveVertex', () => {
  it('moves a vertex shared by four grids in all of them, keeping the tiling', () => {
    const fx = latticeFixture();
    const from = latticeVertex(fx, 1, 1);
    const to: Position = [from[0]! + 0.0003, from[1]! - 0.0002];
    const result = moveVertex(fx.plan, fx.ctx, from, to);
    const plan = applied(fx.plan, result);
    if (!result.ok) return;
    expect(result.patch.entries.map((e) => e.gridId).sort()).toEqual(
      [0, 1, 3, 4].map(gridId).sort(),
    );
    for (const n of [0, 1, 3, 4]) {
      expect(contains(outerRing(plan, gridId(n)), to)).toBe(true);
      expect(contains(outerRing(plan, gridId(n)), from)).toBe(false);
    }
    const communityArea = geometryAreaM2(fx.community.geometry);
    expect(planAreaM2(plan)).toBeCloseTo(communityArea, 3);
    expect(geometryAreaM2(plan.grids.get(gridId(0))!.grid.geometry)).toBeGreaterThan(
      geometryAreaM2(fx.grids[0]!.geometry),
    );
  });

  it('is undone exactly by the inverse patch', () => {
    const fx = latticeFixture();
    const from = latticeVertex(fx, 2, 1);
    const result = moveVertex(fx.plan, fx.ctx, from, [from[0]! - 0.0004, from[1]! + 0.0001]);
    if (!result.ok) throw new Error(result.problem.code);
    const undone = applyPatch(applyPatch(fx.plan, result.patch), invertPatch(result.patch));
    expect(undone).toEqual(fx.plan);
  });

  it('slides a border vertex forward along the border: one grid gains the stretch, one loses it', () => {
    const fx = bentFixture();
    const result = moveVertex(fx.plan, fx.ctx, unit(1, 0), unit(1.75, -0.05));
    const plan = applied(fx.plan, result);
    // Projected onto the border edge (1.5,−0.2)–(2,0): the nearest point to (1.75,−0.05).
    const slid = outerRing(plan, gridId(1))[0]!;
    expect(slid[1]!).toBeLessThan(unit(0, 0)[1]!);
    expect(outerRing(plan, gridId(0))).toEqual([
      unit(0, 0),
      unit(1, 0),
      unit(1.5, -0.2),
      slid,
      unit(1, 1),
      unit(0, 1),
      unit(0, 0),
    ]);
    expect(outerRing(plan, gridId(1))).toEqual([slid, unit(2, 0), unit(2, 1), unit(1, 1), slid]);
    expect(planAreaM2(plan)).toBeCloseTo(geometryAreaM2(fx.community.geometry), 3);
    expect(plan.grids.get(gridId(1))?.grid.properties.note).toBe('kept 1');
  });

  it('slides a border vertex backward: the other grid gains the border vertex it leaves', () => {
    const fx = bentFixture();
    const plan = applied(fx.plan, moveVertex(fx.plan, fx.ctx, unit(1, 0), unit(0.5, 0.3)));
    expect(outerRing(plan, gridId(0))).toEqual([
      unit(0, 0),
      unit(0.5, 0),
      unit(1, 1),
      unit(0, 1),
      unit(0, 0),
    ]);
    expect(outerRing(plan, gridId(1))).toEqual([
      unit(0.5, 0),
      unit(1, 0),
      unit(1.5, -0.2),
      unit(2, 0),
      unit(2, 1),
      unit(1, 1),
      unit(0.5, 0),
    ]);
    expect(planAreaM2(plan)).toBeCloseTo(geometryAreaM2(fx.community.geometry), 3);
  });

  it('slides a grid junction lying on a border edge (not a border vertex) along that edge', () => {
    const fx = twoSquaresFixture();
    const plan = applied(fx.plan, moveVertex(fx.plan, fx.ctx, unit(1, 0), unit(1.5, -0.4)));
    const slid = outerRing(plan, gridId(1))[0]!;
    expect(slid[0]).toBeCloseTo(unit(1.5, 0)[0]!, 12);
    expect(slid[1]).toBeCloseTo(unit(1.5, 0)[1]!, 12);
    expect(outerRing(plan, gridId(0))).toEqual([
      unit(0, 0),
      slid,
      unit(1, 1),
      unit(0, 1),
      unit(0, 0),
    ]);
    expect(outerRing(plan, gridId(1))).toEqual([slid, unit(2, 0), unit(2, 1), unit(1, 1), slid]);
    expect(planAreaM2(plan)).toBeCloseTo(geometryAreaM2(fx.community.geometry), 3);
  });

  it('refuses a border slide past another grid corner on the border', () => {
    const fx = latticeFixture();
    const from = latticeVertex(fx, 1, 0);
    const beyond = latticeVertex(fx, 2, 0);
    const to: Position = [beyond[0]! + 0.0005, beyond[1]!];
    expect(problemCode(moveVertex(fx.plan, fx.ctx, from, to))).toBe('self-intersection');
  });

  it('refuses a move that makes rings cross, and one that leaves the community', () => {
    const fx = latticeFixture();
    const from = latticeVertex(fx, 1, 1);
    const far = latticeVertex(fx, 3, 2);
    expect(problemCode(moveVertex(fx.plan, fx.ctx, from, far))).toBe('self-intersection');
    const outside: Position = [from[0]!, LATTICE_SPEC.south - 0.001];
    expect(problemCode(moveVertex(fx.plan, fx.ctx, from, outside))).toBe('self-intersection');
  });

  it('refuses a vertex that no grid has', () => {
    const fx = latticeFixture();
    const result = moveVertex(fx.plan, fx.ctx, [0, 0], [1, 1]);
    expect(result).toEqual({
      ok: false,
      problem: { code: 'vertex-not-found', params: { lng: 0, lat: 0 } },
    });
  });
});

describe('insertVertex', () => {
  it('inserts into both grids of a shared edge', () => {
    const fx = latticeFixture();
    const a = latticeVertex(fx, 1, 0);
    const b = latticeVertex(fx, 1, 1);
    const at: Position = [(a[0]! + b[0]!) / 2 + 0.0001, (a[1]! + b[1]!) / 2];
    const plan = applied(fx.plan, insertVertex(fx.plan, fx.ctx, [b, a], at));
    expect(contains(outerRing(plan, gridId(0)), at)).toBe(true);
    expect(contains(outerRing(plan, gridId(1)), at)).toBe(true);
    expect(outerRing(plan, gridId(0))).toHaveLength(6);
    expect(planAreaM2(plan)).toBeCloseTo(geometryAreaM2(fx.community.geometry), 3);
  });

  it('projects a vertex inserted into a border edge onto the border', () => {
    const fx = bentFixture();
    const plan = applied(
      fx.plan,
      insertVertex(fx.plan, fx.ctx, [unit(0, 0), unit(1, 0)], unit(0.4, -0.3)),
    );
    const ring = outerRing(plan, gridId(0));
    expect(ring).toHaveLength(6);
    expect(ring[1]![0]).toBeCloseTo(unit(0.4, 0)[0]!, 12);
    expect(ring[1]![1]).toBeCloseTo(unit(0.4, 0)[1]!, 12);
  });

  it('refuses an edge that no grid has', () => {
    const fx = latticeFixture();
    const edge: [Position, Position] = [unit(0, 0), unit(0.5, 0.5)];
    expect(problemCode(insertVertex(fx.plan, fx.ctx, edge, unit(0.2, 0.2)))).toBe(
      'vertex-not-found',
    );
  });
});

describe('deleteVertex', () => {
  it('deletes an inserted shared vertex from both grids, giving back the original rings', () => {
    const fx = latticeFixture();
    const a = latticeVertex(fx, 1, 0);
    const b = latticeVertex(fx, 1, 1);
    const at: Position = [(a[0]! + b[0]!) / 2 + 0.0001, (a[1]! + b[1]!) / 2];
    const inserted = applied(fx.plan, insertVertex(fx.plan, fx.ctx, [a, b], at));
    const deleted = applied(inserted, deleteVertex(inserted, fx.ctx, at));
    expect(outerRing(deleted, gridId(0))).toEqual(outerRing(fx.plan, gridId(0)));
    expect(outerRing(deleted, gridId(1))).toEqual(outerRing(fx.plan, gridId(1)));
  });

  it('refuses where grids meet or the border turns', () => {
    const fx = latticeFixture();
    const junction = (p: Position): string | null => problemCode(deleteVertex(fx.plan, fx.ctx, p));
    expect(junction(latticeVertex(fx, 1, 1))).toBe('vertex-is-junction');
    expect(junction(latticeVertex(fx, 1, 0))).toBe('vertex-is-junction');
    expect(junction(latticeVertex(fx, 0, 0))).toBe('vertex-is-junction');
  });

  it('refuses a ring left with fewer than three corners', () => {
    const fx = drawnFixture(
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ],
      [
        [
          [0.5, 0.5],
          [1.5, 0.5],
          [1, 1.5],
        ],
      ],
    );
    expect(problemCode(deleteVertex(fx.plan, fx.ctx, unit(1, 1.5)))).toBe('too-few-vertices');
  });

  it('refuses a deletion that makes the ring cross itself', () => {
    // A grid with a notch coming down from the north to (2, −0.5), just above its south tip
    // (2, −1): without the tip, the south edge would cut through the notch.
    const fx = drawnFixture(
      [
        [-1, -2],
        [5, -2],
        [5, 5],
        [-1, 5],
      ],
      [
        [
          [0, 0],
          [2, -1],
          [4, 0],
          [4, 4],
          [2.2, 4],
          [2, -0.5],
          [1.8, 4],
          [0, 4],
        ],
      ],
    );
    expect(problemCode(deleteVertex(fx.plan, fx.ctx, unit(2, -1)))).toBe('self-intersection');
  });
});

describe('vertex edits on random lattices (property)', () => {
  const lattice: fc.Arbitrary<LatticeSpec> = fc.record({
    west: fc.double({ min: 115.5, max: 117.4, noNaN: true }),
    south: fc.double({ min: 39.5, max: 40.9, noNaN: true }),
    cell: fc.double({ min: 0.0005, max: 0.003, noNaN: true }),
    cols: fc.integer({ min: 2, max: 4 }),
    rows: fc.integer({ min: 1, max: 3 }),
    jitter: fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), {
      minLength: 2,
      maxLength: 30,
    }),
    bends: fc.constant<LatticeSpec['bends']>([]),
    buildings: fc.constant<LatticeSpec['buildings']>([]),
  });
  const edit = fc.record({
    op: fc.constantFrom('move', 'move', 'move', 'insert', 'delete'),
    pick: fc.nat(),
    dx: fc.double({ min: -0.6, max: 0.6, noNaN: true }),
    dy: fc.double({ min: -0.6, max: 0.6, noNaN: true }),
  });

  it('keeps the community tiled (gap and overlap under 1 m²) and undoes to the original plan', () => {
    fc.assert(
      fc.property(lattice, fc.array(edit, { minLength: 1, maxLength: 8 }), (spec, edits) => {
        const fx = latticeFixture(spec);
        const input = latticeInput(spec);
        let plan = fx.plan;
        const patches: EditPatch[] = [];
        for (const { op, pick, dx, dy } of edits) {
          const rings = planGrids(plan).flatMap((g) => polygonsOf(g.geometry).flat());
          const ring = rings[pick % rings.length]!;
          const k = Math.floor(pick / rings.length) % (ring.length - 1);
          const [a, b] = [ring[k]!, ring[k + 1]!];
          const shifted: Position = [a[0]! + dx * spec.cell, a[1]! + dy * spec.cell];
          const result =
            op === 'move'
              ? moveVertex(plan, fx.ctx, a, shifted)
              : op === 'insert'
                ? insertVertex(
                    plan,
                    fx.ctx,
                    [a, b],
                    [
                      (a[0]! + b[0]!) / 2 + (dx * spec.cell) / 4,
                      (a[1]! + b[1]!) / 2 + (dy * spec.cell) / 4,
                    ],
                  )
                : deleteVertex(plan, fx.ctx, a);
          if (!result.ok) continue;
          plan = applyPatch(plan, result.patch);
          patches.push(result.patch);
          const report = new CoverageEngine({ ...input, grids: planGrids(plan) }).report();
          const community = report.communities[0]!;
          expect(community.gapAreaM2).toBeLessThan(1);
          expect(community.overlapAreaM2).toBeLessThan(1);
          expect(community.outsideAreaM2).toBeLessThan(1);
        }
        for (const patch of patches.reverse()) plan = applyPatch(plan, invertPatch(patch));
        expect(plan).toEqual(fx.plan);
      }),
      { numRuns: 60 },
    );
  });
});
