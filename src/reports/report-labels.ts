/**
 * The headings, row names and column names of the written coverage report, in Chinese and
 * English, in one table so both languages keep the same shape. Words follow the glossary of the
 * design brief (缺口/重叠, 网格员, 户, 楼栋, 综合网格/专属网格); English facility names are the app's own
 * (src/i18n/en.ts).
 */
import type { FacilityType } from '../domain/types.ts';
import { en } from '../i18n/en.ts';
import type { ReportLang } from './number-format.ts';

export interface ReportLabels {
  title: string;
  verdict: string;
  sourceFiles: string;
  norms: (band: string, maxResidents: string, sliver: string) => string;
  streetTotals: string;
  totalsNote: string;
  figure: string;
  value: string;
  totals: {
    communities: string;
    grids: string;
    buildings: string;
    households: string;
    residents: string;
    workers: string;
    householdsPerWorker: string;
    monthlyVisits: string;
    area: string;
    workOrders: string;
    outOfBandGrids: string;
    gapArea: string;
    overlapArea: string;
    outsideArea: string;
    unassignedBuildings: string;
    splitBuildings: string;
  };
  communities: string;
  communityColumns: readonly string[];
  outOfBand: string;
  outOfBandColumns: readonly string[];
  allWithinBand: (band: string) => string;
  band: { below: string; above: string; residents: string };
  facilities: string;
  facilityColumns: readonly string[];
  noFacilities: string;
  facilityType: (type: FacilityType) => string;
  problems: string;
  noProblems: string;
  loadProblems: string;
  noLoadProblems: string;
  severity: { error: string; warning: string };
  more: (count: string) => string;
  seeReport: string;
}

const ZH: ReportLabels = {
  title: '网格覆盖与工作量检查报告',
  verdict: '结论',
  sourceFiles: '数据文件',
  norms: (band, maxResidents, sliver) =>
    `检查规范：综合网格 ${band} 户，每格至多 ${maxResidents} 人；小于 ${sliver} 的网格碎片单独列出。`,
  streetTotals: '街道合计',
  totalsNote: '楼栋、户数、人口、网格员和工单为各网格之和，不含未入格楼栋和网格以外的工单。',
  figure: '指标',
  value: '数值',
  totals: {
    communities: '社区',
    grids: '网格',
    buildings: '楼栋',
    households: '户数',
    residents: '人口',
    workers: '网格员',
    householdsPerWorker: '人均户数（每名网格员）',
    monthlyVisits: '月走访次数',
    area: '网格面积（m²）',
    workOrders: '诉求工单',
    outOfBandGrids: '户数或人口超出规范的综合网格',
    gapArea: '缺口面积（m²）',
    overlapArea: '重叠面积（m²）',
    outsideArea: '超出社区面积（m²）',
    unassignedBuildings: '未入格楼栋',
    splitBuildings: '跨网格楼栋',
  },
  communities: '各社区覆盖情况',
  communityColumns: [
    '社区',
    '网格',
    '社区面积 m²',
    '网格覆盖 m²',
    '缺口 m²',
    '重叠 m²',
    '超出社区 m²',
    '不连续网格',
    '边界无效网格',
    '未入格楼栋',
    '跨网格楼栋',
  ],
  outOfBand: '超出规范的网格',
  outOfBandColumns: ['网格', '社区', '户数', '人口', '网格员', '人均户数', '偏离规范'],
  allWithinBand: (band) => `所有综合网格都在 ${band} 户之间，人口未超上限。`,
  band: { below: '少 {n} 户', above: '多 {n} 户', residents: '超出 {n} 人' },
  facilities: '设施服务覆盖',
  facilityColumns: [
    '设施类型',
    '数量',
    '服务半径 m',
    '覆盖楼栋',
    '楼栋覆盖率',
    '覆盖户数',
    '户数覆盖率',
    '未覆盖楼栋',
  ],
  noFacilities: '未载入设施图层。',
  facilityType: (type) => type,
  problems: '问题清单',
  noProblems: '没有发现覆盖或工作量问题。',
  loadProblems: '输入数据问题',
  noLoadProblems: '输入数据没有问题。',
  severity: { error: '错误', warning: '提醒' },
  more: (count) => `另有 ${count} 项未列出`,
  seeReport: '完整清单见 report.md',
};

const EN: ReportLabels = {
  title: 'Grid coverage and workload check',
  verdict: 'Verdict',
  sourceFiles: 'Data files',
  norms: (band, maxResidents, sliver) =>
    `Norms: a comprehensive grid holds ${band} households and at most ${maxResidents} residents; grid slivers under ${sliver} are listed apart.`,
  streetTotals: 'Street totals',
  totalsNote:
    'Buildings, households, residents, grid workers and work orders are sums over the grids: buildings in no grid and orders outside every grid are not counted.',
  figure: 'Figure',
  value: 'Value',
  totals: {
    communities: 'Communities',
    grids: 'Grids',
    buildings: 'Buildings',
    households: 'Households',
    residents: 'Residents',
    workers: 'Grid workers',
    householdsPerWorker: 'Households per grid worker',
    monthlyVisits: 'Monthly visits',
    area: 'Grid area (m²)',
    workOrders: 'Work orders',
    outOfBandGrids: 'Comprehensive grids outside the norms',
    gapArea: 'Gap area (m²)',
    overlapArea: 'Overlap area (m²)',
    outsideArea: 'Area outside communities (m²)',
    unassignedBuildings: 'Buildings in no grid',
    splitBuildings: 'Buildings split between grids',
  },
  communities: 'Coverage per community',
  communityColumns: [
    'Community',
    'Grids',
    'Area m²',
    'Grid area inside m²',
    'Gap m²',
    'Overlap m²',
    'Outside m²',
    'Non-contiguous grids',
    'Invalid-boundary grids',
    'Buildings in no grid',
    'Split buildings',
  ],
  outOfBand: 'Grids outside the norms',
  outOfBandColumns: [
    'Grid',
    'Community',
    'Households',
    'Residents',
    'Grid workers',
    'Households per worker',
    'Deviation',
  ],
  allWithinBand: (band) =>
    `Every comprehensive grid holds ${band} households and no more residents than the limit.`,
  band: {
    below: '{n} households short',
    above: '{n} households over',
    residents: '{n} residents over',
  },
  facilities: 'Facility coverage',
  facilityColumns: [
    'Facility type',
    'Count',
    'Service radius m',
    'Buildings covered',
    'Building share',
    'Households covered',
    'Household share',
    'Buildings not covered',
  ],
  noFacilities: 'No facility layer was loaded.',
  facilityType: (type) => `${en[`facility.${type}`]} (${type})`,
  problems: 'Problems',
  noProblems: 'No coverage or workload problem was found.',
  loadProblems: 'Input data problems',
  noLoadProblems: 'The input data has no problem.',
  severity: { error: 'error', warning: 'warning' },
  more: (count) => `${count} more not listed`,
  seeReport: 'the full list is in report.md',
};

/**
 * The report's labels in one language.
 * @example
 * reportLabels('zh').totals.gapArea; // '缺口面积（m²）'
 */
export function reportLabels(lang: ReportLang): ReportLabels {
  return lang === 'zh' ? ZH : EN;
}
