/**
 * The UI side of the data worker: one worker for the app's lifetime, called through Comlink. A
 * worker that fails to start or crashes rejects `workerFailure`, so a load never waits forever.
 */
import { wrap, type Remote } from 'comlink';
import type { DataWorkerApi } from './data-api.ts';

let remote: Remote<DataWorkerApi> | null = null;
let failure: Promise<never> | null = null;

/** The data worker, started on first use. */
function dataWorker(): Remote<DataWorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('./data-worker.ts', import.meta.url), { type: 'module' });
    failure = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (event) =>
        reject(new Error(event.message || 'worker error')),
      ),
    );
    // Only a load that is waiting observes the failure; an idle worker's crash stays quiet.
    failure.catch(() => undefined);
    remote = wrap<DataWorkerApi>(worker);
  }
  return remote;
}

/** Runs a call on the data worker, failing if the worker itself fails. */
export function callDataWorker<T>(call: (worker: Remote<DataWorkerApi>) => Promise<T>): Promise<T> {
  const worker = dataWorker();
  return Promise.race([call(worker), failure!]);
}
