// The written coverage report: verdict, tables and problem lists of reportMarkdown and
// reportConsoleText in both languages, on hand-made reports, plus the verdict they share.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { loadProblemText, makeProblem } from '../../src/io/messages.ts';
import type {
  CommunityCoverage,
  CoverageProblem,
  CoverageReport,
  GridWorkload,
  WorkloadTotals,
} from '../../src/analysis/coverage/report.ts';
import {
  reportConsoleText,
  reportMarkdown,
  type ReportContext,
} from '../../src/reports/report-markdown.ts';
import { checkVerdict, verdictText } from '../../src/reports/verdict.ts';
import { groupLoadProblems } from './support/problems.ts';

const BOX: [number, number, number, number] = [116.3, 39.83, 116.31, 39.84];

const totals = (over: Partial<WorkloadTotals> = {}): WorkloadTotals => ({
  grids: 2,
  households: 1364,
  residents: 3480,
  buildings: 40,
  workers: 4,
  monthlyVisits: 241.3,
  areaM2: 270295.4,
  workOrders: 812,
  householdsPerWorker: 341,
  outOfBandGrids: 1,
  ...over,
});

const grid = (gridId: string, over: Partial<GridWorkload> = {}): GridWorkload => ({
  gridId,
  communityId: '110106090005',
  type: 'comprehensive',
  households: 400,
  residents: 1020,
  buildings: 20,
  difficultHouseholds: 8,
  specialHouseholds: 4,
  workers: 2,
  householdsPerWorker: 200,
  monthlyVisits: 75,
  areaM2: 120000,
  perimeterM: 1400,
  compactness: 0.77,
  parts: 1,
  workOrders: 400,
  band: 'within',
  householdsDeviation: 0,
  residentsOver: 0,
  ...over,
});

const community = (over: Partial<CommunityCoverage> = {}): CommunityCoverage => ({
  communityId: '110106090005',
  areaM2: 517529.2,
  gridIds: ['110106090005001', '110106090005003'],
  gridAreaInsideM2: 517529.2,
  checked: true,
  gapAreaM2: 0,
  gaps: [],
  overlapAreaM2: 0,
  overlaps: [],
  outsideAreaM2: 0,
  outside: [],
  nonContiguousGridIds: [],
  invalidRingGridIds: [],
  sliverParts: [],
  unassignedBuildingIds: [],
  splitBuildingIds: [],
  totals: totals(),
  ...over,
});

const problem = (over: Partial<CoverageProblem> & Pick<CoverageProblem, 'kind'>) =>
  ({
    id: `${over.kind}:0`,
    severity: 'error',
    communityId: '110106090005',
    gridIds: [],
    buildingIds: [],
    areaM2: null,
    value: null,
    bbox: BOX,
    geometry: null,
    ...over,
  }) as CoverageProblem;

const report = (over: Partial<CoverageReport> = {}): CoverageReport =>
  deepFreeze({
    assignments: [],
    grids: [grid('110106090005001'), grid('110106090005003')],
    communities: [community()],
    facilities: [
      {
        type: '垃圾收集点',
        facilities: 48,
        radiusM: 70,
        buildings: 1022,
        buildingsCovered: 175,
        buildingShare: 175 / 1022,
        households: 18530,
        householdsCovered: 3355,
        householdShare: 3355 / 18530,
        uncoveredBuildingIds: Array.from({ length: 847 }, (_, i) => `B${i}`),
      },
    ],
    street: {
      ...totals({ outOfBandGrids: 0 }),
      gapAreaM2: 0,
      overlapAreaM2: 0,
      outsideAreaM2: 0,
      unassignedBuildings: 0,
      splitBuildings: 0,
    },
    problems: [],
    ...over,
  });

/** A report with the sample street's faults: a gap, an overlap, a grid above the band, a split building. */
const faulty = () =>
  report({
    grids: [
      grid('110106090005001'),
      grid('110106090005003', {
        households: 964,
        residents: 2446,
        workers: 3,
        householdsPerWorker: 321.3,
        band: 'above',
        householdsDeviation: 464,
      }),
    ],
    communities: [
      community({
        gridAreaInsideM2: 516928.9,
        gapAreaM2: 301.6,
        overlapAreaM2: 345.4,
        splitBuildingIds: ['B0420'],
        unassignedBuildingIds: ['B0001', 'B0002', 'B0003', 'B0004'],
      }),
    ],
    street: {
      ...totals(),
      gapAreaM2: 301.6,
      overlapAreaM2: 345.4,
      outsideAreaM2: 0,
      unassignedBuildings: 4,
      splitBuildings: 1,
    },
    problems: [
      problem({ kind: 'households-above', gridIds: ['110106090005003'], value: 964 }),
      problem({
        kind: 'gap',
        gridIds: ['110106090005001', '110106090005003'],
        areaM2: 301.6,
      }),
      problem({
        kind: 'overlap',
        gridIds: ['110106090005001', '110106090005003'],
        areaM2: 345.4,
      }),
      problem({
        kind: 'split-building',
        severity: 'warning',
        gridIds: ['110106090005001', '110106090005003'],
        buildingIds: ['B0420'],
        value: 0.71,
      }),
    ],
  });

