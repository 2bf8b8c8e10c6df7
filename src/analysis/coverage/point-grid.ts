/**
 * A uniform bucket grid over points (lon/lat degrees): the cheapest way to visit every point in
 * a small box when there are many boxes to ask about, as in facility coverage where every
 * facility looks for the buildings within its radius. Cells are counted from the points' south-
 * west corner so that keys stay small integers, which Map hashes fastest.
 */
import type { BBox, Position } from 'geojson';

export class PointGrid {
  /** The points' longitudes and latitudes, by position. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly #cells = new Map<number, number[]>();
  readonly #cell: number;
  readonly #west: number;
  readonly #south: number;
  readonly #columns: number;
  readonly #rows: number;

  /** `cellDegrees` about the size of the boxes asked about (0.002° ≈ 200 m). */
  constructor(points: readonly Position[], cellDegrees = 0.002) {
    this.x = Float64Array.from(points, (p) => p[0]!);
    this.y = Float64Array.from(points, (p) => p[1]!);
    let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < points.length; i++) {
      west = Math.min(west, this.x[i]!);
      south = Math.min(south, this.y[i]!);
      east = Math.max(east, this.x[i]!);
      north = Math.max(north, this.y[i]!);
    }
    // Never more than 2¹⁵ cells a side, so keys stay below 2³⁰.
    this.#cell = Math.max(cellDegrees, (east - west) / 32768, (north - south) / 32768);
    this.#west = west;
    this.#south = south;
    this.#columns = points.length > 0 ? this.#column(east) + 1 : 0;
    this.#rows = points.length > 0 ? this.#row(north) + 1 : 0;
    points.forEach((_, i) => {
      const key = this.#row(this.y[i]!) * this.#columns + this.#column(this.x[i]!);
      const cell = this.#cells.get(key);
      if (cell) cell.push(i);
      else this.#cells.set(key, [i]);
    });
  }

  #column(x: number): number {
    return Math.floor((x - this.#west) / this.#cell);
  }

  #row(y: number): number {
    return Math.floor((y - this.#south) / this.#cell);
  }

  /**
   * Calls `visit` for every non-empty cell the box touches (its points are a superset of the
   * points in the box) with the cell's key, the positions of its points and its own box.
   */
  forEachCell(
    box: BBox,
    visit: (key: number, indices: readonly number[], cellBox: BBox) => void,
  ): void {
    const west = Math.max(this.#column(box[0]), 0);
    const east = Math.min(this.#column(box[2]), this.#columns - 1);
    const south = Math.max(this.#row(box[1]), 0);
    const north = Math.min(this.#row(box[3]), this.#rows - 1);
    for (let row = south; row <= north; row++)
      for (let column = west; column <= east; column++) {
        const key = row * this.#columns + column;
        const cell = this.#cells.get(key);
        if (!cell) continue;
        const west = this.#west + column * this.#cell;
        const south = this.#south + row * this.#cell;
        visit(key, cell, [west, south, west + this.#cell, south + this.#cell]);
      }
  }
}
