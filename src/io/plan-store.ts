/**
 * The plan store: plans (方案), their edit histories and the planner's session, kept in IndexedDB
 * (through `idb`) so that a reload, a closed tab or a crash loses nothing. Every write runs in one
 * transaction and resolves only once that transaction has committed, so what the UI shows as done
 * is on disk. Every failure rejects with a `StorageError` (a code and its parameters, never a raw
 * DOMException); records that cannot be read are reported and skipped, and left as they are.
 * Runs in the data worker: no DOM.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Briefing } from '../briefing/briefing.ts';
import type { EditCommand, EditPatch } from '../editing/plan.ts';
import { DEFAULT_DB_NAME, keyText, openPlanDb, type PlanDb, type PlanDbSchema } from './plan-db.ts';
import { readRecord } from './plan-record-migrations.ts';
import {
  PLAN_SCHEMA_VERSION,
  recordProblem,
  type BriefingRecord,
  type HistoryEntryRecord,
  type PlanOrigin,
  type PlanRecord,
  type RecordStoreName,
  type SessionRecord,
  type StoredRecords,
} from './plan-records.ts';
import {
  StorageError,
  storageErrorFrom,
  type FallbackCode,
  type StorageProblem,
  type StorageWhere,
} from './storage-problems.ts';

export type {
  BriefingRecord,
  HistoryEntryRecord,
  PlanOrigin,
  PlanRecord,
  SessionRecord,
} from './plan-records.ts';
export { StorageError, type StorageProblem } from './storage-problems.ts';
export { restorePlan } from './restore-plan.ts';

/** A new plan: from the baseline (empty seed) or from another plan (the grids it changed). */
export interface NewPlan {
  datasetKey: string;
  name: string;
  createdFrom: PlanOrigin;
  seed: EditPatch;
}

/** A stored plan with its history in seq order; `problems` names redo entries that were cut. */
export interface LoadedPlan {
  plan: PlanRecord;
  entries: HistoryEntryRecord[];
  problems: StorageProblem[];
}

/** The session fields to save; a field left out keeps its stored value. */
export interface SessionUpdate {
  datasetKey: string;
  currentPlanId?: string | null;
  view?: unknown;
}

/** A record that could not be read, exactly as stored, with why. */
export interface UnreadableRecord {
  store: RecordStoreName;
  key: string;
  problem: StorageProblem;
  value: unknown;
}

/** Everything stored for one data set, to hand to the user when storage fails. */
export interface PlanBackup {
  format: 'gridatlas-plan-backup';
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  datasetKey: string;
  exportedAt: string;
  plans: { plan: PlanRecord; entries: HistoryEntryRecord[] }[];
  session: SessionRecord | null;
  unreadable: UnreadableRecord[];
}

export interface PlanStore {
  /** The readable plans of a data set, oldest first, and a problem for each one skipped. */
  listPlans(datasetKey: string): Promise<{ plans: PlanRecord[]; problems: StorageProblem[] }>;
  createPlan(plan: NewPlan): Promise<PlanRecord>;
  renamePlan(planId: string, name: string): Promise<PlanRecord>;
  /** A new plan with the same seed, history and cursor, created from `planId`. */
  duplicatePlan(planId: string, name: string): Promise<PlanRecord>;
  /** Deletes the plan and its history (nothing when it does not exist). */
  deletePlan(planId: string): Promise<void>;
  /** Cuts the redo stack, stores the edit at the cursor and moves the cursor past it. */
  appendEdit(
    planId: string,
    edit: { command: EditCommand; patch: EditPatch },
  ): Promise<HistoryEntryRecord>;
  /** Moves the history cursor (undo, redo) to 0 … number of entries. */
  setCursor(planId: string, cursor: number): Promise<PlanRecord>;
  loadPlan(planId: string): Promise<LoadedPlan>;
  saveSession(update: SessionUpdate): Promise<SessionRecord>;
  /** The data set's session, or null when none was saved. */
  loadSession(datasetKey: string): Promise<SessionRecord | null>;
  exportAll(datasetKey: string): Promise<PlanBackup>;
  /** The data set's briefings, oldest first, and the records that could not be read. */
  listBriefings(
    datasetKey: string,
  ): Promise<{ briefings: BriefingRecord[]; problems: StorageProblem[] }>;
  /** Stores a briefing as it now stands (created or replaced). */
  saveBriefing(briefing: Briefing): Promise<BriefingRecord>;
  /** Deletes a briefing (nothing when it does not exist). */
  deleteBriefing(briefingId: string): Promise<void>;
  close(): void;
}

