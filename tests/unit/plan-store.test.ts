// The plan store on fake-indexeddb: plans, histories and sessions written and read back; storage
// failures as typed problems; damaged, old (v1) and newer records.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import type { Position } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import {
  applyPatch,
  patchFrom,
  planFromGrids,
  planGrids,
  type EditCommand,
  type EditPatch,
  type Plan,
} from '../../src/editing/plan.ts';
import {
  addSlide,
  newBriefing,
  renameBriefing,
  type Briefing,
  type SlideView,
} from '../../src/briefing/briefing.ts';
import { DB_VERSION } from '../../src/io/plan-db.ts';
import { readRecord } from '../../src/io/plan-record-migrations.ts';
import {
  openPlanStore,
  restorePlan,
  StorageError,
  type PlanStore,
  type StorageProblem,
} from '../../src/io/plan-store.ts';
import { storageErrorFrom } from '../../src/io/storage-problems.ts';

const DATASET = 'cbf29ce484222325';
const OTHER_DATASET = '0123456789abcdef';
const DB_NAME = 'plans-test';
const FROM_BASELINE = { kind: 'baseline' } as const;
const NO_SEED: EditPatch = { entries: [] };

/** A grid ring with `corners` vertices on a circle (counter-clockwise, closed). */
function ring(cx: number, cy: number, corners: number): Position[] {
  const points: Position[] = [];
  for (let k = 0; k < corners; k++) {
    const angle = (2 * Math.PI * k) / corners;
    points.push([cx + 0.001 * Math.cos(angle), cy + 0.001 * Math.sin(angle)]);
  }
  return [...points, points[0]!];
}

function grid(sequence: number, corners = 4, workers = 1): GridFeature {
  const id = `110106090001${String(sequence).padStart(3, '0')}`;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [ring(116.3 + sequence * 0.003, 39.9, corners)] },
    properties: { id, communityId: '110106090001', type: 'comprehensive', workers },
  };
}

const BASELINE: Plan = deepFreeze(planFromGrids([grid(1, 40), grid(2, 40), grid(3, 40)]));

/** An edit that changes one grid's worker count. */
function workersEdit(plan: Plan, gridId: string, workers: number) {
  const current = plan.grids.get(gridId)!.grid;
  const command: EditCommand = { op: 'attributes', gridId, attributes: { workers } };
  const patch = patchFrom(plan, [{ ...current, properties: { ...current.properties, workers } }]);
  return deepFreeze({ command, patch });
}

/** An edit that moves vertex `k` of a grid's ring (and its closing copy when k = 0). */
function vertexEdit(plan: Plan, gridId: string, k: number, to: Position) {
  const current = plan.grids.get(gridId)!.grid;
  const coordinates = (current.geometry.coordinates as Position[][]).map((r) => [...r]);
  const outer = coordinates[0]!;
  const from = outer[k]!;
  outer[k] = to;
  if (k === 0) outer[outer.length - 1] = to;
  const moved: GridFeature = { ...current, geometry: { type: 'Polygon', coordinates } };
  const command: EditCommand = { op: 'move-vertex', from, to };
  return deepFreeze({ command, patch: patchFrom(plan, [moved]) });
}

let clock = 0;
let ids = 0;
const opened: PlanStore[] = [];

async function freshStore(factory: IDBFactory = new IDBFactory()): Promise<PlanStore> {
  clock = Date.UTC(2026, 4, 1, 0, 0, 0);
  ids = 0;
  const store = await openPlanStore({
    factory,
    name: DB_NAME,
    now: () => new Date((clock += 1000)),
    newId: () => `plan-${++ids}`,
  });
  opened.push(store);
  return store;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of opened.splice(0)) store.close();
});

/** The problem a store call rejected with. */
async function problemOf(call: Promise<unknown>): Promise<StorageProblem> {
  const error: unknown = await call.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return (error as StorageError).problem;
}

