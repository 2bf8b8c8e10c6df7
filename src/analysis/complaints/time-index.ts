/**
 * The orders sorted by creation time, so the orders of any window are one contiguous run found
 * by two binary searches: a playback frame or a month reads only its own orders.
 */
import type { OrderTable } from './order-table.ts';

export class TimeIndex {
  /** Row indexes, oldest order first. */
  readonly rows: Uint32Array;
  /** Their creation times, ascending. */
  readonly times: Float64Array;

  constructor(table: Pick<OrderTable, 'size' | 'createdAt'>) {
    const { size, createdAt } = table;
    // Whole seconds and the row packed in one float (31 + 21 bits, exact below 2^53) sort
    // natively, several times faster than a comparator over a million rows; the milliseconds
    // within a second are then put in order by an insertion pass over the nearly sorted result.
    if (size > MAX_PACKED_ROWS || !fitsPacked(createdAt)) {
      this.rows = comparatorOrder(createdAt, size);
    } else {
      const keys = new Float64Array(size);
      for (let row = 0; row < size; row++)
        keys[row] = Math.floor(createdAt[row]! / 1000) * MAX_PACKED_ROWS + row;
      keys.sort();
      const rows = new Uint32Array(size);
      for (let i = 0; i < size; i++) rows[i] = keys[i]! % MAX_PACKED_ROWS;
      this.rows = rows;
      settleWithinSeconds(this.rows, createdAt);
    }
    const times = new Float64Array(size);
    for (let i = 0; i < size; i++) times[i] = createdAt[this.rows[i]!]!;
    this.times = times;
  }

  /**
   * The positions in `rows` of the orders created in [start, end).
   * @example
   * const [lo, hi] = index.range(period.start, period.end);
   */
  range(start: number, end: number): [number, number] {
    return [this.#firstAtOrAfter(start), this.#firstAtOrAfter(end)];
  }

  #firstAtOrAfter(time: number): number {
    let [lo, hi] = [0, this.times.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Rows that pack beside a time in seconds (2^21: two million orders). */
const MAX_PACKED_ROWS = 2 ** 21;
/** Seconds that pack (2^31: up to the year 2038, and not before 1970). */
const MAX_PACKED_SECONDS = 2 ** 31;

function fitsPacked(times: Float64Array): boolean {
  for (const t of times) if (!(t >= 0 && t / 1000 < MAX_PACKED_SECONDS)) return false;
  return true;
}

/** The rows ordered by time, then row, by a comparator (times that do not pack). */
function comparatorOrder(times: Float64Array, size: number): Uint32Array {
  const rows = new Uint32Array(size);
  for (let i = 0; i < size; i++) rows[i] = i;
  return rows.sort((a, b) => times[a]! - times[b]! || a - b);
}

/** Orders rows of the same second by their milliseconds (then row): an insertion pass. */
function settleWithinSeconds(rows: Uint32Array, times: Float64Array): void {
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const t = times[row]!;
    let j = i - 1;
    while (j >= 0 && (times[rows[j]!]! > t || (times[rows[j]!]! === t && rows[j]! > row))) {
      rows[j + 1] = rows[j]!;
      j--;
    }
    rows[j + 1] = row;
  }
}