export interface PlanStoreOptions {
  /** Where to open the database; the global `indexedDB` by default. */
  factory?: IDBFactory;
  name?: string;
  /** The clock for timestamps. */
  now?: () => Date;
  /** New plan ids. */
  newId?: () => string;
}

type Stores = StoreNames<PlanDbSchema>;
type Transaction<Mode extends IDBTransactionMode> = IDBPTransaction<PlanDbSchema, Stores[], Mode>;

/** All entries of a plan, in seq order. */
function historyRange(planId: string, from = 0): IDBKeyRange {
  return IDBKeyRange.bound([planId, from], [planId, Infinity]);
}

function fail(code: StorageProblem['code'], params: StorageProblem['params']): never {
  throw new StorageError({ code, params });
}

/** A current record of `store`, or the StorageError of the first thing wrong with it. */
function readOrThrow<S extends RecordStoreName>(
  store: S,
  key: string,
  raw: unknown,
): StoredRecords[S] {
  if (raw === undefined) fail('not-found', { store, key });
  const read = readRecord(store, key, raw);
  if (!read.ok) throw new StorageError(read.problem);
  return read.record;
}

/** Refuses to write a record this code would not read back. */
function checked<S extends RecordStoreName>(
  store: S,
  key: string,
  record: StoredRecords[S],
): StoredRecords[S] {
  const problem = recordProblem(store, record);
  if (problem !== null) fail('write-failed', { store, key, reason: `invalid record: ${problem}` });
  return record;
}

/**
 * A plan's history as read: every entry before the cursor must be readable and in place (else the
 * plan cannot be restored exactly, and the whole load fails); the redo stack is cut at the first
 * entry that is not, which is reported.
 */
async function readHistory(
  transaction: Transaction<IDBTransactionMode>,
  plan: PlanRecord,
): Promise<{ entries: HistoryEntryRecord[]; problems: StorageProblem[] }> {
  const store = transaction.objectStore('entries');
  const range = historyRange(plan.id);
  const [values, keys] = await Promise.all([store.getAll(range), store.getAllKeys(range)]);
  const entries: HistoryEntryRecord[] = [];
  for (const [seq, value] of values.entries()) {
    const read = readRecord('entries', keyText(keys[seq]!), value);
    if (!read.ok || read.record.seq !== seq) {
      const problem: StorageProblem = read.ok
        ? {
            code: 'corrupted-record',
            params: { store: 'entries', key: `${plan.id}:${seq}`, reason: 'missing' },
          }
        : read.problem;
      if (seq < plan.cursor) throw new StorageError(problem);
      return { entries, problems: [problem] };
    }
    entries.push(read.record);
  }
  if (entries.length < plan.cursor) {
    fail('corrupted-record', {
      store: 'plans',
      key: plan.id,
      reason: `cursor ${plan.cursor} is past the ${entries.length} stored edits`,
    });
  }
  return { entries, problems: [] };
}

/** The `byDataset` index of the plans and briefings stores. */
interface DatasetIndex {
  getAll(datasetKey: string): Promise<unknown[]>;
  getAllKeys(datasetKey: string): Promise<IDBValidKey[]>;
}

class IdbPlanStore implements PlanStore {
  readonly #db: PlanDb;
  readonly #now: () => Date;
  readonly #newId: () => string;
  /** Why the store cannot be used any more (closed, or the connection was lost). */
  #gone: StorageProblem | null = null;

  constructor(db: PlanDb, options: { now: () => Date; newId: () => string }) {
    this.#db = db;
    this.#now = options.now;
    this.#newId = options.newId;
  }

  lose(problem: StorageProblem): void {
    this.#gone ??= problem;
  }

