/**
 * The words of the change report (调整说明), Markdown and CSV, in Chinese and English, in one table
 * so both languages keep the same shape. Words follow the glossary of the design brief (方案,
 * 网格员, 户, 楼栋, 调整说明); the street figures take the coverage report's own words
 * (src/reports/report-labels.ts).
 */
import type { BandStatus } from '../analysis/coverage/report.ts';
import type { ReportLang } from './number-format.ts';
import { reportLabels, type ReportLabels } from './report-labels.ts';
import type { GridChangeStatus } from '../analysis/plan-compare.ts';

/** The street figures the change report compares, before and after. */
type ComparedFigure =
  | 'grids'
  | 'buildings'
  | 'households'
  | 'residents'
  | 'workers'
  | 'householdsPerWorker'
  | 'outOfBandGrids'
  | 'unassignedBuildings';

export interface ChangeReportLabels {
  title: string;
  compared: (before: string, after: string) => string;
  summary: string;
  buildingsMoved: (buildings: string, households: string, residents: string) => string;
  gridChanges: (added: string, removed: string, changed: string, unchanged: string) => string;
  outOfBand: (before: string, after: string) => string;
  unassigned: (before: string, after: string) => string;
  streetTotals: string;
  figure: string;
  change: string;
  /** The street figures compared, named as the coverage report names them. */
  figures: Pick<ReportLabels['totals'], ComparedFigure>;
  cellsNote: string;
  communities: string;
  communityColumns: readonly string[];
  grids: string;
  gridColumns: readonly string[];
  status: Record<GridChangeStatus, string>;
  band: Record<BandStatus, string>;
  moved: (count: string) => string;
  movedColumns: readonly string[];
  noMoved: string;
  noGrid: string;
  csvColumns: readonly string[];
  /** The brackets around an id or a difference after a figure, as the language writes them. */
  punctuation: { open: string; close: string };
}

const ZH: ChangeReportLabels = {
  title: '网格调整说明',
  compared: (before, after) => `对比方案：${before}（调整前）→ ${after}（调整后）`,
  summary: '调整概要',
  buildingsMoved: (buildings, households, residents) =>
    `调整网格的楼栋 ${buildings} 栋，涉及 ${households} 户、${residents} 人。`,
  gridChanges: (added, removed, changed, unchanged) =>
    `新增网格 ${added} 个，撤销 ${removed} 个，调整 ${changed} 个，未变 ${unchanged} 个。`,
  outOfBand: (before, after) => `户数或人口超出规范的综合网格：${before} 个 → ${after} 个。`,
  unassigned: (before, after) => `未入格楼栋：${before} 栋 → ${after} 栋。`,
  streetTotals: '街道合计',
  figure: '指标',
  change: '变化',
  figures: reportLabels('zh').totals,
  cellsNote: '下表每格为“调整前 → 调整后（变化）”，未变化的只写一个数；“—”表示该方案中没有此网格。',
  communities: '各社区对比',
  communityColumns: ['社区', '网格', '户数', '人口', '网格员', '楼栋', '人均户数'],
  grids: '各网格对比',
  gridColumns: [
    '网格',
    '社区',
    '状态',
    '户数',
    '人口',
    '网格员',
    '楼栋',
    '人均户数',
    '面积 m²',
    '规范',
  ],
  status: { added: '新增', removed: '撤销', changed: '调整', unchanged: '未变' },
  band: { below: '低于规范', within: '符合规范', above: '高于规范', exempt: '专属网格' },
  moved: (count) => `调整网格的楼栋（${count}）`,
  movedColumns: ['楼栋编号', '楼栋名称', '地址', '社区', '户数', '人口', '原网格', '新网格'],
  noMoved: '没有楼栋调整网格。',
  noGrid: '未入格',
  csvColumns: [
    '楼栋编号',
    '楼栋名称',
    '地址',
    '社区编号',
    '社区名称',
    '户数',
    '人口',
    '原网格编号',
    '原网格名称',
    '新网格编号',
    '新网格名称',
  ],
  punctuation: { open: '（', close: '）' },
};

const EN: ChangeReportLabels = {
  title: 'Grid change report',
  compared: (before, after) => `Plans compared: ${before} (before) → ${after} (after)`,
  summary: 'Summary',
  buildingsMoved: (buildings, households, residents) =>
    `${buildings} buildings change grid, with ${households} households and ${residents} residents.`,
  gridChanges: (added, removed, changed, unchanged) =>
    `Grids added: ${added}; removed: ${removed}; changed: ${changed}; unchanged: ${unchanged}.`,
  outOfBand: (before, after) => `Comprehensive grids outside the norms: ${before} → ${after}.`,
  unassigned: (before, after) => `Buildings in no grid: ${before} → ${after}.`,
  streetTotals: 'Street totals',
  figure: 'Figure',
  change: 'Change',
  figures: reportLabels('en').totals,
  cellsNote:
    'Each cell below reads “before → after (change)”; an unchanged figure is written once, and “—” marks a grid the plan does not have.',
  communities: 'Communities',
  communityColumns: [
    'Community',
    'Grids',
    'Households',
    'Residents',
    'Grid workers',
    'Buildings',
    'Households per worker',
  ],
  grids: 'Grids',
  gridColumns: [
    'Grid',
    'Community',
    'Status',
    'Households',
    'Residents',
    'Grid workers',
    'Buildings',
    'Households per worker',
    'Area m²',
    'Norms',
  ],
  status: { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'unchanged' },
  band: { below: 'below', within: 'within', above: 'above', exempt: 'dedicated' },
  moved: (count) => `Buildings that change grid (${count})`,
  movedColumns: [
    'Building',
    'Name',
    'Address',
    'Community',
    'Households',
    'Residents',
    'Old grid',
    'New grid',
  ],
  noMoved: 'No building changes grid.',
  noGrid: 'no grid',
  csvColumns: [
    'Building id',
    'Building name',
    'Address',
    'Community id',
    'Community name',
    'Households',
    'Residents',
    'Old grid id',
    'Old grid name',
    'New grid id',
    'New grid name',
  ],
  punctuation: { open: ' (', close: ')' },
};

/**
 * The change report's labels in one language.
 * @example
 * changeReportLabels('zh').status.added; // '新增'
 */
export function changeReportLabels(lang: ReportLang): ChangeReportLabels {
  return lang === 'zh' ? ZH : EN;
}
