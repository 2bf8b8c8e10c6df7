/**
 * When polygon clipping throws on a community whose edges do not match (degenerate geometry can
 * make it fail), the engine must not fail the whole report nor pretend the community is clean:
 * the community is marked unchecked and a `coverage-unchecked` error names its grids. Turf's
 * union is made to throw here.
 */
import { describe, expect, it, vi } from 'vitest';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import { latticeInput } from './support/lattice.ts';

vi.mock('@turf/turf', async (original) => ({
  ...(await original<typeof import('@turf/turf')>()),
  union: () => {
    throw new Error('Unable to complete output ring');
  },
}));

const plan = (bends: [number, number, number][]) =>
  latticeInput({
    west: 116.3,
    south: 39.9,
    cell: 0.002,
    cols: 2,
    rows: 2,
    jitter: [0.1, -0.1],
    bends,
    buildings: [[0.2, 0.2, 0.1, 0.1]],
  });

describe('a clipping failure', () => {
  it('marks the community unchecked and reports it, with the rest of the report intact', () => {
    const report = new CoverageEngine(plan([[0, 1, 0.1]])).report();
    const community = report.communities[0]!;
    expect(community.checked).toBe(false);
    expect(community.gaps).toEqual([]);
    const unchecked = report.problems.filter((p) => p.kind === 'coverage-unchecked');
    expect(unchecked).toHaveLength(1);
    expect(unchecked[0]).toMatchObject({
      severity: 'error',
      communityId: community.communityId,
      gridIds: community.gridIds,
    });
    expect(report.grids).toHaveLength(4);
    expect(report.assignments[0]!.status).toBe('inside');
  });

  it('does not touch a community whose edges match (no clipping needed)', () => {
    const report = new CoverageEngine(plan([])).report();
    expect(report.communities[0]!.checked).toBe(true);
    expect(report.problems.some((p) => p.kind === 'coverage-unchecked')).toBe(false);
  });
});
