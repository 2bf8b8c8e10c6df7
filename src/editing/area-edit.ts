/**
 * What the area-changing edits (split, merge, draw, reassign, delete) share: refusals as data, a
 * grid with a new area, the pieces check that refuses an edit leaving a grid empty or in pieces,
 * and the last step of every such edit: the community's grids put through the topology clean-up
 * (so vertices the clipper made are shared by every grid they lie on) and turned into a patch.
 */
import { NUMERIC_ZERO_M2 } from '../analysis/coverage/coverage.ts';
import type { GridFeature } from '../domain/types.ts';
import { areaOf, geometryOfAreas, type Polygons } from './polygon-ops.ts';
import {
  patchFrom,
  planGrids,
  type EditContext,
  type EditProblem,
  type EditProblemCode,
  type EditResult,
  type Plan,
} from './plan.ts';
import { normalizeCommunityTopology } from './topology.ts';

/**
 * A refused edit.
 * @example
 * return refuse('grid-not-found', { gridId });
 */
export function refuse(
  code: EditProblemCode,
  params: Record<string, string | number> = {},
): EditResult {
  return { ok: false, problem: { code, params } };
}

/**
 * The grid with `polygons` as its area (a Polygon when one piece); a stale feature `bbox` goes.
 * @example
 * gridWithArea(grid, subtractAreas(area, [cut]));
 */
export function gridWithArea(grid: GridFeature, polygons: Polygons): GridFeature {
  const result: GridFeature = { ...grid, geometry: geometryOfAreas(polygons) };
  delete result.bbox;
  return result;
}

/**
 * Whether an area that only grew or only shrank differs from `before` by real area (more than
 * clipping residue); a monotone edit that moves less than that leaves the grid untouched.
 * @example
 * if (!areaChanged(before, after)) return grid;
 */
export function areaChanged(before: Polygons, after: Polygons): boolean {
  return Math.abs(areaOf(after) - areaOf(before)) >= NUMERIC_ZERO_M2;
}

/**
 * The problem with a grid's area after an edit: 'would-empty-grid' when nothing is left,
 * 'would-split-grid' when it falls into pieces; null when it is one piece.
 * @example
 * const problem = piecesProblem(grid.properties.id, after);
 * if (problem) return { ok: false, problem };
 */
export function piecesProblem(gridId: string, polygons: Polygons): EditProblem | null {
  if (polygons.length === 0) return { code: 'would-empty-grid', params: { gridId } };
  if (polygons.length > 1)
    return { code: 'would-split-grid', params: { gridId, pieces: polygons.length } };
  return null;
}

/**
 * The grids of a community in grid order.
 * @example
 * communityGrids(plan, '110106090001').length;
 */
export function communityGrids(plan: Plan, communityId: string): GridFeature[] {
  return planGrids(plan).filter((g) => g.properties.communityId === communityId);
}

/**
 * The patch of an edit inside one community: `changed` grids replace those with their ids (or
 * are added), `removedIds` go, and the community's grids are then cleaned up together, so a
 * neighbour whose edge now carries a new vertex gets that vertex too.
 * @example
 * return finishCommunityEdit(plan, ctx, a.properties.communityId, [merged], [b.properties.id]);
 */
export function finishCommunityEdit(
  plan: Plan,
  ctx: EditContext,
  communityId: string,
  changed: readonly GridFeature[],
  removedIds: readonly string[] = [],
): EditResult {
  const community = ctx.communities.get(communityId);
  const replacements = new Map(changed.map((g) => [g.properties.id, g]));
  const removed = new Set(removedIds);
  const grids = communityGrids(plan, communityId)
    .filter((g) => !removed.has(g.properties.id))
    .map((g) => replacements.get(g.properties.id) ?? g);
  for (const grid of changed) if (!plan.grids.has(grid.properties.id)) grids.push(grid);
  const cleaned = community ? normalizeCommunityTopology(grids, community) : grids;
  return { ok: true, patch: patchFrom(plan, cleaned, removedIds), warnings: [] };
}
