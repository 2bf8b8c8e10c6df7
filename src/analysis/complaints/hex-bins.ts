/**
 * Hexagonal bins of orders (pointy-top, of a radius in metres, centre to corner) on a local flat
 * projection around the street: at a street's size (a few kilometres) the projection's error is
 * far below a bin. Each order's bin is found once (`binOrders`); a view or a playback frame then
 * only counts the orders in its window, so a step over a million orders costs its own orders,
 * not a pass over all of them.
 */
import { metresPerDegree } from '../coverage/geodesy.ts';
import type { OrderTable } from './order-table.ts';

/** Hexagons of 100 m (centre to corner) unless asked otherwise: a block of a few buildings. */
export const DEFAULT_HEXAGON_M = 100;

const SQRT3 = Math.sqrt(3);
/** Axial coordinates are offset by this to pack into one non-negative key. */
const OFFSET = 1 << 15;
const SPAN = 1 << 16;

export class HexBinning {
  readonly origin: readonly [number, number];
  readonly radiusM: number;
  readonly #metres: { lat: number; lng: number };

  constructor(origin: readonly [number, number], radiusM: number) {
    this.origin = origin;
    this.radiusM = radiusM;
    this.#metres = metresPerDegree(origin[1]);
  }

  /**
   * The key of the bin holding a position.
   * @example
   * const bins = new HexBinning([116.35, 39.93], 100);
   * bins.center(bins.keyOf(116.351, 39.931)); // the centre of that hexagon, within 100 m
   */
  keyOf(lng: number, lat: number): number {
    const x = (lng - this.origin[0]) * this.#metres.lng;
    const y = (lat - this.origin[1]) * this.#metres.lat;
    const q = ((SQRT3 / 3) * x - y / 3) / this.radiusM;
    const r = ((2 / 3) * y) / this.radiusM;
    const [rq, rr] = roundAxial(q, r);
    return (rq + OFFSET) * SPAN + (rr + OFFSET);
  }

