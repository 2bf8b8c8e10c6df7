/**
 * The coverage report written out for people: a Markdown document a data team reads (verdict,
 * street totals, coverage per community, grids outside the norms, facility coverage, every
 * problem, every input problem) and a shorter text for the terminal. Pure: report and load
 * problems in, text out, in Chinese or English.
 */
import type { ProblemGroup } from '../domain/problems.ts';
import { loadProblemGroupText, problemCount } from '../io/problem-groups.ts';
import type { GridSettings } from '../domain/settings.ts';
import { markdownTable as table } from './markdown-table.ts';
import { formatArea, formatNumber, formatShare, type ReportLang } from './number-format.ts';
import { groupProblems } from '../analysis/coverage/problem-groups.ts';
import { problemKindLabel, problemText, type ProblemTextOptions } from './problem-text.ts';
import { reportLabels, type ReportLabels } from './report-labels.ts';
import type { CoverageProblem, CoverageReport } from '../analysis/coverage/report.ts';
import { checkVerdict, verdictText, type CheckVerdict } from './verdict.ts';

export interface ReportContext {
  /** The files the data came from, as the user named them. */
  sourceFiles: readonly string[];
  /** Everything loading found (errors and warnings). */
  loadProblems: readonly ProblemGroup[];
  settings: GridSettings;
  communityName?: (id: string) => string | undefined;
  streetName?: string;
  /** The verdict when the caller already has it; computed from the report otherwise. */
  verdict?: CheckVerdict;
}

/** Lines of each list the terminal shows before it counts the rest. */
const CONSOLE_LIST_LIMIT = 50;

/**
 * The full report as Markdown.
 * @example
 * writeFileSync('report.md', reportMarkdown(report, 'zh', { sourceFiles, loadProblems, settings }));
 */
