/**
 * What the data worker does, apart from being a worker: reads, parses and validates the files and
 * runs the coverage and workload engine, keeping the engine of the street on screen so a grid
 * edit is re-checked incrementally. A factory without worker globals, so tests can call it
 * directly.
 */
import { transfer } from 'comlink';
import { CoverageEngine, inputFromLoad } from '../analysis/coverage/engine.ts';
import type { GridChange } from '../analysis/coverage/input.ts';
import type { CoverageReport } from '../analysis/coverage/report.ts';
import { labelPoints } from '../analysis/label-points.ts';
import { workOrderPoints } from '../analysis/work-order-points.ts';
import { summarizeStreet } from '../analysis/street-summary.ts';
import type { GridSettings } from '../domain/settings.ts';
import { loadFiles, type LoadResult } from '../io/load-files.ts';
import { readSource, type FileSource } from './file-source.ts';
import type { LoadedStreet, UiReport } from './loaded-street.ts';
import { serviceAreas } from './service-areas.ts';

export type LoadStage = 'reading' | 'validating';

/** The report without the per-building assignments, on a shallow copy (the engine's is kept). */
function uiReport(report: CoverageReport): UiReport {
  const copy: UiReport & { assignments?: unknown } = { ...report };
  delete copy.assignments;
  return copy;
}

const hasUsableLayer = (dataset: LoadResult['dataset']) =>
  Object.values(dataset).some((layer) => layer && layer.features.length > 0);

/**
 * The worker's API.
 * @example
 * const api = createDataApi();
 * const street = await api.load(sources, () => {}, settings);
 * const report = api.updateGrids([{ gridId, grid }]);
 */
export function createDataApi() {
  /** The engine of the street the UI shows; replaced only by a newer load with a usable layer. */
  let engine: CoverageEngine | null = null;
  let latestLoad = 0;
  return {
    /** Reads and validates `sources`, returning the loaded layers, their problems and the report. */
    async load(
      sources: FileSource[],
      onStage: (stage: LoadStage) => void,
      settings: GridSettings,
    ): Promise<LoadedStreet> {
      const ticket = ++latestLoad;
      onStage('reading');
      const files = await Promise.all(sources.map(readSource));
      onStage('validating');
      const result = loadFiles(files, settings);
      const { facilities, workOrders } = result.dataset;
      const loadEngine = new CoverageEngine(inputFromLoad(result), settings);
      const usable = hasUsableLayer(result.dataset);
      // An older load finishing after a newer one must not replace the newer street's engine.
      if (usable && ticket === latestLoad) engine = loadEngine;
      const points = workOrderPoints(workOrders?.features ?? []);
      const loaded: LoadedStreet = {
        ...result,
        usable,
        report: uiReport(loadEngine.report()),
        summary: summarizeStreet(result.dataset),
        labels: labelPoints(result.dataset),
        workOrderPoints: points,
        serviceAreas: serviceAreas(facilities?.features ?? [], settings),
      };
      return transfer(loaded, [points.positions.buffer]);
    },

    /** Applies grid edits to the street on screen and returns its new report. */
    updateGrids(changes: GridChange[]): UiReport {
      if (!engine) throw new Error('no street is loaded');
      return uiReport(engine.updateGrids(changes));
    },
  };
}

export type DataWorkerApi = ReturnType<typeof createDataApi>;
