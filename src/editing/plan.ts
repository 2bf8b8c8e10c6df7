/**
 * A plan (方案): the grids layer as a planner edits it, and the edits themselves. A plan is an
 * ordered set of grids, each with a stable id and a rank (its place in the grid order, which
 * decides ties in the coverage engine); an edit is a patch that says, for each grid it touches,
 * what stood before and what stands after. The inverse of a patch swaps the two, so undo is exact
 * (byte for byte) and a history entry is only as large as the grids it changed.
 */
import type { Position } from 'geojson';
import type { GridSettings } from '../domain/settings.ts';
import type {
  BuildingFeature,
  CommunityFeature,
  GridFeature,
  GridProperties,
} from '../domain/types.ts';

/** A grid of a plan with its rank in the grid order. */
export interface RankedGrid {
  rank: number;
  grid: GridFeature;
}

/** The grids of a plan by id; `nextRank` is the rank the next new grid gets. */
export interface Plan {
  readonly grids: ReadonlyMap<string, RankedGrid>;
  readonly nextRank: number;
}

/** One grid's change in an edit: null means the grid is absent on that side. */
export interface GridPatchEntry {
  gridId: string;
  rank: number;
  before: GridFeature | null;
  after: GridFeature | null;
}

/** What an edit does to a plan; `apply` it forward, or apply its inverse to undo it. */
export interface EditPatch {
  entries: GridPatchEntry[];
}

/** A problem an edit met, as data: a stable code and its parameters, put into words when shown. */
export interface EditProblem {
  code: EditProblemCode;
  params: Record<string, string | number>;
}

export const EDIT_PROBLEM_CODES = [
  /** A vertex or edge the edit names is in no grid of the plan. */
  'vertex-not-found',
  /** Moving the vertex would make a ring cross itself or another grid's boundary. */
  'self-intersection',
  /** Deleting the vertex would leave a ring with fewer than three corners. */
  'too-few-vertices',
  /**
   * The vertex cannot be deleted without a gap: three or more grids meet there (`grids`), two
   * grids meet there on the community border, or the community border turns there.
   */
  'vertex-is-junction',
  /** The split line does not cross the grid from one side to the other. */
  'split-line-does-not-cross',
  /** The split line cuts the grid into more than two pieces. */
  'split-into-many',
  /** Merge: the two grids share no boundary (only a point, or nothing). */
  'merge-not-adjacent',
  /** Merge: the two grids belong to different communities. */
  'merge-other-community',
  /** The drawn area lies in no community, or covers nothing of it. */
  'draw-outside-community',
  /** The drawn area lies in more than one community. */
  'draw-crosses-communities',
  /** The edit would leave this grid in two or more pieces (`gridId`, `pieces`). */
  'would-split-grid',
  /** The edit would leave this grid with no area (`gridId`). */
  'would-empty-grid',
  /** Reassign: a building of another community than the target grid (`buildingId`, `gridId`). */
  'building-other-community',
  /** Reassign: nothing to move, every building is already in the target grid. */
  'nothing-to-move',
  /** Delete: the neighbour chosen to take the area does not share a boundary with the grid. */
  'delete-neighbour-not-adjacent',
  /** The community has no free grid sequence number left (999 used). */
  'no-free-code',
  /** A grid id the edit names is not in the plan. */
  'grid-not-found',
  /** An attribute value is not allowed (`field`, `value`). */
  'invalid-attribute',
  /** The baseline (现状) is what was loaded; edits go into a plan. */
  'baseline-read-only',
] as const;
export type EditProblemCode = (typeof EDIT_PROBLEM_CODES)[number];

/** The result of an edit operation: a patch to apply, or the problem that refused it. */
export type EditResult =
  { ok: true; patch: EditPatch; warnings: EditProblem[] } | { ok: false; problem: EditProblem };

/** What edit operations may read besides the plan: the fixed layers and the norms. */
export interface EditContext {
  communities: ReadonlyMap<string, CommunityFeature>;
  buildings: ReadonlyMap<string, BuildingFeature>;
  settings: GridSettings;
}