/** Plain IndexedDB, for writing records the way an old (or broken) version would. */
function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawOpen(
  factory: IDBFactory,
  version?: number,
  upgrade?: (db: IDBDatabase) => void,
): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, version);
  if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
  return request(req);
}

async function rawPut(factory: IDBFactory, store: string, value: unknown): Promise<void> {
  const db = await rawOpen(factory);
  const transaction = db.transaction(store, 'readwrite');
  await request(transaction.objectStore(store).put(value));
  db.close();
}

async function rawGet(factory: IDBFactory, store: string, key: IDBValidKey): Promise<unknown> {
  const db = await rawOpen(factory);
  const value = await request(db.transaction(store).objectStore(store).get(key));
  db.close();
  return value;
}

/** A stored plan whose history applies `edits` in order. */
async function planWithEdits(store: PlanStore, edits: number) {
  const record = await store.createPlan({
    datasetKey: DATASET,
    name: '方案一',
    createdFrom: FROM_BASELINE,
    seed: NO_SEED,
  });
  let plan = BASELINE;
  for (let n = 0; n < edits; n++) {
    const edit = workersEdit(plan, planGrids(plan)[n % 3]!.properties.id, n + 2);
    await store.appendEdit(record.id, edit);
    plan = applyPatch(plan, edit.patch);
  }
  return { id: record.id, plan };
}

describe('plans: create, list, rename, duplicate, delete', () => {
  it('lists the plans of one data set, oldest first, with their records as written', async () => {
    const store = await freshStore();
    const first = await store.createPlan({
      datasetKey: DATASET,
      name: '方案一',
      createdFrom: FROM_BASELINE,
      seed: NO_SEED,
    });
    await store.createPlan({
      datasetKey: OTHER_DATASET,
      name: '别的街道',
      createdFrom: FROM_BASELINE,
      seed: NO_SEED,
    });
    const seed = workersEdit(BASELINE, '110106090001002', 7).patch;
    const second = await store.createPlan({
      datasetKey: DATASET,
      name: '方案二',
      createdFrom: { kind: 'plan', planId: first.id, name: '方案一' },
      seed,
    });
    expect(first).toEqual({
      schemaVersion: 2,
      id: 'plan-1',
      datasetKey: DATASET,
      name: '方案一',
      createdFrom: { kind: 'baseline' },
      seed: { entries: [] },
      cursor: 0,
      createdAt: '2026-05-01T00:00:01.000Z',
      updatedAt: '2026-05-01T00:00:01.000Z',
    });
    const listed = await store.listPlans(DATASET);
    expect(listed.problems).toEqual([]);
    expect(listed.plans).toEqual([first, second]);
    expect(listed.plans[1]!.seed).toEqual(seed);
    expect((await store.listPlans(OTHER_DATASET)).plans.map((p) => p.name)).toEqual(['别的街道']);
  });

  it('renames a plan and stamps updatedAt', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 0);
    const renamed = await store.renamePlan(id, '东片调整');
    expect(renamed.name).toBe('东片调整');
    expect(renamed.updatedAt > renamed.createdAt).toBe(true);
    expect((await store.loadPlan(id)).plan).toEqual(renamed);
  });

  it('duplicates seed, history and cursor under a new id', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 5);
    await store.setCursor(id, 3);
    const copy = await store.duplicatePlan(id, '方案一（副本）');
    expect(copy).toMatchObject({
      id: 'plan-2',
      name: '方案一（副本）',
      cursor: 3,
      createdFrom: { kind: 'plan', planId: id, name: '方案一' },
    });
    const source = await store.loadPlan(id);
    const duplicate = await store.loadPlan(copy.id);
    expect(duplicate.entries).toHaveLength(5);
    expect(duplicate.entries.map((e) => e.planId)).toEqual(Array(5).fill(copy.id));
    expect(duplicate.entries.map((e) => e.patch)).toEqual(source.entries.map((e) => e.patch));
    expect(planGrids(restorePlan(BASELINE, duplicate.plan, duplicate.entries))).toEqual(
      planGrids(restorePlan(BASELINE, source.plan, source.entries)),
    );
    // The copy is independent: editing it leaves the source's redo stack alone.
    await store.appendEdit(copy.id, workersEdit(BASELINE, '110106090001001', 9));
    expect((await store.loadPlan(id)).entries).toHaveLength(5);
  });

  it('deletes a plan with its history and clears the session pointing at it', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    const { id } = await planWithEdits(store, 3);
    const { id: kept } = await planWithEdits(store, 1);
    await store.saveSession({ datasetKey: DATASET, currentPlanId: id, view: { tab: 'plans' } });
    await store.deletePlan(id);
    expect((await store.listPlans(DATASET)).plans.map((p) => p.id)).toEqual([kept]);
    expect(await problemOf(store.loadPlan(id))).toEqual({
      code: 'not-found',
      params: { store: 'plans', key: id },
    });
    expect(await rawGet(factory, 'entries', [id, 0])).toBeUndefined();
    expect(await rawGet(factory, 'entries', [kept, 0])).toBeDefined();
    expect(await store.loadSession(DATASET)).toMatchObject({
      currentPlanId: null,
      view: { tab: 'plans' },
    });
    await expect(store.deletePlan('no-such-plan')).resolves.toBeUndefined();
  });
});

