/**
 * The suggestion's words, in Chinese and English, for the CLI and the app: why a community
 * cannot meet the norms, and the summary of what the suggestion changes.
 */
import { formatNumber, type ReportLang } from '../../reports/number-format.ts';
import type {
  CommunityFigures,
  SuggestionFigures,
  SuggestionShortfall,
} from './suggestion-figures.ts';

/**
 * Why a community's suggestion falls short of the norms.
 * @example
 * shortfallText({ code: 'too-few-households', params: { households: 240, min: 300 } }, 'zh');
 * // '全社区只有 240 户，不到一个网格的下限 300 户'
 */
export function shortfallText(shortfall: SuggestionShortfall, lang: ReportLang): string {
  const p = shortfall.params as Record<string, number>;
  const n = (key: string) => formatNumber(p[key] ?? 0, lang);
  const zh = lang === 'zh';
  switch (shortfall.code) {
    case 'too-few-households':
      return zh
        ? `全社区只有 ${n('households')} 户，不到一个网格的下限 ${n('min')} 户`
        : `the whole community has ${n('households')} households, fewer than one grid's minimum of ${n('min')}`;
    case 'building-above-band':
      return zh
        ? `有一栋楼（或相互重叠的几栋楼）${n('households')} 户，超过网格上限 ${n('max')} 户，楼栋不能拆分`
        : `one building (or several overlapping ones) holds ${n('households')} households, above a grid's maximum of ${n('max')}, and buildings are never split`;
    case 'residents-need-more-grids':
      return zh
        ? `${n('residents')} 名居民至少需要 ${n('grids')} 个网格，而户数最多只够分 ${n('most')} 个`
        : `${n('residents')} residents need at least ${n('grids')} grids, but the households allow at most ${n('most')}`;
    case 'no-division-found':
      return zh
        ? `没有找到所有网格都达标的划分，${n('grids')} 个网格仍超出规范`
        : `no division with every grid within the norms was found; ${n('grids')} grids stay outside them`;
  }
}

/** A community as named in the texts: `name（id）`, or the id. */
export function communityLabel(
  c: Pick<CommunityFigures, 'communityId' | 'name'>,
  lang: ReportLang,
): string {
  if (!c.name) return c.communityId;
  return lang === 'zh' ? `${c.name}（${c.communityId}）` : `${c.name} (${c.communityId})`;
}

/**
 * The summary lines: households and buildings moved, grids, workers, and each community that
 * falls short with its reason.
 * @example
 * suggestionSummary(figures, 'en')[0]; // '121 buildings with 511 households change grid.'
 */
export function suggestionSummary(figures: SuggestionFigures, lang: ReportLang): string[] {
  const n = (value: number) => formatNumber(value, lang);
  const zh = lang === 'zh';
  const { grids, workers } = figures;
  // English nouns after a count: `count(3, 'building')` → '3 buildings'.
  const count = (value: number, noun: string) => `${n(value)} ${noun}${value === 1 ? '' : 's'}`;
  const moved = figures.buildingsMoved;
  const lines = [
    zh
      ? `${n(moved)} 栋楼、${n(figures.householdsMoved)} 户调整网格。`
      : `${count(moved, 'building')} with ${count(figures.householdsMoved, 'household')} ${moved === 1 ? 'changes' : 'change'} grid.`,
    zh
      ? `网格 ${n(grids.before)} → ${n(grids.after)} 个（新增 ${n(grids.added)}，撤销 ${n(grids.removed)}）；需要网格员 ${n(workers.needed)} 名（现有 ${n(workers.today)} 名）。`
      : `Grids ${n(grids.before)} → ${n(grids.after)} (${n(grids.added)} added, ${n(grids.removed)} removed); ${count(workers.needed, 'grid worker')} needed (${n(workers.today)} today).`,
  ];
  const short = figures.communities.filter((c) => c.shortfall !== null);
  if (short.length === 0)
    lines.push(
      zh
        ? '每个社区的综合网格都在规范之内。'
        : 'Every community’s comprehensive grids meet the norms.',
    );
  else {
    lines.push(
      zh
        ? `${n(short.length)} 个社区无法全部达标：`
        : `${short.length === 1 ? 'One community cannot' : `${n(short.length)} communities cannot`} meet the norms:`,
    );
    for (const c of short)
      lines.push(
        `- ${communityLabel(c, lang)}${zh ? '：' : ': '}${shortfallText(c.shortfall!, lang)}`,
      );
  }
  return lines;
}
