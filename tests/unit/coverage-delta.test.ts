/**
 * The engine's edit contract on the sample street: grids keep their identity and rank, so removing
 * a grid and adding it back (with or without its rank) gives the original report byte for byte; a
 * rank places a grid, and rank order decides the ties (the work orders and buildings two grids
 * both hold); an edit answers only what it touched, and that delta applied to the previous report
 * gives the full report, however many edits came before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import { applyReportDelta, toUiReport } from '../../src/analysis/coverage/report-delta.ts';
import type { UiReport } from '../../src/analysis/coverage/report.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { loadFiles } from '../../src/io/load-files.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const files = readdirSync(DATA)
  .filter((name) => name.endsWith('.geojson'))
  .map((name) => ({ name, text: readFileSync(DATA + name, 'utf8') }));
const input = deepFreeze(inputFromLoad(loadFiles(files)));
const original = new CoverageEngine(input).report();
const gridIds = input.grids.map((g) => g.properties.id);
const gridOf = (id: string): GridFeature => input.grids.find((g) => g.properties.id === id)!;

/** A grid in the middle of the order, with buildings and work orders. */
const MIDDLE = '110106090005003';

describe('grid identity and rank', () => {
  it('restores the original report when a removed grid comes back without its rank', () => {
    const engine = new CoverageEngine(input);
    engine.updateGrids([{ gridId: MIDDLE, grid: null }]);
    expect(engine.report().grids.map((g) => g.gridId)).not.toContain(MIDDLE);
    const delta = engine.updateGrids([{ gridId: MIDDLE, grid: gridOf(MIDDLE) }]);
    expect(delta.gridOrder).toEqual(gridIds);
    expect(engine.report()).toEqual(original);
    expect(JSON.stringify(engine.report())).toBe(JSON.stringify(original));
  });

  it('restores it with its rank, and two grids put back in the other order', () => {
    const other = '110106090002001';
    const engine = new CoverageEngine(input);
    engine.updateGrids([{ gridId: MIDDLE, grid: null }]);
    engine.updateGrids([{ gridId: other, grid: null }]);
    engine.updateGrids([{ gridId: MIDDLE, grid: gridOf(MIDDLE), rank: gridIds.indexOf(MIDDLE) }]);
    engine.updateGrids([{ gridId: other, grid: gridOf(other) }]);
    expect(JSON.stringify(engine.report())).toBe(JSON.stringify(original));
  });

  it('places a grid by the rank it is given, in the report and in its community', () => {
    const engine = new CoverageEngine(input);
    const delta = engine.updateGrids([{ gridId: MIDDLE, grid: gridOf(MIDDLE), rank: -1 }]);
    expect(delta.gridOrder).toEqual([MIDDLE, ...gridIds.filter((id) => id !== MIDDLE)]);
    const report = engine.report();
    expect(report.grids[0]!.gridId).toBe(MIDDLE);
    expect(report.communities.find((c) => c.communityId === '110106090005')!.gridIds[0]).toBe(
      MIDDLE,
    );
    // Back to its rank: the original report.
    engine.updateGrids([{ gridId: MIDDLE, grid: gridOf(MIDDLE), rank: gridIds.indexOf(MIDDLE) }]);
    expect(engine.report()).toEqual(original);
  });

  it('puts a new id after every rank seen, a removed grid coming back before it', () => {
    const last = gridIds.at(-1)!;
    const copyId = '110106090010099';
    const engine = new CoverageEngine(input);
    engine.updateGrids([{ gridId: last, grid: null }]);
    const copy = { ...gridOf(last), properties: { ...gridOf(last).properties, id: copyId } };
    engine.updateGrids([{ gridId: copyId, grid: copy }]);
    const delta = engine.updateGrids([{ gridId: last, grid: gridOf(last) }]);
    expect(delta.gridOrder!.slice(-2)).toEqual([last, copyId]);
  });

  it('gives the work orders and buildings two grids both hold to the first in rank order', () => {
    const grid = gridOf(MIDDLE);
    const twin = (id: string): GridFeature => ({ ...grid, properties: { ...grid.properties, id } });
    const before = original.grids.find((g) => g.gridId === MIDDLE)!;
    expect(before.workOrders).toBeGreaterThan(0);

    const engine = new CoverageEngine(input);
    engine.updateGrids([{ gridId: 'twin-after', grid: twin('twin-after') }]);
    engine.updateGrids([{ gridId: 'twin-first', grid: twin('twin-first'), rank: -1 }]);
    const report = engine.report();
    const figures = (id: string) => report.grids.find((g) => g.gridId === id)!;
    expect(report.grids.map((g) => g.gridId).slice(0, 1)).toEqual(['twin-first']);
    expect(report.grids.at(-1)!.gridId).toBe('twin-after');
    expect(figures('twin-first').workOrders).toBe(before.workOrders);
    expect(figures('twin-first').households).toBe(before.households);
    expect(figures(MIDDLE).workOrders).toBe(0);
    expect(figures('twin-after').households).toBe(0);
    // Each of its buildings is held whole by all three: split, with the first grid's id.
    const moved = report.assignments.filter((a) => a.gridId === 'twin-first');
    expect(moved).toHaveLength(before.buildings);
    expect(
      moved.every(
        (a) => a.shares.map((s) => s.gridId).join() === `twin-first,${MIDDLE},twin-after`,
      ),
    ).toBe(true);
  });
});