describe('history: append, undo/redo cursor, redo cut-off', () => {
  it('appends entries at the cursor and moves it', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 3);
    const { plan, entries } = await store.loadPlan(id);
    expect(plan.cursor).toBe(3);
    expect(entries.map((e) => [e.planId, e.seq, e.command.op])).toEqual([
      [id, 0, 'attributes'],
      [id, 1, 'attributes'],
      [id, 2, 'attributes'],
    ]);
  });

  it('undo and redo move the cursor and keep every entry', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 3);
    expect((await store.setCursor(id, 1)).cursor).toBe(1);
    expect((await store.setCursor(id, 2)).cursor).toBe(2);
    const loaded = await store.loadPlan(id);
    expect(loaded.plan.cursor).toBe(2);
    expect(loaded.entries).toHaveLength(3);
  });

  it('a new edit after undo cuts the redo stack off', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 4);
    await store.setCursor(id, 1);
    const edit = vertexEdit(BASELINE, '110106090001003', 5, [116.31, 39.9012]);
    const entry = await store.appendEdit(id, edit);
    expect(entry).toMatchObject({ planId: id, seq: 1, command: edit.command, patch: edit.patch });
    const loaded = await store.loadPlan(id);
    expect(loaded.plan.cursor).toBe(2);
    expect(loaded.entries.map((e) => e.command.op)).toEqual(['attributes', 'move-vertex']);
  });

  it('refuses a cursor outside the history', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 2);
    expect(await problemOf(store.setCursor(id, 3))).toMatchObject({
      code: 'write-failed',
      params: { store: 'plans', key: id },
    });
    expect(await problemOf(store.setCursor(id, -1))).toMatchObject({ code: 'write-failed' });
    expect((await store.loadPlan(id)).plan.cursor).toBe(2);
  });

  it('refuses to store a patch it could not read back', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 1);
    const bad = { entries: [{ gridId: 'g', rank: -1, before: null, after: null }] };
    const problem = await problemOf(
      store.appendEdit(id, { command: { op: 'renumber', communityId: 'c' }, patch: bad }),
    );
    expect(problem.code).toBe('write-failed');
    expect((await store.loadPlan(id)).entries).toHaveLength(1);
  });

  it('an edit of a deleted plan is refused as not-found', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 1);
    await store.deletePlan(id);
    expect(
      (await problemOf(store.appendEdit(id, workersEdit(BASELINE, '110106090001001', 3)))).code,
    ).toBe('not-found');
  });
});

