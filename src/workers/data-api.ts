/**
 * What the data worker does, apart from being a worker: reads, parses and validates the files,
 * runs the coverage and workload engine, and keeps the street on screen with its plans (a plan
 * session over the engine and the plan store) so every grid edit is stored and re-checked
 * incrementally. A factory without worker globals, so tests can call it directly.
 */
import { transfer } from 'comlink';
import { CoverageEngine, inputFromLoad } from '../analysis/coverage/engine.ts';
import { toUiReport } from '../analysis/coverage/report-delta.ts';
import { labelPoints } from '../analysis/label-points.ts';
import { workOrderPoints } from '../analysis/work-order-points.ts';
import { summarizeStreet } from '../analysis/street-summary.ts';
import type { GridSettings } from '../domain/settings.ts';
import { planFromGrids } from '../editing/plan.ts';
import { datasetKeyOf } from '../io/dataset-key.ts';
import { lastStreet, rememberStreet } from '../io/last-street.ts';
import { loadFiles, type InputFile, type LoadResult } from '../io/load-files.ts';
import {
  openPlanStore,
  StorageError,
  type PlanStore,
  type StorageProblem,
} from '../io/plan-store.ts';
import { readSource, type FileSource } from './file-source.ts';
import type { LoadedStreet } from './loaded-street.ts';
import { createPlanApi, type PlanWorkspace } from './plan-api.ts';
import { PlanSession, type ResumedSession } from './plan-session.ts';
import { serviceAreas } from './service-areas.ts';
import { createSuggestApi } from './suggest-api.ts';
import { createComplaintsApi } from './complaints-api.ts';

export type LoadStage = 'reading' | 'validating';

const hasUsableLayer = (dataset: LoadResult['dataset']) =>
  Object.values(dataset).some((layer) => layer && layer.features.length > 0);

type OpenedStore = { store: PlanStore; problem: null } | { store: null; problem: StorageProblem };

async function openStore(open: () => Promise<PlanStore>): Promise<OpenedStore> {
  try {
    return { store: await open(), problem: null };
  } catch (error) {
    if (error instanceof StorageError) return { store: null, problem: error.problem };
    const reason = error instanceof Error ? error.message : String(error);
    return { store: null, problem: { code: 'unavailable', params: { reason } } };
  }
}

/**
 * The worker's API.
 * @example
 * const api = createDataApi();
 * const street = await api.load(sources, () => {}, settings);
 * const outcome = await api.edit({ op: 'merge', gridIds: [a, b] });
 */
export function createDataApi(
  options: { openStore?: () => Promise<PlanStore>; factory?: IDBFactory } = {},
) {
  /** The street the UI shows with its plans; replaced only by a newer load with a usable layer. */
  let workspace: PlanWorkspace | null = null;
  let latestLoad = 0;
  let store: Promise<OpenedStore> | null = null;
  const current = (): PlanWorkspace => {
    if (!workspace) throw new Error('no street is loaded');
    return workspace;
  };
  /**
   * Validates the files, computes the report and makes the street the one on screen (with its
   * plans) when it brings a usable layer and no newer load has started.
   */
  async function open(
    files: InputFile[],
    ticket: number,
    onStage: (stage: LoadStage) => void,
    settings: GridSettings,
  ): Promise<LoadedStreet> {
    onStage('validating');
    const result = loadFiles(files, settings);
    const { facilities, workOrders } = result.dataset;
    const input = inputFromLoad(result);
    const loadEngine = new CoverageEngine(input, settings);
    const usable = hasUsableLayer(result.dataset);
    store ??= openStore(options.openStore ?? (() => openPlanStore()));
    const opened = await store;
    // The loaded grids' report, before the session moves the engine to the last session's plan.
    const report = toUiReport(loadEngine.report());
    let resumed: ResumedSession | null = null;
    // An older load finishing after a newer one must not replace the newer street's plans.
    if (usable && ticket === latestLoad) {
      const grids = result.dataset.grids?.features ?? [];
      const session = new PlanSession({
        baseline: planFromGrids(grids),
        context: {
          communities: new Map(input.communities.map((c) => [c.properties.id, c])),
          buildings: new Map(input.buildings.map((b) => [b.properties.id, b])),
          settings,
        },
        engine: loadEngine,
        datasetKey: datasetKeyOf(JSON.stringify(grids)),
        store: opened.store,
        storageProblem: opened.problem,
      });
      const roads = (result.dataset.basemap?.features ?? []).filter(
        (f) => f.properties.kind === 'road',
      );
      workspace = { session, input, roads, settings };
      resumed = await session.resume();
    }
    const points = workOrderPoints(workOrders?.features ?? []);
    const loaded: LoadedStreet = {
      ...result,
      usable,
      report,
      summary: summarizeStreet(result.dataset),
      labels: labelPoints(result.dataset),
      workOrderPoints: points,
      serviceAreas: serviceAreas(facilities?.features ?? [], settings),
      storageProblem: opened.problem,
      resumed,
    };
    return transfer(loaded, [points.positions.buffer]);
  }

  return {
    /**
     * Reads and validates `sources`, returning the loaded layers, their problems and the report.
     * The user's own files are remembered, so a reload reopens them; the sample forgets them.
     */
    async load(
      sources: FileSource[],
      onStage: (stage: LoadStage) => void,
      settings: GridSettings,
    ): Promise<LoadedStreet> {
      const ticket = ++latestLoad;
      onStage('reading');
      const files = await Promise.all(sources.map(readSource));
      const loaded = await open(files, ticket, onStage, settings);
      if (loaded.usable && ticket === latestLoad) {
        const own = sources.every((source) => 'blob' in source);
        loaded.storageProblem ??= await rememberStreet(own ? files : null, options.factory);
      }
      return loaded;
    },

    /** Reopens the street the user last opened from their own files; null when there is none. */
    async loadLast(
      onStage: (stage: LoadStage) => void,
      settings: GridSettings,
    ): Promise<LoadedStreet | null> {
      const ticket = ++latestLoad;
      onStage('reading');
      const files = await lastStreet(options.factory);
      if (!files) return null;
      return open(files, ticket, onStage, settings);
    },

    ...createPlanApi(current),
    ...createSuggestApi(current),
    ...createComplaintsApi(current),
  };
}

export type DataWorkerApi = ReturnType<typeof createDataApi>;
