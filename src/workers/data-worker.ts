/**
 * The data worker: reads, parses and validates the files and computes the per-grid figures off
 * the UI thread, so loading 25,000 work orders never freezes the map. Exposed with Comlink.
 */
import { expose, transfer } from 'comlink';
import { computeGridStats } from '../analysis/grid-stats.ts';
import { labelPoints } from '../analysis/label-points.ts';
import { workOrderPoints } from '../analysis/work-order-points.ts';
import { summarizeStreet } from '../analysis/street-summary.ts';
import type { GridSettings } from '../domain/settings.ts';
import { loadFiles } from '../io/load-files.ts';
import { readSource, type FileSource } from './file-source.ts';
import type { LoadedStreet } from './loaded-street.ts';

export type LoadStage = 'reading' | 'validating';

const api = {
  /** Reads and validates `sources`, returning the loaded layers, their problems and grid figures. */
  async load(
    sources: FileSource[],
    onStage: (stage: LoadStage) => void,
    settings: GridSettings,
  ): Promise<LoadedStreet> {
    onStage('reading');
    const files = await Promise.all(sources.map(readSource));
    onStage('validating');
    const result = loadFiles(files, settings);
    const { grids, buildings, workOrders } = result.dataset;
    const gridStats = computeGridStats(
      grids?.features ?? [],
      buildings?.features ?? [],
      workOrders?.features ?? [],
      settings,
    );
    const points = workOrderPoints(workOrders?.features ?? []);
    const loaded: LoadedStreet = {
      ...result,
      gridStats: [...gridStats.values()],
      summary: summarizeStreet(result.dataset),
      labels: labelPoints(result.dataset),
      workOrderPoints: points,
    };
    return transfer(loaded, [points.positions.buffer]);
  },
};

export type DataWorkerApi = typeof api;

expose(api);