describe('restorePlan', () => {
  it('applies the seed, then the entries before the cursor, without touching its inputs', async () => {
    const store = await freshStore();
    const seed = workersEdit(BASELINE, '110106090001001', 11).patch;
    const record = await store.createPlan({
      datasetKey: DATASET,
      name: '自方案一',
      createdFrom: { kind: 'plan', planId: 'plan-0', name: '方案一' },
      seed,
    });
    let expected = applyPatch(BASELINE, seed);
    const states = [expected];
    for (let n = 0; n < 4; n++) {
      const edit = vertexEdit(expected, '110106090001002', n, [116.306 + n * 0.0001, 39.9005]);
      await store.appendEdit(record.id, edit);
      expected = applyPatch(expected, edit.patch);
      states.push(expected);
    }
    await store.setCursor(record.id, 2);
    const loaded = deepFreeze(await store.loadPlan(record.id));
    const restored = restorePlan(BASELINE, loaded.plan, loaded.entries);
    expect(planGrids(restored)).toEqual(planGrids(states[2]!));
    expect(restored.nextRank).toBe(3);
    expect(planGrids(restored)[0]!.properties.workers).toBe(11);
    expect(planGrids(restored)[1]!.geometry.coordinates[0]![1]).toEqual([116.3061, 39.9005]);
    expect(planGrids(restored)[1]!.geometry.coordinates[0]![2]).toEqual(
      planGrids(BASELINE)[1]!.geometry.coordinates[0]![2],
    );
  });

  it('restores a plan with 200 edits exactly (and says how long it takes)', async () => {
    const store = await freshStore();
    const record = await store.createPlan({
      datasetKey: DATASET,
      name: '两百步',
      createdFrom: FROM_BASELINE,
      seed: NO_SEED,
    });
    let expected = BASELINE;
    for (let n = 0; n < 200; n++) {
      const gridId = planGrids(expected)[n % 3]!.properties.id;
      const k = (n * 7) % 39;
      const edit = vertexEdit(expected, gridId, k, [116.3 + n * 1e-6, 39.9 + k * 1e-6]);
      await store.appendEdit(record.id, edit);
      expected = applyPatch(expected, edit.patch);
    }
    const started = performance.now();
    const loaded = await store.loadPlan(record.id);
    const restored = restorePlan(BASELINE, loaded.plan, loaded.entries);
    const elapsedMs = performance.now() - started;
    console.info(
      `loadPlan + restorePlan, 200 edits of 40-vertex grids: ${elapsedMs.toFixed(1)} ms`,
    );
    expect(loaded.entries).toHaveLength(200);
    expect(JSON.stringify(planGrids(restored))).toBe(JSON.stringify(planGrids(expected)));
  });
});

describe('session', () => {
  it('round-trips the current plan and the view; a left-out field keeps its value', async () => {
    const store = await freshStore();
    expect(await store.loadSession(DATASET)).toBeNull();
    const view = {
      camera: { center: [116.3, 39.9], zoom: 15.5 },
      metric: 'households',
      tab: 'grids',
    };
    await store.saveSession({ datasetKey: DATASET, currentPlanId: 'plan-7', view });
    expect(await store.loadSession(DATASET)).toEqual({
      schemaVersion: 2,
      datasetKey: DATASET,
      currentPlanId: 'plan-7',
      view,
      updatedAt: '2026-05-01T00:00:01.000Z',
    });
    await store.saveSession({ datasetKey: DATASET, currentPlanId: null });
    expect(await store.loadSession(DATASET)).toMatchObject({ currentPlanId: null, view });
    await store.saveSession({ datasetKey: DATASET, view: { tab: 'compare' } });
    expect(await store.loadSession(DATASET)).toMatchObject({
      currentPlanId: null,
      view: { tab: 'compare' },
    });
    expect(await store.loadSession(OTHER_DATASET)).toBeNull();
  });
});

