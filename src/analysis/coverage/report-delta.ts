/**
 * Applying what a grid edit changed (a ReportDelta from the engine's `updateGrids`) to the report
 * the UI holds: the grids, communities, problems and street totals come out exactly as a full
 * report would give them, in the same order, without the worker sending the street again.
 */
import type {
  CoverageProblem,
  CoverageProblemKind,
  CoverageReport,
  PlacedBuildingProblem,
  ProblemsDelta,
  ReportDelta,
  UiReport,
} from './report.ts';

/** What a problem is recomputed with: its community's geometry, its building or its grid. */
export type ProblemScope = 'community' | 'building' | 'grid';

export const PROBLEM_SCOPES = {
  gap: 'community',
  overlap: 'community',
  'outside-community': 'community',
  'non-contiguous': 'community',
  'invalid-ring': 'community',
  'coverage-unchecked': 'community',
  sliver: 'community',
  'unassigned-building': 'building',
  'split-building': 'building',
  'households-above': 'grid',
  'households-below': 'grid',
  'residents-above': 'grid',
  'no-workers': 'grid',
} as const satisfies Record<CoverageProblemKind, ProblemScope>;

/**
 * The report without its per-building assignments (a shallow copy; the input is not changed).
 * @example
 * const ui = toUiReport(engine.report());
 */
export function toUiReport(report: CoverageReport): UiReport {
  const copy: UiReport & { assignments?: unknown } = { ...report };
  delete copy.assignments;
  return copy;
}

function misfit(what: string): never {
  throw new Error(`the report delta does not fit this report: ${what}`);
}

function pushTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

/**
 * The building problems in report order: the kept ones, each new one put before the problem its
 * `nextId` names (new problems may name each other, so they are chained back from there).
 */
function placeBuildingProblems(
  kept: readonly CoverageProblem[],
  placed: readonly PlacedBuildingProblem[],
): CoverageProblem[] {
  const before = new Map(placed.map((p) => [p.nextId, p.problem]));
  const out: CoverageProblem[] = [];
  const putBefore = (id: string | null): void => {
    const chain: CoverageProblem[] = [];
    for (let p = before.get(id); p; p = before.get(p.id)) chain.push(p);
    for (let k = chain.length - 1; k >= 0; k--) out.push(chain[k]!);
  };
  for (const problem of kept) {
    putBefore(problem.id);
    out.push(problem);
  }
  putBefore(null);
  return out;
}

/** The problem list after an edit: community block, building block, grid block. */
function mergeProblems(
  problems: readonly CoverageProblem[],
  delta: ProblemsDelta,
  communityIds: readonly string[],
  gridIds: readonly string[],
): CoverageProblem[] {
  const touchedCommunities = new Set(delta.communityIds);
  const touchedBuildings = new Set(delta.buildingIds);
  const touchedGrids = new Set(delta.gridIds);
  const byCommunity = new Map<string | null, CoverageProblem[]>();
  const byGrid = new Map<string | undefined, CoverageProblem[]>();
  const keptBuildingProblems: CoverageProblem[] = [];
  for (const problem of problems) {
    const scope: ProblemScope = PROBLEM_SCOPES[problem.kind];
    if (scope === 'community' && !touchedCommunities.has(problem.communityId!))
      pushTo(byCommunity, problem.communityId, problem);
    else if (scope === 'building' && !touchedBuildings.has(problem.buildingIds[0]!))
      keptBuildingProblems.push(problem);
    else if (scope === 'grid' && !touchedGrids.has(problem.gridIds[0]!))
      pushTo(byGrid, problem.gridIds[0], problem);
  }
  for (const problem of delta.communityProblems) pushTo(byCommunity, problem.communityId, problem);
  for (const problem of delta.gridProblems) pushTo(byGrid, problem.gridIds[0], problem);
  return [
    ...communityIds.flatMap((id) => byCommunity.get(id) ?? []),
    ...placeBuildingProblems(keptBuildingProblems, delta.buildingProblems),
    ...gridIds.flatMap((id) => byGrid.get(id) ?? []),
  ];
}

/**
 * The report after an edit, from the report before it and the edit's delta; neither input is
 * changed. Equals the engine's full report (without assignments) after the edit.
 * @example
 * const delta = await worker.updateGrids([{ gridId, grid: reshaped }]);
 * report = applyReportDelta(report, delta);
 */
export function applyReportDelta(report: UiReport, delta: ReportDelta): UiReport {
  const gridsById = new Map(report.grids.map((g) => [g.gridId, g]));
  for (const grid of delta.grids) gridsById.set(grid.gridId, grid);
  for (const id of delta.removedGridIds) gridsById.delete(id);
  const gridIds = delta.gridOrder ?? report.grids.map((g) => g.gridId);
  const grids = gridIds.map((id) => gridsById.get(id) ?? misfit(`no workload for grid ${id}`));
  if (grids.length !== gridsById.size) misfit('grids missing from the order');
  const changed = new Map(delta.communities.map((c) => [c.communityId, c]));
  const communities = report.communities.map((c) => changed.get(c.communityId) ?? c);
  return {
    grids,
    communities,
    facilities: report.facilities,
    street: delta.street,
    problems: mergeProblems(
      report.problems,
      delta.problems,
      communities.map((c) => c.communityId),
      gridIds,
    ),
  };
}
