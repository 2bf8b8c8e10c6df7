/**
 * The suggested plan for a whole street: each community suggested on its own (communities are
 * independent; grids never cross their border), with the buildings inside its border, from
 * today's plan as the coverage engine sees it
 * (which grid holds each building, which grids overlap, reach outside or fall in pieces), put
 * back together as one grids layer in today's order, with the buildings that change grid and
 * the grid workers the new plan needs (each grid keeps its workers, and has at least one).
 */
import type { GridSettings } from '../../domain/settings.ts';
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
import type { AnalysisInput } from '../coverage/input.ts';
import type { CommunityCoverage, CoverageReport, GridShare } from '../coverage/report.ts';
import { suggestCommunity, type CommunitySuggestion } from './community-suggestion.ts';
import type { CutBuilding } from './dedicated-grids.ts';
import { interiorPoint } from './building-graph.ts';
import { flatContains } from '../coverage/clip-area.ts';
import { bboxOf, flatPolygons } from '../coverage/prepared.ts';
import { BoxIndex } from '../coverage/spatial-index.ts';

/** A building with at least this share of its footprint in its grid is held whole. */
const WHOLE_SHARE = 0.999;

/** A building whose grid the suggestion changes. */
export interface SuggestedMove {
  buildingId: string;
  households: number;
  fromGridId: string | null;
  toGridId: string;
}

export interface StreetSuggestion {
  /** The suggested grids layer: every community's grids, today's order first. */
  grids: GridFeature[];
  communities: Omit<CommunitySuggestion, 'grids' | 'gridOf'>[];
  moves: SuggestedMove[];
  householdsMoved: number;
  workers: { today: number; needed: number };
}

/**
 * Suggests a plan for the street from today's plan and its coverage report.
 * @example
 * const report = new CoverageEngine(input, settings).report();
 * const suggestion = suggestStreet(input, report, settings);
 */
export function suggestStreet(
  input: AnalysisInput,
  report: CoverageReport,
  settings: GridSettings,
): StreetSuggestion {
  const gridsByCommunity = new Map<string, GridFeature[]>();
  for (const grid of input.grids) {
    const list = gridsByCommunity.get(grid.properties.communityId) ?? [];
    list.push(grid);
    gridsByCommunity.set(grid.properties.communityId, list);
  }
  const gridById = new Map(input.grids.map((g) => [g.properties.id, g.properties]));
  const gridType = (id: string | null | undefined) => gridById.get(id ?? '')?.type;
  const assignment = new Map(report.assignments.map((a) => [a.buildingId, a]));
  const coverage = new Map(report.communities.map((c) => [c.communityId, c]));
  const buildingById = new Map(input.buildings.map((b) => [b.properties.id, b]));
  const buildingsByCommunity = buildingsWithin(input, (id) => {
    const holder = assignment.get(id)?.gridId;
    return holder ? (gridById.get(holder)?.communityId ?? null) : null;
  });
  const splitShares = new Map(
    report.assignments.filter((a) => a.status === 'split').map((a) => [a.buildingId, a.shares]),
  );
  // Buildings no grid holds whole: cut between grids, or held by a grid only in part.
  const notWhole = new Map<string, CutBuilding[]>();
  for (const a of report.assignments) {
    const building = buildingById.get(a.buildingId);
    if (!building || a.shares.length === 0) continue;
    if (a.status !== 'split' && a.shares[0]!.share >= WHOLE_SHARE) continue;
    // Each community with a share of it settles its own grids' part.
    const gridIds = a.shares.map((share) => share.gridId);
    const communityIds = new Set(gridIds.map((id) => gridById.get(id)?.communityId ?? ''));
    for (const communityId of communityIds)
      notWhole.set(communityId, [...(notWhole.get(communityId) ?? []), { building, gridIds }]);
  }
  const buildingsNotWhole = (communityId: string) => notWhole.get(communityId) ?? [];
  const suggested = new Map<string, GridFeature[]>();
  const communities: StreetSuggestion['communities'] = [];
  const moves: SuggestedMove[] = [];

  for (const community of input.communities) {
    const communityId = community.properties.id;
    const buildings: BuildingFeature[] = [];
    const dedicatedBuildings: { building: BuildingFeature; gridId: string }[] = [];
    for (const building of buildingsByCommunity.get(communityId) ?? []) {
      const holder = assignment.get(building.properties.id)?.gridId;
      if (holder && gridType(holder) === 'dedicated')
        dedicatedBuildings.push({ building, gridId: holder });
      else buildings.push(building);
    }
    // A building in a grid of another community starts in none of this community's grids.
    const gridOf = buildings.map((b) => {
      const gridId = assignment.get(b.properties.id)?.gridId ?? null;
      return gridId && gridById.get(gridId)?.communityId === communityId ? gridId : null;
    });
    const result = suggestCommunity({
      community,
      grids: gridsByCommunity.get(communityId) ?? [],
      buildings,
      gridOf,
      faultyGridIds: faultyGrids(coverage.get(communityId), splitShares),
      cutBuildings: buildingsNotWhole(communityId),
      dedicatedBuildings,
      settings,
    });
    suggested.set(communityId, result.grids);
    const { communityId: id, count, offNorms, redrawnGridIds, gridOf: newGridOf } = result;
    communities.push({ communityId: id, count, offNorms, redrawnGridIds });
    buildings.forEach((b, i) => {
      if (gridOf[i] !== newGridOf[i])
        moves.push({
          buildingId: b.properties.id,
          households: b.properties.households,
          fromGridId: gridOf[i] ?? null,
          toGridId: newGridOf[i]!,
        });
    });
  }

  const grids = [
    ...input.grids.filter((g) => !suggested.has(g.properties.communityId)),
    ...[...suggested.values()].flat(),
  ];
  const workers = (list: readonly GridFeature[], atLeastOne: boolean) =>
    list.reduce(
      (sum, g) => sum + (atLeastOne ? Math.max(1, g.properties.workers) : g.properties.workers),
      0,
    );
  return {
    grids,
    communities,
    moves,
    householdsMoved: moves.reduce((sum, m) => sum + m.households, 0),
    workers: { today: workers(input.grids, false), needed: workers(grids, true) },
  };
}

