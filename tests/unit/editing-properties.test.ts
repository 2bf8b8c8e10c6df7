/**
 * Property test of the grid edits (fast-check): on a jittered 4 × 3 lattice community with two
 * buildings in every cell, any sequence of split, merge, draw, reassign, delete and move-vertex
 * edits (refused ones skipped) leaves the community tiled — gap, overlap and area outside under
 * 1 m², no grid in pieces — with every building inside exactly one grid; and undoing the whole
 * sequence gives back the original plan byte for byte. Split lines and drawn rings run along
 * lanes between the buildings, and vertex moves that would bring an edge within a metre of a
 * building are skipped, so no edit cuts a building by construction. The invariants are checked
 * after every accepted step. Also: applyCommand hands every kind of command to its operation.
 */
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { flatContains } from '../../src/analysis/coverage/clip-area.ts';
import { metresPerDegree } from '../../src/analysis/coverage/geodesy.ts';
import { flatPolygons, polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import type { BuildingFeature, GridFeature } from '../../src/domain/types.ts';
import { editAttributes } from '../../src/editing/attributes.ts';
import { applyCommand } from '../../src/editing/commands.ts';
import { deleteGrid } from '../../src/editing/delete-grid.ts';
import { drawGrid } from '../../src/editing/draw-grid.ts';
import { mergeGrids } from '../../src/editing/merge-grids.ts';
import { renumberCommunity } from '../../src/editing/numbering.ts';
import { reassignBuildings } from '../../src/editing/reassign-buildings.ts';
import { splitGrid } from '../../src/editing/split-grid.ts';
import { deleteVertex, insertVertex, moveVertex } from '../../src/editing/vertex-edits.ts';
import {
  applyPatch,
  planGrids,
  type EditCommand,
  type EditOp,
  type EditPatch,
  type EditResult,
  type Plan,
} from '../../src/editing/plan.ts';
import { positionKey } from '../../src/editing/ring-geometry.ts';
import {
  buildingWith,
  cellPoint,
  cellRectangle,
  coverageReport,
  undoAll,
  withBuildings,
} from './support/area-edits.ts';
import { latticeFixture, type EditFixture } from './support/edit-plan.ts';
import { COMMUNITY_ID, type LatticeSpec } from './support/lattice.ts';

const COLS = 4;
const ROWS = 3;
const BASE: LatticeSpec = {
  west: 116.3,
  south: 39.85,
  cell: 0.002,
  cols: COLS,
  rows: ROWS,
  jitter: [],
  bends: [],
  buildings: [],
};
/** Buildings keep this far (metres) from any edge a vertex move makes. */
const CLEARANCE_M = 1;
const M_PER_DEG = metresPerDegree(BASE.south + (ROWS * BASE.cell) / 2);

/** Two buildings per cell, 0.2 cells clear of the lanes (x or y = k + 0.5) and cell edges. */
function cellBuildings(spec: LatticeSpec): BuildingFeature[] {
  const out: BuildingFeature[] = [];
  for (let j = 0; j < ROWS; j++)
    for (let i = 0; i < COLS; i++)
      for (const offset of [0.2, 0.7]) {
        const n = out.length;
        const ring = cellRectangle(
          spec,
          [i + offset, j + offset],
          [i + offset + 0.1, j + offset + 0.08],
        );
        out.push(buildingWith(`B${n}`, n, ring));
      }
  return out;
}

/**
 * A building half a metre west of each cell's east edge (where there is a cell east of it), so
 * that painting it into the eastern grid moves its margin across the edge.
 */
function edgeBuildings(
  spec: LatticeSpec,
  grids: readonly GridFeature[],
  first: number,
): BuildingFeature[] {
  const out: BuildingFeature[] = [];
  const [y0, y1] = [0.35, 0.42];
  for (let j = 0; j < ROWS; j++)
    for (let i = 0; i < COLS - 1; i++) {
      const ring = polygonsOf(grids[j * COLS + i]!.geometry)[0]![0]!;
      const [south, north] = [ring[1]!, ring[2]!];
      const edgeX = (t: number): number => south[0]! + (north[0]! - south[0]!) * t;
      const t0 =
        ((y0 + j - (south[1]! - spec.south) / spec.cell) * spec.cell) / (north[1]! - south[1]!);
      const t1 = t0 + ((y1 - y0) * spec.cell) / (north[1]! - south[1]!);
      const east = Math.min(edgeX(t0), edgeX(t1)) - 0.5 / M_PER_DEG.lng;
      const west = east - 0.06 * spec.cell;
      const [s, n] = [spec.south + (j + y0) * spec.cell, spec.south + (j + y1) * spec.cell];
      const n0 = first + out.length;
      out.push(
        buildingWith(`B${n0}`, n0, [
          [west, s],
          [east, s],
          [east, n],
          [west, n],
          [west, s],
        ]),
      );
    }
  return out;
}

function buildings(spec: LatticeSpec, grids: readonly GridFeature[]): BuildingFeature[] {
  const inCells = cellBuildings(spec);
  return [...inCells, ...edgeBuildings(spec, grids, inCells.length)];
}

/** An edit as drawn from random numbers; indices are taken modulo what the plan has. */
type Step =
  | { kind: 'split'; grid: number; from: number; to: number; jog: number; vertical: boolean }
  | { kind: 'merge' | 'delete'; a: number; b: number }
  | { kind: 'draw'; x0: number; x1: number; y0: number; y1: number }
  | { kind: 'reassign'; buildings: number[]; target: number }
  | { kind: 'move-vertex'; vertex: number; dx: number; dy: number };

const lane = (max: number) => fc.integer({ min: -1, max });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('split' as const),
    grid: fc.nat(),
    from: lane(COLS),
    to: lane(COLS),
    jog: lane(ROWS),
    vertical: fc.boolean(),
  }),
  fc.record({
    kind: fc.constantFrom('merge' as const, 'delete' as const),
    a: fc.nat(),
    b: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('draw' as const),
    x0: lane(COLS),
    x1: lane(COLS),
    y0: lane(ROWS),
    y1: lane(ROWS),
  }),
  fc.record({
    kind: fc.constant('reassign' as const),
    buildings: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    target: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('move-vertex' as const),
    vertex: fc.nat(),
    dx: fc.double({ min: -1, max: 1, noNaN: true }),
    dy: fc.double({ min: -1, max: 1, noNaN: true }),
  }),
);

