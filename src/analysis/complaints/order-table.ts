/**
 * Work orders as columns: one typed array per field (times, categories as dictionary indexes,
 * flags, position, building), not one object per order, so a million orders fit in some 60 MB,
 * filter and aggregate in tight loops, and move between threads without copying. Strings that
 * repeat (sources, categories, statuses) are stored once in dictionaries; the order number and the
 * address, which do not repeat, stay strings.
 */
import {
  SATISFACTION_LEVELS,
  WORK_ORDER_STATUSES,
  type Satisfaction,
  type WorkOrderStatus,
} from '../../domain/types.ts';

/** One order as importers hand it over: times in epoch ms, null when absent. */
export interface OrderRecord {
  id: string;
  source: string;
  category1: string;
  category2: string;
  category3: string | null;
  createdAt: number;
  /** The due time, from the export or from the category's time limit. */
  dueAt: number;
  closedAt: number | null;
  status: WorkOrderStatus;
  followedUp: boolean;
  contacted: boolean;
  resolved: boolean;
  satisfaction: Satisfaction | null;
  /** WGS-84, null when the order has no position. */
  lng: number | null;
  lat: number | null;
  address: string | null;
  /** Index of the order's building in the street's building list, or -1. */
  building: number;
}

/** Bits of `flags`. */
export const FOLLOWED_UP = 1;
export const CONTACTED = 2;
export const RESOLVED = 4;

/** `satisfaction` values: the index in SATISFACTION_LEVELS (满意, 基本满意, 不满意), or NO_RATING. */
export const NO_RATING = -1;
/** `category3` when the order has none. */
export const NO_CATEGORY = 0xffff;

export interface OrderTable {
  readonly size: number;
  readonly ids: readonly string[];
  readonly addresses: readonly (string | null)[];
  readonly createdAt: Float64Array;
  readonly dueAt: Float64Array;
  /** NaN for an open order. */
  readonly closedAt: Float64Array;
  readonly source: Uint8Array;
  readonly category1: Uint16Array;
  readonly category2: Uint16Array;
  readonly category3: Uint16Array;
  /** Index in WORK_ORDER_STATUSES. */
  readonly status: Uint8Array;
  readonly flags: Uint8Array;
  readonly satisfaction: Int8Array;
  /** NaN when the order has no position. */
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  readonly building: Int32Array;
  readonly dictionaries: {
    readonly source: readonly string[];
    readonly category1: readonly string[];
    readonly category2: readonly string[];
    readonly category3: readonly string[];
  };
}

/** A string ↔ index dictionary that grows as values come. */
class Dictionary {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();
  indexOf(value: string): number {
    let index = this.#index.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.#index.set(value, index);
    }
    return index;
  }
}

const NUMERIC = {
  createdAt: Float64Array,
  dueAt: Float64Array,
  closedAt: Float64Array,
  source: Uint8Array,
  category1: Uint16Array,
  category2: Uint16Array,
  category3: Uint16Array,
  status: Uint8Array,
  flags: Uint8Array,
  satisfaction: Int8Array,
  lng: Float64Array,
  lat: Float64Array,
  building: Int32Array,
} as const;
type NumericColumn = keyof typeof NUMERIC;
type Columns = { [K in NumericColumn]: InstanceType<(typeof NUMERIC)[K]> };

/**
 * Builds a table order by order, growing its columns as needed.
 * @example
 * const builder = new OrderTableBuilder();
 * for (const record of records) builder.add(record);
 * const table = builder.build();
 */
export class OrderTableBuilder {
  #size = 0;
  #capacity: number;
  #columns: Columns;
  readonly #ids: string[] = [];
  readonly #addresses: (string | null)[] = [];
  readonly #source = new Dictionary();
  readonly #category1 = new Dictionary();
  readonly #category2 = new Dictionary();
  readonly #category3 = new Dictionary();

  constructor(capacity = 1024) {
    this.#capacity = Math.max(1, capacity);
    this.#columns = allocate(this.#capacity);
  }