describe('storage failures', () => {
  it('maps a QuotaExceededError to quota-exceeded and stores nothing of the edit', async () => {
    const store = await freshStore();
    const { id } = await planWithEdits(store, 3);
    await store.setCursor(id, 1);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const problem = await problemOf(
      store.appendEdit(id, workersEdit(BASELINE, '110106090001001', 4)),
    );
    expect(problem).toMatchObject({
      code: 'quota-exceeded',
      params: {
        store: 'plans',
        key: id,
        reason: 'QuotaExceededError: The quota has been exceeded.',
      },
    });
    vi.restoreAllMocks();
    // The transaction was aborted: the redo stack it had started to cut is still there.
    const loaded = await store.loadPlan(id);
    expect(loaded.plan.cursor).toBe(1);
    expect(loaded.entries).toHaveLength(3);
  });

  it('maps any other failure of a write to write-failed, keeping the error as the reason', () => {
    const error = storageErrorFrom(
      new DOMException('nope', 'DataCloneError'),
      { store: 'sessions' },
      'write-failed',
    );
    expect(error.problem).toEqual({
      code: 'write-failed',
      params: { store: 'sessions', reason: 'DataCloneError: nope' },
    });
  });

  it('a view that cannot be stored is refused as write-failed, not thrown raw', async () => {
    const store = await freshStore();
    const problem = await problemOf(
      store.saveSession({ datasetKey: DATASET, view: { f: () => 1 } }),
    );
    expect(problem).toMatchObject({ code: 'write-failed', params: { store: 'sessions' } });
  });

  it('is unavailable when the browser has no IndexedDB or refuses to open it', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    expect((await problemOf(openPlanStore({ factory: refusing }))).code).toBe('unavailable');
    const global = globalThis as { indexedDB?: IDBFactory };
    const saved = global.indexedDB;
    delete global.indexedDB;
    try {
      expect(await problemOf(openPlanStore())).toEqual({
        code: 'unavailable',
        params: { reason: 'this browser has no IndexedDB' },
      });
    } finally {
      global.indexedDB = saved;
    }
  });

  it('is blocked while another tab keeps an older version open', async () => {
    const factory = new IDBFactory();
    const old = await rawOpen(factory, 1, (db) => db.createObjectStore('plans', { keyPath: 'id' }));
    expect(await problemOf(openPlanStore({ factory, name: DB_NAME }))).toEqual({
      code: 'blocked',
      params: { store: 'database', key: DB_NAME, version: DB_VERSION },
    });
    old.close();
  });

  it('gives way to a newer version opened in another tab, then reports version-too-new', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    const newer = await rawOpen(factory, DB_VERSION + 1);
    expect((await problemOf(store.listPlans(DATASET))).code).toBe('version-too-new');
    newer.close();
    expect((await problemOf(openPlanStore({ factory, name: DB_NAME }))).code).toBe(
      'version-too-new',
    );
  });

  it('a closed store refuses calls as unavailable', async () => {
    const store = await freshStore();
    store.close();
    expect((await problemOf(store.loadSession(DATASET))).code).toBe('unavailable');
  });
});

