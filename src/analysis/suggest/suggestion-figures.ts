/**
 * What a suggestion comes to, as plain data for suggestion.json and the app's summary: per
 * community the grids before and after, whether the norms can be met and why not, the grids
 * still off them; the households and buildings that change grid; the grid workers needed; and
 * the coverage engine's verdict on the suggested grids. Deterministic: no clock, sorted rows.
 */
import type { CommunityFeature } from '../../domain/types.ts';
import type { CoverageProblemKind, CoverageReport } from '../coverage/report.ts';
import { checkVerdict, type CheckVerdict } from '../../reports/verdict.ts';
import type { GridCountProblemCode } from './grid-count.ts';
import type { StreetSuggestion } from './street-suggestion.ts';

/** Why a community's suggestion does not meet the norms. */
export type SuggestionShortfall =
  | { code: GridCountProblemCode; params: Record<string, number> }
  | { code: 'no-division-found'; params: { grids: number } };

export interface CommunityFigures {
  communityId: string;
  name: string | null;
  gridsBefore: number;
  gridsAfter: number;
  /** Null when every comprehensive grid meets the norms. */
  shortfall: SuggestionShortfall | null;
  offNorms: { gridId: string; households: number; residents: number }[];
}

export interface SuggestionFigures {
  meetsNorms: boolean;
  communities: CommunityFigures[];
  buildingsMoved: number;
  householdsMoved: number;
  grids: { before: number; after: number; added: number; removed: number };
  workers: { today: number; needed: number };
  /** The coverage engine on the suggested grids with the street's other layers. */
  check: CheckVerdict & { problems: Partial<Record<CoverageProblemKind, number>> };
}

/**
 * The figures of a suggestion.
 * @example
 * suggestionFigures(suggestion, before, after, communities).householdsMoved; // 511
 */
export function suggestionFigures(
  suggestion: StreetSuggestion,
  before: Pick<CoverageReport, 'grids'>,
  after: Pick<CoverageReport, 'grids' | 'problems'>,
  communities: readonly CommunityFeature[],
): SuggestionFigures {
  const names = new Map(communities.map((c) => [c.properties.id, c.properties.name ?? null]));
  const countIn = (report: Pick<CoverageReport, 'grids'>, id: string) =>
    report.grids.filter((g) => g.communityId === id).length;
  const rows = suggestion.communities
    .map((c): CommunityFigures => {
      const shortfall: SuggestionShortfall | null = !c.count.feasible
        ? c.count.problem
        : c.offNorms.length > 0
          ? { code: 'no-division-found', params: { grids: c.offNorms.length } }
          : null;
      return {
        communityId: c.communityId,
        name: names.get(c.communityId) ?? null,
        gridsBefore: countIn(before, c.communityId),
        gridsAfter: countIn(after, c.communityId),
        shortfall,
        offNorms: [...c.offNorms].sort((a, b) => a.gridId.localeCompare(b.gridId)),
      };
    })
    .sort((a, b) => a.communityId.localeCompare(b.communityId));
  const beforeIds = new Set(before.grids.map((g) => g.gridId));
  const afterIds = new Set(after.grids.map((g) => g.gridId));
  const problems: Partial<Record<CoverageProblemKind, number>> = {};
  for (const p of after.problems) problems[p.kind] = (problems[p.kind] ?? 0) + 1;
  return {
    meetsNorms: rows.every((c) => c.shortfall === null),
    communities: rows,
    buildingsMoved: suggestion.moves.length,
    householdsMoved: suggestion.householdsMoved,
    grids: {
      before: beforeIds.size,
      after: afterIds.size,
      added: [...afterIds].filter((id) => !beforeIds.has(id)).length,
      removed: [...beforeIds].filter((id) => !afterIds.has(id)).length,
    },
    workers: suggestion.workers,
    check: { ...checkVerdict(after, []), problems },
  };
}
