// Grouped load problems: the same problem on many features is one group with its count and the
// first examples, worded once with the count and the other examples' feature numbers.
import { describe, expect, it } from 'vitest';
import { makeProblem } from '../../src/io/messages.ts';
import { loadProblemGroupText } from '../../src/io/problem-groups.ts';
import { groupLoadProblems } from './support/problems.ts';

const at = (featureIndex: number) => ({
  file: 'buildings.geojson',
  featureIndex,
  featureId: `B${featureIndex + 1}`,
});

describe('groupLoadProblems', () => {
  it('groups by file, code, field and severity, keeping the count and three examples', () => {
    const missing = Array.from({ length: 5 }, (_, i) =>
      makeProblem(at(i), 'missing-property', 'warning', 'properties.address', { field: 'address' }),
    );
    const negative = makeProblem(at(2), 'negative-number', 'error', 'properties.households', {
      field: 'households',
      value: -5,
    });
    const groups = groupLoadProblems([missing[0]!, negative, ...missing.slice(1)]);
    expect(groups.map((g) => [g.code, g.count, g.examples.length])).toEqual([
      ['missing-property', 5, 3],
      ['negative-number', 1, 1],
    ]);
    expect(groups[0]!.examples.map((p) => p.featureIndex)).toEqual([0, 1, 2]);
    expect(loadProblemGroupText(groups[0]!, 'zh')).toMatch(
      /^buildings\.geojson 第 1 个要素（B1）：.*（同样的问题共 5 处，又如第 2、3 个要素）$/,
    );
    expect(loadProblemGroupText(groups[0]!, 'en')).toMatch(/ \(5 alike, also features 2, 3\)$/);
    expect(loadProblemGroupText(groups[1]!, 'zh')).toBe(
      'buildings.geojson 第 3 个要素（B3）：字段 households 为负数（-5），户数不能为负。',
    );
  });
});
