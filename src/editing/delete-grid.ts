/**
 * Deleting a grid: its area goes to a neighbour the planner picks, which keeps its id, rank and
 * properties (the deleted grid's workers are not moved: staffing is the planner's call).
 */
import type { EditContext, EditResult, Plan } from './plan.ts';
import { absorbGrid } from './merge-grids.ts';

/**
 * Removes grid `gridId` and gives its area to `neighbourId`. Refused with 'grid-not-found',
 * 'delete-neighbour-not-adjacent' when the two share no boundary (or are the same grid),
 * 'merge-other-community' when the neighbour lies in another community, and 'would-split-grid'
 * when the union would not be one polygon.
 * @example
 * const result = deleteGrid(plan, ctx, '110106090001003', '110106090001002');
 * if (result.ok) plan = applyPatch(plan, result.patch);
 */
export function deleteGrid(
  plan: Plan,
  ctx: EditContext,
  gridId: string,
  neighbourId: string,
): EditResult {
  return absorbGrid(plan, ctx, neighbourId, gridId, {
    notAdjacent: 'delete-neighbour-not-adjacent',
    params: { gridId, neighbourId },
    properties: (keeper) => keeper.properties,
  });
}
