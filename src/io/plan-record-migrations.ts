/**
 * Schema migrations of the plan store's records, and the one way a stored record is read: its
 * `schemaVersion` checked, upgraded step by step through the registry to the current version,
 * then validated. A record newer than this code is left alone ('version-too-new'); one that is
 * not a record of its store is reported ('corrupted-record'). Reading never writes.
 */
import {
  PLAN_SCHEMA_VERSION,
  recordProblem,
  type RecordStoreName,
  type StoredRecords,
} from './plan-records.ts';
import type { StorageProblem } from './storage-problems.ts';

type RawRecord = Record<string, unknown>;
type Migration = (record: RawRecord) => RawRecord;

/**
 * The migration from each version to the next, per store: `MIGRATIONS[v][store]` turns a version
 * v record into a version v + 1 record. Every version below the current one has an entry.
 */
export const MIGRATIONS: Readonly<Record<number, Readonly<Record<RecordStoreName, Migration>>>> = {
  // Version 1 plans always started from the baseline: no seed, no createdFrom.
  1: {
    plans: (record) => ({
      ...record,
      schemaVersion: 2,
      createdFrom: { kind: 'baseline' },
      seed: { entries: [] },
    }),
    entries: (record) => ({ ...record, schemaVersion: 2 }),
    sessions: (record) => ({ ...record, schemaVersion: 2 }),
    // Briefings came with version 2: a version 1 one never existed.
    briefings: (record) => ({ ...record, schemaVersion: 2 }),
  },
};

/** A record as read: current and valid (`migrated` when it was upgraded), or why not. */
export type RecordRead<S extends RecordStoreName> =
  | { ok: true; record: StoredRecords[S]; migrated: boolean }
  | { ok: false; problem: StorageProblem };

function corrupted(store: RecordStoreName, key: string, reason: string): RecordRead<never> {
  return { ok: false, problem: { code: 'corrupted-record', params: { store, key, reason } } };
}

/**
 * Reads a raw stored value of `store` (under `key`, for the report) into a current record.
 * @example
 * const read = readRecord('plans', 'p1', { schemaVersion: 1, id: 'p1', datasetKey: 'k', name: 'A',
 *   cursor: 0, createdAt: '2026-05-01T08:00:00Z', updatedAt: '2026-05-01T08:00:00Z' });
 * read.ok && read.record.createdFrom; // { kind: 'baseline' }
 */
export function readRecord<S extends RecordStoreName>(
  store: S,
  key: string,
  raw: unknown,
): RecordRead<S> {
  if (typeof raw !== 'object' || raw === null)
    return corrupted(store, key, 'record is not an object');
  let record = raw as RawRecord;
  let version = record.schemaVersion;
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    return corrupted(store, key, 'schemaVersion is missing');
  }
  if ((version as number) > PLAN_SCHEMA_VERSION) {
    return {
      ok: false,
      problem: {
        code: 'version-too-new',
        params: { store, key, version: version as number, known: PLAN_SCHEMA_VERSION },
      },
    };
  }
  const migrated = version !== PLAN_SCHEMA_VERSION;
  while ((version as number) < PLAN_SCHEMA_VERSION) {
    const migration = MIGRATIONS[version as number]?.[store];
    if (!migration) return corrupted(store, key, `no migration from version ${String(version)}`);
    record = migration(record);
    version = (version as number) + 1;
  }
  const problem = recordProblem(store, record);
  if (problem !== null) return corrupted(store, key, problem);
  return { ok: true, record: record as unknown as StoredRecords[S], migrated };
}