  get size(): number {
    return this.#size;
  }

  add(record: OrderRecord): void {
    if (this.#size === this.#capacity) this.#grow();
    const i = this.#size++;
    const c = this.#columns;
    this.#ids.push(record.id);
    this.#addresses.push(record.address);
    c.createdAt[i] = record.createdAt;
    c.dueAt[i] = record.dueAt;
    c.closedAt[i] = record.closedAt ?? NaN;
    c.source[i] = this.#source.indexOf(record.source);
    c.category1[i] = this.#category1.indexOf(record.category1);
    c.category2[i] = this.#category2.indexOf(record.category2);
    c.category3[i] =
      record.category3 === null ? NO_CATEGORY : this.#category3.indexOf(record.category3);
    c.status[i] = WORK_ORDER_STATUSES.indexOf(record.status);
    c.flags[i] =
      (record.followedUp ? FOLLOWED_UP : 0) |
      (record.contacted ? CONTACTED : 0) |
      (record.resolved ? RESOLVED : 0);
    c.satisfaction[i] =
      record.satisfaction === null ? NO_RATING : SATISFACTION_LEVELS.indexOf(record.satisfaction);
    c.lng[i] = record.lng ?? NaN;
    c.lat[i] = record.lat ?? NaN;
    c.building[i] = record.building;
  }

  build(): OrderTable {
    const size = this.#size;
    const trimmed = {} as Columns;
    for (const key of Object.keys(NUMERIC) as NumericColumn[]) {
      (trimmed as Record<NumericColumn, unknown>)[key] = this.#columns[key].slice(0, size);
    }
    return {
      size,
      ids: this.#ids,
      addresses: this.#addresses,
      ...trimmed,
      dictionaries: {
        source: this.#source.values,
        category1: this.#category1.values,
        category2: this.#category2.values,
        category3: this.#category3.values,
      },
    };
  }

  #grow(): void {
    this.#capacity *= 2;
    const next = allocate(this.#capacity);
    for (const key of Object.keys(NUMERIC) as NumericColumn[]) {
      (next[key] as { set(from: ArrayLike<number>): void }).set(this.#columns[key]);
    }
    this.#columns = next;
  }
}

function allocate(capacity: number): Columns {
  const columns = {} as Record<NumericColumn, unknown>;
  for (const [key, Type] of Object.entries(NUMERIC))
    columns[key as NumericColumn] = new Type(capacity);
  return columns as Columns;
}

/**
 * An order back as a record (for its details panel or an export).
 * @example
 * orderRecord(table, 0).id; // '2411010001'
 */
export function orderRecord(table: OrderTable, i: number): OrderRecord {
  const d = table.dictionaries;
  const flags = table.flags[i]!;
  const closed = table.closedAt[i]!;
  const rating = table.satisfaction[i]!;
  const category3 = table.category3[i]!;
  const lng = table.lng[i]!;
  const lat = table.lat[i]!;
  return {
    id: table.ids[i]!,
    source: d.source[table.source[i]!]!,
    category1: d.category1[table.category1[i]!]!,
    category2: d.category2[table.category2[i]!]!,
    category3: category3 === NO_CATEGORY ? null : d.category3[category3]!,
    createdAt: table.createdAt[i]!,
    dueAt: table.dueAt[i]!,
    closedAt: Number.isNaN(closed) ? null : closed,
    status: WORK_ORDER_STATUSES[table.status[i]!]!,
    followedUp: (flags & FOLLOWED_UP) !== 0,
    contacted: (flags & CONTACTED) !== 0,
    resolved: (flags & RESOLVED) !== 0,
    satisfaction: rating === NO_RATING ? null : SATISFACTION_LEVELS[rating]!,
    lng: Number.isNaN(lng) ? null : lng,
    lat: Number.isNaN(lat) ? null : lat,
    address: table.addresses[i] ?? null,
    building: table.building[i]!,
  };
}
