// problemText and problemKindLabel: every coverage problem kind worded in Chinese and English, with
// the figures, community, grids and buildings it concerns; names, norms and long lists.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { problemKindLabel, problemText } from '../../src/reports/problem-text.ts';
import {
  COVERAGE_PROBLEM_KINDS,
  type CoverageProblem,
  type CoverageProblemKind,
} from '../../src/analysis/coverage/report.ts';

const COMMUNITY = '110106090008';
const [G1, G2] = ['110106090008001', '110106090008002'];
const names = { community: (id: string) => (id === COMMUNITY ? '嘉禾里社区' : undefined) };
const norms = { householdsBand: { min: 300, max: 500 }, maxResidents: 2500 };

const problem = (kind: CoverageProblemKind, over: Partial<CoverageProblem> = {}): CoverageProblem =>
  deepFreeze({
    id: `${kind}:${COMMUNITY}:0`,
    kind,
    severity: 'error',
    communityId: COMMUNITY,
    gridIds: [G1],
    buildingIds: [],
    areaM2: null,
    value: null,
    bbox: [116.3, 39.83, 116.31, 39.84],
    geometry: null,
    ...over,
  });

/** One realistic problem per kind, and what each language must say about it. */
const CASES: Record<
  CoverageProblemKind,
  {
    problem: CoverageProblem;
    zh: { title: string; detail: string[] };
    en: { title: string; detail: string[] };
  }
> = {
  gap: {
    problem: problem('gap', { gridIds: [G1, G2], areaM2: 301.6 }),
    zh: {
      title: '网格缺口 302 m²',
      detail: [`嘉禾里社区（${COMMUNITY}）内 ${G1} 与 ${G2} 之间有 302 m² 未被任何网格覆盖`],
    },
    en: {
      title: 'Gap of 302 m²',
      detail: [`嘉禾里社区 (${COMMUNITY})`, `between grids ${G1} and ${G2}`, '302 m²', 'no grid'],
    },
  },
  overlap: {
    problem: problem('overlap', {
      communityId: '110106090004',
      gridIds: ['110106090004004', '110106090004005'],
      areaM2: 345.2,
    }),
    zh: {
      title: '网格重叠 345 m²',
      detail: ['社区 110106090004', '110106090004004 与 110106090004005 重叠 345 m²'],
    },
    en: {
      title: 'Overlap of 345 m²',
      detail: ['community 110106090004', '110106090004004 and 110106090004005 overlap by 345 m²'],
    },
  },
  'outside-community': {
    problem: problem('outside-community', { areaM2: 1234.4 }),
    zh: { title: '网格超出社区边界 1,234 m²', detail: [`网格 ${G1} 有 1,234 m² 位于嘉禾里社区`] },
    en: {
      title: 'Grid outside its community by 1,234 m²',
      detail: [`1,234 m² of grid ${G1} lies outside community 嘉禾里社区 (${COMMUNITY})`],
    },
  },
  'non-contiguous': {
    problem: problem('non-contiguous', { value: 3 }),
    zh: { title: '网格不连续', detail: [`网格 ${G1} 由 3 块互不相连的区域组成`] },
    en: { title: 'Non-contiguous grid', detail: [`Grid ${G1} consists of 3 separate parts`] },
  },
  'invalid-ring': {
    problem: problem('invalid-ring'),
    zh: {
      title: '网格边界无效',
      detail: [`网格 ${G1} 的边界自相交`, `嘉禾里社区（${COMMUNITY}）`],
    },
    en: { title: 'Invalid grid boundary', detail: [`grid ${G1} is self-intersecting`] },
  },
  'coverage-unchecked': {
    problem: problem('coverage-unchecked', { gridIds: [G1, G2] }),
    zh: {
      title: '覆盖无法核算',
      detail: [`嘉禾里社区（${COMMUNITY}）的网格边界`, `请检查网格 ${G1} 与 ${G2} 的边界`],
    },
    en: {
      title: 'Coverage not computed',
      detail: [`In community 嘉禾里社区 (${COMMUNITY}), the grid`, `grids ${G1} and ${G2}`],
    },
  },
  sliver: {
    problem: problem('sliver', { areaM2: 0.234, severity: 'warning' }),
    zh: {
      title: '网格碎片 0.23 m²',
      detail: [`嘉禾里社区（${COMMUNITY}）内 ${G1} 处有一块仅 0.23 m² 的碎片`],
    },
    en: {
      title: 'Sliver of 0.23 m²',
      detail: [
        `In community 嘉禾里社区 (${COMMUNITY}), there is a sliver of only 0.23 m² at grid ${G1}`,
      ],
    },
  },
  'unassigned-building': {
    problem: problem('unassigned-building', {
      communityId: '110106090001',
      gridIds: [],
      buildingIds: ['B0001'],
      value: 36,
    }),
    zh: {
      title: '楼栋未入格 B0001',
      detail: ['社区 110106090001 的楼栋 B0001（36 户）不在任何网格内'],
    },
    en: {
      title: 'Building B0001 in no grid',
      detail: ['Building B0001 (36 households) in community 110106090001 lies in no grid'],
    },
  },
  'split-building': {
    problem: problem('split-building', { gridIds: [G1, G2], buildingIds: ['B0420'], value: 0.625 }),
    zh: {
      title: '楼栋跨网格 B0420',
      detail: [`楼栋 B0420 被网格 ${G1} 与 ${G2} 分割，最大一部分占 62.5%`],
    },
    en: {
      title: 'Building B0420 split between grids',
      detail: [`Building B0420 is cut by grids ${G1} and ${G2}; the largest part is 62.5%`],
    },
  },
  'households-above': {
    problem: problem('households-above', {
      communityId: '110106090005',
      gridIds: ['110106090005003'],
      value: 964,
    }),
    zh: {
      title: '户数高于规范 964 户',
      detail: ['综合网格 110106090005003 有 964 户，高于 300–500 户的规范上限'],
    },
    en: {
      title: '964 households, above the band',
      detail: ['grid 110106090005003 holds 964 households, above the 300–500 household band'],
    },
  },
  'households-below': {
    problem: problem('households-below', { value: 212 }),
    zh: { title: '户数低于规范 212 户', detail: [`综合网格 ${G1} 只有 212 户，低于 300–500 户`] },
    en: {
      title: '212 households, below the band',
      detail: [`grid ${G1} holds only 212 households, below the 300–500 household band`],
    },
  },
  'residents-above': {
    problem: problem('residents-above', { value: 2731 }),
    zh: {
      title: '人口超出上限 2,731 人',
      detail: [`综合网格 ${G1} 有 2,731 名居民，超过 2,500 人`],
    },
    en: {
      title: '2,731 residents, above the limit',
      detail: [`grid ${G1} has 2,731 residents, more than the limit of 2,500`],
    },
  },
  'no-workers': {
    problem: problem('no-workers', { severity: 'warning' }),
    zh: { title: '未配网格员', detail: [`网格 ${G1} 的网格员人数为 0`] },
    en: { title: 'No grid worker', detail: [`Grid ${G1} has 0 grid workers`] },
  },
};

