/** The UI side of the data worker: one worker for the app's lifetime, called through Comlink. */
import { wrap, type Remote } from 'comlink';
import type { DataWorkerApi } from './data-worker.ts';

let remote: Remote<DataWorkerApi> | null = null;

/** The data worker, started on first use. */
export function dataWorker(): Remote<DataWorkerApi> {
  remote ??= wrap<DataWorkerApi>(
    new Worker(new URL('./data-worker.ts', import.meta.url), { type: 'module' }),
  );
  return remote;
}
