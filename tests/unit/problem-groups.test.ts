// groupProblems: the coverage panel's groups in the fixed order of the kinds, report order inside
// each group, error counts, no empty groups.
import { describe, expect, it } from 'vitest';
import { groupProblems } from '../../src/analysis/coverage/problem-groups.ts';
import type { CoverageProblem, CoverageProblemKind } from '../../src/analysis/coverage/report.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';

const problem = (
  id: string,
  kind: CoverageProblemKind,
  severity: CoverageProblem['severity'] = 'error',
): CoverageProblem => ({
  id,
  kind,
  severity,
  communityId: null,
  gridIds: [],
  buildingIds: [],
  areaM2: null,
  value: null,
  bbox: [116.3, 39.83, 116.31, 39.84],
  geometry: null,
});

describe('groupProblems', () => {
  const problems = deepFreeze([
    problem('households-above:1', 'households-above'),
    problem('gap:2', 'gap'),
    problem('sliver:1', 'sliver', 'warning'),
    problem('gap:1', 'gap'),
    problem('households-below:1', 'households-below', 'warning'),
  ]);

  it('groups by kind in the order of the kinds, keeping report order inside a group', () => {
    const groups = groupProblems(problems);
    expect(groups.map((g) => g.kind)).toEqual([
      'gap',
      'sliver',
      'households-above',
      'households-below',
    ]);
    expect(groups[0]!.problems.map((p) => p.id)).toEqual(['gap:2', 'gap:1']);
  });

  it('counts the errors of each group', () => {
    expect(groupProblems(problems).map((g) => g.errors)).toEqual([2, 0, 1, 0]);
  });

  it('gives no group for no problem', () => {
    expect(groupProblems([])).toEqual([]);
  });
});
