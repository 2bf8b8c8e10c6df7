/**
 * Test helpers for grouped load problems: problems grouped as the loader groups them, and the
 * example problems of every group, in group order, for assertions about single problems on small
 * inputs (each group keeps its first few).
 */
import type { Problem, ProblemGroup } from '../../../src/domain/problems.ts';
import { ProblemLog } from '../../../src/io/problem-groups.ts';

export function problemExamples(groups: readonly ProblemGroup[]): Problem[] {
  return groups.flatMap((g) => g.examples);
}

/** A list of problems grouped as the loader's ProblemLog groups them. */
export function groupLoadProblems(problems: readonly Problem[]): ProblemGroup[] {
  const log = new ProblemLog();
  for (const p of problems) log.add(p);
  return log.groups;
}
