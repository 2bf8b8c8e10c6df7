/**
 * Boxes (building footprints, grids) filed into a uniform grid of cells, for finding the boxes
 * that hold a point: a million orders each look up one cell and test its few boxes, with no
 * array made per lookup (an R-tree search allocates its answer every time). Cells are stored
 * compactly: one array of starts, one of box indexes.
 */
import type { BBox } from 'geojson';

/** At most this many cells a side, so the start array stays small. */
const MAX_CELLS = 4096;

export class BoxGrid {
  readonly #west: number;
  readonly #south: number;
  readonly #cellX: number;
  readonly #cellY: number;
  readonly #columns: number;
  readonly #rows: number;
  /** Box indexes of cell c are items[starts[c]] … items[starts[c + 1] − 1]. */
  readonly #starts: Int32Array;
  readonly #items: Int32Array;

  /** `cellDegrees` about the size of the boxes (0.001° ≈ 100 m). */
  constructor(boxes: readonly BBox[], cellDegrees = 0.001) {
    let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [w, s, e, n] of boxes) {
      west = Math.min(west, w);
      south = Math.min(south, s);
      east = Math.max(east, e);
      north = Math.max(north, n);
    }
    if (boxes.length === 0) [west, south, east, north] = [0, 0, 0, 0];
    this.#west = west;
    this.#south = south;
    this.#cellX = Math.max(cellDegrees, (east - west) / MAX_CELLS);
    this.#cellY = Math.max(cellDegrees, (north - south) / MAX_CELLS);
    this.#columns = Math.floor((east - west) / this.#cellX) + 1;
    this.#rows = Math.floor((north - south) / this.#cellY) + 1;
    const counts = new Int32Array(this.#columns * this.#rows + 1);
    this.#forCells(boxes, (cell) => counts[cell + 1]!++);
    for (let c = 1; c < counts.length; c++) counts[c]! += counts[c - 1]!;
    this.#starts = counts.slice();
    this.#items = new Int32Array(counts[counts.length - 1]!);
    this.#forCells(boxes, (cell, i) => (this.#items[counts[cell]!++] = i));
  }

  /**
   * Calls `visit` with each box whose cell holds the point (a superset of the boxes holding it),
   * in box order, until it returns true; returns that box, or -1.
   * @example
   * grid.find(lng, lat, (i, x, y) => contains(footprints[i], x, y)); // 17
   */
  find(x: number, y: number, visit: (box: number, x: number, y: number) => boolean): number {
    const column = Math.floor((x - this.#west) / this.#cellX);
    const row = Math.floor((y - this.#south) / this.#cellY);
    if (column < 0 || row < 0 || column >= this.#columns || row >= this.#rows) return -1;
    const cell = row * this.#columns + column;
    for (let k = this.#starts[cell]!; k < this.#starts[cell + 1]!; k++) {
      const box = this.#items[k]!;
      if (visit(box, x, y)) return box;
    }
    return -1;
  }

  #forCells(boxes: readonly BBox[], each: (cell: number, box: number) => void): void {
    boxes.forEach(([w, s, e, n], i) => {
      const c0 = Math.floor((w - this.#west) / this.#cellX);
      const c1 = Math.floor((e - this.#west) / this.#cellX);
      const r0 = Math.floor((s - this.#south) / this.#cellY);
      const r1 = Math.floor((n - this.#south) / this.#cellY);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) each(r * this.#columns + c, i);
    });
  }
}
