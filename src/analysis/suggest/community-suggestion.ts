/**
 * The suggestion for one community (docs/suggest-method.md): its buildings are divided among
 * comprehensive grids by the search (partition-search.ts), trying today's number of grids first
 * and then the nearest others in the feasible range until one meets the norms; the grids whose
 * buildings changed, and those today's plan got wrong (overlapping, outside the community, in
 * pieces, cutting a building), get new ground (grid-areas.ts); every other grid keeps its
 * boundary, and dedicated grids are left as they are. Grids keep their code, name, leader and
 * workers where they keep most of their households; new grids take the next free codes.
 */
import type { GridSettings } from '../../domain/settings.ts';
import type { BuildingFeature, CommunityFeature, GridFeature } from '../../domain/types.ts';
import { nextFreeGridCode } from '../../editing/numbering.ts';
import { planFromGrids } from '../../editing/plan.ts';
import { geometryOfAreas, subtractAreas, type Polygons } from '../../editing/polygon-ops.ts';
import { SPLIT_NAME_SUFFIX } from '../../editing/split-grid.ts';
import { flatPolygons, polygonsOf, prepareBuilding } from '../coverage/prepared.ts';
import { buildingGraph, localFrame } from './building-graph.ts';
import type { BuildingGraph } from './partition.ts';
import { drawGround, keyOf, labelOf } from './community-ground.ts';
import { settleDedicatedGrids, type CutBuilding } from './dedicated-grids.ts';
import { divideBuildings } from './division.ts';
import type { GridCount } from './grid-count.ts';

export interface CommunityInput {
  community: CommunityFeature;
  /** The community's grids today, comprehensive and dedicated, in grid order. */
  grids: readonly GridFeature[];
  /** The community's buildings that no dedicated grid holds. */
  buildings: readonly BuildingFeature[];
  /** Each building's grid today (the one holding most of it), or null. */
  gridOf: readonly (string | null)[];
  /** Grids today's plan gets wrong: overlapping, outside the community, in pieces, cutting a building. */
  faultyGridIds: ReadonlySet<string>;
  /** The community's buildings today's plan does not hold whole (dedicated grids' included). */
  cutBuildings: readonly CutBuilding[];
  /** The community's buildings dedicated grids hold, with the grid. */
  dedicatedBuildings: readonly { building: BuildingFeature; gridId: string }[];
  settings: GridSettings;
}

export interface CommunitySuggestion {
  communityId: string;
  /** The community's grids in the suggestion, today's order first, new grids after. */
  grids: GridFeature[];
  /** Each building's grid in the suggestion (input order). */
  gridOf: string[];
  count: GridCount;
  /** Comprehensive grids still outside the band or over the resident limit. */
  offNorms: { gridId: string; households: number; residents: number }[];
  /** Grids whose ground was redrawn (changed or new). */
  redrawnGridIds: string[];
}

const isComprehensive = (grid: GridFeature) => grid.properties.type === 'comprehensive';

/** Divisions tried in all: the first, and again without links that fell apart on the ground. */
const DIVISION_ATTEMPTS = 4;

/** The graph without the links between buildings of different `pieces` of each group. */
function withoutLinks(graph: BuildingGraph, scattered: readonly number[][][]): BuildingGraph {
  const pieceOf = new Map<number, number>();
  let serial = 0;
  for (const pieces of scattered)
    for (const piece of pieces) {
      serial++;
      for (const b of piece) pieceOf.set(b, serial);
    }
  const apart = (a: number, b: number) =>
    pieceOf.has(a) && pieceOf.has(b) && pieceOf.get(a) !== pieceOf.get(b);
  return {
    ...graph,
    neighbours: graph.neighbours.map((list, a) => list.filter((b) => !apart(a, b))),
  };
}

/**
 * Suggests the community's grids within the norms.
 * @example
 * const { grids, offNorms } = suggestCommunity({ community, grids, buildings, gridOf, faultyGridIds, settings });
 */