describe('the report delta', () => {
  it('answers an attribute edit with only that grid and its community', () => {
    const engine = new CoverageEngine(input);
    const grid = gridOf(MIDDLE);
    const delta = engine.updateGrids([
      { gridId: MIDDLE, grid: { ...grid, properties: { ...grid.properties, workers: 0 } } },
    ]);
    expect(delta.grids.map((g) => [g.gridId, g.workers, g.householdsPerWorker])).toEqual([
      [MIDDLE, 0, null],
    ]);
    expect(delta.removedGridIds).toEqual([]);
    expect(delta.gridOrder).toBeNull();
    expect(delta.communities.map((c) => c.communityId)).toEqual(['110106090005']);
    expect(delta.assignments).toEqual([]);
    expect(delta.problems.gridIds).toEqual([MIDDLE]);
    expect(delta.problems.gridProblems.map((p) => p.kind)).toEqual([
      'households-above',
      'no-workers',
    ]);
    expect(delta.street.workers).toBe(original.street.workers - grid.properties.workers);
    expect(applyReportDelta(deepFreeze(toUiReport(original)), deepFreeze(delta))).toEqual(
      toUiReport(engine.report()),
    );
  });

  it('places new building problems among the old ones in building order', () => {
    const engine = new CoverageEngine(input);
    const delta = engine.updateGrids([{ gridId: MIDDLE, grid: null }]);
    const problems = delta.problems.buildingProblems;
    expect(problems).toHaveLength(original.assignments.filter((a) => a.gridId === MIDDLE).length);
    // Chained: each names the next, the last names none (B0001 comes before them all).
    problems.slice(0, -1).forEach((p, k) => expect(p.nextId).toBe(problems[k + 1]!.problem.id));
    expect(problems.at(-1)!.nextId).toBeNull();
    const report = applyReportDelta(toUiReport(original), delta);
    expect(report).toEqual(toUiReport(engine.report()));
    expect(report.problems.filter((p) => p.kind === 'unassigned-building')[0]!.id).toBe(
      'unassigned:B0001',
    );
  });

  it('keeps the applied report equal to the full one over a long run of edits', () => {
    // More edits than the grid R-tree takes before it is rebuilt, with grids leaving and coming.
    const engine = new CoverageEngine(input);
    let report: UiReport = toUiReport(original);
    for (let round = 0; round < 3; round++)
      for (const [k, id] of gridIds.entries()) {
        const grid = gridOf(id);
        const changes =
          (k + round) % 7 === 0
            ? [{ gridId: id, grid: null }]
            : [
                {
                  gridId: id,
                  grid: { ...grid, properties: { ...grid.properties, workers: round } },
                },
              ];
        report = applyReportDelta(report, engine.updateGrids(changes));
      }
    const final = engine.report();
    expect(report).toEqual(toUiReport(final));
    const expected = new CoverageEngine({
      ...input,
      grids: gridIds.flatMap((id, k) =>
        (k + 2) % 7 === 0
          ? []
          : [{ ...gridOf(id), properties: { ...gridOf(id).properties, workers: 2 } }],
      ),
    }).report();
    expect(final).toEqual(expected);
  });

  it('refuses a delta that does not fit the report', () => {
    const engine = new CoverageEngine(input);
    const delta = engine.updateGrids([{ gridId: MIDDLE, grid: null }]);
    const stranger = { ...toUiReport(original), grids: original.grids.slice(0, 3) };
    expect(() => applyReportDelta(stranger, delta)).toThrow('does not fit');
  });
});
