/**
 * Merging two adjacent grids of one community into one, and the step merging shares with
 * deleting a grid: one grid absorbs the other's area, the union of both, which must be a single
 * polygon reached across a common boundary (touching at a point is not enough).
 */
import type { GridFeature, GridProperties } from '../domain/types.ts';
import { finishCommunityEdit, gridWithArea, piecesProblem, refuse } from './area-edit.ts';
import type { EditContext, EditProblemCode, EditResult, Plan } from './plan.ts';
import { polygonsOf } from '../analysis/coverage/prepared.ts';
import { ADJACENCY_MIN_M, sharedBoundaryM, unionAreas } from './polygon-ops.ts';

/** How an absorbing edit refuses grids that share no boundary, and what the keeper becomes. */
export interface AbsorbRules {
  notAdjacent: EditProblemCode;
  /** Parameters of a refusal, naming the two grids as the operation's caller knows them. */
  params: Record<string, string>;
  properties: (keeper: GridFeature, absorbed: GridFeature) => GridProperties;
}

/**
 * The keeper grid takes the absorbed grid's area (keeping its id and rank); the absorbed grid
 * goes. Refused with 'grid-not-found', 'merge-other-community' when they belong to different
 * communities, `rules.notAdjacent` when they are the same grid or share no boundary longer than
 * ADJACENCY_MIN_M, and 'would-split-grid' when the union is not one polygon.
 * @example
 * absorbGrid(plan, ctx, a, b, { notAdjacent: 'merge-not-adjacent', params, properties });
 */
export function absorbGrid(
  plan: Plan,
  ctx: EditContext,
  keeperId: string,
  absorbedId: string,
  rules: AbsorbRules,
): EditResult {
  const keeper = plan.grids.get(keeperId)?.grid;
  if (!keeper) return refuse('grid-not-found', { gridId: keeperId });
  const absorbed = plan.grids.get(absorbedId)?.grid;
  if (!absorbed) return refuse('grid-not-found', { gridId: absorbedId });
  const pair = rules.params;
  if (keeperId === absorbedId) return refuse(rules.notAdjacent, pair);
  const communityId = keeper.properties.communityId;
  if (absorbed.properties.communityId !== communityId) return refuse('merge-other-community', pair);
  const keeperArea = polygonsOf(keeper.geometry);
  const absorbedArea = polygonsOf(absorbed.geometry);
  const united = unionAreas([keeperArea, absorbedArea]);
  if (sharedBoundaryM(keeperArea, absorbedArea, united) <= ADJACENCY_MIN_M)
    return refuse(rules.notAdjacent, pair);
  const problem = piecesProblem(keeperId, united);
  if (problem) return { ok: false, problem };
  const result: GridFeature = {
    ...gridWithArea(keeper, united),
    properties: rules.properties(keeper, absorbed),
  };
  return finishCommunityEdit(plan, ctx, communityId, [result], [absorbedId]);
}

/**
 * Merges grid `b` into grid `a`: the result keeps a's id, properties and rank, with the workers
 * of both; b is removed. Refused with 'merge-other-community' (different communities),
 * 'merge-not-adjacent' (touching at a point or not at all), 'grid-not-found', or
 * 'would-split-grid' when the union would not be one polygon.
 * @example
 * const result = mergeGrids(plan, ctx, ['110106090001001', '110106090001002']);
 * if (result.ok) plan = applyPatch(plan, result.patch);
 */
export function mergeGrids(
  plan: Plan,
  ctx: EditContext,
  [a, b]: readonly [string, string],
): EditResult {
  return absorbGrid(plan, ctx, a, b, {
    notAdjacent: 'merge-not-adjacent',
    params: { gridId: a, otherId: b },
    properties: (keeper, absorbed) => ({
      ...keeper.properties,
      workers: keeper.properties.workers + absorbed.properties.workers,
    }),
  });
}
