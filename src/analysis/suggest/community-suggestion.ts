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
import {
  bboxOfAreas,
  geometryOfAreas,
  subtractAreas,
  unionAreas,
  type Polygons,
} from '../../editing/polygon-ops.ts';
import { SPLIT_NAME_SUFFIX } from '../../editing/split-grid.ts';
import { flatPolygons, polygonsOf } from '../coverage/prepared.ts';
import { boxesMeet } from '../coverage/spatial-index.ts';
import { buildingGraph, localFrame } from './building-graph.ts';
import { gridAreas } from './grid-areas.ts';
import { gridCount, type GridCount } from './grid-count.ts';
import { searchPartition, type SearchResult } from './partition-search.ts';

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

/**
 * Suggests the community's grids within the norms.
 * @example
 * const { grids, offNorms } = suggestCommunity({ community, grids, buildings, gridOf, faultyGridIds, settings });
 */
export function suggestCommunity(input: CommunityInput): CommunitySuggestion {
  const { community, settings } = input;
  const communityId = community.properties.id;
  const comprehensive = input.grids.filter(isComprehensive);
  const dedicated = input.grids.filter((g) => !isComprehensive(g));
  const index = new Map(comprehensive.map((g, i) => [g.properties.id, i]));
  const start = input.gridOf.map((id) => (id === null ? -1 : (index.get(id) ?? -1)));
  const communityArea = polygonsOf(community.geometry);
  const frame = localFrame(communityArea[0]![0]![0]!);
  const { graph, points } = buildingGraph(input.buildings, flatPolygons(community.geometry), frame);

  const households = graph.households.reduce((s, h) => s + h, 0);
  const count = gridCount(
    {
      households,
      residents: graph.residents.reduce((s, r) => s + r, 0),
      largestBuildingHouseholds: Math.max(0, ...graph.households),
      currentGrids: comprehensive.length,
    },
    settings,
  );
  const norms = { band: settings.householdsBand, maxResidents: settings.maxResidents };
  const search = (target: number, afresh: boolean) =>
    searchPartition({ graph, start, grids: comprehensive.length, target, norms, afresh });
  // From today's grids at each count in turn, then afresh, until the norms are met.
  let best: SearchResult | null = null;
  if (input.buildings.length > 0)
    for (const afresh of [false, true]) {
      for (const target of countsToTry(count)) {
        const result = search(target, afresh);
        if (!best || result.offNorms < best.offNorms) best = result;
        if (result.offNorms === 0) break;
      }
      if (best!.offNorms === 0) break;
    }
  const labels = best ? Array.from(best.labels) : [];

  // Which grids keep their ground: same buildings, nothing wrong with them.
  const members = new Map<number, number[]>();
  labels.forEach((label, b) => members.set(label, [...(members.get(label) ?? []), b]));
  const startMembers = new Map<number, number[]>();
  start.forEach((label, b) => startMembers.set(label, [...(startMembers.get(label) ?? []), b]));
  const keeps = (label: number) =>
    label < comprehensive.length &&
    !input.faultyGridIds.has(comprehensive[label]!.properties.id) &&
    sameMembers(members.get(label) ?? [], startMembers.get(label) ?? []);
  const keyOf = (label: number) => `#${label}`;
  const fixed = new Map<string, Polygons>();
  comprehensive.forEach((grid, label) => {
    if (
      !members.has(label) &&
      !startMembers.has(label) &&
      !input.faultyGridIds.has(grid.properties.id)
    )
      fixed.set(keyOf(label), polygonsOf(grid.geometry)); // a grid without buildings stays
    else if (members.has(label) && keeps(label)) fixed.set(keyOf(label), polygonsOf(grid.geometry));
  });
  // A changed grid whose buildings meet only across a kept grid's ground scatters: the kept
  // grids in its way are redrawn too, until none does (or none is left to redraw).
  let areaResult: ReturnType<typeof gridAreas>;
  for (;;) {
    const changed = new Map<string, number[]>();
    for (const [label, list] of members)
      if (!fixed.has(keyOf(label))) changed.set(keyOf(label), list);
    const taken = unionAreas([...dedicated.map((g) => polygonsOf(g.geometry)), ...fixed.values()]);
    const region = subtractAreas(communityArea, [taken]);
    areaResult = gridAreas({ region, buildings: input.buildings, points, frame, changed, fixed });
    const inTheWay = [...fixed].filter(
      ([key, area]) =>
        members.has(Number(key.slice(1))) &&
        areaResult.scattered.some(({ bbox }) => boxesMeet(bbox, bboxOfAreas(area))),
    );
    if (inTheWay.length === 0) break;
    for (const [key] of inTheWay) fixed.delete(key);
  }
  const { areas, regrouped } = areaResult;

  const finalKey = labels.map((label, b) => regrouped.get(b) ?? keyOf(label));
  const grids = namedGrids(input, comprehensive, dedicated, areas, finalKey, fixed);
  const idOfKey = new Map(grids.keyed.map(({ key, grid }) => [key, grid.properties.id]));
  const gridOf = finalKey.map((key) => idOfKey.get(key)!);
  const totals = new Map<string, { households: number; residents: number }>();
  gridOf.forEach((id, b) => {
    const t = totals.get(id) ?? { households: 0, residents: 0 };
    t.households += graph.households[b]!;
    t.residents += graph.residents[b]!;
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

/** The counts the search tries: the one gridCount gives, then outward through the range. */
function countsToTry(count: GridCount): number[] {
  if (!count.feasible) return [count.grids];
  const { min, max } = count.range;
  const all = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return all.sort((a, b) => Math.abs(a - count.grids) - Math.abs(b - count.grids) || a - b);
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
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
  const byId = new Map(comprehensive.map((g, i) => [g.properties.id, { grid: g, key: `#${i}` }]));
  for (const { key, gridId } of pairs)
    if (!identity.has(key) && !usedIds.has(gridId)) {
      identity.set(key, byId.get(gridId)!.grid);
      usedIds.add(gridId);
    }
  for (const key of keys) {
    const own = comprehensive[Number(key.slice(1))];
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
    const code = nextFreeGridCode(plan, communityId) ?? `${communityId}-${key.slice(1)}`;
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
