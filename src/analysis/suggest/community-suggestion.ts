/**
 * The suggestion for one community, by local search from today's plan (docs/suggest-method.md):
 * first the number of comprehensive grids is brought into the range the household band allows
 * (the fullest grid split through a gap between its buildings, or the smallest merged into its
 * least loaded neighbour), then households flow along the grid adjacency graph, boundary shift
 * by boundary shift, from grids above the band to the nearest grid with room, and into grids
 * below it from the nearest with households to spare. Every move is an editing operation, so the
 * plan stays a tiling with whole buildings after each one. Dedicated grids are left as they are.
 */
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
import { communityGrids } from '../../editing/area-edit.ts';
import { applyCommand } from '../../editing/commands.ts';
import {
  applyPatch,
  type EditCommand,
  type EditContext,
  type EditPatch,
  type Plan,
} from '../../editing/plan.ts';
import { ADJACENCY_MIN_M, areasMayMeet, sharedBoundaryM } from '../../editing/polygon-ops.ts';
import { assignBuilding } from '../coverage/assignment.ts';
import {
  bboxOf,
  polygonsOf,
  prepareBuilding,
  prepareGrid,
  type PreparedBuilding,
} from '../coverage/prepared.ts';
import { balancedCut } from './balanced-cut.ts';
import { gridCount, type GridCount } from './grid-count.ts';
import { transferHouseholds } from './transfer.ts';

/** What the search did in one community and where it stopped. */
export interface CommunitySuggestion {
  communityId: string;
  plan: Plan;
  /** The edits, in order; applied to the plan given they make `plan`. */
  patches: EditPatch[];
  count: GridCount;
  /** Comprehensive grids still outside the band, with their households. */
  offBand: { gridId: string; households: number }[];
}

/** The community as the search sees it after each edit. */
interface State {
  grids: GridFeature[];
  members: Map<string, BuildingFeature[]>;
  households: Map<string, number>;
  /** The grids' neighbour lists, worked out when first asked for. */
  neighbours: () => Map<string, string[]>;
}

/** Enough rounds for every grid to give or take a few times; the search stops earlier. */
const ROUNDS_PER_GRID = 4;

const isComprehensive = (grid: GridFeature) => grid.properties.type === 'comprehensive';

/** The comprehensive grids of a community and the buildings (of `buildings`) each holds most of. */
function stateOf(plan: Plan, communityId: string, buildings: readonly PreparedBuilding[]): State {
  const grids = communityGrids(plan, communityId).filter(isComprehensive);
  const prepared = grids.map(prepareGrid);
  const members = new Map<string, BuildingFeature[]>(grids.map((g) => [g.properties.id, []]));
  for (const building of buildings) {
    const { gridId } = assignBuilding(building, prepared, 0);
    if (gridId) members.get(gridId)!.push(building.feature);
  }
  const households = new Map(
    [...members].map(([id, list]) => [id, list.reduce((s, b) => s + b.properties.households, 0)]),
  );
  let neighbours: Map<string, string[]> | null = null;
  return { grids, members, households, neighbours: () => (neighbours ??= adjacency(grids)) };
}

/** Pairs of grids sharing more than a touch of boundary, as neighbour lists. */
function adjacency(grids: readonly GridFeature[]): Map<string, string[]> {
  const neighbours = new Map<string, string[]>(grids.map((g) => [g.properties.id, []]));
  const areas = grids.map((g) => polygonsOf(g.geometry));
  for (let i = 0; i < grids.length; i++)
    for (let j = i + 1; j < grids.length; j++) {
      if (!areasMayMeet(areas[i]!, areas[j]!)) continue;
      if (sharedBoundaryM(areas[i]!, areas[j]!) <= ADJACENCY_MIN_M) continue;
      neighbours.get(grids[i]!.properties.id)!.push(grids[j]!.properties.id);
      neighbours.get(grids[j]!.properties.id)!.push(grids[i]!.properties.id);
    }
  return neighbours;
}

/** The shortest path from `start` to the nearest grid that `wanted` accepts (start excluded). */
function pathTo(
  start: string,
  neighbours: ReadonlyMap<string, readonly string[]>,
  wanted: (gridId: string) => boolean,
): string[] | null {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    if (at !== start && wanted(at)) {
      const path = [at];
      for (let step = previous.get(at); step; step = previous.get(step)) path.unshift(step);
      return path;
    }
    for (const next of neighbours.get(at) ?? [])
      if (!previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
  }
  return null;
}

/**
 * Suggests the community's grids within the household band, from `plan`.
 * @example
 * const { plan: suggested, offBand } = suggestCommunity(plan, ctx, '110106090005');
 */
