/**
 * The records the plan store keeps in IndexedDB (plans, their history entries, one session per
 * data set, and briefings) and the checks a record read back must pass. IndexedDB hands back whatever was
 * written, by any version of the app or by a damaged disk, so every record is validated before the
 * app trusts it; a record that fails is reported, never half-used.
 */
import { briefingProblem } from '../briefing/briefing-checks.ts';
import type { Briefing } from '../briefing/briefing.ts';
import type { EditCommand, EditOp, EditPatch } from '../editing/plan.ts';

/** The record shape this code writes. Version 1 had no `seed` and no `createdFrom`. */
export const PLAN_SCHEMA_VERSION = 2;

/** What a plan was created from: the baseline (现状), or another plan as it stood then. */
export type PlanOrigin = { kind: 'baseline' } | { kind: 'plan'; planId: string; name: string };

/** A plan (方案): the baseline plus `seed`, then history entries [0, cursor) applied in order. */
export interface PlanRecord {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  id: string;
  /** The loaded street data the plan belongs to (`datasetKeyOf` its grids file). */
  datasetKey: string;
  name: string;
  createdFrom: PlanOrigin;
  /** Grids that differed from the baseline when the plan was created; empty from the baseline. */
  seed: EditPatch;
  /** Entries before it are applied; those at or after it are the redo stack. */
  cursor: number;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

/** One edit of a plan's history, keyed [planId, seq]; seq runs 0, 1, 2 … without gaps. */
export interface HistoryEntryRecord {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  planId: string;
  seq: number;
  /** The edit as asked for: its label in the history, and what `op` undo/redo names. */
  command: EditCommand;
  patch: EditPatch;
  /** ISO 8601. */
  at: string;
}

/** Where the planner was in a data set: the plan on screen and the UI's own view state. */
export interface SessionRecord {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  datasetKey: string;
  currentPlanId: string | null;
  /** Opaque to the store (camera, metric, tab …): whatever structured-cloneable value the UI saves. */
  view: unknown;
  updatedAt: string;
}

/** A briefing (汇报) of a data set: its slides hold views, never images (src/briefing). */
export interface BriefingRecord extends Briefing {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
}

/** The object stores, and the record each holds. */
export interface StoredRecords {
  plans: PlanRecord;
  entries: HistoryEntryRecord;
  sessions: SessionRecord;
  briefings: BriefingRecord;
}
export type RecordStoreName = keyof StoredRecords;

// Every op of EditCommand, checked against the type so a new op cannot be forgotten here.
const EDIT_OPS: Record<EditOp, true> = {
  'move-vertex': true,
  'insert-vertex': true,
  'delete-vertex': true,
  split: true,
  merge: true,
  draw: true,
  reassign: true,
  delete: true,
  attributes: true,
  renumber: true,
};

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isTime(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** The first field of `record` that is not a string, as a reason, or null. */
function missingStrings(record: Fields, names: readonly string[]): string | null {
  const bad = names.find((name) => typeof record[name] !== 'string');
  return bad === undefined ? null : `${bad} is not a string`;
}

function gridFeatureProblem(value: unknown, gridId: string): string | null {
  if (value === null) return null;
  if (!isObject(value) || value.type !== 'Feature')
    return `grid ${gridId} is not a GeoJSON Feature`;
  const { geometry, properties } = value;
  if (
    !isObject(geometry) ||
    (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') ||
    !Array.isArray(geometry.coordinates)
  ) {
    return `grid ${gridId} has no polygon geometry`;
  }
  if (!isObject(properties) || properties.id !== gridId) {
    return `grid ${gridId} has properties of another id`;
  }
  return null;
}

/**
 * Why `value` is not an EditPatch (entries of grid id, rank, and before/after grids or null), or null.
 * @example
 * patchProblem({ entries: [] }); // null
 * patchProblem({ entries: [{ gridId: 'g', rank: -1, before: null, after: null }] }); // 'rank …'
 */
function patchProblem(value: unknown): string | null {
  if (!isObject(value) || !Array.isArray(value.entries)) return 'patch has no entries list';
  for (const entry of value.entries as unknown[]) {
    if (!isObject(entry) || typeof entry.gridId !== 'string') return 'patch entry has no grid id';
    if (!isCount(entry.rank)) return `rank of grid ${entry.gridId} is not a whole number ≥ 0`;
    const grid =
      gridFeatureProblem(entry.before, entry.gridId) ??
      gridFeatureProblem(entry.after, entry.gridId);
    if (grid) return grid;
  }
  return null;
}

function prefixed(field: string, problem: string | null): string | null {
  return problem === null ? null : `${field}: ${problem}`;
}

function originProblem(value: unknown): string | null {
  if (!isObject(value)) return 'createdFrom is missing';
  if (value.kind === 'baseline') return null;
  if (value.kind === 'plan') return missingStrings(value, ['planId', 'name']);
  return 'createdFrom has an unknown kind';
}

function planProblem(record: Fields): string | null {
  return (
    missingStrings(record, ['id', 'datasetKey', 'name']) ??
    originProblem(record.createdFrom) ??
    prefixed('seed', patchProblem(record.seed)) ??
    (isCount(record.cursor) ? null : 'cursor is not a whole number ≥ 0') ??
    (isTime(record.createdAt) && isTime(record.updatedAt) ? null : 'a timestamp is not a date')
  );
}

function entryProblem(record: Fields): string | null {
  const { command } = record;
  return (
    missingStrings(record, ['planId']) ??
    (isCount(record.seq) ? null : 'seq is not a whole number ≥ 0') ??
    (isObject(command) && typeof command.op === 'string' && Object.hasOwn(EDIT_OPS, command.op)
      ? null
      : 'command has no known op') ??
    patchProblem(record.patch) ??
    (isTime(record.at) ? null : 'at is not a date')
  );
}

function sessionProblem(record: Fields): string | null {
  return (
    missingStrings(record, ['datasetKey']) ??
    (record.currentPlanId === null || typeof record.currentPlanId === 'string'
      ? null
      : 'currentPlanId is neither a string nor null') ??
    ('view' in record ? null : 'view is missing') ??
    (isTime(record.updatedAt) ? null : 'updatedAt is not a date')
  );
}

const PROBLEM_OF: Record<RecordStoreName, (record: Fields) => string | null> = {
  plans: planProblem,
  entries: entryProblem,
  sessions: sessionProblem,
  briefings: briefingProblem,
};

/**
 * Why `value` is not a valid current-version record of `store`, or null when it is.
 * @example
 * recordProblem('sessions', { schemaVersion: 2, datasetKey: 'k', currentPlanId: null, view: null,
 *   updatedAt: '2026-05-01T08:00:00.000Z' }); // null
 */
export function recordProblem(store: RecordStoreName, value: unknown): string | null {
  if (!isObject(value)) return 'record is not an object';
  if (value.schemaVersion !== PLAN_SCHEMA_VERSION) return 'schemaVersion is not the current one';
  return PROBLEM_OF[store](value);
}