/**
 * The buildings each community's grids count, as the engine counts them: a grid holds what lies
 * in it, whatever community a building names. A building goes with the community of the grid
 * holding most of it today (`heldBy`); one no grid holds, with the community whose border holds
 * a point inside its footprint; one outside every border is no grid's to take and stays out.
 */
function buildingsWithin(
  input: AnalysisInput,
  heldBy: (buildingId: string) => string | null,
): Map<string, BuildingFeature[]> {
  const communities = input.communities.map((c) => ({
    id: c.properties.id,
    bbox: bboxOf(c.geometry),
    flat: flatPolygons(c.geometry),
  }));
  const index = new BoxIndex(communities, (c) => c.bbox);
  const within = new Map<string, BuildingFeature[]>();
  const pointIn = (building: BuildingFeature) => {
    const [x, y] = interiorPoint(building) as [number, number];
    return index.search([x, y, x, y]).find((c) => flatContains(c.flat, x, y))?.id ?? null;
  };
  for (const building of input.buildings) {
    const communityId = heldBy(building.properties.id) ?? pointIn(building);
    if (!communityId) continue;
    const list = within.get(communityId) ?? [];
    list.push(building);
    within.set(communityId, list);
  }
  return within;
}

/** Grids the engine found overlapping, outside their community, in pieces or cutting a building. */
function faultyGrids(
  coverage: CommunityCoverage | undefined,
  splitShares: ReadonlyMap<string, readonly GridShare[]>,
): Set<string> {
  const faulty = new Set<string>();
  if (!coverage) return faulty;
  for (const overlap of coverage.overlaps) for (const id of overlap.gridIds) faulty.add(id);
  for (const piece of coverage.outside) faulty.add(piece.gridId);
  for (const id of coverage.nonContiguousGridIds) faulty.add(id);
  for (const id of coverage.splitBuildingIds)
    for (const share of splitShares.get(id) ?? []) faulty.add(share.gridId);
  return faulty;
}
