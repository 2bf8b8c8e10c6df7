/**
 * Splitting a grid in two along a drawn polyline. The line, its ends extended outwards to a
 * circle well beyond the grid, and an arc of that circle close one side of the plane; the grid is
 * cut into the part on that side and the rest. The piece with the larger area keeps the grid's
 * id; the other becomes a new grid with the community's next free code and no workers yet, so
 * the workload check flags it for staffing.
 */
import type { BBox, Position } from 'geojson';
import { flatPolygons, polygonsOf } from '../analysis/coverage/prepared.ts';
import { flatContains } from '../analysis/coverage/clip-area.ts';
import type { GridFeature, GridProperties } from '../domain/types.ts';
import { finishCommunityEdit, gridWithArea, refuse } from './area-edit.ts';
import { nextFreeGridCode } from './numbering.ts';
import type { EditContext, EditResult, Plan } from './plan.ts';
import {
  areaOf,
  bboxOfAreas,
  intersectAreas,
  subtractAreas,
  type Polygons,
} from './polygon-ops.ts';
import { samePosition, segmentsMeet } from './ring-geometry.ts';

/** Appended to the name of the grid a split comes from, to name the new grid. */
export const SPLIT_NAME_SUFFIX = '（拆分）';

/** Points on the arc that closes the cutting side. */
const ARC_STEPS = 32;

/** The line without repeated consecutive positions. */
function distinctPositions(line: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) if (!out.length || !samePosition(out[out.length - 1]!, p)) out.push(p);
  return out;
}

/** Where the ray from `from` (inside the circle) in the direction away from `back` leaves it. */
function rayExit(from: Position, back: Position, centre: Position, radius: number): Position {
  const [dx, dy] = [from[0]! - back[0]!, from[1]! - back[1]!];
  const length = Math.hypot(dx, dy);
  const [ux, uy] = [dx / length, dy / length];
  const [px, py] = [from[0]! - centre[0]!, from[1]! - centre[1]!];
  const b = ux * px + uy * py;
  const c = px * px + py * py - radius * radius;
  const t = -b + Math.sqrt(b * b - c);
  return [from[0]! + ux * t, from[1]! + uy * t];
}

/** Whether a polyline crosses or touches itself anywhere but between consecutive segments. */
function selfIntersects(path: readonly Position[]): boolean {
  for (let i = 0; i < path.length - 1; i++)
    for (let j = i + 2; j < path.length - 1; j++)
      if (segmentsMeet(path[i]!, path[i + 1]!, path[j]!, path[j + 1]!)) return true;
  return false;
}

/**
 * The polygon on one side of the line: the line extended at both ends to a circle around `box`,
 * closed by the circle's arc. Null when the extended line crosses itself.
 */
function cuttingSide(line: readonly Position[], box: BBox): Polygons | null {
  const centre: Position = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
  const radius = 2 * Math.max(Math.hypot(box[2] - box[0], box[3] - box[1]), 1e-9);
  const start = rayExit(line[0]!, line[1]!, centre, radius);
  const end = rayExit(line[line.length - 1]!, line[line.length - 2]!, centre, radius);
  const path = [start, ...line, end];
  if (selfIntersects(path)) return null;
  const angle = (p: Position): number => Math.atan2(p[1]! - centre[1]!, p[0]! - centre[0]!);
  const from = angle(end);
  const sweep = (((angle(start) - from) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const arc = Array.from({ length: ARC_STEPS - 1 }, (_, k): Position => {
    const a = from + (sweep * (k + 1)) / ARC_STEPS;
    return [centre[0]! + radius * Math.cos(a), centre[1]! + radius * Math.sin(a)];
  });
  return [[[...path, ...arc, start]]];
}

/** The new grid's properties: the original's, under a new code, with no workers or leader. */
function splitOffProperties(original: GridProperties, code: string): GridProperties {
  const properties: GridProperties = { ...original, id: code, workers: 0 };
  delete properties.leader;
  if (original.name) properties.name = original.name + SPLIT_NAME_SUFFIX;
  return properties;
}

/**
 * Cuts grid `gridId` in two along `line`, which must cross it from boundary to boundary (its
 * ends may reach a little past it: they are extended straight on). The piece with the larger
 * area keeps the id, rank and properties; the other gets the community's next free code, the
 * original's properties with 0 workers, no leader and the name plus SPLIT_NAME_SUFFIX. Refused
 * with 'grid-not-found', 'split-line-does-not-cross' (an end inside the grid, a line that misses
 * it or crosses itself), 'split-into-many' (`pieces`) and 'no-free-code'.
 * @example
 * const result = splitGrid(plan, ctx, '110106090001001', [[116.3005, 39.849], [116.3005, 39.853]]);
 * if (result.ok) plan = applyPatch(plan, result.patch);
 */
export function splitGrid(
  plan: Plan,
  ctx: EditContext,
  gridId: string,
  line: readonly Position[],
): EditResult {
  const grid = plan.grids.get(gridId)?.grid;
  if (!grid) return refuse('grid-not-found', { gridId });
  const path = distinctPositions(line);
  const doesNotCross = refuse('split-line-does-not-cross', { gridId });
  if (path.length < 2) return doesNotCross;
  const flat = flatPolygons(grid.geometry);
  const endInside = [path[0]!, path[path.length - 1]!].some(([x, y]) => flatContains(flat, x!, y!));
  if (endInside) return doesNotCross;
  const area = polygonsOf(grid.geometry);
  const side = cuttingSide(path, bboxOfAreas([...area, [path]]));
  if (!side) return doesNotCross;
  const left = intersectAreas(area, side);
  const right = subtractAreas(area, [side]);
  if (left.length === 0 || right.length === 0) return doesNotCross;
  if (left.length + right.length > 2)
    return refuse('split-into-many', { gridId, pieces: left.length + right.length });
  const communityId = grid.properties.communityId;
  const code = nextFreeGridCode(plan, communityId);
  if (!code) return refuse('no-free-code', { communityId });
  const [kept, splitOff] = areaOf(left) >= areaOf(right) ? [left, right] : [right, left];
  const newGrid: GridFeature = {
    ...gridWithArea(grid, splitOff),
    ...('id' in grid ? { id: code } : {}),
    properties: splitOffProperties(grid.properties, code),
  };
  return finishCommunityEdit(plan, ctx, communityId, [gridWithArea(grid, kept), newGrid]);
}
