/**
 * The change report (调整说明) written out from a plan comparison: a Markdown document for the
 * planners and leaders who approve a plan (summary, street totals, a row per community and per
 * grid before and after, every building that changes grid), and a CSV of the buildings that
 * change grid for the spreadsheet the street office keeps. Pure: comparison in, text out, in
 * Chinese (default) or English.
 */
import { changeReportLabels, type ChangeReportLabels } from './change-report-labels.ts';
import { formatNumber, type ReportLang } from './number-format.ts';
import { markdownTable } from './markdown-table.ts';
import type {
  CountChange,
  FigureChanges,
  GridComparison,
  MovedBuilding,
  PlanComparison,
  RatioChange,
} from '../analysis/plan-compare.ts';

export interface ChangeReportOptions {
  lang?: ReportLang;
  /** How the plans are called, e.g. 现状 and 方案A. */
  beforeName: string;
  afterName: string;
  /** Grid names by id, from both plans (give the after plan's name where both have the grid). */
  gridNames?: ReadonlyMap<string, string>;
}

export interface ChangeCsvOptions {
  lang?: ReportLang;
  gridNames?: ReadonlyMap<string, string>;
}

/** Byte order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
const BOM = '\uFEFF';

/**
 * The change report as Markdown.
 * @example
 * const md = changeReportMarkdown(comparison, { beforeName: '现状', afterName: '方案A', gridNames });
 */
export function changeReportMarkdown(
  comparison: PlanComparison,
  options: ChangeReportOptions,
): string {
  const lang = options.lang ?? 'zh';
  const l = changeReportLabels(lang);
  const n = (value: number) => formatNumber(value, lang);
  const names = namer(comparison, l, options.gridNames);
  const { street, gridChanges } = comparison;
  const out: string[] = [`# ${l.title}`, '', l.compared(options.beforeName, options.afterName), ''];

  out.push(`## ${l.summary}`, '');
  out.push(
    `- ${l.buildingsMoved(n(comparison.movedBuildings.length), n(comparison.householdsMoved), n(comparison.residentsMoved))}`,
    `- ${l.gridChanges(n(gridChanges.added), n(gridChanges.removed), n(gridChanges.changed), n(gridChanges.unchanged))}`,
    `- ${l.outOfBand(n(street.outOfBandGrids.before), n(street.outOfBandGrids.after))}`,
    `- ${l.unassigned(n(street.unassignedBuildings.before), n(street.unassignedBuildings.after))}`,
    '',
  );

  out.push(`## ${l.streetTotals}`, '');
  const f = l.figures;
  const totalRows: [string, CountChange | RatioChange][] = [
    [f.grids, street.grids],
    [f.buildings, street.buildings],
    [f.households, street.households],
    [f.residents, street.residents],
    [f.workers, street.workers],
    [f.householdsPerWorker, street.householdsPerWorker],
    [f.outOfBandGrids, street.outOfBandGrids],
    [f.unassignedBuildings, street.unassignedBuildings],
  ];
  out.push(
    ...markdownTable(
      [l.figure, options.beforeName, options.afterName, l.change],
      totalRows.map(([label, change]) => [
        label,
        figure(change.before, lang),
        figure(change.after, lang),
        difference(change.difference, lang),
      ]),
      (i) => i > 0,
    ),
    '',
  );

  out.push(`## ${l.communities}`, '', l.cellsNote, '');
  const communityRows = comparison.communities.map((c) => [
    names.community(c.communityId),
    changeCell(c.grids, lang),
    ...figureCells(c, lang),
  ]);
  out.push(...markdownTable(l.communityColumns, communityRows, (i) => i > 0), '');

  out.push(`## ${l.grids}`, '');
  const gridRows = comparison.grids.map((g) => [
    names.grid(g.gridId),
    names.community(g.communityId),
    l.status[g.status],
    ...figureCells(g, lang),
    changeCell(rounded(g.areaM2), lang, g),
    bandCell(g, l),
  ]);
  out.push(...markdownTable(l.gridColumns, gridRows, (i) => i > 2 && i < 9), '');

  out.push(`## ${l.moved(n(comparison.movedBuildings.length))}`, '');
  if (comparison.movedBuildings.length === 0) out.push(l.noMoved, '');
  else {
    const movedRows = comparison.movedBuildings.map((m) => [
      m.buildingId,
      m.name ?? '',
      m.address ?? '',
      names.community(m.communityId),
      n(m.households),
      n(m.residents),
      m.fromGridId === null ? l.noGrid : names.grid(m.fromGridId),
      m.toGridId === null ? l.noGrid : names.grid(m.toGridId),
    ]);
    out.push(...markdownTable(l.movedColumns, movedRows, (i) => i === 4 || i === 5), '');
  }
  return out.join('\n');
}