  #stamp(): string {
    return this.#now().toISOString();
  }

  /**
   * Runs `work` in one transaction and resolves when it has committed; on any failure the
   * transaction is aborted (nothing of it stays) and the failure becomes a StorageError.
   */
  async #run<T, Mode extends 'readonly' | 'readwrite'>(
    stores: Stores[],
    mode: Mode,
    where: StorageWhere,
    work: (transaction: Transaction<Mode>) => Promise<T>,
  ): Promise<T> {
    if (this.#gone) throw new StorageError(this.#gone);
    const fallback: FallbackCode = mode === 'readwrite' ? 'write-failed' : 'unavailable';
    let transaction: Transaction<Mode>;
    try {
      transaction = this.#db.transaction(stores, mode);
    } catch (error) {
      throw storageErrorFrom(error, where, 'unavailable');
    }
    try {
      const result = await work(transaction);
      await transaction.done;
      return result;
    } catch (error) {
      transaction.done.catch(() => undefined);
      try {
        transaction.abort();
      } catch {
        // Already finished or aborted: nothing of it was committed after a failure.
      }
      throw storageErrorFrom(error, where, fallback);
    }
  }

  async listPlans(
    datasetKey: string,
  ): Promise<{ plans: PlanRecord[]; problems: StorageProblem[] }> {
    const { records, problems } = await this.#listByDataset('plans', datasetKey);
    return { plans: records, problems };
  }

  /** The readable records of a data set in `store`, oldest first, and the problems of the rest. */
  async #listByDataset<S extends 'plans' | 'briefings'>(
    store: S,
    datasetKey: string,
  ): Promise<{ records: StoredRecords[S][]; problems: StorageProblem[] }> {
    return this.#run([store], 'readonly', { store }, async (transaction) => {
      // Both stores index their records by data set the same way; idb's types cannot say so for
      // a store chosen at run time.
      const index = transaction.objectStore(store).index('byDataset') as unknown as DatasetIndex;
      const [values, keys] = await Promise.all([
        index.getAll(datasetKey),
        index.getAllKeys(datasetKey),
      ]);
      const records: StoredRecords[S][] = [];
      const problems: StorageProblem[] = [];
      values.forEach((value, at) => {
        const read = readRecord(store, keyText(keys[at]!), value);
        if (read.ok) records.push(read.record);
        else problems.push(read.problem);
      });
      records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return { records, problems };
    });
  }

  async createPlan({ datasetKey, name, createdFrom, seed }: NewPlan): Promise<PlanRecord> {
    const id = this.#newId();
    const at = this.#stamp();
    const plan = checked('plans', id, {
      schemaVersion: PLAN_SCHEMA_VERSION,
      id,
      datasetKey,
      name,
      createdFrom,
      seed,
      cursor: 0,
      createdAt: at,
      updatedAt: at,
    });
    return this.#run(['plans'], 'readwrite', { store: 'plans', key: id }, async (transaction) => {
      await transaction.objectStore('plans').add(plan);
      return plan;
    });
  }

  /** The plan `planId` as this transaction reads it (the StorageError when it cannot). */
  async #readPlan(
    transaction: Transaction<IDBTransactionMode>,
    planId: string,
  ): Promise<PlanRecord> {
    return readOrThrow('plans', planId, await transaction.objectStore('plans').get(planId));
  }

  /** Writes `plan` with `changes` and a new `updatedAt`. */
  async #writePlan(
    transaction: Transaction<'readwrite'>,
    plan: PlanRecord,
    changes: Partial<PlanRecord>,
  ): Promise<PlanRecord> {
    const next = checked('plans', plan.id, { ...plan, ...changes, updatedAt: this.#stamp() });
    await transaction.objectStore('plans').put(next);
    return next;
  }

  renamePlan(planId: string, name: string): Promise<PlanRecord> {
    const where = { store: 'plans', key: planId };
    return this.#run(['plans'], 'readwrite', where, async (transaction) =>
      this.#writePlan(transaction, await this.#readPlan(transaction, planId), { name }),
    );
  }

  async duplicatePlan(planId: string, name: string): Promise<PlanRecord> {
    const stores: Stores[] = ['plans', 'entries'];
    return this.#run(stores, 'readwrite', { store: 'plans', key: planId }, async (transaction) => {
      const source = await this.#readPlan(transaction, planId);
      const { entries } = await readHistory(transaction, source);
      const id = this.#newId();
      const at = this.#stamp();
      const copy: PlanRecord = {
        ...source,
        id,
        name,
        createdFrom: { kind: 'plan', planId, name: source.name },
        createdAt: at,
        updatedAt: at,
      };
      await transaction.objectStore('plans').add(checked('plans', id, copy));
      for (const entry of entries)
        await transaction.objectStore('entries').add({ ...entry, planId: id });
      return copy;
    });
  }

  async deletePlan(planId: string): Promise<void> {
    const stores: Stores[] = ['plans', 'entries', 'sessions'];
    await this.#run(stores, 'readwrite', { store: 'plans', key: planId }, async (transaction) => {
      const raw = await transaction.objectStore('plans').get(planId);
      await transaction.objectStore('plans').delete(planId);
      await transaction.objectStore('entries').delete(historyRange(planId));
      const datasetKey = (raw as { datasetKey?: unknown } | undefined)?.datasetKey;
      if (typeof datasetKey !== 'string') return;
      // The session must not point at a plan that is gone.
      const session = readRecord(
        'sessions',
        datasetKey,
        await transaction.objectStore('sessions').get(datasetKey),
      );
      if (session.ok && session.record.currentPlanId === planId) {
        await transaction.objectStore('sessions').put({ ...session.record, currentPlanId: null });
      }
    });
  }

  async appendEdit(
    planId: string,
    { command, patch }: { command: EditCommand; patch: EditPatch },
  ): Promise<HistoryEntryRecord> {
    const where = { store: 'plans', key: planId };
    return this.#run(['plans', 'entries'], 'readwrite', where, async (transaction) => {
      const plan = await this.#readPlan(transaction, planId);
      const entry = checked('entries', `${planId}:${plan.cursor}`, {
        schemaVersion: PLAN_SCHEMA_VERSION,
        planId,
        seq: plan.cursor,
        command,
        patch,
        at: this.#stamp(),
      });
      const entries = transaction.objectStore('entries');
      await entries.delete(historyRange(planId, plan.cursor));
      await entries.put(entry);
      await this.#writePlan(transaction, plan, { cursor: plan.cursor + 1 });
      return entry;
    });
  }

  setCursor(planId: string, cursor: number): Promise<PlanRecord> {
    const where = { store: 'plans', key: planId };
    return this.#run(['plans', 'entries'], 'readwrite', where, async (transaction) => {
      const plan = await this.#readPlan(transaction, planId);
      const length = await transaction.objectStore('entries').count(historyRange(planId));
      if (!Number.isSafeInteger(cursor) || cursor < 0 || cursor > length) {
        fail('write-failed', { ...where, reason: `cursor ${cursor} is outside 0…${length}` });
      }
      return this.#writePlan(transaction, plan, { cursor });
    });
  }

  async loadPlan(planId: string): Promise<LoadedPlan> {
    const where = { store: 'plans', key: planId };
    return this.#run(['plans', 'entries'], 'readonly', where, async (transaction) => {
      const plan = await this.#readPlan(transaction, planId);
      return { plan, ...(await readHistory(transaction, plan)) };
    });
  }

  async saveSession({ datasetKey, ...update }: SessionUpdate): Promise<SessionRecord> {
    const where = { store: 'sessions', key: datasetKey };
    return this.#run(['sessions'], 'readwrite', where, async (transaction) => {
      const sessions = transaction.objectStore('sessions');
      const read = readRecord('sessions', datasetKey, await sessions.get(datasetKey));
      // A newer version's session is kept; a damaged one only held view state and is replaced.
      if (!read.ok && read.problem.code === 'version-too-new') throw new StorageError(read.problem);
      const previous = read.ok ? read.record : { currentPlanId: null, view: null };
      const session = checked('sessions', datasetKey, {
        schemaVersion: PLAN_SCHEMA_VERSION,
        datasetKey,
        currentPlanId:
          update.currentPlanId === undefined ? previous.currentPlanId : update.currentPlanId,
        view: 'view' in update ? update.view : previous.view,
        updatedAt: this.#stamp(),
      });
      await sessions.put(session);
      return session;
    });
  }

  async loadSession(datasetKey: string): Promise<SessionRecord | null> {
    const where = { store: 'sessions', key: datasetKey };
    return this.#run(['sessions'], 'readonly', where, async (transaction) => {
      const raw = await transaction.objectStore('sessions').get(datasetKey);
      return raw === undefined ? null : readOrThrow('sessions', datasetKey, raw);
    });
  }

  async listBriefings(
    datasetKey: string,
  ): Promise<{ briefings: BriefingRecord[]; problems: StorageProblem[] }> {
    const { records, problems } = await this.#listByDataset('briefings', datasetKey);
    return { briefings: records, problems };
  }

  async saveBriefing(briefing: Briefing): Promise<BriefingRecord> {
    const record = checked('briefings', briefing.id, {
      ...briefing,
      schemaVersion: PLAN_SCHEMA_VERSION,
    });
    const where = { store: 'briefings', key: briefing.id };
    return this.#run(['briefings'], 'readwrite', where, async (transaction) => {
      await transaction.objectStore('briefings').put(record);
      return record;
    });
  }

  async deleteBriefing(briefingId: string): Promise<void> {
    const where = { store: 'briefings', key: briefingId };
    await this.#run(['briefings'], 'readwrite', where, async (transaction) => {
      await transaction.objectStore('briefings').delete(briefingId);
    });
  }

  async exportAll(datasetKey: string): Promise<PlanBackup> {
    const stores: Stores[] = ['plans', 'entries', 'sessions'];
    return this.#run(stores, 'readonly', { store: 'plans' }, async (transaction) => {
      const backup: PlanBackup = {
        format: 'gridatlas-plan-backup',
        schemaVersion: PLAN_SCHEMA_VERSION,
        datasetKey,
        exportedAt: this.#stamp(),
        plans: [],
        session: null,
        unreadable: [],
      };
      const keep = <S extends RecordStoreName>(
        store: S,
        key: string,
        value: unknown,
      ): StoredRecords[S] | null => {
        const read = readRecord(store, key, value);
        if (read.ok) return read.record;
        backup.unreadable.push({ store, key, problem: read.problem, value });
        return null;
      };
      const plans = transaction.objectStore('plans');
      const [values, keys] = await Promise.all([plans.getAll(), plans.getAllKeys()]);
      for (const [at, value] of values.entries()) {
        const ownDataset = (value as { datasetKey?: unknown } | null)?.datasetKey;
        // A plan of another data set is left out; one whose data set cannot be told is kept.
        if (typeof ownDataset === 'string' && ownDataset !== datasetKey) continue;
        const planId = keys[at]!;
        const plan = keep('plans', planId, value);
        const range = historyRange(planId);
        const entries = transaction.objectStore('entries');
        const [entryValues, entryKeys] = await Promise.all([
          entries.getAll(range),
          entries.getAllKeys(range),
        ]);
        const readable: HistoryEntryRecord[] = [];
        entryValues.forEach((entry, index) => {
          const key = keyText(entryKeys[index]!);
          if (plan) {
            const record = keep('entries', key, entry);
            if (record) readable.push(record);
            return;
          }
          // The edits of a plan that cannot be read still go into the backup, as stored.
          const reason = 'its plan record is unreadable';
          const problem: StorageProblem = {
            code: 'corrupted-record',
            params: { store: 'entries', key, reason },
          };
          backup.unreadable.push({ store: 'entries', key, problem, value: entry });
        });
        if (plan) backup.plans.push({ plan, entries: readable });
      }
      const session = await transaction.objectStore('sessions').get(datasetKey);
      if (session !== undefined) backup.session = keep('sessions', datasetKey, session);
      return backup;
    });
  }

  close(): void {
    this.lose({ code: 'unavailable', params: { reason: 'the plan store was closed' } });
    this.#db.close();
  }
}

/**
 * Opens the plan store (creating or upgrading its database). Rejects with a StorageError
 * ('unavailable', 'blocked', 'version-too-new') when plans cannot be kept in this browser.
 * @example
 * const store = await openPlanStore();
 * const plan = await store.createPlan({ datasetKey, name: '方案一', createdFrom: { kind: 'baseline' },
 *   seed: { entries: [] } });
 * await store.appendEdit(plan.id, { command, patch });
 */
export async function openPlanStore(options: PlanStoreOptions = {}): Promise<PlanStore> {
  const factory = options.factory ?? (typeof indexedDB === 'undefined' ? null : indexedDB);
  if (!factory) fail('unavailable', { reason: 'this browser has no IndexedDB' });
  let store: IdbPlanStore | null = null;
  let lost: StorageProblem | null = null;
  const db = await openPlanDb(factory, options.name ?? DEFAULT_DB_NAME, (problem) => {
    if (store) store.lose(problem);
    else lost = problem;
  });
  store = new IdbPlanStore(db, {
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => crypto.randomUUID()),
  });
  if (lost) store.lose(lost);
  return store;
}
