/**
 * Test helpers for grouped load problems: the example problems of every group, in group order,
 * for assertions about single problems on small inputs (each group keeps its first few).
 */
import type { Problem, ProblemGroup } from '../../../src/domain/problems.ts';

export function problemExamples(groups: readonly ProblemGroup[]): Problem[] {
  return groups.flatMap((g) => g.examples);
}