function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length]!;
}

/**
 * The split line along lanes: across the community at lane `from`, jogging along the
 * cross lane `jog` to lane `to` on the way (vertical: x lanes, jog along a y lane).
 */
function splitLine(spec: LatticeSpec, step: Extract<Step, { kind: 'split' }>): Position[] {
  const [a, b, c] = [step.from + 0.5, step.to + 0.5, step.jog + 0.5];
  const [far, end] = step.vertical ? [ROWS + 0.5, -0.5] : [COLS + 0.5, -0.5];
  const points: [number, number][] = [
    [a, end],
    [a, c],
    [b, c],
    [b, far],
  ];
  return points.map(([u, v]) => (step.vertical ? cellPoint(spec, u, v) : cellPoint(spec, v, u)));
}

function vertices(plan: Plan): Position[] {
  const seen = new Map<string, Position>();
  for (const grid of planGrids(plan))
    for (const p of polygonsOf(grid.geometry).flat(2)) seen.set(positionKey(p), p);
  return [...seen.values()];
}

function boxOf(grid: GridFeature | BuildingFeature): [number, number, number, number] {
  const ps = polygonsOf(grid.geometry).flat(2);
  const xs = ps.map((p) => p[0]!);
  const ys = ps.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function command(plan: Plan, fixture: EditFixture, spec: LatticeSpec, step: Step): EditCommand {
  const grids = planGrids(plan);
  const ids = grids.map((g) => g.properties.id);
  const all = [...fixture.ctx.buildings.values()];
  switch (step.kind) {
    case 'split':
      return { op: 'split', gridId: pick(ids, step.grid), line: splitLine(spec, step) };
    case 'merge':
      return { op: 'merge', gridIds: [pick(ids, step.a), pick(ids, step.b)] };
    case 'delete':
      return { op: 'delete', gridId: pick(ids, step.a), neighbourId: pick(ids, step.b) };
    case 'draw':
      return {
        op: 'draw',
        ring: cellRectangle(spec, [step.x0 + 0.5, step.y0 + 0.5], [step.x1 + 0.5, step.y1 + 0.5]),
      };
    case 'reassign': {
      // Half the time edge buildings into the grid just east of the first one, else any
      // buildings into a grid near the first.
      const pool = step.target % 2 === 0 ? all.slice(COLS * ROWS * 2) : all;
      const chosen = step.buildings.map((n) => pick(pool, n));
      const [w, s, e, n] = boxOf(chosen[0]!);
      const east = [e + 1 / M_PER_DEG.lng, (s + n) / 2];
      const reach = spec.cell / 2;
      const candidates =
        step.target % 2 === 0
          ? grids.filter((g) => flatContains(flatPolygons(g.geometry), east[0]!, east[1]!))
          : grids.filter((g) => {
              const [gw, gs, ge, gn] = boxOf(g);
              return gw <= e + reach && w - reach <= ge && gs <= n + reach && s - reach <= gn;
            });
      return {
        op: 'reassign',
        buildingIds: chosen.map((b) => b.properties.id),
        targetGridId: pick(candidates.length ? candidates : grids, step.target).properties.id,
      };
    }
    case 'move-vertex': {
      const from = pick(vertices(plan), step.vertex);
      const to = [from[0]! + step.dx / M_PER_DEG.lng, from[1]! + step.dy / M_PER_DEG.lat];
      return { op: 'move-vertex', from, to };
    }
  }
}

/** Distance in metres from segment a→b to an axis-aligned box (0 when they meet). */
function segmentToBoxM(a: Position, b: Position, [w, s, e, n]: number[]): number {
  const local = (p: Position): [number, number] => [p[0]! * M_PER_DEG.lng, p[1]! * M_PER_DEG.lat];
  const [p, q] = [local(a), local(b)];
  const [x0, y0] = local([w!, s!]);
  const [x1, y1] = local([e!, n!]);
  const pointToBox = ([x, y]: [number, number]): number =>
    Math.hypot(Math.max(x0 - x, 0, x - x1), Math.max(y0 - y, 0, y - y1));
  const pointToSegment = (c: [number, number]): number => {
    const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
    const t = Math.max(
      0,
      Math.min(1, ((c[0] - p[0]) * dx + (c[1] - p[1]) * dy) / (dx * dx + dy * dy || 1)),
    );
    return Math.hypot(p[0] + t * dx - c[0], p[1] + t * dy - c[1]);
  };
  // Sampling the segment finely enough that a crossing shows as a distance of about zero.
  let best = Math.min(pointToBox(p), pointToBox(q));
  const corners: [number, number][] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  for (const c of corners) best = Math.min(best, pointToSegment(c));
  const steps = Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / 0.25);
  for (let k = 1; k < steps; k++)
    best = Math.min(
      best,
      pointToBox([p[0] + ((q[0] - p[0]) * k) / steps, p[1] + ((q[1] - p[1]) * k) / steps]),
    );
  return best;
}

