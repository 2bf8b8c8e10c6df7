/**
 * The IndexedDB database behind the plan store: its object stores, its version, and opening it
 * from any `IDBFactory` (the worker's `indexedDB`, or a fresh fake one per test). Database
 * version 1 held schema-1 records; opening at version 2 upgrades every stored record in place
 * through the migration registry, leaving records it cannot read exactly as they were. Version 3
 * adds the briefings store.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { readRecord } from './plan-record-migrations.ts';
import type { RecordStoreName } from './plan-records.ts';
import { StorageError, storageErrorFrom, type StorageProblem } from './storage-problems.ts';

export const DEFAULT_DB_NAME = 'gridatlas-plans';

/** The IndexedDB version (not the record schema version, which is 2). */
export const DB_VERSION = 3;

/** Values are `unknown`: what comes back from disk is checked before it is trusted. */
export interface PlanDbSchema extends DBSchema {
  plans: { key: string; value: unknown; indexes: { byDataset: string } };
  entries: { key: [string, number]; value: unknown };
  sessions: { key: string; value: unknown };
  briefings: { key: string; value: unknown; indexes: { byDataset: string } };
}

export type PlanDb = IDBPDatabase<PlanDbSchema>;
type UpgradeTransaction = IDBPTransaction<
  PlanDbSchema,
  StoreNames<PlanDbSchema>[],
  'versionchange'
>;

const RECORD_STORES: readonly RecordStoreName[] = ['plans', 'entries', 'sessions', 'briefings'];

/**
 * A record key as the problems report it: an entry's [planId, seq] reads 'planId:seq'.
 * @example
 * keyText(['p1', 3]); // 'p1:3'
 */
export function keyText(key: IDBValidKey): string {
  return Array.isArray(key) ? key.map((part) => keyText(part)).join(':') : String(key);
}

function createStores(db: PlanDb): void {
  db.createObjectStore('plans', { keyPath: 'id' }).createIndex('byDataset', 'datasetKey');
  db.createObjectStore('entries', { keyPath: ['planId', 'seq'] });
  db.createObjectStore('sessions', { keyPath: 'datasetKey' });
}

/** Rewrites every record an older schema wrote, through the registry; others stay untouched. */
async function migrateRecords(transaction: UpgradeTransaction): Promise<void> {
  for (const store of RECORD_STORES) {
    let cursor = await transaction.objectStore(store).openCursor();
    while (cursor) {
      const read = readRecord(store, keyText(cursor.primaryKey), cursor.value);
      if (read.ok && read.migrated) await cursor.update(read.record);
      cursor = await cursor.continue();
    }
  }
}

/** What the store hears when the open database goes away under it. */
export type ConnectionLost = (problem: StorageProblem) => void;

/**
 * Opens (creating or upgrading) the plan database. Rejects with a StorageError: 'unavailable'
 * (no IndexedDB, private mode, open failure), 'version-too-new' (a newer GridAtlas upgraded it),
 * 'blocked' (another tab keeps an older version open). Once open, the connection closes itself
 * when another tab needs to upgrade it, and `onLost` says why it is gone.
 * @example
 * const db = await openPlanDb(indexedDB, DEFAULT_DB_NAME, (problem) => console.warn(problem));
 */
export function openPlanDb(
  factory: IDBFactory,
  name: string,
  onLost: ConnectionLost,
): Promise<PlanDb> {
  // Database-wide problems name the database where record problems name a store and key.
  const where = { store: 'database', key: name };
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (error) {
      reject(storageErrorFrom(error, where, 'unavailable'));
      return;
    }
    let settled = false;
    let upgradeFailure: unknown = null;
    const fail = (error: StorageError): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as PlanDb;
      const transaction = wrap(request.transaction!) as unknown as UpgradeTransaction;
      if (event.oldVersion < 1) createStores(db);
      if (event.oldVersion < 3)
        db.createObjectStore('briefings', { keyPath: 'id' }).createIndex('byDataset', 'datasetKey');
      // A failed upgrade is reported by the open request's error event, not by `done`.
      transaction.done.catch(() => undefined);
      migrateRecords(transaction).catch((error: unknown) => {
        upgradeFailure = error;
        try {
          transaction.abort();
        } catch {
          // Already aborted by the failing request: the open fails all the same.
        }
      });
    });
    request.addEventListener('blocked', () => {
      fail(new StorageError({ code: 'blocked', params: { ...where, version: DB_VERSION } }));
    });
    request.addEventListener('error', (event) => {
      event.preventDefault();
      fail(storageErrorFrom(upgradeFailure ?? request.error, where, 'unavailable'));
    });
    request.addEventListener('success', () => {
      const connection = request.result;
      if (settled) {
        // Opened after the caller was told it was blocked: nobody holds this connection.
        connection.close();
        return;
      }
      settled = true;
      connection.addEventListener('versionchange', () => {
        connection.close();
        onLost({
          code: 'version-too-new',
          params: { ...where, reason: 'upgraded in another tab' },
        });
      });
      connection.addEventListener('close', () => {
        onLost({
          code: 'unavailable',
          params: { ...where, reason: 'the browser closed the database' },
        });
      });
      resolve(wrap(connection) as PlanDb);
    });
  });
}
