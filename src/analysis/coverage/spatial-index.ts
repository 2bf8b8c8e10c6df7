/**
 * A static R-tree (Flatbush) over bounding boxes that answers in input order, so every caller
 * sees candidates in the same deterministic order whatever the tree's layout.
 */
import Flatbush from 'flatbush';
import type { BBox } from 'geojson';

export class BoxIndex<T> {
  readonly #items: readonly T[];
  readonly #tree: Flatbush | null;

  constructor(items: readonly T[], boxOf: (item: T) => BBox) {
    this.#items = items;
    if (items.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(items.length);
    for (const item of items) {
      const [west, south, east, north] = boxOf(item);
      tree.add(west, south, east, north);
    }
    tree.finish();
    this.#tree = tree;
  }

  /** Positions (in input order) of the items whose box meets `box`. */
  searchIndices(box: BBox): number[] {
    if (!this.#tree) return [];
    return this.#tree.search(box[0], box[1], box[2], box[3]).sort((a, b) => a - b);
  }

  /** The items whose box meets `box`, in input order. */
  search(box: BBox): T[] {
    return this.searchIndices(box).map((i) => this.#items[i]!);
  }
}

/** Whether two boxes meet (touching counts). */
export function boxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
