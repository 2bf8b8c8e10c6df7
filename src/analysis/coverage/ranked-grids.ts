/**
 * The engine's grids in grid order. Each grid id has a rank (its place in the order, which decides
 * every tie in the report); the order is by rank, then id. A grid that is removed keeps its rank
 * on record, so when it comes back without one it takes its old place, and removing a grid and
 * adding it back restores the order exactly. Lookups by id, by community and by box are kept up
 * to date per grid: the R-tree is rebuilt only after many edits, the grids set since then being
 * searched one by one, so an edit costs what it touched rather than the street.
 */
import type { BBox } from 'geojson';
import type { PreparedGrid } from './prepared.ts';
import { insertSorted, removeSorted } from './sorted-list.ts';
import { BoxIndex, boxesMeet } from './spatial-index.ts';

/** Grids set since the R-tree was built beyond which it is rebuilt. */
const REBUILD_AFTER = 64;

export class RankedGrids {
  /** Rank of every grid id seen, present or removed. */
  readonly #rank = new Map<string, number>();
  #nextRank = 0;
  readonly #byId = new Map<string, PreparedGrid>();
  readonly #ordered: PreparedGrid[] = [];
  readonly #byCommunity = new Map<string, PreparedGrid[]>();
  #index: BoxIndex<PreparedGrid>;
  /** Grids set since the R-tree was built (the tree may still hold the grids they replaced). */
  readonly #recent = new Set<PreparedGrid>();
  /** Whether a grid was set or removed since the R-tree was built (it may hold stale grids). */
  #changed = false;

  /** Grids ranked by their position in `grids` (ids are unique: a repeated id is left out). */
  constructor(grids: readonly PreparedGrid[]) {
    grids.forEach((grid, rank) => {
      if (!this.#byId.has(grid.id)) this.#insert(grid, rank);
    });
    this.#index = this.#buildIndex();
  }

  get(id: string): PreparedGrid | undefined {
    return this.#byId.get(id);
  }

  /** The rank of a present grid, or the rank a removed one had. */
  rankOf(id: string): number | undefined {
    return this.#rank.get(id);
  }

  /** Every grid, in grid order. */
  ordered(): readonly PreparedGrid[] {
    return this.#ordered;
  }

  /**
   * The present grids among `ids`, in grid order.
   * @example
   * grids.inOrder(['110106090001002', '110106090001001']).map((g) => g.id);
   */
  inOrder(ids: Iterable<string>): PreparedGrid[] {
    const present: PreparedGrid[] = [];
    for (const id of new Set(ids)) {
      const grid = this.#byId.get(id);
      if (grid) present.push(grid);
    }
    return present.sort(this.#compare);
  }

  /** The grids of a community, in grid order. */
  ofCommunity(communityId: string): readonly PreparedGrid[] {
    return this.#byCommunity.get(communityId) ?? [];
  }

  /**
   * The grids whose boxes meet `box`, in grid order.
   * @example
   * grids.search(building.bbox).map((g) => g.id);
   */
  search(box: BBox): PreparedGrid[] {
    if (!this.#changed) return this.#index.search(box);
    const found = this.#index.search(box).filter((g) => this.#byId.get(g.id) === g);
    for (const grid of this.#recent) if (boxesMeet(grid.bbox, box)) found.push(grid);
    return this.#recent.size > 0 ? found.sort(this.#compare) : found;
  }

  /**
   * Adds a grid or replaces the one with its id. Its rank: `rank` when given, else the rank its id
   * has or had, else one past the highest rank seen.
   * @example
   * grids.set(prepareGrid(reshaped));
   */
  set(grid: PreparedGrid, rank?: number): void {
    const old = this.#byId.get(grid.id);
    if (old) {
      this.#take(old);
      this.#recent.delete(old);
    }
    this.#insert(grid, rank ?? this.#rank.get(grid.id) ?? this.#nextRank);
    this.#recent.add(grid);
    this.#changed = true;
    if (this.#recent.size > REBUILD_AFTER) {
      this.#index = this.#buildIndex();
    }
  }

  /**
   * Removes a grid; its rank stays on record.
   * @example
   * grids.remove('110106090005003');
   */
  remove(id: string): void {
    const old = this.#byId.get(id);
    if (!old) return;
    this.#take(old);
    this.#recent.delete(old);
    this.#changed = true;
  }

  /** An R-tree over a copy of the grid list (the list itself changes with every edit). */
  #buildIndex(): BoxIndex<PreparedGrid> {
    this.#recent.clear();
    this.#changed = false;
    return new BoxIndex([...this.#ordered], (g) => g.bbox);
  }

  readonly #compare = (a: PreparedGrid, b: PreparedGrid): number =>
    this.#rank.get(a.id)! - this.#rank.get(b.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  #insert(grid: PreparedGrid, rank: number): void {
    this.#rank.set(grid.id, rank);
    this.#nextRank = Math.max(this.#nextRank, rank + 1);
    this.#byId.set(grid.id, grid);
    insertSorted(this.#ordered, grid, this.#compare);
    const community = this.#byCommunity.get(grid.communityId);
    if (community) insertSorted(community, grid, this.#compare);
    else this.#byCommunity.set(grid.communityId, [grid]);
  }

  /** Takes a present grid out of the lists (before its rank may change). */
  #take(grid: PreparedGrid): void {
    this.#byId.delete(grid.id);
    removeSorted(this.#ordered, grid, this.#compare);
    const community = this.#byCommunity.get(grid.communityId)!;
    removeSorted(community, grid, this.#compare);
    if (community.length === 0) this.#byCommunity.delete(grid.communityId);
  }
}