describe('damaged and newer records', () => {
  it('skips and reports a plan record that fails validation, and exports it as stored', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    const { id } = await planWithEdits(store, 1);
    const damaged = {
      schemaVersion: 2,
      id: 'damaged',
      datasetKey: DATASET,
      createdFrom: FROM_BASELINE,
      seed: NO_SEED,
      cursor: 0,
      createdAt: '2026-05-01T00:00:00.000Z',
      updatedAt: '2026-05-01T00:00:00.000Z',
    };
    await rawPut(factory, 'plans', damaged);
    const listed = await store.listPlans(DATASET);
    expect(listed.plans.map((p) => p.id)).toEqual([id]);
    expect(listed.problems).toEqual([
      {
        code: 'corrupted-record',
        params: { store: 'plans', key: 'damaged', reason: 'name is not a string' },
      },
    ]);
    expect((await problemOf(store.loadPlan('damaged'))).code).toBe('corrupted-record');
    expect((await problemOf(store.renamePlan('damaged', 'x'))).code).toBe('corrupted-record');
    expect(await rawGet(factory, 'plans', 'damaged')).toEqual(damaged);

    // The backup offered when storage fails holds every record of the data set, readable or not.
    const orphan = {
      ...((await rawGet(factory, 'entries', [id, 0])) as object),
      planId: 'damaged',
    };
    await rawPut(factory, 'entries', orphan);
    await store.saveSession({ datasetKey: DATASET, currentPlanId: id });
    const elsewhere = await store.createPlan({
      datasetKey: OTHER_DATASET,
      name: '别的街道',
      createdFrom: FROM_BASELINE,
      seed: NO_SEED,
    });
    const backup = await store.exportAll(DATASET);
    expect(JSON.parse(JSON.stringify(backup))).toEqual(backup);
    expect(backup).toMatchObject({
      format: 'gridatlas-plan-backup',
      schemaVersion: 2,
      datasetKey: DATASET,
      session: { currentPlanId: id },
    });
    expect(backup.plans.map((p) => [p.plan.id, p.entries.length])).toEqual([[id, 1]]);
    expect(backup.plans.map((p) => p.plan.id)).not.toContain(elsewhere.id);
    expect(backup.unreadable).toEqual([
      { store: 'plans', key: 'damaged', problem: listed.problems[0], value: damaged },
      {
        store: 'entries',
        key: 'damaged:0',
        problem: {
          code: 'corrupted-record',
          params: { store: 'entries', key: 'damaged:0', reason: 'its plan record is unreadable' },
        },
        value: orphan,
      },
    ]);
  });

  it('reports a bad patch shape in the seed', async () => {
    const read = readRecord('plans', 'p', {
      schemaVersion: 2,
      id: 'p',
      datasetKey: DATASET,
      name: 'n',
      createdFrom: FROM_BASELINE,
      seed: { entries: [{ gridId: 'g1', rank: 0, before: null, after: { type: 'Feature' } }] },
      cursor: 0,
      createdAt: '2026-05-01T00:00:00.000Z',
      updatedAt: '2026-05-01T00:00:00.000Z',
    });
    expect(read).toEqual({
      ok: false,
      problem: {
        code: 'corrupted-record',
        params: { store: 'plans', key: 'p', reason: 'seed: grid g1 has no polygon geometry' },
      },
    });
  });

  it('cuts the redo stack at a damaged entry, but refuses a plan whose applied history is damaged', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    const { id } = await planWithEdits(store, 4);
    await store.setCursor(id, 2);
    const entry = (await rawGet(factory, 'entries', [id, 3])) as Record<string, unknown>;
    await rawPut(factory, 'entries', { ...entry, command: { op: 'teleport' } });
    const loaded = await store.loadPlan(id);
    expect(loaded.entries.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(loaded.problems).toEqual([
      {
        code: 'corrupted-record',
        params: { store: 'entries', key: `${id}:3`, reason: 'command has no known op' },
      },
    ]);
    await rawPut(factory, 'entries', { ...entry, seq: 1, patch: null });
    expect(await problemOf(store.loadPlan(id))).toEqual({
      code: 'corrupted-record',
      params: { store: 'entries', key: `${id}:1`, reason: 'patch has no entries list' },
    });
  });

  it('leaves a record of a newer schema untouched and reports it as version-too-new', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    const future = {
      schemaVersion: 3,
      id: 'future',
      datasetKey: DATASET,
      title: { zh: '新版方案' },
    };
    await rawPut(factory, 'plans', future);
    expect((await store.listPlans(DATASET)).problems).toEqual([
      { code: 'version-too-new', params: { store: 'plans', key: 'future', version: 3, known: 2 } },
    ]);
    expect((await problemOf(store.renamePlan('future', 'x'))).code).toBe('version-too-new');
    expect(
      (await problemOf(store.appendEdit('future', workersEdit(BASELINE, '110106090001001', 2))))
        .code,
    ).toBe('version-too-new');
    await rawPut(factory, 'sessions', { schemaVersion: 3, datasetKey: DATASET, panes: [] });
    expect((await problemOf(store.saveSession({ datasetKey: DATASET, view: null }))).code).toBe(
      'version-too-new',
    );
    store.close();
    const reopened = await freshStore(factory);
    expect((await reopened.listPlans(DATASET)).problems).toHaveLength(1);
    expect(await rawGet(factory, 'plans', 'future')).toEqual(future);
  });
});