export function suggestCommunity(input: CommunityInput): CommunitySuggestion {
  const { community, settings } = input;
  const communityId = community.properties.id;
  const comprehensive = input.grids.filter(isComprehensive);
  const communityArea = polygonsOf(community.geometry);
  const dedicated = settleDedicatedGrids(
    input.grids.filter((g) => !isComprehensive(g)),
    input.cutBuildings,
    input.dedicatedBuildings,
    communityArea,
    new Set(input.grids.map((g) => g.properties.id)),
  );
  const index = new Map(comprehensive.map((g, i) => [g.properties.id, i]));
  const start = input.gridOf.map((id) => (id === null ? -1 : (index.get(id) ?? -1)));
  const frame = localFrame(communityArea[0]![0]![0]!);
  // Comprehensive grids share the community less its dedicated grids.
  const shared = subtractAreas(
    communityArea,
    dedicated.map((g) => polygonsOf(g.geometry)),
  );
  const buildingGraphResult = buildingGraph(
    input.buildings,
    flatPolygons(geometryOfAreas(shared)),
    frame,
  );
  const { points } = buildingGraphResult;
  const groundInput = {
    start,
    comprehensive,
    faultyGridIds: input.faultyGridIds,
    shared,
    buildings: input.buildings,
    points,
    frame,
  };

  // A division whose grids fall into pieces on the ground is tried again without the links
  // between the pieces, so the search keeps those buildings apart.
  const prepared = input.buildings.map(prepareBuilding);
  let graph = buildingGraphResult.graph;
  let division = divideBuildings(graph, prepared, start, comprehensive.length, settings);
  let ground = drawGround({ ...groundInput, labels: division.labels });
  for (let attempt = 1; attempt < DIVISION_ATTEMPTS && ground.scattered.length > 0; attempt++) {
    graph = withoutLinks(
      graph,
      ground.scattered.map((s) => s.pieces),
    );
    const next = divideBuildings(graph, prepared, start, comprehensive.length, settings);
    const nextGround = drawGround({ ...groundInput, labels: next.labels });
    const [was, now] = [ground.scattered.length, nextGround.scattered.length];
    if (now > was || (now === was && next.offNorms > division.offNorms)) continue;
    [division, ground] = [next, nextGround];
  }
  const { labels, count } = division;
  const { areas, regrouped, fixed } = ground;

  const finalKey = labels.map((label, b) => regrouped.get(b) ?? keyOf(label));
  const grids = namedGrids(input, comprehensive, dedicated, areas, finalKey, fixed);
  const idOfKey = new Map(grids.keyed.map(({ key, grid }) => [key, grid.properties.id]));
  const gridOf = finalKey.map((key) => idOfKey.get(key)!);
  const totals = new Map<string, { households: number; residents: number }>();
  gridOf.forEach((id, b) => {
    const t = totals.get(id) ?? { households: 0, residents: 0 };
    t.households += input.buildings[b]!.properties.households;
    t.residents += input.buildings[b]!.properties.residents;
    totals.set(id, t);
  });
  const { min, max } = settings.householdsBand;
  const offNorms = grids.keyed
    .filter(({ grid }) => isComprehensive(grid))
    .map(({ grid }) => ({
      gridId: grid.properties.id,
      households: 0,
      residents: 0,
      ...totals.get(grid.properties.id),
    }))
    .filter((g) => g.households < min || g.households > max || g.residents > settings.maxResidents);
  return {
    communityId,
    grids: [...dedicated, ...grids.keyed.map(({ grid }) => grid)].sort(
      (a, b) => gridOrder(input.grids, a) - gridOrder(input.grids, b),
    ),
    gridOf,
    count,
    offNorms,
    redrawnGridIds: grids.keyed
      .filter(({ key }) => !fixed.has(key))
      .map(({ grid }) => grid.properties.id),
  };
}

/** Today's grids in their order, new grids after them. */
function gridOrder(today: readonly GridFeature[], grid: GridFeature): number {
  const i = today.findIndex((g) => g.properties.id === grid.properties.id);
  return i >= 0 ? i : today.length;
}

/**
 * The suggestion's comprehensive grids with their properties: each of today's grids goes on in
 * the new grid holding most of its households (greedy by households held, then a grid with no
 * households in its own label), and the rest get the next free codes, one worker, and the name
 * of the grid most of their households come from with SPLIT_NAME_SUFFIX.
 */
function namedGrids(
  input: CommunityInput,
  comprehensive: readonly GridFeature[],
  dedicated: readonly GridFeature[],
  areas: ReadonlyMap<string, Polygons>,
  finalKey: readonly string[],
  fixed: ReadonlyMap<string, Polygons>,
): { keyed: { key: string; grid: GridFeature }[] } {
  const held = new Map<string, Map<string, number>>(); // key → today's grid id → households
  finalKey.forEach((key, b) => {
    const from = input.gridOf[b];
    if (!from) return;
    const row = held.get(key) ?? new Map<string, number>();
    row.set(from, (row.get(from) ?? 0) + input.buildings[b]!.properties.households);
    held.set(key, row);
  });
  const keys = [...areas.keys()].filter((key) => (areas.get(key)?.length ?? 0) > 0);
  const pairs = keys
    .flatMap((key) => [...(held.get(key) ?? [])].map(([gridId, h]) => ({ key, gridId, h })))
    .sort((a, b) => b.h - a.h || a.key.localeCompare(b.key) || a.gridId.localeCompare(b.gridId));
  const identity = new Map<string, GridFeature>();
  const usedIds = new Set<string>();
  const byId = new Map(comprehensive.map((g, i) => [g.properties.id, { grid: g, key: keyOf(i) }]));
  for (const { key, gridId } of pairs)
    if (!identity.has(key) && !usedIds.has(gridId)) {
      identity.set(key, byId.get(gridId)!.grid);
      usedIds.add(gridId);
    }
  for (const key of keys) {
    const own = comprehensive[labelOf(key)];
    if (!identity.has(key) && own && !usedIds.has(own.properties.id)) {
      identity.set(key, own);
      usedIds.add(own.properties.id);
    }
  }
  const keyed: { key: string; grid: GridFeature }[] = [];
  for (const key of keys) {
    const kept = identity.get(key);
    if (kept) keyed.push({ key, grid: withArea(kept, areas.get(key)!, fixed.get(key)) });
  }
  const communityId = input.community.properties.id;
  for (const key of keys) {
    if (identity.has(key)) continue;
    const plan = planFromGrids([...dedicated, ...keyed.map((k) => k.grid), ...comprehensive]);
    const code = nextFreeGridCode(plan, communityId) ?? `${communityId}-${labelOf(key)}`;
    const donor = [...(held.get(key) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
    const donorName = donor ? byId.get(donor)?.grid.properties.name : undefined;
    keyed.push({
      key,
      grid: {
        type: 'Feature',
        geometry: geometryOfAreas(areas.get(key)!),
        properties: {
          id: code,
          communityId,
          type: 'comprehensive',
          workers: 1,
          ...(donorName ? { name: donorName + SPLIT_NAME_SUFFIX } : {}),
        },
      },
    });
  }
  return { keyed };
}

/** A kept grid with its area; a fixed grid that took in nothing (`area` is `fixedArea`) as is. */
function withArea(grid: GridFeature, area: Polygons, fixedArea: Polygons | undefined): GridFeature {
  if (area === fixedArea) return grid;
  const result: GridFeature = { ...grid, geometry: geometryOfAreas(area) };
  delete result.bbox;
  return result;
}
