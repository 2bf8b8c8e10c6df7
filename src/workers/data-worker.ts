/**
 * The data worker: parses and validates the user's files and computes the per-grid figures off the
 * UI thread, so loading 25,000 work orders never freezes the map. Exposed with Comlink.
 */
import { expose } from 'comlink';
import { computeGridStats } from '../analysis/grid-stats.ts';
import { summarizeStreet } from '../analysis/street-summary.ts';
import { loadFiles, type InputFile } from '../io/load-files.ts';
import type { LoadedStreet } from './loaded-street.ts';

const api = {
  /** Validates `files` and returns the loaded layers, their problems and the grid figures. */
  load(files: InputFile[]): LoadedStreet {
    const result = loadFiles(files);
    const { grids, buildings, workOrders } = result.dataset;
    const gridStats = computeGridStats(
      grids?.features ?? [],
      buildings?.features ?? [],
      workOrders?.features ?? [],
    );
    return {
      ...result,
      gridStats: [...gridStats.values()],
      summary: summarizeStreet(result.dataset),
    };
  },
};

export type DataWorkerApi = typeof api;

expose(api);