/** Grid attributes a planner may edit directly. */
export type GridAttributes = Partial<Pick<GridProperties, 'name' | 'type' | 'workers' | 'leader'>>;

/**
 * An edit as the UI asks for it (plain data, so it crosses to the worker and is stored with the
 * history entry as its label). `applyCommand` in `commands.ts` turns it into a patch.
 */
export type EditCommand =
  | { op: 'move-vertex'; from: Position; to: Position }
  | { op: 'insert-vertex'; edge: [Position, Position]; at: Position }
  | { op: 'delete-vertex'; at: Position }
  | { op: 'split'; gridId: string; line: Position[] }
  /** The merged grid keeps the first grid's id, properties and rank (workers are summed). */
  | { op: 'merge'; gridIds: [string, string] }
  | { op: 'draw'; ring: Position[] }
  /** `area`: the rings of the painted polygon (brush stroke, box or lasso), moved with them. */
  | { op: 'reassign'; buildingIds: string[]; targetGridId: string; area?: Position[][] }
  | { op: 'delete'; gridId: string; neighbourId: string }
  | { op: 'attributes'; gridId: string; attributes: GridAttributes }
  | { op: 'renumber'; communityId: string };

export type EditOp = EditCommand['op'];

/**
 * A plan holding `grids` in the given order (ranks 0, 1, 2 …).
 * @example
 * const baseline = planFromGrids(dataset.grids.features);
 */
export function planFromGrids(grids: readonly GridFeature[]): Plan {
  return {
    grids: new Map(grids.map((grid, rank) => [grid.properties.id, { rank, grid }])),
    nextRank: grids.length,
  };
}

/**
 * The grids of a plan in grid order (by rank).
 * @example
 * planGrids(plan).map((g) => g.properties.id);
 */
export function planGrids(plan: Plan): GridFeature[] {
  return [...plan.grids.values()].sort((a, b) => a.rank - b.rank).map((r) => r.grid);
}

/**
 * The plan after a patch; the input plan is not changed. A grid that comes back gets its old
 * rank, so removing a grid and adding it back restores the plan exactly.
 * @example
 * const undone = applyPatch(applyPatch(plan, patch), invertPatch(patch)); // same grids as plan
 */
export function applyPatch(plan: Plan, patch: EditPatch): Plan {
  const grids = new Map(plan.grids);
  let nextRank = plan.nextRank;
  for (const { gridId, rank, after } of patch.entries) {
    if (after) grids.set(gridId, { rank, grid: after });
    else grids.delete(gridId);
    nextRank = Math.max(nextRank, rank + 1);
  }
  return { grids, nextRank };
}

/**
 * The patch that undoes `patch`.
 * @example
 * invertPatch({ entries: [{ gridId, rank: 3, before: a, after: b }] }).entries[0].after; // a
 */
export function invertPatch(patch: EditPatch): EditPatch {
  return {
    entries: [...patch.entries]
      .reverse()
      .map(({ gridId, rank, before, after }) => ({ gridId, rank, before: after, after: before })),
  };
}

/**
 * The patch that sets the given grids (replacing those with the same id, adding new ones after
 * every ranked grid) and removes `removedIds`. Grids that come out unchanged are left out.
 * @example
 * patchFrom(plan, [reshapedA, reshapedB], []);
 */
export function patchFrom(
  plan: Plan,
  changed: readonly GridFeature[],
  removedIds: readonly string[] = [],
): EditPatch {
  const entries: GridPatchEntry[] = [];
  let nextRank = plan.nextRank;
  for (const gridId of removedIds) {
    const current = plan.grids.get(gridId);
    if (current) entries.push({ gridId, rank: current.rank, before: current.grid, after: null });
  }
  for (const grid of changed) {
    const gridId = grid.properties.id;
    const current = plan.grids.get(gridId);
    if (current && current.grid === grid) continue;
    entries.push({
      gridId,
      rank: current?.rank ?? nextRank++,
      before: current?.grid ?? null,
      after: grid,
    });
  }
  return { entries };
}
