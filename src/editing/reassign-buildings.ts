/**
 * Reassigning buildings to a grid, the redistricting "paint" edit: each building's footprint,
 * grown by a small margin and clipped to its community, moves from the grids holding it to the
 * target (target ∪ region, every other grid − region). An edit that would leave any grid empty
 * or in pieces — the target included, when a building does not touch it — is refused before
 * anything is applied.
 */
import {
  flatPolygons,
  polygonsOf,
  prepareBuilding,
  prepareGrid,
} from '../analysis/coverage/prepared.ts';
import { assignBuilding } from '../analysis/coverage/assignment.ts';
import {
  boundaryMeetsBox,
  flatContains,
  type FlatPolygon,
} from '../analysis/coverage/clip-area.ts';
import type { BBox, Position } from 'geojson';
import type { CommunityFeature, GridFeature } from '../domain/types.ts';
import {
  areaChanged,
  communityGrids,
  finishCommunityEdit,
  gridWithArea,
  piecesProblem,
  refuse,
} from './area-edit.ts';
import { grownBox, offsetFootprint } from './footprint-offset.ts';
import type { EditContext, EditResult, Plan } from './plan.ts';
import {
  areasMayMeet,
  bboxOfAreas,
  intersectAreas,
  subtractAreas,
  unionAreas,
  type Polygons,
} from './polygon-ops.ts';

/** Room kept around a moved building (metres), so its new grid holds it with space to spare. */
export const BUILDING_MARGIN_M = 1.5;

/** A building whose share in the target is at least 1 − this is already wholly there. */
const WHOLLY_INSIDE_SLACK = 1e-9;

/**
 * A building's grown footprint as one area, clipped to the community unless the community's
 * border does not come near it (the common case, which then needs no clipping).
 */
function buildingRegion(
  grown: Polygons,
  community: CommunityFeature | undefined,
  border: FlatPolygon[],
): Polygons {
  const region = grown.length > 1 ? unionAreas(grown.map((polygon) => [polygon])) : grown;
  if (!community || !boundaryMeetsBox(border, bboxOfAreas(region))) return region;
  return intersectAreas(region, polygonsOf(community.geometry));
}

/**
 * Whether box `box` lies wholly inside `area` (flat rings): the area's boundary stays clear of
 * the box and its corner is inside. A box the boundary meets counts as not inside, which only
 * means its building is clipped like any other.
 */
function boxWithinArea(box: BBox, area: readonly FlatPolygon[]): boolean {
  return area.length > 0 && !boundaryMeetsBox(area, box) && flatContains(area, box[0], box[1]);
}

/**
 * Moves the buildings `buildingIds` into grid `targetGridId`: the footprint of each, grown by
 * `marginM` (default BUILDING_MARGIN_M) and clipped to its community, leaves the grids it lies in
 * and joins the target. Buildings already wholly in the target, and ids not among the buildings,
 * are skipped. Refused with 'grid-not-found', 'building-other-community' (`buildingId`,
 * `gridId`), 'nothing-to-move', and 'would-split-grid' (`gridId`, `pieces`) or 'would-empty-grid'
 * (`gridId`) for the first grid — the target first — that the move would break. `options.area`
 * (the polygon a brush stroke, box or lasso painted) moves with the buildings.
 * @example
 * const result = reassignBuildings(plan, ctx, ['B12', 'B13'], '110106090001004');
 * if (result.ok) plan = applyPatch(plan, result.patch);
 */
export function reassignBuildings(
  plan: Plan,
  ctx: EditContext,
  buildingIds: readonly string[],
  targetGridId: string,
  options: { marginM?: number; area?: readonly Position[][] } = {},
): EditResult {
  const target = plan.grids.get(targetGridId)?.grid;
  if (!target) return refuse('grid-not-found', { gridId: targetGridId });
  const communityId = target.properties.communityId;
  const preparedTarget = prepareGrid(target);
  const community = ctx.communities.get(communityId);
  const border = community ? flatPolygons(community.geometry) : [];
  const margin = options.marginM ?? BUILDING_MARGIN_M;
  // The painted area itself (a brush stroke, box or lasso) moves too, so a stroke from the target
  // carries the ground between the buildings with them and the target stays one piece.
  const painted =
    options.area && community
      ? intersectAreas([options.area as Position[][]], polygonsOf(community.geometry))
      : [];
  const paintedFlat = flatPolygons({ type: 'MultiPolygon', coordinates: painted });
  // One area per building, overlapping or not: the clipper unites them in the same pass. A
  // building whose grown footprint the painted area holds whole adds nothing to it.
  const regions: Polygons[] = [];
  let moving = 0;
  for (const buildingId of new Set(buildingIds)) {
    const building = ctx.buildings.get(buildingId);
    if (!building) continue;
    if (building.properties.communityId !== communityId)
      return refuse('building-other-community', { buildingId, gridId: targetGridId });
    const prepared = prepareBuilding(building);
    const share = assignBuilding(prepared, [preparedTarget], 0).shares[0]?.share;
    if ((share ?? 0) >= 1 - WHOLLY_INSIDE_SLACK) continue;
    if (boxWithinArea(grownBox(prepared.bbox, margin), paintedFlat)) {
      moving += 1;
      continue;
    }
    const grown = offsetFootprint(building.geometry.coordinates[0]!, margin);
    const region = buildingRegion(grown, community, border);
    if (region.length > 0) {
      moving += 1;
      regions.push(region);
    }
  }
  if (moving === 0) return refuse('nothing-to-move', { gridId: targetGridId });
  if (painted.length > 0) regions.push(painted);

  // United once, the moved ground is a few polygons: each neighbour is cut by those it meets.
  const moved = unionAreas(regions);
  const targetArea = unionAreas([polygonsOf(target.geometry), moved]);
  const targetProblem = piecesProblem(targetGridId, targetArea);
  if (targetProblem) return { ok: false, problem: targetProblem };
  const changed: GridFeature[] = [gridWithArea(target, targetArea)];
  for (const grid of communityGrids(plan, communityId)) {
    if (grid === target) continue;
    const before = polygonsOf(grid.geometry);
    const cut = moved.filter((polygon) => areasMayMeet(before, [polygon]));
    if (cut.length === 0) continue;
    const after = subtractAreas(before, [cut]);
    if (!areaChanged(before, after)) continue;
    const problem = piecesProblem(grid.properties.id, after);
    if (problem) return { ok: false, problem };
    changed.push(gridWithArea(grid, after));
  }
  return finishCommunityEdit(plan, ctx, communityId, changed);
}