export function suggestCommunity(
  plan: Plan,
  ctx: EditContext,
  communityId: string,
): CommunitySuggestion {
  const { min, max } = ctx.settings.householdsBand;
  const patches: EditPatch[] = [];
  const buildingsHere = [...ctx.buildings.values()]
    .filter((b) => b.properties.communityId === communityId)
    .map(prepareBuilding);
  let current = plan;
  let state = stateOf(current, communityId, buildingsHere);
  const apply = (command: EditCommand): boolean => {
    const result = applyCommand(current, ctx, command);
    if (!result.ok) return false;
    current = applyPatch(current, result.patch);
    patches.push(result.patch);
    state = stateOf(current, communityId, buildingsHere);
    return true;
  };
  const householdsOf = (gridId: string) => state.households.get(gridId) ?? 0;
  const byHouseholds = (descending: boolean) =>
    [...state.grids].sort(
      (a, b) =>
        (householdsOf(a.properties.id) - householdsOf(b.properties.id)) * (descending ? -1 : 1),
    );

  const buildings = [...state.members.values()].flat();
  const count = gridCount(
    {
      households: buildings.reduce((s, b) => s + b.properties.households, 0),
      residents: buildings.reduce((s, b) => s + b.properties.residents, 0),
      largestBuildingHouseholds: Math.max(0, ...buildings.map((b) => b.properties.households)),
      currentGrids: state.grids.length,
    },
    ctx.settings,
  );

  // 1. The number of grids: split the fullest, or merge the smallest into a neighbour.
  while (state.grids.length < count.grids) {
    const split = byHouseholds(true).some((grid) => {
      const members = state.members.get(grid.properties.id)!;
      const cut = balancedCut(
        bboxOf(grid.geometry),
        members.map((b) => ({ bbox: bboxOf(b.geometry), households: b.properties.households })),
      );
      return cut !== null && apply({ op: 'split', gridId: grid.properties.id, line: cut.line });
    });
    if (!split) break;
  }
  while (state.grids.length > count.grids) {
    const smallest = byHouseholds(false)[0]!.properties.id;
    const neighbours = state.neighbours().get(smallest) ?? [];
    const merged = [...neighbours]
      .sort((a, b) => householdsOf(a) - householdsOf(b))
      .some((neighbour) => apply({ op: 'merge', gridIds: [neighbour, smallest] }));
    if (!merged) break;
  }

  // 2. Households flow until every grid is in the band, or no shift helps any more.
  const stuck = new Set<string>();
  for (let round = 0; round < ROUNDS_PER_GRID * state.grids.length; round++) {
    const off = byHouseholds(true).find((g) => {
      const h = householdsOf(g.properties.id);
      return !stuck.has(g.properties.id) && (h > max || h < min);
    });
    if (!off) break;
    const gridId = off.properties.id;
    const neighbours = state.neighbours();
    const above = householdsOf(gridId) > max;
    // Above the band: towards the nearest grid with room. Below: from the nearest with spare.
    const path = above
      ? pathTo(gridId, neighbours, (id) => householdsOf(id) < max)
      : pathTo(gridId, neighbours, (id) => householdsOf(id) > min)?.reverse();
    const wanted = above ? householdsOf(gridId) - max : min - householdsOf(gridId);
    // A grid that could not be helped is tried again once anything else has moved.
    if (path && flowAlong(path, wanted)) stuck.clear();
    else stuck.add(gridId);
  }

  /** Shifts `amount` households along `path` (giver first), the far end first. */
  function flowAlong(path: readonly string[], amount: number): boolean {
    let moved = false;
    for (let i = path.length - 2; i >= 0; i--) {
      const [from, to] = [path[i]!, path[i + 1]!];
      const shift = transferHouseholds(current, ctx, state.members.get(from) ?? [], {
        fromGridId: from,
        toGridId: to,
        fromHouseholds: householdsOf(from),
        toHouseholds: householdsOf(to),
        giveDownTo: householdsOf(from) - amount,
        receiveUpTo: max,
        // The first giver keeps the band's minimum; a grid in between is refilled next.
        keepAtLeast: i === 0 ? min : 0,
      });
      if (!shift) return moved;
      current = applyPatch(current, shift.patch);
      patches.push(shift.patch);
      state = stateOf(current, communityId, buildingsHere);
      moved = true;
    }
    return moved;
  }

  const offBand = state.grids
    .map((g) => ({ gridId: g.properties.id, households: householdsOf(g.properties.id) }))
    .filter(({ households }) => households > max || households < min);
  return { communityId, plan: current, patches, count, offBand };
}
