/**
 * Drawing a new grid: the drawn ring, clipped to the community that holds most of it, becomes a
 * comprehensive grid with the community's next free code and no workers yet; every other grid of
 * that community gives up the drawn area, so the plan still tiles the community.
 */
import type { Position } from 'geojson';
import { bboxOf, polygonsOf } from '../analysis/coverage/prepared.ts';
import { boxesMeet } from '../analysis/coverage/spatial-index.ts';
import type { CommunityFeature, GridFeature } from '../domain/types.ts';
import {
  areaChanged,
  communityGrids,
  finishCommunityEdit,
  gridWithArea,
  piecesProblem,
  refuse,
} from './area-edit.ts';
import { nextFreeGridCode } from './numbering.ts';
import type { EditContext, EditResult, Plan } from './plan.ts';
import {
  areaOf,
  areasMayMeet,
  bboxOfAreas,
  geometryOfAreas,
  intersectAreas,
  subtractAreas,
  unionAreas,
  type Polygons,
} from './polygon-ops.ts';
import { samePosition } from './ring-geometry.ts';

/**
 * The drawn area crosses communities when the part of it in other communities is more than this
 * share of the part in the community it is given to; less is taken as a sloppy stroke and cut off.
 */
export const CROSSING_SHARE = 0.05;

/** The drawn ring closed and cleaned into an area; empty when it has fewer than three corners. */
function drawnArea(ring: readonly Position[]): Polygons {
  const open = ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]!));
  if (open.length > 1 && samePosition(open[0]!, open[open.length - 1]!)) open.pop();
  if (open.length < 3) return [];
  return unionAreas([[[[...open, open[0]!]]]]);
}

/** The drawn area's part in each community it reaches, largest first. */
function partsByCommunity(
  drawn: Polygons,
  ctx: EditContext,
): { community: CommunityFeature; part: Polygons; areaM2: number }[] {
  const box = bboxOfAreas(drawn);
  const parts = [];
  for (const community of ctx.communities.values()) {
    if (!boxesMeet(box, bboxOf(community.geometry))) continue;
    const part = intersectAreas(drawn, polygonsOf(community.geometry));
    if (part.length > 0) parts.push({ community, part, areaM2: areaOf(part) });
  }
  return parts.sort((a, b) => b.areaM2 - a.areaM2);
}

/**
 * Adds the grid drawn as `ring` (closed or not): the ring ∩ the community holding most of it.
 * The community's other grids lose the drawn area. The new grid is comprehensive, with the next
 * free code and 0 workers. Refused with 'draw-outside-community' (no community under the ring),
 * 'draw-crosses-communities' (more than CROSSING_SHARE of it in others), 'would-split-grid' (the
 * new grid or a grid that loses area would fall into pieces), 'would-empty-grid' (a grid would
 * be covered entirely) and 'no-free-code'.
 * @example
 * const result = drawGrid(plan, ctx, [[116.3, 39.85], [116.302, 39.85], [116.301, 39.852]]);
 * if (result.ok) plan = applyPatch(plan, result.patch);
 */
export function drawGrid(plan: Plan, ctx: EditContext, ring: readonly Position[]): EditResult {
  const drawn = drawnArea(ring);
  const [main, ...others] = drawn.length > 0 ? partsByCommunity(drawn, ctx) : [];
  if (!main) return refuse('draw-outside-community');
  const communityId = main.community.properties.id;
  const elsewhere = others.reduce((sum, o) => sum + o.areaM2, 0);
  if (elsewhere > CROSSING_SHARE * main.areaM2)
    return refuse('draw-crosses-communities', {
      communityId,
      otherCommunityId: others[0]!.community.properties.id,
    });
  const code = nextFreeGridCode(plan, communityId);
  if (!code) return refuse('no-free-code', { communityId });
  const ownProblem = piecesProblem(code, main.part);
  if (ownProblem) return { ok: false, problem: ownProblem };
  const changed: GridFeature[] = [];
  for (const grid of communityGrids(plan, communityId)) {
    const before = polygonsOf(grid.geometry);
    if (!areasMayMeet(before, main.part)) continue;
    const after = subtractAreas(before, [main.part]);
    if (!areaChanged(before, after)) continue;
    const problem = piecesProblem(grid.properties.id, after);
    if (problem) return { ok: false, problem };
    changed.push(gridWithArea(grid, after));
  }
  const newGrid: GridFeature = {
    type: 'Feature',
    geometry: geometryOfAreas(main.part),
    properties: { id: code, communityId, type: 'comprehensive', workers: 0 },
  };
  return finishCommunityEdit(plan, ctx, communityId, [...changed, newGrid]);
}
