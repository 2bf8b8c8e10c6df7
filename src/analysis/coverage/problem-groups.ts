/**
 * The report's problems by kind, in the fixed order of the kinds (tiling first, then buildings,
 * then workload), each group with its error count: how the coverage panel and the written report
 * both list them.
 */
import {
  COVERAGE_PROBLEM_KINDS,
  type CoverageProblem,
  type CoverageProblemKind,
} from './report.ts';

export interface ProblemGroup {
  kind: CoverageProblemKind;
  problems: CoverageProblem[];
  errors: number;
}

/**
 * The non-empty groups of problems, in the order of COVERAGE_PROBLEM_KINDS, problems in report
 * order within each.
 * @example
 * groupProblems(report.problems).map((g) => [g.kind, g.problems.length]); // [['gap', 2], ['overlap', 1], …]
 */
export function groupProblems(problems: readonly CoverageProblem[]): ProblemGroup[] {
  const byKind = new Map<CoverageProblemKind, CoverageProblem[]>();
  for (const problem of problems) {
    const list = byKind.get(problem.kind);
    if (list) list.push(problem);
    else byKind.set(problem.kind, [problem]);
  }
  return COVERAGE_PROBLEM_KINDS.flatMap((kind) => {
    const list = byKind.get(kind);
    return list
      ? [{ kind, problems: list, errors: list.filter((p) => p.severity === 'error').length }]
      : [];
  });
}