  /** The centre of a bin as [lng, lat]. */
  center(key: number): [number, number] {
    const q = Math.floor(key / SPAN) - OFFSET;
    const r = (key % SPAN) - OFFSET;
    const x = this.radiusM * SQRT3 * (q + r / 2);
    const y = this.radiusM * 1.5 * r;
    return [this.origin[0] + x / this.#metres.lng, this.origin[1] + y / this.#metres.lat];
  }
}

/** Rounds fractional axial coordinates to the hexagon holding them (through cube coordinates). */
function roundAxial(q: number, r: number): [number, number] {
  const s = -q - r;
  let rq = Math.round(q);
  let rr = Math.round(r);
  const rs = Math.round(s);
  const dq = Math.abs(rq - q);
  const dr = Math.abs(rr - r);
  const ds = Math.abs(rs - s);
  if (dq > dr && dq > ds) rq = -rr - rs;
  else if (dr > ds) rr = -rq - rs;
  return [rq, rr];
}

export interface OrderBins {
  binning: HexBinning;
  /** Each order's bin (an index into `centers`), -1 for an order without a position. */
  binOf: Int32Array;
  /** The centres of the bins that hold orders, as flat lng,lat pairs. */
  centers: Float64Array;
}

/**
 * @example
 * const bins = binOrders(table, new HexBinning(streetCenter, 100));
 * bins.binOf[0]; // 17: the first order lies in the 18th bin
 */
export function binOrders(table: OrderTable, binning: HexBinning): OrderBins {
  const binOf = new Int32Array(table.size).fill(-1);
  const indexOfKey = new Map<number, number>();
  const centers: number[] = [];
  for (let row = 0; row < table.size; row++) {
    const lng = table.lng[row]!;
    const lat = table.lat[row]!;
    if (Number.isNaN(lng) || Number.isNaN(lat)) continue;
    const key = binning.keyOf(lng, lat);
    let index = indexOfKey.get(key);
    if (index === undefined) {
      index = indexOfKey.size;
      indexOfKey.set(key, index);
      centers.push(...binning.center(key));
    }
    binOf[row] = index;
  }
  return { binning, binOf, centers: Float64Array.from(centers) };
}

/** The bins that hold orders of a window, with their counts. */
export interface BinCounts {
  /** Flat lng,lat pairs of the bins' centres. */
  centers: Float64Array;
  counts: Float32Array;
  /** The largest count. */
  max: number;
}

/**
 * Counts the orders `rows[from … to)` (kept by `mask` when given) per bin, in bin order, reusing
 * `scratch` (one slot per bin, left zeroed).
 * @example
 * countBins(bins, index.rows, lo, hi, mask, scratch).max; // 23
 */
export function countBins(
  bins: OrderBins,
  rows: Uint32Array,
  from: number,
  to: number,
  mask: Uint8Array | null,
  scratch: Float32Array,
): BinCounts {
  const touched: number[] = [];
  for (let i = from; i < to; i++) {
    const row = rows[i]!;
    if (mask && mask[row] !== 1) continue;
    const bin = bins.binOf[row]!;
    if (bin < 0) continue;
    if (scratch[bin] === 0) touched.push(bin);
    scratch[bin]!++;
  }
  // In bin order, as a moving window's tally gives them.
  touched.sort((a, b) => a - b);
  const centers = new Float64Array(touched.length * 2);
  const counts = new Float32Array(touched.length);
  let max = 0;
  touched.forEach((bin, i) => {
    centers[i * 2] = bins.centers[bin * 2]!;
    centers[i * 2 + 1] = bins.centers[bin * 2 + 1]!;
    counts[i] = scratch[bin]!;
    max = Math.max(max, counts[i]!);
    scratch[bin] = 0;
  });
  return { centers, counts, max };
}

/**
 * The bin counts of a window of the time-sorted orders that moves: stepping to a window that
 * overlaps the last one only adds and takes away the orders at its edges, so a cumulative
 * playback's step costs the orders of one frame, not of every frame so far.
 * @example
 * const tally = new WindowTally(bins, index.rows, mask);
 * tally.moveTo(lo, hi).max; // the busiest bin of the window
 */
export class WindowTally {
  readonly #bins: OrderBins;
  readonly #rows: Uint32Array;
  readonly #mask: Uint8Array | null;
  readonly #counts: Float32Array;
  #lo = 0;
  #hi = 0;

  constructor(bins: OrderBins, rows: Uint32Array, mask: Uint8Array | null) {
    this.#bins = bins;
    this.#rows = rows;
    this.#mask = mask;
    this.#counts = new Float32Array(bins.centers.length / 2);
  }

  /** Moves the window to the orders `rows[lo … hi)` and gives its bins' counts. */
  moveTo(lo: number, hi: number): BinCounts {
    if (lo >= this.#hi || hi <= this.#lo) {
      this.#counts.fill(0);
      this.#add(lo, hi, 1);
    } else {
      if (lo < this.#lo) this.#add(lo, this.#lo, 1);
      else this.#add(this.#lo, lo, -1);
      if (hi > this.#hi) this.#add(this.#hi, hi, 1);
      else this.#add(hi, this.#hi, -1);
    }
    [this.#lo, this.#hi] = [lo, hi];
    return this.#snapshot();
  }

  #add(from: number, to: number, by: number): void {
    const binOf = this.#bins.binOf;
    for (let i = from; i < to; i++) {
      const row = this.#rows[i]!;
      if (this.#mask && this.#mask[row] !== 1) continue;
      const bin = binOf[row]!;
      if (bin >= 0) this.#counts[bin]! += by;
    }
  }

  #snapshot(): BinCounts {
    const counts = this.#counts;
    let held = 0;
    for (const c of counts) if (c > 0) held++;
    const centers = new Float64Array(held * 2);
    const kept = new Float32Array(held);
    let max = 0;
    let k = 0;
    counts.forEach((count, bin) => {
      if (count <= 0) return;
      centers[k * 2] = this.#bins.centers[bin * 2]!;
      centers[k * 2 + 1] = this.#bins.centers[bin * 2 + 1]!;
      kept[k++] = count;
      max = Math.max(max, count);
    });
    return { centers, counts: kept, max };
  }
}