describe('schema version 1 → 2', () => {
  const V1_PLAN = {
    schemaVersion: 1,
    id: 'old-plan',
    datasetKey: DATASET,
    name: '老方案',
    cursor: 1,
    createdAt: '2025-12-01T08:00:00.000Z',
    updatedAt: '2025-12-02T08:00:00.000Z',
  };
  const edit = workersEdit(BASELINE, '110106090001003', 5);
  const V1_ENTRIES = [0, 1].map((seq) => ({
    schemaVersion: 1,
    planId: 'old-plan',
    seq,
    ...edit,
    at: '2025-12-02T08:00:00.000Z',
  }));
  const V1_SESSION = {
    schemaVersion: 1,
    datasetKey: DATASET,
    currentPlanId: 'old-plan',
    view: { zoom: 14 },
    updatedAt: '2025-12-02T08:00:00.000Z',
  };

  /** A database as version 1 of the app left it. */
  async function version1Database(): Promise<IDBFactory> {
    const factory = new IDBFactory();
    const db = await rawOpen(factory, 1, (created) => {
      created.createObjectStore('plans', { keyPath: 'id' }).createIndex('byDataset', 'datasetKey');
      created.createObjectStore('entries', { keyPath: ['planId', 'seq'] });
      created.createObjectStore('sessions', { keyPath: 'datasetKey' });
    });
    const transaction = db.transaction(['plans', 'entries', 'sessions'], 'readwrite');
    transaction.objectStore('plans').put(V1_PLAN);
    for (const entry of V1_ENTRIES) transaction.objectStore('entries').put(entry);
    transaction.objectStore('sessions').put(V1_SESSION);
    await new Promise((resolve) => (transaction.oncomplete = resolve));
    db.close();
    return factory;
  }

  it('upgrades every v1 record when the database is upgraded, and reads them as v2', async () => {
    const factory = await version1Database();
    const store = await freshStore(factory);
    const migrated = { ...V1_PLAN, schemaVersion: 2, createdFrom: FROM_BASELINE, seed: NO_SEED };
    expect(await store.listPlans(DATASET)).toEqual({ plans: [migrated], problems: [] });
    expect(await rawGet(factory, 'plans', 'old-plan')).toEqual(migrated);
    expect(await rawGet(factory, 'entries', ['old-plan', 1])).toMatchObject({ schemaVersion: 2 });
    const loaded = await store.loadPlan('old-plan');
    expect(loaded.entries.map((e) => [e.seq, e.schemaVersion])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(
      planGrids(restorePlan(BASELINE, loaded.plan, loaded.entries))[2]!.properties.workers,
    ).toBe(5);
    expect(await store.loadSession(DATASET)).toEqual({ ...V1_SESSION, schemaVersion: 2 });
  });

  it('upgrades a v1 record met later (written by an old tab) when it is read', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    await rawPut(factory, 'plans', V1_PLAN);
    for (const entry of V1_ENTRIES) await rawPut(factory, 'entries', entry);
    const loaded = await store.loadPlan('old-plan');
    expect(loaded.plan).toMatchObject({
      schemaVersion: 2,
      createdFrom: FROM_BASELINE,
      seed: NO_SEED,
    });
    // The next write stores it in the current shape.
    await store.renamePlan('old-plan', '老方案（改）');
    expect(await rawGet(factory, 'plans', 'old-plan')).toMatchObject({
      schemaVersion: 2,
      name: '老方案（改）',
      createdFrom: FROM_BASELINE,
    });
  });
});

