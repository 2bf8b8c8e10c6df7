/** The data worker: the data API (data-api.ts) exposed with Comlink, off the UI thread. */
import { expose } from 'comlink';
import { createDataApi } from './data-api.ts';

expose(createDataApi());
