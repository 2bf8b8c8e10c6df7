/**
 * The data worker's API, called directly (no worker), on the sample street with plans stored in
 * fake-indexeddb: it loads and reports the street's faults; the baseline cannot be edited; an edit
 * of a plan is stored before it is answered and comes back as what changed (grids and a report
 * delta that, applied to the report on screen, gives the new one); undo gives back the loaded
 * report exactly; a reload restores the plan and its history; a drag is one history entry; and
 * an older load that finishes last does not replace the street on screen.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bboxOf, polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import { applyReportDelta } from '../../src/analysis/coverage/report-delta.ts';
import type { UiReport } from '../../src/analysis/coverage/report.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { openPlanStore, StorageError } from '../../src/io/plan-store.ts';
import { createDataApi } from '../../src/workers/data-api.ts';
import type { EditOutcome, PlanSwitch } from '../../src/workers/plan-session.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const sample = readdirSync(DATA)
  .filter((name) => name.endsWith('.geojson'))
  .map((name) => ({ name, blob: new Blob([readFileSync(DATA + name)]) }));

const BIG_GRID = '110106090005003';

function apiOn(factory: IDBFactory) {
  return createDataApi({ openStore: () => openPlanStore({ factory }) });
}

function updated(result: PlanSwitch | EditOutcome | null) {
  if (!result?.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return 'update' in result ? result.update : result;
}

/** A north–south line through the middle of a grid, a little past its edges. */
function middleLine(grid: GridFeature): [number, number][] {
  const [west, south, east, north] = bboxOf(grid.geometry);
  const x = (west + east) / 2;
  return [
    [x, south - 0.001],
    [x, north + 0.001],
  ];
}