/** Whether every edge a patch adds stays CLEARANCE_M away from every building. */
function keepsClear(patch: EditPatch, fixture: EditFixture): boolean {
  const boxes = [...fixture.ctx.buildings.values()].map(boxOf);
  const edgeKeys = (grid: GridFeature | null): Set<string> =>
    new Set(
      grid
        ? polygonsOf(grid.geometry)
            .flat()
            .flatMap((ring) =>
              ring.slice(1).map((q, i) => `${positionKey(ring[i]!)}|${positionKey(q)}`),
            )
        : [],
    );
  return patch.entries.every(({ before, after }) => {
    if (!after) return true;
    const old = edgeKeys(before);
    return polygonsOf(after.geometry)
      .flat()
      .every((ring) =>
        ring.slice(1).every((q, i) => {
          const p = ring[i]!;
          if (old.has(`${positionKey(p)}|${positionKey(q)}`)) return true;
          return boxes.every((box) => segmentToBoxM(p, q, box) >= CLEARANCE_M);
        }),
      );
  });
}

const accepted = new Map<EditOp, number>();

function expectTiledWithBuildingsInside(plan: Plan, fixture: EditFixture): void {
  const report = coverageReport(plan, fixture);
  const [coverage] = report.communities;
  expect(coverage!.gapAreaM2).toBeLessThan(1);
  expect(coverage!.overlapAreaM2).toBeLessThan(1);
  expect(coverage!.outsideAreaM2).toBeLessThan(1);
  expect(coverage!.nonContiguousGridIds).toEqual([]);
  expect(coverage!.invalidRingGridIds).toEqual([]);
  const notInside = report.assignments.filter((a) => a.status !== 'inside');
  expect(notInside).toEqual([]);
}