/**
 * The buildings that change grid as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
 * comma, quote or line break), with a UTF-8 byte order mark so Excel shows the Chinese text. One
 * row per building, figures as plain numbers; a header row in the chosen language.
 * @example
 * download('调整说明.csv', changeReportCsv(comparison, { gridNames }), 'text/csv;charset=utf-8');
 */
export function changeReportCsv(
  comparison: PlanComparison,
  options: ChangeCsvOptions = {},
): string {
  const l = changeReportLabels(options.lang ?? 'zh');
  const gridName = (id: string | null) => (id === null ? '' : (options.gridNames?.get(id) ?? ''));
  const communityName = communityNames(comparison);
  const rows = comparison.movedBuildings.map((m: MovedBuilding) => [
    m.buildingId,
    m.name ?? '',
    m.address ?? '',
    m.communityId,
    communityName.get(m.communityId) ?? '',
    String(m.households),
    String(m.residents),
    m.fromGridId ?? '',
    gridName(m.fromGridId),
    m.toGridId ?? '',
    gridName(m.toGridId),
  ]);
  return BOM + [l.csvColumns, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** How grids and communities are named in the Markdown: `name（id）`, or the id alone. */
function namer(
  comparison: PlanComparison,
  l: ChangeReportLabels,
  gridNames: ReadonlyMap<string, string> | undefined,
): { community: (id: string) => string; grid: (id: string) => string } {
  const communities = communityNames(comparison);
  const { open, close } = l.punctuation;
  const named = (name: string | undefined, id: string) =>
    name ? `${name}${open}${id}${close}` : id;
  return {
    community: (id) => named(communities.get(id), id),
    grid: (id) => named(gridNames?.get(id), id),
  };
}

function communityNames(comparison: PlanComparison): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of comparison.communities)
    if (c.communityName !== null) names.set(c.communityId, c.communityName);
  return names;
}

/** Households, residents, workers, buildings and households per worker, as change cells. */
function figureCells(
  row: FigureChanges & Partial<Pick<GridComparison, 'status'>>,
  lang: ReportLang,
): string[] {
  return [
    changeCell(row.households, lang, row),
    changeCell(row.residents, lang, row),
    changeCell(row.workers, lang, row),
    changeCell(row.buildings, lang, row),
    changeCell(rounded(row.householdsPerWorker), lang, row),
  ];
}

/**
 * `before → after（±difference）`, or one figure when it did not change. A side where the grid
 * does not exist (added or removed grid) reads “—”.
 */
function changeCell(
  change: CountChange | RatioChange,
  lang: ReportLang,
  grid: Partial<Pick<GridComparison, 'status'>> = {},
): string {
  const before = grid.status === 'added' ? '—' : figure(change.before, lang);
  const after = grid.status === 'removed' ? '—' : figure(change.after, lang);
  if (before === after) return after;
  const { open, close } = changeReportLabels(lang).punctuation;
  const diff = difference(change.difference, lang);
  return diff === '' ? `${before} → ${after}` : `${before} → ${after}${open}${diff}${close}`;
}

function bandCell(grid: GridComparison, l: ChangeReportLabels): string {
  const before = grid.bandBefore === null ? '—' : l.band[grid.bandBefore];
  const after = grid.bandAfter === null ? '—' : l.band[grid.bandAfter];
  return before === after ? after : `${before} → ${after}`;
}

/** A ratio or area to whole units, as the coverage report writes them. */
function rounded(change: CountChange | RatioChange): RatioChange {
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  const before = round(change.before);
  const after = round(change.after);
  return { before, after, difference: before === null || after === null ? null : after - before };
}

function figure(value: number | null, lang: ReportLang): string {
  return value === null ? '—' : formatNumber(Math.round(value), lang);
}

/** A signed difference (`+12`, `-40`, `0`); empty when there is none to compute. */
function difference(value: number | null, lang: ReportLang): string {
  if (value === null) return '';
  const whole = Math.round(value);
  return whole > 0 ? `+${formatNumber(whole, lang)}` : formatNumber(whole, lang);
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break (quotes doubled). Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @) gets a leading apostrophe.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
