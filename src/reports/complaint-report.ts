/**
 * The complaint analysis of a month in words, for `npm run orders` (orders.md and the console):
 * the street's volume with 环比 and 同比, the three rates and the composite score, overdue orders
 * and times to close, the leading categories, communities and grids ranked, the repeat-complaint
 * buildings, and what the import could not read or place. Chinese or English.
 */
import { markdownTable as table } from './markdown-table.ts';
import { formatNumber, formatShare, type ReportLang } from './number-format.ts';
import type { ComplaintAggregate, ComplaintFigures } from '../analysis/complaints/aggregate.ts';
import { beijingDate } from '../analysis/complaints/assessment-period.ts';
import type { MonthAnalysis } from '../analysis/complaints/street-orders.ts';

/** A repeat-complaint building as the report names it. */
export interface RepeatRow {
  building: string;
  gridId: string | null;
  category2: string;
  peak: number;
  orders: number;
}

export interface ComplaintReportContext {
  streetName?: string;
  communityName?: (id: string) => string | undefined;
  repeats: readonly RepeatRow[];
  /** What the import said, already in words, one line per problem group. */
  importLines: readonly string[];
  /** One line per imported file: rows, imported, left out, not placed. */
  fileLines: readonly string[];
}

const LABELS = {
  zh: {
    title: '接诉即办分析',
    month: (m: string, from: string, to: string) => `考核月 ${m}（${from} 至 ${to}）`,
    street: '街道',
    orders: '工单量',
    mom: '环比',
    yoy: '同比',
    perThousand: '每千户工单',
    visits: '回访量',
    response: '响应率',
    resolution: '解决率',
    satisfaction: '满意率',
    score: '综合成绩',
    overdue: '超期工单',
    medianClose: '办结用时中位数（小时）',
    p90Close: '办结用时 90% 分位（小时）',
    outside: '未落入网格的工单',
    categories: '主要诉求类别',
    category: '类别',
    communities: '社区排名（按每千户工单）',
    community: '社区',
    grids: '网格排名：每千户工单最多的 10 个',
    lowGrids: '网格排名：综合成绩最低的 10 个',
    grid: '网格',
    repeats: '重复投诉楼栋（30 天内同类诉求 ≥ 3 件）',
    building: '楼栋',
    peak: '30 天内最多',
    inMonth: '本月同类',
    none: '无',
    imported: '导入',
    problems: '导入问题',
    noRate: '—',
  },
  en: {
    title: 'Complaint analysis',
    month: (m: string, from: string, to: string) => `Assessment month ${m} (${from} to ${to})`,
    street: 'Street',
    orders: 'Orders',
    mom: 'vs previous month',
    yoy: 'vs a year before',
    perThousand: 'Orders per 1,000 households',
    visits: 'Follow-up visits',
    response: 'Response rate',
    resolution: 'Resolution rate',
    satisfaction: 'Satisfaction rate',
    score: 'Composite score',
    overdue: 'Overdue orders',
    medianClose: 'Median hours to close',
    p90Close: '90th percentile hours to close',
    outside: 'Orders in no grid',
    categories: 'Leading categories',
    category: 'Category',
    communities: 'Communities by orders per 1,000 households',
    community: 'Community',
    grids: 'Grids: the 10 with the most orders per 1,000 households',
    lowGrids: 'Grids: the 10 with the lowest composite score',
    grid: 'Grid',
    repeats: 'Repeat-complaint buildings (≥ 3 orders of one category within 30 days)',
    building: 'Building',
    peak: 'Most in 30 days',
    inMonth: 'This month',
    none: 'None',
    imported: 'Imported',
    problems: 'Import problems',
    noRate: '—',
  },
} as const;

function rate(value: number | null, lang: ReportLang): string {
  return value === null ? LABELS[lang].noRate : formatShare(value, lang);
}

function score(value: number | null, lang: ReportLang): string {
  return value === null ? LABELS[lang].noRate : formatNumber(value, lang, 1);
}

function hours(value: number | null, lang: ReportLang): string {
  return value === null ? LABELS[lang].noRate : formatNumber(value, lang, 1);
}