describe('briefings', () => {
  const view: SlideView = {
    camera: { center: [116.31, 39.85], zoom: 14, bearing: 0, pitch: 0 },
    layers: { grids: { visible: true, opacity: 1 } },
    metric: 'households',
    tab: 'map',
    planId: null,
    complaints: null,
  };
  const slides = (b: Briefing) =>
    addSlide(b, { id: 's1', title: '网格工作量', note: '东片偏重', view }, '2026-05-01T00:00:09Z');

  it('keeps a data set’s briefings with their slides, replaced and deleted as asked', async () => {
    const store = await freshStore();
    const first = slides(newBriefing('b1', DATASET, '五月汇报', '2026-05-01T00:00:05.000Z'));
    await store.saveBriefing(first);
    await store.saveBriefing(newBriefing('b2', OTHER_DATASET, '别的街道', '2026-05-01T00:00:06Z'));
    const listed = await store.listBriefings(DATASET);
    expect(listed).toEqual({ briefings: [{ ...first, schemaVersion: 2 }], problems: [] });
    const renamed = renameBriefing(first, '五月汇报（修改）', '2026-05-01T00:01:00Z');
    await store.saveBriefing(renamed);
    expect((await store.listBriefings(DATASET)).briefings[0]!.title).toBe('五月汇报（修改）');
    await store.deleteBriefing('b1');
    expect((await store.listBriefings(DATASET)).briefings).toEqual([]);
    expect((await store.listBriefings(OTHER_DATASET)).briefings).toHaveLength(1);
  });

  it('refuses to write a slide without a camera, and reports a stored one without', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    const broken = slides(newBriefing('b1', DATASET, '五月汇报', '2026-05-01T00:00:05Z'));
    (broken.slides[0]!.view as { camera: unknown }).camera = null;
    expect((await problemOf(store.saveBriefing(broken))).code).toBe('write-failed');
    await rawPut(factory, 'briefings', { ...broken, schemaVersion: 2 });
    const listed = await store.listBriefings(DATASET);
    expect(listed.briefings).toEqual([]);
    expect(listed.problems).toEqual([
      {
        code: 'corrupted-record',
        params: { store: 'briefings', key: 'b1', reason: 'slide 1: no camera' },
      },
    ]);
  });

  it('adds the briefings store to a version 2 database and keeps its plans', async () => {
    const factory = new IDBFactory();
    const db = await rawOpen(factory, 2, (created) => {
      created.createObjectStore('plans', { keyPath: 'id' }).createIndex('byDataset', 'datasetKey');
      created.createObjectStore('entries', { keyPath: ['planId', 'seq'] });
      created.createObjectStore('sessions', { keyPath: 'datasetKey' });
    });
    const plan = {
      schemaVersion: 2,
      id: 'kept',
      datasetKey: DATASET,
      name: '方案甲',
      createdFrom: FROM_BASELINE,
      seed: NO_SEED,
      cursor: 0,
      createdAt: '2026-04-01T08:00:00.000Z',
      updatedAt: '2026-04-01T08:00:00.000Z',
    };
    const transaction = db.transaction('plans', 'readwrite');
    transaction.objectStore('plans').put(plan);
    await new Promise((resolve) => (transaction.oncomplete = resolve));
    db.close();
    const store = await freshStore(factory);
    expect((await store.listPlans(DATASET)).plans).toEqual([plan]);
    expect(await store.listBriefings(DATASET)).toEqual({ briefings: [], problems: [] });
  });
});
