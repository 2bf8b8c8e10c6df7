/**
 * Storage problems of the plan store, as data: a stable code and its parameters (which store,
 * which key, why), put into words by the UI (`storage.problem.<code>`). The store never lets a
 * raw DOMException reach its caller; every failure becomes a `StorageError` carrying one of these.
 */

export const STORAGE_PROBLEM_CODES = [
  /** The browser refused to store more (QuotaExceededError). */
  'quota-exceeded',
  /** No IndexedDB (private mode, a disabled or missing API) or the database failed to open. */
  'unavailable',
  /** A stored record failed validation; it is skipped and left as it is (`store`, `key`, `reason`). */
  'corrupted-record',
  /** A record or the database was written by a newer GridAtlas; it is left untouched. */
  'version-too-new',
  /** Another tab holds the database open at an older version and does not let go. */
  'blocked',
  /** A write failed for another reason (`reason`); nothing of it was stored. */
  'write-failed',
  /** The plan named does not exist (deleted, perhaps in another tab) (`store`, `key`). */
  'not-found',
] as const;
export type StorageProblemCode = (typeof STORAGE_PROBLEM_CODES)[number];

/** A storage problem: a code and the parameters its message needs. */
export interface StorageProblem {
  code: StorageProblemCode;
  params: Record<string, string | number>;
}

/** The error every failing plan-store call rejects with. */
export class StorageError extends Error {
  readonly problem: StorageProblem;

  constructor(problem: StorageProblem, options?: { cause?: unknown }) {
    super(`${problem.code} ${JSON.stringify(problem.params)}`, options);
    this.name = 'StorageError';
    this.problem = problem;
  }
}

/** Where a failing call was: the object store and record key, when there is one. */
export interface StorageWhere {
  store?: string;
  key?: string;
}

/** What a failure counts as when its DOMException name says nothing more specific. */
export type FallbackCode = 'unavailable' | 'write-failed';

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    return String((error as { name: unknown }).name);
  }
  return 'Error';
}

function errorReason(error: unknown): string {
  if (
    error instanceof Error ||
    (typeof error === 'object' && error !== null && 'message' in error)
  ) {
    const message = String((error as { message: unknown }).message);
    return message ? `${errorName(error)}: ${message}` : errorName(error);
  }
  return String(error);
}

/**
 * The `StorageError` for anything an IndexedDB call threw or rejected with: a StorageError
 * passes through, QuotaExceededError becomes 'quota-exceeded', VersionError 'version-too-new',
 * anything else the fallback code with the error's name and message as `reason`.
 * @example
 * storageErrorFrom(new DOMException('full', 'QuotaExceededError'), { store: 'entries' }, 'write-failed')
 *   .problem.code; // 'quota-exceeded'
 */
export function storageErrorFrom(
  error: unknown,
  where: StorageWhere,
  fallback: FallbackCode,
): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  const code: StorageProblemCode =
    name === 'QuotaExceededError'
      ? 'quota-exceeded'
      : name === 'VersionError'
        ? 'version-too-new'
        : fallback;
  return new StorageError(
    { code, params: { ...where, reason: errorReason(error) } },
    { cause: error },
  );
}