export function reportMarkdown(
  report: CoverageReport,
  lang: ReportLang,
  context: ReportContext,
): string {
  const l = reportLabels(lang);
  const n = (value: number) => formatNumber(value, lang);
  const verdict = verdictOf(report, context);
  const out: string[] = [];
  out.push(`# ${heading(l, context)}`, '');
  out.push(`**${l.verdict}${colon(lang)}${verdictText(verdict, lang)}**`, '');
  if (context.sourceFiles.length > 0) {
    out.push(
      `${l.sourceFiles}${colon(lang)}${context.sourceFiles.map((f) => `\`${f}\``).join(lang === 'zh' ? '、' : ', ')}`,
    );
    out.push('');
  }
  out.push(normsLine(l, lang, context.settings), '');

  out.push(`## ${l.streetTotals}`, '');
  out.push(...table([l.figure, l.value], totalsRows(report, lang), (i) => i > 0), '');
  out.push(l.totalsNote, '');

  out.push(`## ${l.communities}`, '');
  const communityRows = report.communities.map((c) => [
    communityCell(c.communityId, lang, context),
    n(c.gridIds.length),
    n(Math.round(c.areaM2)),
    n(Math.round(c.gridAreaInsideM2)),
    n(Math.round(c.gapAreaM2)),
    n(Math.round(c.overlapAreaM2)),
    n(Math.round(c.outsideAreaM2)),
    idsCell(c.nonContiguousGridIds, lang),
    idsCell(c.invalidRingGridIds, lang),
    idsCell(c.unassignedBuildingIds, lang),
    idsCell(c.splitBuildingIds, lang),
  ]);
  out.push(...table(l.communityColumns, communityRows, (i) => i > 0), '');

  out.push(`## ${l.outOfBand}`, '');
  const outOfBand = report.grids.filter(
    (g) => g.band === 'above' || g.band === 'below' || g.residentsOver > 0,
  );
  if (outOfBand.length === 0) {
    out.push(l.allWithinBand(bandText(lang, context.settings)), '');
  } else {
    const rows = outOfBand.map((g) => [
      g.gridId,
      communityCell(g.communityId, lang, context),
      n(g.households),
      n(g.residents),
      n(g.workers),
      g.householdsPerWorker === null ? '—' : n(Math.round(g.householdsPerWorker)),
      deviationText(l, lang, g.householdsDeviation, g.residentsOver),
    ]);
    out.push(...table(l.outOfBandColumns, rows, (i) => i > 1 && i < 6), '');
  }

  out.push(`## ${l.facilities}`, '');
  if (report.facilities.length === 0) {
    out.push(l.noFacilities, '');
  } else {
    const rows = report.facilities.map((f) => [
      l.facilityType(f.type),
      n(f.facilities),
      n(f.radiusM),
      n(f.buildingsCovered),
      f.buildingShare === null ? '—' : formatShare(f.buildingShare, lang),
      n(f.householdsCovered),
      f.householdShare === null ? '—' : formatShare(f.householdShare, lang),
      n(f.uncoveredBuildingIds.length),
    ]);
    out.push(...table(l.facilityColumns, rows, (i) => i > 0), '');
  }

  out.push(`## ${l.problems}${count(lang, report.problems.length)}`, '');
  if (report.problems.length === 0) out.push(l.noProblems, '');
  for (const { kind, problems } of groupProblems(report.problems)) {
    out.push(`### ${problemKindLabel(kind, lang)}${count(lang, problems.length)}`, '');
    for (const problem of problems) out.push(`- ${problemLine(problem, lang, context, true)}`);
    out.push('');
  }

  out.push(`## ${l.loadProblems}${count(lang, problemCount(context.loadProblems))}`, '');
  if (context.loadProblems.length === 0) out.push(l.noLoadProblems, '');
  else {
    for (const group of context.loadProblems)
      out.push(`- **${l.severity[group.severity]}** ${loadProblemGroupText(group, lang)}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * The short report for the terminal: verdict, street totals, then each problem on one line.
 * @example
 * console.log(reportConsoleText(report, 'en', { sourceFiles, loadProblems, settings }));
 */
export function reportConsoleText(
  report: CoverageReport,
  lang: ReportLang,
  context: ReportContext,
): string {
  const l = reportLabels(lang);
  const verdict = verdictOf(report, context);
  const pairs = totalsRows(report, lang).map(([label, value]) => `${label} ${value}`);
  const out = [
    heading(l, context),
    `${l.verdict}${colon(lang)}${verdictText(verdict, lang)}`,
    `${l.streetTotals}${colon(lang)}${pairs.slice(0, 10).join(' · ')}`,
    `  ${pairs.slice(10).join(' · ')}`,
    '',
    `${l.problems}${count(lang, report.problems.length)}${colon(lang).trimEnd()}`,
  ];
  const problems = groupProblems(report.problems).flatMap((g) => g.problems);
  if (problems.length === 0) out.push(`  ${l.noProblems}`);
  out.push(
    ...limited(
      problems.map((p) => problemLine(p, lang, context, false)),
      l,
      lang,
    ),
  );
  out.push(
    '',
    `${l.loadProblems}${count(lang, problemCount(context.loadProblems))}${colon(lang).trimEnd()}`,
  );
  if (context.loadProblems.length === 0) out.push(`  ${l.noLoadProblems}`);
  const load = context.loadProblems.map((g) => loadProblemLine(g, lang));
  out.push(...limited(load, l, lang));
  return out.join('\n');
}

/**
 * A group of input problems on one terminal line: severity in brackets, then the loader's
 * message, with the count and other examples when the group holds more than one.
 * @example
 * loadProblemLine(result.problems[0], 'en'); // '[error] File data/notes.json is not valid JSON: …'
 */
export function loadProblemLine(group: ProblemGroup, lang: ReportLang): string {
  return `[${reportLabels(lang).severity[group.severity]}] ${loadProblemGroupText(group, lang)}`;
}

function verdictOf(report: CoverageReport, context: ReportContext): CheckVerdict {
  return context.verdict ?? checkVerdict(report, context.loadProblems);
}

/** The street totals as label–value rows, shared by the Markdown table and the terminal. */
function totalsRows(report: CoverageReport, lang: ReportLang): [string, string][] {
  const t = reportLabels(lang).totals;
  const s = report.street;
  const n = (value: number) => formatNumber(value, lang);
  return [
    [t.communities, n(report.communities.length)],
    [t.grids, n(s.grids)],
    [t.buildings, n(s.buildings)],
    [t.households, n(s.households)],
    [t.residents, n(s.residents)],
    [t.workers, n(s.workers)],
    [
      t.householdsPerWorker,
      s.householdsPerWorker === null ? '—' : n(Math.round(s.householdsPerWorker)),
    ],
    [t.monthlyVisits, n(Math.round(s.monthlyVisits))],
    [t.area, n(Math.round(s.areaM2))],
    [t.workOrders, n(s.workOrders)],
    [t.gapArea, n(Math.round(s.gapAreaM2))],
    [t.overlapArea, n(Math.round(s.overlapAreaM2))],
    [t.outsideArea, n(Math.round(s.outsideAreaM2))],
    [t.unassignedBuildings, n(s.unassignedBuildings)],
    [t.splitBuildings, n(s.splitBuildings)],
    [t.outOfBandGrids, n(s.outOfBandGrids)],
  ];
}

function heading(l: ReportLabels, context: ReportContext): string {
  return context.streetName ? `${l.title} — ${context.streetName}` : l.title;
}

function normsLine(l: ReportLabels, lang: ReportLang, settings: GridSettings): string {
  return l.norms(
    bandText(lang, settings),
    formatNumber(settings.maxResidents, lang),
    formatArea(settings.sliverAreaM2, lang),
  );
}

function bandText(lang: ReportLang, settings: GridSettings): string {
  const { min, max } = settings.householdsBand;
  return `${formatNumber(min, lang)}–${formatNumber(max, lang)}`;
}

function deviationText(
  l: ReportLabels,
  lang: ReportLang,
  householdsDeviation: number,
  residentsOver: number,
): string {
  const parts: string[] = [];
  const n = (value: number) => formatNumber(Math.abs(value), lang);
  if (householdsDeviation < 0) parts.push(l.band.below.replace('{n}', n(householdsDeviation)));
  if (householdsDeviation > 0) parts.push(l.band.above.replace('{n}', n(householdsDeviation)));
  if (residentsOver > 0) parts.push(l.band.residents.replace('{n}', n(residentsOver)));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

function problemOptions(context: ReportContext): ProblemTextOptions {
  const options: ProblemTextOptions = { norms: context.settings };
  if (context.communityName) options.community = context.communityName;
  return options;
}

/** One problem on one line: severity, title, sentence (severity in bold for Markdown). */
function problemLine(
  problem: CoverageProblem,
  lang: ReportLang,
  context: ReportContext,
  markdown: boolean,
): string {
  const text = problemText(problem, lang, problemOptions(context));
  const severity = reportLabels(lang).severity[problem.severity];
  const tag = markdown ? `**${severity}**` : `[${severity}]`;
  return `${tag} ${text.title}${colon(lang)}${text.detail}`;
}

/** Indented lines, the first few only, then how many were left out. */
function limited(lines: readonly string[], l: ReportLabels, lang: ReportLang): string[] {
  const shown = lines.slice(0, CONSOLE_LIST_LIMIT).map((line) => `  ${line}`);
  const rest = lines.length - CONSOLE_LIST_LIMIT;
  if (rest > 0)
    shown.push(
      `  … ${l.more(formatNumber(rest, lang))}${lang === 'zh' ? '，' : '; '}${l.seeReport}`,
    );
  return shown;
}

function communityCell(id: string, lang: ReportLang, context: ReportContext): string {
  const name = context.communityName?.(id);
  if (!name) return id;
  return lang === 'zh' ? `${name}（${id}）` : `${name} (${id})`;
}

/** A count, with the ids when there are a few: `1（B0001）`. */
function idsCell(ids: readonly string[], lang: ReportLang): string {
  if (ids.length === 0) return '0';
  if (ids.length > 3) return formatNumber(ids.length, lang);
  return lang === 'zh' ? `${ids.length}（${ids.join('、')}）` : `${ids.length} (${ids.join(', ')})`;
}

function colon(lang: ReportLang): string {
  return lang === 'zh' ? '：' : ': ';
}

function count(lang: ReportLang, value: number): string {
  return lang === 'zh' ? `（${formatNumber(value, lang)}）` : ` (${formatNumber(value, lang)})`;
}