describe('problemText', () => {
  for (const kind of COVERAGE_PROBLEM_KINDS) {
    for (const lang of ['zh', 'en'] as const) {
      it(`words ${kind} in ${lang} with its figures and ids`, () => {
        const { problem: p, [lang]: expected } = CASES[kind];
        const text = problemText(p, lang, { ...names, norms });
        expect(text.title).toBe(expected.title);
        for (const part of expected.detail) expect(text.detail).toContain(part);
        expect(`${text.title} ${text.detail}`).not.toMatch(/undefined|NaN|null|\?/);
        if (lang === 'en') expect(text.detail).not.toMatch(/[网格楼栋户]/);
      });
    }
  }

  it('names the community by id alone when no name is known, and prefixes names without 社区', () => {
    const gap = CASES.gap.problem;
    expect(problemText(gap, 'zh').detail).toMatch(/^社区 110106090008 内 /);
    expect(problemText(gap, 'en').detail).toMatch(/^In community 110106090008, /);
    const plain = problemText(gap, 'zh', { community: () => '嘉禾' }).detail;
    expect(plain).toMatch(/^社区 嘉禾（110106090008）内 /);
  });

  it('leaves the norms out of the sentence when they are not given', () => {
    const above = CASES['households-above'].problem;
    expect(problemText(above, 'zh').detail).toContain('有 964 户，高于户数规范上限');
    expect(problemText(above, 'en').detail).toContain('964 households, above the household band');
    const bare = problemText(problem('households-above'), 'en');
    expect(bare.title).toBe('Households above the band');
    expect(problemText(CASES['residents-above'].problem, 'en').detail).toContain(
      'more than the limit.',
    );
  });

  it('words a gap beside one grid', () => {
    const gap = problem('gap', { areaM2: 4894.2 });
    expect(problemText(gap, 'zh', names).detail).toContain(`内 ${G1} 旁有 4,894 m²`);
    expect(problemText(gap, 'en', names).detail).toContain(`4,894 m² next to grid ${G1} is`);
  });

  it('cuts long building lists short and counts the rest', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `B${String(i + 1).padStart(4, '0')}`);
    const gap = problem('gap', { gridIds: [], buildingIds: ids, areaM2: 5210 });
    const zh = problemText(gap, 'zh').detail;
    expect(zh).toContain('B0001、B0002、B0003、B0004、B0005 等 12 个');
    expect(zh).not.toContain('B0006');
    expect(zh).toContain('社区 110106090008 内有 5,210 m² 未被任何网格覆盖');
    expect(problemText(gap, 'en').detail).toContain('B0001, B0002, B0003, B0004, B0005 and 7 more');
  });

  it('still reads when the engine gives no figure', () => {
    for (const kind of ['households-above', 'non-contiguous', 'unassigned-building'] as const) {
      const bare = problem(kind, { buildingIds: ['B0002'] });
      for (const lang of ['zh', 'en'] as const) {
        const text = problemText(bare, lang);
        expect(`${text.title} ${text.detail}`).not.toMatch(/undefined|NaN|null/);
      }
    }
    expect(problemText(problem('non-contiguous'), 'zh').detail).toContain('由多块');
    expect(problemText(problem('non-contiguous'), 'en').detail).toContain('of several separate');
  });
});

describe('problemKindLabel', () => {
  it('gives every kind a distinct heading in each language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const labels = COVERAGE_PROBLEM_KINDS.map((kind) => problemKindLabel(kind, lang));
      expect(new Set(labels).size).toBe(COVERAGE_PROBLEM_KINDS.length);
      for (const label of labels) expect(label.length).toBeGreaterThan(1);
    }
    expect(problemKindLabel('gap', 'zh')).toBe('网格缺口');
    expect(problemKindLabel('unassigned-building', 'zh')).toBe('未入格楼栋');
    expect(problemKindLabel('overlap', 'en')).toBe('Overlapping grids');
  });
});
