/**
 * The column mappings the user chose for work-order files, kept in localStorage by the header's
 * signature (remembered-columns.ts), so the next file with the same columns is imported without
 * asking. One small record with a schema version, the most recent mappings last. Failures never
 * stop an import: a mapping that cannot be stored is asked for again, one that cannot be read is
 * not used.
 */
import type { ColumnMapping } from './orders/order-columns.ts';

const KEY = 'gridatlas-order-mappings';
export const ORDER_MAPPINGS_SCHEMA_VERSION = 1;
/** Mappings kept: a street meets a handful of export layouts, not hundreds. */
export const MAPPINGS_KEPT = 50;

interface OrderMappingsRecord {
  schemaVersion: typeof ORDER_MAPPINGS_SCHEMA_VERSION;
  /** Header signature → the mapping chosen, the most recently chosen last. */
  mappings: Record<string, unknown>;
}

/** The mappings stored; none when the record is missing, unreadable or of another version. */
function mappingsIn(storage: Storage): Record<string, unknown> {
  let record: Partial<OrderMappingsRecord> | null;
  try {
    record = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<OrderMappingsRecord> | null;
  } catch {
    return {};
  }
  const mappings =
    record?.schemaVersion === ORDER_MAPPINGS_SCHEMA_VERSION ? record.mappings : undefined;
  return typeof mappings === 'object' && mappings !== null && !Array.isArray(mappings)
    ? mappings
    : {};
}

/**
 * Remembers the mapping chosen for the header of `signature`.
 * @example
 * rememberMapping(headerSignature(preview.headers), ['id', 'createdAt', 'category2', null]);
 */
export function rememberMapping(
  signature: string,
  mapping: ColumnMapping,
  storage?: Storage,
): void {
  try {
    const store = storage ?? localStorage;
    const mappings = mappingsIn(store);
    delete mappings[signature];
    mappings[signature] = mapping;
    const record: OrderMappingsRecord = {
      schemaVersion: ORDER_MAPPINGS_SCHEMA_VERSION,
      mappings: Object.fromEntries(Object.entries(mappings).slice(-MAPPINGS_KEPT)),
    };
    store.setItem(KEY, JSON.stringify(record));
  } catch {
    // Storage full, refused or missing: the mapping is asked for again next time.
  }
}

/**
 * The mapping remembered for the header of `signature`, as stored (rememberedHeader checks it
 * against the header), or null.
 * @example
 * rememberedHeader(preview, rememberedMapping(headerSignature(preview.headers)));
 */
export function rememberedMapping(signature: string, storage?: Storage): unknown {
  try {
    const mappings = mappingsIn(storage ?? localStorage);
    return Object.hasOwn(mappings, signature) ? mappings[signature] : null;
  } catch {
    return null;
  }
}
