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
    const rows = new Uint32Array(table.size);
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    const created = table.createdAt;
    rows.sort((a, b) => created[a]! - created[b]! || a - b);
    this.rows = rows;
    this.times = Float64Array.from(rows, (row) => created[row]!);
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
