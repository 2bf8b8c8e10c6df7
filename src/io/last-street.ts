/**
 * The street the planner last opened from their own files, kept in IndexedDB so that reloading
 * the page (or a crash) reopens it with its plans instead of falling back to the sample street.
 * One record: the files as read, with a schema version. Failures never stop a load: saving
 * reports a storage problem, reading gives null (and the sample is shown).
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { InputFile } from './load-files.ts';
import { storageErrorFrom, type StorageProblem } from './storage-problems.ts';

const DB_NAME = 'gridatlas-street';
const STORE = 'files';
const KEY = 'last';
export const LAST_STREET_SCHEMA_VERSION = 1;

interface LastStreetRecord {
  schemaVersion: typeof LAST_STREET_SCHEMA_VERSION;
  savedAt: string;
  files: InputFile[];
}

interface LastStreetSchema extends DBSchema {
  files: { key: string; value: unknown };
}

function open(factory: IDBFactory = indexedDB): Promise<IDBPDatabase<LastStreetSchema>> {
  const request = factory.open(DB_NAME, 1);
  request.onupgradeneeded = () => void request.result.createObjectStore(STORE);
  return wrap(request) as unknown as Promise<IDBPDatabase<LastStreetSchema>>;
}

function isRecord(value: unknown): value is LastStreetRecord {
  const record = value as Partial<LastStreetRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    record.schemaVersion === LAST_STREET_SCHEMA_VERSION &&
    Array.isArray(record.files) &&
    record.files.every((f) => typeof f?.name === 'string' && typeof f?.text === 'string')
  );
}

/**
 * Remembers the files of the street just opened (null forgets it: the sample is back).
 * @example
 * const problem = await rememberStreet(files); // null when stored
 */
export async function rememberStreet(
  files: readonly InputFile[] | null,
  factory?: IDBFactory,
): Promise<StorageProblem | null> {
  try {
    const db = await open(factory);
    if (files === null) await db.delete(STORE, KEY);
    else {
      const record: LastStreetRecord = {
        schemaVersion: LAST_STREET_SCHEMA_VERSION,
        savedAt: new Date().toISOString(),
        files: files.map(({ name, text }) => ({ name, text })),
      };
      await db.put(STORE, record, KEY);
    }
    db.close();
    return null;
  } catch (error) {
    return storageErrorFrom(error, { store: STORE, key: KEY }, 'write-failed').problem;
  }
}

/**
 * The files of the street last opened, or null (none, unreadable, or no IndexedDB).
 * @example
 * const files = await lastStreet(); // [{ name: 'grids.geojson', text: '…' }, …] or null
 */
export async function lastStreet(factory?: IDBFactory): Promise<InputFile[] | null> {
  try {
    const db = await open(factory);
    const value = await db.get(STORE, KEY);
    db.close();
    return isRecord(value) ? value.files : null;
  } catch {
    return null;
  }
}