describe('area edits, any sequence', () => {
  it('keep the community tiled and every building in one grid, and undo exactly', () => {
    const jitter = fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), {
      minLength: 2,
      maxLength: 40,
    });
    fc.assert(
      fc.property(jitter, fc.array(stepArbitrary, { minLength: 8, maxLength: 15 }), (j, steps) => {
        const spec = { ...BASE, jitter: j };
        const lattice = latticeFixture(spec);
        const fixture = withBuildings(lattice, buildings(spec, lattice.grids));
        const original = JSON.stringify(planGrids(fixture.plan));
        let plan = fixture.plan;
        const patches: EditPatch[] = [];
        for (const step of steps) {
          const cmd = command(plan, fixture, spec, step);
          const result = applyCommand(plan, fixture.ctx, cmd);
          if (!result.ok) continue;
          if (cmd.op === 'move-vertex' && !keepsClear(result.patch, fixture)) continue;
          accepted.set(cmd.op, (accepted.get(cmd.op) ?? 0) + 1);
          patches.push(result.patch);
          plan = applyPatch(plan, result.patch);
          expectTiledWithBuildingsInside(plan, fixture);
        }
        expect(JSON.stringify(planGrids(undoAll(plan, patches)))).toBe(original);
      }),
      { numRuns: 100, seed: 20260519 },
    );
    // The sequences did edit: every kind of step went through at least once.
    for (const op of ['split', 'merge', 'draw', 'reassign', 'delete', 'move-vertex'] as const)
      expect(accepted.get(op) ?? 0).toBeGreaterThan(0);
  });
});

describe('applyCommand', () => {
  it('hands each command to its operation', () => {
    const fixture = latticeFixture();
    const { plan, ctx } = fixture;
    const ring = polygonsOf(planGrids(plan)[0]!.geometry)[0]![0]!;
    const [a, b] = [ring[0]!, ring[1]!];
    const mid: Position = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
    const id = planGrids(plan)[0]!.properties.id;
    const cases: [EditCommand, EditResult][] = [
      [
        { op: 'move-vertex', from: ring[2]!, to: ring[2]! },
        moveVertex(plan, ctx, ring[2]!, ring[2]!),
      ],
      [{ op: 'insert-vertex', edge: [a, b], at: mid }, insertVertex(plan, ctx, [a, b], mid)],
      [{ op: 'delete-vertex', at: a }, deleteVertex(plan, ctx, a)],
      [
        { op: 'attributes', gridId: id, attributes: { workers: 4 } },
        editAttributes(plan, ctx, id, { workers: 4 }),
      ],
      [{ op: 'renumber', communityId: COMMUNITY_ID }, renumberCommunity(plan, ctx, COMMUNITY_ID)],
      [{ op: 'merge', gridIds: [id, 'nope'] }, mergeGrids(plan, ctx, [id, 'nope'])],
      [{ op: 'delete', gridId: 'nope', neighbourId: id }, deleteGrid(plan, ctx, 'nope', id)],
      [{ op: 'split', gridId: 'nope', line: [a, b] }, splitGrid(plan, ctx, 'nope', [a, b])],
      [{ op: 'draw', ring: [a, b] }, drawGrid(plan, ctx, [a, b])],
      [{ op: 'reassign', buildingIds: [], targetGridId: id }, reassignBuildings(plan, ctx, [], id)],
    ];
    for (const [cmd, direct] of cases) expect(applyCommand(plan, ctx, cmd)).toEqual(direct);
    expect(applyCommand(plan, ctx, cases[3]![0]).ok).toBe(true);
  });
});