describe('the data API', () => {
  it('refuses plan calls before any street is loaded', async () => {
    await expect(createDataApi().listPlans()).rejects.toThrow('no street is loaded');
  });

  it('edits a plan, stored first, and undoes it back to the loaded report exactly', async () => {
    const api = apiOn(new IDBFactory());
    const stages: string[] = [];
    const street = await api.load(sample, (stage) => stages.push(stage), DEFAULT_SETTINGS);
    expect(stages).toEqual(['reading', 'validating']);
    expect(street.usable).toBe(true);
    expect(street.storageProblem).toBeNull();
    expect(street.report.problems).toHaveLength(5);
    expect(street.workOrderPoints.positions).toHaveLength(25005 * 2);

    const refused = await api.edit({ op: 'attributes', gridId: BIG_GRID, attributes: {} });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'baseline-read-only' } });

    const created = updated(await api.createPlan('方案一', null));
    expect(created.grids.changed).toEqual([]);
    expect(created.history).toMatchObject({ cursor: 0, length: 0, undo: null });

    // Splitting the 964-household grid: two grids where there was one, the band problem gone.
    const big = street.dataset.grids!.features.find((g) => g.properties.id === BIG_GRID)!;
    const split = updated(await api.edit({ op: 'split', gridId: BIG_GRID, line: middleLine(big) }));
    // The two halves, and a neighbour whose edge gains the vertex where the cut meets it.
    expect(split.grids.changed.map((g) => g.properties.id)).toContain(BIG_GRID);
    expect(split.grids.labels).toHaveLength(split.grids.changed.length);
    expect(split.grids.order).toHaveLength(47);
    expect(split.history).toMatchObject({ cursor: 1, length: 1, undo: 'split', redo: null });
    let report: UiReport = applyReportDelta(street.report, split.delta);
    expect(report.grids).toHaveLength(47);
    const halves = report.grids.filter((g) =>
      split.grids.changed.some((c) => c.properties.id === g.gridId),
    );
    expect(halves.reduce((s, g) => s + g.households, 0)).toBeGreaterThan(900);
    expect(
      report.problems.some((p) => p.kind === 'households-above' && p.gridIds.includes(BIG_GRID)),
    ).toBe(false);

    const undo = updated(await api.undo());
    expect(undo.history).toMatchObject({ cursor: 0, length: 1, undo: null, redo: 'split' });
    report = applyReportDelta(report, undo.delta);
    expect(report).toEqual(street.report);
    const redo = updated(await api.redo());
    expect(applyReportDelta(report, redo.delta).grids).toHaveLength(47);
    expect((await api.listPlans()).plans).toMatchObject([{ name: '方案一', edits: 1 }]);
  });

  it('answers an edit the store cannot write with the problem, the engine left where it was', async () => {
    let full = false;
    const api = createDataApi({
      openStore: async () => {
        const store = await openPlanStore({ factory: new IDBFactory() });
        const append = store.appendEdit.bind(store);
        store.appendEdit = (...args) => {
          if (full) throw new StorageError({ code: 'quota-exceeded', params: {} });
          return append(...args);
        };
        return store;
      },
    });
    const street = await api.load(sample, () => {}, DEFAULT_SETTINGS);
    updated(await api.createPlan('方案一', null));
    const big = street.dataset.grids!.features.find((g) => g.properties.id === BIG_GRID)!;
    full = true;
    const failed = await api.edit({ op: 'split', gridId: BIG_GRID, line: middleLine(big) });
    expect(failed).toMatchObject({ ok: false, storage: { code: 'quota-exceeded' } });
    full = false;
    // The next edit's delta is relative to the report on screen, which never saw the split.
    const split = updated(await api.edit({ op: 'split', gridId: BIG_GRID, line: middleLine(big) }));
    expect(split.history).toMatchObject({ cursor: 1, length: 1 });
    expect(applyReportDelta(street.report, split.delta).grids).toHaveLength(47);
    const undo = updated(await api.undo());
    expect(applyReportDelta(applyReportDelta(street.report, split.delta), undo.delta)).toEqual(
      street.report,
    );
  });

  it('restores the plan, its history and the view after a reload', async () => {
    const factory = new IDBFactory();
    const first = apiOn(factory);
    const street = await first.load(sample, () => undefined, DEFAULT_SETTINGS);
    updated(await first.createPlan('方案二', null));
    updated(await first.edit({ op: 'attributes', gridId: BIG_GRID, attributes: { workers: 2 } }));
    const big = street.dataset.grids!.features.find((g) => g.properties.id === BIG_GRID)!;
    updated(await first.edit({ op: 'split', gridId: BIG_GRID, line: middleLine(big) }));
    updated(await first.undo());
    expect(await first.saveView({ zoom: 15.5, metric: 'residents' })).toBeNull();

    const second = apiOn(factory);
    // The load takes up the last session's plan, so the UI draws it once.
    const { resumed } = await second.load(sample, () => undefined, DEFAULT_SETTINGS);
    if (!resumed) throw new Error('the street on screen has a resumed session');
    expect(resumed.view).toEqual({ zoom: 15.5, metric: 'residents' });
    const update = updated(resumed.switched);
    expect(update.history).toMatchObject({
      cursor: 1,
      length: 2,
      undo: 'attributes',
      redo: 'split',
    });
    expect(update.grids.changed.map((g) => g.properties.workers)).toEqual([2]);
    expect(update.delta.grids.find((g) => g.gridId === BIG_GRID)?.householdsPerWorker).toBe(482);
  });

  it('makes one history entry of a vertex drag and puts a cancelled drag back', async () => {
    const api = apiOn(new IDBFactory());
    const street = await api.load(sample, () => undefined, DEFAULT_SETTINGS);
    updated(await api.createPlan('拖动', null));
    // A corner the big grid shares with a neighbour inside its community, off the border.
    const grids = street.dataset.grids!.features;
    const big = grids.find((g) => g.properties.id === BIG_GRID)!;
    const key = ([x, y]: number[]) => `${x},${y}`;
    const community = street.dataset.communities!.features.find(
      (c) => c.properties.id === big.properties.communityId,
    )!;
    const border = new Set(polygonsOf(community.geometry).flat(2).map(key));
    const others = grids.filter((g) => g !== big);
    const shared = (big.geometry.coordinates[0] as [number, number][]).find(
      (p) =>
        !border.has(key(p)) &&
        others.some((g) =>
          (g.geometry.coordinates[0] as number[][]).some((q) => key(q) === key(p)),
        ),
    )!;
    api.startDrag(shared);
    for (const step of [1, 2, 3]) {
      const preview = api.dragTo([shared[0] + step * 2e-6, shared[1] + step * 2e-6]);
      expect(preview).toMatchObject({ ok: true });
    }
    const done = updated(await api.endDrag([shared[0] + 6e-6, shared[1] + 6e-6]));
    expect(done.history).toMatchObject({ cursor: 1, length: 1, undo: 'move-vertex' });
    expect(done.grids.changed.length).toBeGreaterThanOrEqual(2);

    const moved: [number, number] = [shared[0] + 6e-6, shared[1] + 6e-6];
    api.startDrag(moved);
    expect(api.dragTo([moved[0] + 2e-6, moved[1] + 2e-6])).toMatchObject({ ok: true });
    const cancelled = updated(await api.endDrag(null));
    expect(cancelled.history.length).toBe(1);
    expect(cancelled.grids.changed.length).toBeGreaterThan(0);
  });

  it('reopens the street last opened from the user’s files', async () => {
    const factory = new IDBFactory();
    expect(await createDataApi({ factory }).loadLast(() => undefined, DEFAULT_SETTINGS)).toBeNull();
    await createDataApi({ factory }).load(sample, () => undefined, DEFAULT_SETTINGS);
    const reopened = await createDataApi({ factory }).loadLast(() => undefined, DEFAULT_SETTINGS);
    expect(reopened?.report.grids).toHaveLength(46);
    expect(reopened?.files.map((f) => f.name).sort()).toEqual(sample.map((s) => s.name).sort());
  });

  it('keeps the newer street when an older load finishes last', async () => {
    const api = apiOn(new IDBFactory());
    // The older load brings a usable layer (communities, no grids), but arrives last.
    const communities = readFileSync(`${DATA}communities.geojson`, 'utf8');
    let release: () => void = () => undefined;
    const slowBlob = {
      text: () => new Promise<string>((resolve) => (release = () => resolve(communities))),
    } as Blob;
    const older = api.load(
      [{ name: 'communities.geojson', blob: slowBlob }],
      () => undefined,
      DEFAULT_SETTINGS,
    );
    const newer = await api.load(sample, () => undefined, DEFAULT_SETTINGS);
    expect(newer.resumed).toEqual({ switched: null, view: null });
    release();
    const stale = await older;
    expect(stale.report.grids).toHaveLength(0);
    // Not the street on screen: no session of its own was taken up.
    expect(stale.resumed).toBeNull();
    const compared = await api.compare(null);
    if (!compared.ok) throw new Error('compare failed');
    expect(compared.value.comparison.street.grids).toEqual({
      before: 46,
      after: 46,
      difference: 0,
    });
  });
});