/** A change as +12.5% / −3.0%, or — when there is nothing to compare with. */
export function changeText(now: number, before: number, lang: ReportLang): string {
  if (before === 0) return LABELS[lang].noRate;
  const change = (now - before) / before;
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatShare(Math.abs(change), lang)}`;
}

function figureRows(
  f: ComplaintFigures,
  analysis: MonthAnalysis,
  outsideGrids: number,
  lang: ReportLang,
): [string, string][] {
  const l = LABELS[lang];
  return [
    [l.orders, formatNumber(f.orders, lang)],
    [l.mom, changeText(f.orders, analysis.previous.street.orders, lang)],
    [l.yoy, changeText(f.orders, analysis.lastYear.street.orders, lang)],
    [
      l.perThousand,
      f.perThousandHouseholds === null ? l.noRate : formatNumber(f.perThousandHouseholds, lang, 1),
    ],
    [l.visits, formatNumber(f.visits, lang)],
    [l.response, rate(f.responseRate, lang)],
    [l.resolution, rate(f.resolutionRate, lang)],
    [l.satisfaction, rate(f.satisfactionRate, lang)],
    [l.score, score(f.compositeScore, lang)],
    [l.overdue, formatNumber(f.overdue, lang)],
    [l.medianClose, hours(f.medianCloseHours, lang)],
    [l.p90Close, hours(f.p90CloseHours, lang)],
    [l.outside, formatNumber(outsideGrids, lang)],
  ];
}

type Scope = { id: string } & ComplaintFigures;

function scopeRows(
  scopes: readonly Scope[],
  name: (id: string) => string,
  lang: ReportLang,
): string[][] {
  return scopes.map((s) => [
    name(s.id),
    formatNumber(s.orders, lang),
    s.perThousandHouseholds === null
      ? LABELS[lang].noRate
      : formatNumber(s.perThousandHouseholds, lang, 1),
    rate(s.responseRate, lang),
    rate(s.resolutionRate, lang),
    rate(s.satisfactionRate, lang),
    score(s.compositeScore, lang),
    formatNumber(s.overdue, lang),
  ]);
}

const byVolume = (a: Scope, b: Scope) =>
  (b.perThousandHouseholds ?? -1) - (a.perThousandHouseholds ?? -1) ||
  b.orders - a.orders ||
  (a.id < b.id ? -1 : 1);
const byScore = (a: Scope, b: Scope) =>
  (a.compositeScore ?? Infinity) - (b.compositeScore ?? Infinity) || (a.id < b.id ? -1 : 1);

/** The rankings the report shows, shared by the Markdown and the console. */
function rankings(current: ComplaintAggregate) {
  return {
    communities: [...current.communities].sort(byVolume),
    busiest: [...current.grids].sort(byVolume).slice(0, 10),
    lowest: current.grids
      .filter((g) => g.compositeScore !== null)
      .sort(byScore)
      .slice(0, 10),
  };
}

/**
 * orders.md.
 * @example
 * writeFileSync('orders.md', complaintMarkdown(analysis, 'zh', context));
 */
export function complaintMarkdown(
  analysis: MonthAnalysis,
  lang: ReportLang,
  context: ComplaintReportContext,
): string {
  const l = LABELS[lang];
  const { current } = analysis;
  const name = (id: string) => {
    const n = context.communityName?.(id);
    return n ? (lang === 'zh' ? `${n}（${id}）` : `${n} (${id})`) : id;
  };
  const ranked = rankings(current);
  const scopeHeader = [
    l.orders,
    l.perThousand,
    l.response,
    l.resolution,
    l.satisfaction,
    l.score,
    l.overdue,
  ];
  const out = [
    `# ${l.title}${context.streetName ? ` — ${context.streetName}` : ''}`,
    '',
    l.month(
      analysis.month,
      beijingDate(analysis.period.start),
      beijingDate(analysis.period.end - 1),
    ),
    '',
    `## ${l.street}`,
    '',
    ...table(
      ['', ''],
      figureRows(current.street, analysis, current.outsideGrids, lang),
      (i) => i > 0,
    ),
    '',
    `## ${l.categories}`,
    '',
    ...table(
      [l.category, l.orders],
      analysis.breakdown.category2
        .slice(0, 10)
        .map((c) => [`${c.category1} / ${c.category2}`, formatNumber(c.orders, lang)]),
      (i) => i > 0,
    ),
    '',
    `## ${l.communities}`,
    '',
    ...table(
      [l.community, ...scopeHeader],
      scopeRows(ranked.communities, name, lang),
      (i) => i > 0,
    ),
    '',
    `## ${l.grids}`,
    '',
    ...table(
      [l.grid, ...scopeHeader],
      scopeRows(ranked.busiest, (id) => id, lang),
      (i) => i > 0,
    ),
    '',
    `## ${l.lowGrids}`,
    '',
    ...table(
      [l.grid, ...scopeHeader],
      scopeRows(ranked.lowest, (id) => id, lang),
      (i) => i > 0,
    ),
    '',
    `## ${l.repeats}`,
    '',
  ];
  if (context.repeats.length === 0) out.push(l.none, '');
  else
    out.push(
      ...table(
        [l.building, l.grid, l.category, l.peak, l.inMonth],
        context.repeats.map((r) => [
          r.building,
          r.gridId ?? '—',
          r.category2,
          formatNumber(r.peak, lang),
          formatNumber(r.orders, lang),
        ]),
        (i) => i > 2,
      ),
      '',
    );
  out.push(`## ${l.imported}`, '', ...context.fileLines.map((line) => `- ${line}`), '');
  out.push(`## ${l.problems}`, '');
  if (context.importLines.length === 0) out.push(l.none, '');
  else out.push(...context.importLines.map((line) => `- ${line}`), '');
  return out.join('\n');
}

/**
 * What the CLI prints: the month, the street's figures, the leading categories and the number of
 * repeat-complaint buildings.
 */
export function complaintConsoleText(
  analysis: MonthAnalysis,
  lang: ReportLang,
  context: ComplaintReportContext,
): string {
  const l = LABELS[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = [
    `${l.title}${context.streetName ? ` — ${context.streetName}` : ''}`,
    l.month(
      analysis.month,
      beijingDate(analysis.period.start),
      beijingDate(analysis.period.end - 1),
    ),
    ...figureRows(analysis.current.street, analysis, analysis.current.outsideGrids, lang).map(
      ([k, v]) => `  ${k}${colon}${v}`,
    ),
    `${l.categories}${colon}${analysis.breakdown.category2
      .slice(0, 5)
      .map((c) => `${c.category2} ${formatNumber(c.orders, lang)}`)
      .join(lang === 'zh' ? '，' : ', ')}`,
    `${l.repeats}${colon}${formatNumber(context.repeats.length, lang)}`,
    ...context.fileLines.map((line) => `${l.imported}${colon}${line}`),
    ...context.importLines.map((line) => `  ${line}`),
  ];
  return lines.join('\n');
}