const names: Record<string, string> = { '110106090005': '槐花社区' };
const context = (over: Partial<ReportContext> = {}): ReportContext => ({
  sourceFiles: ['communities.geojson', 'grids.geojson', 'buildings.geojson'],
  loadProblems: [],
  settings: DEFAULT_SETTINGS,
  communityName: (id) => names[id],
  streetName: '榆汀街道（示例数据）',
  ...over,
});

const loadError = makeProblem(
  { file: 'grids.geojson', featureIndex: 11, featureId: '110106090005004' },
  'negative-number',
  'error',
  'properties.workers',
  { field: 'workers', value: -2 },
);

describe('reportMarkdown', () => {
  it('says a clean plan passes, with its totals and facility coverage', () => {
    const md = reportMarkdown(report(), 'zh', context());
    expect(md).toMatch(/^# 网格覆盖与工作量检查报告 — 榆汀街道（示例数据）\n/);
    expect(md).toContain('**结论：规则通过**');
    expect(md).toContain('数据文件：`communities.geojson`、`grids.geojson`、`buildings.geojson`');
    expect(md).toContain('综合网格 300–500 户，每格至多 2,500 人');
    expect(md).toContain('| 户数 | 1,364 |');
    expect(md).toContain('| 网格面积（m²） | 270,295 |');
    expect(md).toContain('| 缺口面积（m²） | 0 |');
    expect(md).toContain(
      '| 槐花社区（110106090005） | 2 | 517,529 | 517,529 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    );
    expect(md).toContain('所有综合网格都在 300–500 户之间');
    expect(md).toContain('| 垃圾收集点 | 48 | 70 | 175 | 17.1% | 3,355 | 18.1% | 847 |');
    expect(md).toContain('## 问题清单（0）\n\n没有发现覆盖或工作量问题。');
    expect(md).toContain('## 输入数据问题（0）\n\n输入数据没有问题。');
  });

  it('lists every violation by kind, with the community and out-of-band tables', () => {
    const md = reportMarkdown(faulty(), 'zh', context());
    expect(md).toContain('**结论：3 项违规（另有 1 项提醒）**');
    expect(md).toContain(
      '| 槐花社区（110106090005） | 2 | 517,529 | 516,929 | 302 | 345 | 0 | 0 | 0 | 4 | 1（B0420） |',
    );
    expect(md).toContain(
      '| 110106090005003 | 槐花社区（110106090005） | 964 | 2,446 | 3 | 321 | 多 464 户 |',
    );
    expect(md).not.toContain('| 110106090005001 |');
    // Kinds in their fixed order (gap first), whatever the order of the report.
    const gap = md.indexOf('### 网格缺口（1）');
    const overlap = md.indexOf('### 网格重叠（1）');
    const split = md.indexOf('### 跨网格楼栋（1）');
    const above = md.indexOf('### 户数高于规范（1）');
    expect(gap).toBeGreaterThan(md.indexOf('## 问题清单（4）'));
    expect([gap < overlap, overlap < split, split < above]).toEqual([true, true, true]);
    expect(md).toContain(
      '- **错误** 网格缺口 302 m²：槐花社区（110106090005）内 110106090005001 与 110106090005003 之间有 302 m² 未被任何网格覆盖。',
    );
    expect(md).toContain('- **提醒** 楼栋跨网格 B0420：');
    expect(md).toContain('最大一部分占 71%');
    expect(md).toContain('高于 300–500 户的规范上限');
  });

  it('writes the same report in English', () => {
    const md = reportMarkdown(
      faulty(),
      'en',
      context({ loadProblems: groupLoadProblems([loadError]) }),
    );
    expect(md).toMatch(/^# Grid coverage and workload check — /);
    expect(md).toContain('**Verdict: 3 rule violations (and 1 input error, 1 warning)**');
    expect(md).toContain('| Households | 1,364 |');
    expect(md).toContain('| 110106090005003 | 槐花社区 (110106090005) | 964 |');
    expect(md).toContain('464 households over');
    expect(md).toContain('| Waste collection point (垃圾收集点) | 48 | 70 |');
    expect(md).toContain('### Gaps between grids (1)');
    expect(md).toContain('- **error** Gap of 302 m²: In community 槐花社区 (110106090005), 302 m²');
    expect(md).toContain('## Input data problems (1)');
    expect(md).toContain(`- **error** ${loadProblemText(loadError, 'en')}`);
    expect(md).toContain('grids.geojson, feature 12 (110106090005004)');
  });

  it('lists input problems in the chosen language and fails on them alone', () => {
    const md = reportMarkdown(
      report(),
      'zh',
      context({ loadProblems: groupLoadProblems([loadError]) }),
    );
    expect(md).toContain('**结论：未通过：1 个输入错误**');
    expect(md).toContain(`- **错误** ${loadProblemText(loadError, 'zh')}`);
    expect(md).toContain('grids.geojson 第 12 个要素（110106090005004）');
  });

  it('keeps tables intact when a name holds a pipe, and reads without names or facilities', () => {
    const piped = reportMarkdown(report(), 'en', context({ communityName: () => 'A|B' }));
    expect(piped).toContain('| A\\|B (110106090005) |');
    const bare = reportMarkdown(
      report({ facilities: [] }),
      'en',
      context({ communityName: undefined, streetName: undefined, sourceFiles: [] }),
    );
    expect(bare).toMatch(/^# Grid coverage and workload check\n/);
    expect(bare).toContain('| 110106090005 | 2 |');
    expect(bare).toContain('No facility layer was loaded.');
    expect(bare).not.toContain('Data files');
  });
});

describe('reportConsoleText', () => {
  it('gives the verdict, the totals and one line per problem', () => {
    const text = reportConsoleText(
      faulty(),
      'zh',
      context({ loadProblems: groupLoadProblems([loadError]) }),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('网格覆盖与工作量检查报告 — 榆汀街道（示例数据）');
    expect(lines[1]).toBe('结论：3 项违规（另有 1 个输入错误，1 项提醒）');
    expect(text).toContain('户数 1,364');
    expect(text).toContain('缺口面积（m²） 302');
    expect(text).toContain('  [错误] 网格缺口 302 m²：');
    expect(text).toContain('  [提醒] 楼栋跨网格 B0420：');
    expect(text).toContain(`  [错误] ${loadProblemText(loadError, 'zh')}`);
    expect(text).not.toContain('|');
    expect(text).not.toMatch(/[ \t]$/m);
  });

  it('cuts long lists short and points to report.md', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      problem({ kind: 'no-workers', severity: 'warning', gridIds: [`1101060900050${i + 10}`] }),
    );
    const text = reportConsoleText(report({ problems: many }), 'en', context());
    expect(text.split('\n').filter((line) => line.startsWith('  [warning] '))).toHaveLength(50);
    expect(text).toContain('  … 10 more not listed; the full list is in report.md');
    expect(text).toContain('Verdict: Rules pass (and 60 warnings)');
    expect(text).not.toMatch(/[ \t]$/m);
  });
});

describe('checkVerdict and verdictText', () => {
  it('passes only without rule violations and input errors', () => {
    const warning = { ...loadError, severity: 'warning' as const };
    expect(checkVerdict(report(), groupLoadProblems([warning]))).toEqual({
      passed: true,
      violations: 0,
      warnings: 0,
      loadErrors: 0,
      loadWarnings: 1,
    });
    expect(checkVerdict(faulty(), [])).toMatchObject({ passed: false, violations: 3, warnings: 1 });
    expect(checkVerdict(report(), groupLoadProblems([loadError]))).toMatchObject({
      passed: false,
      loadErrors: 1,
    });
  });

  it('words each verdict in both languages', () => {
    const v = { passed: true, violations: 0, warnings: 0, loadErrors: 0, loadWarnings: 0 };
    expect(verdictText(v, 'zh')).toBe('规则通过');
    expect(verdictText(v, 'en')).toBe('Rules pass');
    const one = { ...v, passed: false, violations: 1 };
    expect(verdictText(one, 'en')).toBe('1 rule violation');
    expect(verdictText({ ...one, violations: 1200, warnings: 2 }, 'zh')).toBe(
      '1,200 项违规（另有 2 项提醒）',
    );
    expect(verdictText({ ...v, passed: false, loadErrors: 2 }, 'en')).toBe(
      'Not passed: 2 input errors',
    );
  });
});
