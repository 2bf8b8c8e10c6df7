/**
 * The suggested plan for a whole street: each community suggested on its own (communities are
 * independent; grids never cross their border) from today's plan as the coverage engine sees it
 * (which grid holds each building, which grids overlap, reach outside or fall in pieces), put
 * back together as one grids layer in today's order, with the buildings that change grid and
 * the grid workers the new plan needs (each grid keeps its workers, and has at least one).
 */
import type { GridSettings } from '../../domain/settings.ts';
import type { GridFeature } from '../../domain/types.ts';
import type { AnalysisInput } from '../coverage/input.ts';
import type { CommunityCoverage, CoverageReport, GridShare } from '../coverage/report.ts';
import { suggestCommunity, type CommunitySuggestion } from './community-suggestion.ts';

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
  const splitShares = new Map(
    report.assignments.filter((a) => a.status === 'split').map((a) => [a.buildingId, a.shares]),
  );
  const suggested = new Map<string, GridFeature[]>();
  const communities: StreetSuggestion['communities'] = [];
  const moves: SuggestedMove[] = [];

  for (const community of input.communities) {
    const communityId = community.properties.id;
    const buildings = input.buildings.filter(
      (b) =>
        b.properties.communityId === communityId &&
        gridType(assignment.get(b.properties.id)?.gridId) !== 'dedicated',
    );
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
