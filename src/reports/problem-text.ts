/**
 * What a coverage problem says to a street planner, in Chinese or English: a short title with the
 * figure (网格缺口 302 m²) and a sentence naming the community, grids and buildings concerned.
 * Pure wording over the report's plain data, shared by the coverage panel, the Markdown report and
 * the CLI, so every place words a problem the same way.
 */
import type { CoverageProblem, CoverageProblemKind } from '../analysis/coverage/report.ts';
import { formatArea, formatNumber, formatShare, type ReportLang } from './number-format.ts';

export interface ProblemTextOptions {
  /** The community's name for an id (嘉禾里社区), when known. */
  community?: (id: string) => string | undefined;
  /** The norms in force, so a band problem can quote them; omitted from the wording if absent. */
  norms?: { householdsBand: { min: number; max: number }; maxResidents: number };
}

export interface ProblemText {
  title: string;
  detail: string;
}

const KIND_LABELS: Record<CoverageProblemKind, Record<ReportLang, string>> = {
  gap: { zh: '网格缺口', en: 'Gaps between grids' },
  overlap: { zh: '网格重叠', en: 'Overlapping grids' },
  'outside-community': { zh: '网格超出社区边界', en: 'Grids outside their community' },
  'non-contiguous': { zh: '网格不连续', en: 'Non-contiguous grids' },
  'invalid-ring': { zh: '网格边界无效', en: 'Invalid grid boundaries' },
  'coverage-unchecked': { zh: '覆盖无法核算', en: 'Coverage not computed' },
  sliver: { zh: '网格碎片', en: 'Grid slivers' },
  'unassigned-building': { zh: '未入格楼栋', en: 'Buildings in no grid' },
  'split-building': { zh: '跨网格楼栋', en: 'Buildings split between grids' },
  'households-above': { zh: '户数高于规范', en: 'Households above the band' },
  'households-below': { zh: '户数低于规范', en: 'Households below the band' },
  'residents-above': { zh: '人口超出上限', en: 'Residents above the limit' },
  'no-workers': { zh: '未配网格员', en: 'Grids without a grid worker' },
};

/**
 * The heading of a group of problems of one kind.
 * @example
 * problemKindLabel('gap', 'zh'); // '网格缺口'
 */
export function problemKindLabel(kind: CoverageProblemKind, lang: ReportLang): string {
  return KIND_LABELS[kind][lang];
}

/** Ids listed in a sentence before the rest are counted (… 等 12 个). */
const LISTED_IDS = 5;

/** Joins ids the way each language does: a、b 与 c / a, b and c; long lists are cut short. */
function idList(ids: readonly string[], lang: ReportLang): string {
  const shown = ids.slice(0, LISTED_IDS);
  const rest = ids.length - shown.length;
  if (lang === 'zh') {
    if (rest > 0) return `${shown.join('、')} 等 ${formatNumber(ids.length, lang)} 个`;
    return shown.length > 1
      ? `${shown.slice(0, -1).join('、')} 与 ${shown[shown.length - 1]}`
      : shown.join('');
  }
  if (rest > 0) return `${shown.join(', ')} and ${formatNumber(rest, lang)} more`;
  return shown.length > 1
    ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
    : shown.join('');
}

/** 嘉禾里社区（110106090008）, 社区 110106090008, community 嘉禾里社区 (110106090008) … */
function communityRef(
  id: string | null,
  lang: ReportLang,
  options: ProblemTextOptions,
): string | null {
  if (id === null) return null;
  const name = options.community?.(id);
  if (lang === 'zh') {
    if (!name) return `社区 ${id}`;
    return /(社区|村)$/.test(name) ? `${name}（${id}）` : `社区 ${name}（${id}）`;
  }
  return name ? `community ${name} (${id})` : `community ${id}`;
}

/** The parts of a problem every wording draws on, already formatted. */
interface Parts {
  lang: ReportLang;
  community: string | null;
  grids: string;
  grid: string;
  gridCount: number;
  buildings: string;
  area: string;
  value: number | null;
  options: ProblemTextOptions;
}

type Wording = (p: Parts) => ProblemText;

const ZH: Record<CoverageProblemKind, Wording> = {
  gap: (p) => ({
    title: `网格缺口 ${p.area}`,
    detail:
      `${zhCommunity(p, '内')}` +
      `${p.grids ? ` ${p.grids} ${p.gridCount > 1 ? '之间' : '旁'}` : ''}有 ${p.area} 未被任何网格覆盖` +
      `${p.buildings ? `，其中有楼栋 ${p.buildings}` : ''}。`,
  }),
  overlap: (p) => ({
    title: `网格重叠 ${p.area}`,
    detail: `${zhCommunity(p, '内 ')}${p.grids} 重叠 ${p.area}，同一片区域被两个网格同时认领。`,
  }),
  'outside-community': (p) => ({
    title: `网格超出社区边界 ${p.area}`,
    detail: `网格 ${p.grid} 有 ${p.area} 位于${zhCommunity(p, '之外') || '所属社区之外'}，网格不应跨越社区边界。`,
  }),
  'non-contiguous': (p) => ({
    title: `网格不连续`,
    detail: `网格 ${p.grid} 由${p.value !== null ? ` ${formatNumber(p.value, 'zh')} ` : '多'}块互不相连的区域组成，每个网格应是一个闭合多边形。`,
  }),
  'invalid-ring': (p) => ({
    title: `网格边界无效`,
    detail: `网格 ${p.grid} 的边界自相交、未闭合或点数不足，已暂存，未参与覆盖计算${p.community ? `，${zhCommunity(p, '的')}覆盖结果因此不完整` : ''}。`,
  }),
  'coverage-unchecked': (p) => ({
    title: `覆盖无法核算`,
    detail: `${zhCommunity(p, '的')}网格边界与社区边界不能逐边吻合，而几何裁剪在这些边界上失败，缺口、重叠和越界面积无法算出${p.grids ? `；请检查网格 ${p.grids} 的边界` : ''}。`,
  }),
  sliver: (p) => ({
    title: `网格碎片 ${p.area}`,
    detail: `${zhCommunity(p, '内')}${p.grids ? ` ${p.grids} 处` : ''}有一块仅 ${p.area} 的碎片（细小的缺口、重叠或网格残块），多为边界描绘误差，请核对后删除或并入相邻网格。`,
  }),
  'unassigned-building': (p) => ({
    title: `楼栋未入格 ${p.buildings}`,
    detail: `${zhCommunity(p, '的')}楼栋 ${p.buildings}${p.value !== null ? `（${formatNumber(p.value, 'zh')} 户）` : ' '}不在任何网格内，没有责任网格。`,
  }),
  'split-building': (p) => ({
    title: `楼栋跨网格 ${p.buildings}`,
    detail: `楼栋 ${p.buildings} 被网格 ${p.grids} 分割${p.value !== null ? `，最大一部分占 ${formatShare(p.value, 'zh')}` : ''}；每栋楼应只属于一个网格。`,
  }),
  'households-above': (p) => ({
    title: `户数高于规范 ${p.value !== null ? `${formatNumber(p.value, 'zh')} 户` : ''}`.trim(),
    detail: `综合网格 ${p.grid} 有 ${figure(p)} 户，高于${band(p)}上限，网格员走访负担过重。`,
  }),
  'households-below': (p) => ({
    title: `户数低于规范 ${p.value !== null ? `${formatNumber(p.value, 'zh')} 户` : ''}`.trim(),
    detail: `综合网格 ${p.grid} 只有 ${figure(p)} 户，低于${band(p)}下限，可考虑与相邻网格合并。`,
  }),
  'residents-above': (p) => ({
    title: `人口超出上限 ${p.value !== null ? `${formatNumber(p.value, 'zh')} 人` : ''}`.trim(),
    detail: `综合网格 ${p.grid} 有 ${figure(p)} 名居民，超过${
      p.options.norms ? ` ${formatNumber(p.options.norms.maxResidents, 'zh')} 人的` : ''
    }上限。`,
  }),
  'no-workers': (p) => ({
    title: `未配网格员`,
    detail: `网格 ${p.grid} 的网格员人数为 0，楼栋和住户没有人负责走访。`,
  }),
};

const EN: Record<CoverageProblemKind, Wording> = {
  gap: (p) => ({
    title: `Gap of ${p.area}`,
    detail:
      `${p.community ? `In ${p.community}, ` : ''}${p.area} ` +
      `${p.gridCount > 1 ? `between grids ${p.grids} ` : p.grids ? `next to grid ${p.grids} ` : ''}` +
      `is covered by no grid` +
      `${p.buildings ? `; it holds building ${p.buildings}` : ''}.`,
  }),
  overlap: (p) => ({
    title: `Overlap of ${p.area}`,
    detail: `${p.community ? `In ${p.community}, ` : ''}grids ${p.grids} overlap by ${p.area}: two grids claim the same area.`,
  }),
  'outside-community': (p) => ({
    title: `Grid outside its community by ${p.area}`,
    detail: `${p.area} of grid ${p.grid} lies outside ${p.community ?? 'its community'}; a grid must not cross the community border.`,
  }),
  'non-contiguous': (p) => ({
    title: `Non-contiguous grid`,
    detail: `Grid ${p.grid} consists of ${p.value !== null ? formatNumber(p.value, 'en') : 'several'} separate parts; a grid must be one closed polygon.`,
  }),
  'invalid-ring': (p) => ({
    title: `Invalid grid boundary`,
    detail: `The boundary of grid ${p.grid} is self-intersecting, unclosed or too short; the grid was set aside and left out of the coverage check${p.community ? `, so the figures of ${p.community} are incomplete` : ''}.`,
  }),
  'coverage-unchecked': (p) => ({
    title: `Coverage not computed`,
    detail: `${p.community ? `In ${p.community}, the` : 'The'} grid boundaries do not match the community border edge for edge, and clipping failed on these boundaries, so gaps, overlaps and areas outside could not be measured${p.grids ? `; check the boundaries of grids ${p.grids}` : ''}.`,
  }),
  sliver: (p) => ({
    title: `Sliver of ${p.area}`,
    detail: `${p.community ? `In ${p.community}, ` : ''}there is a sliver of only ${p.area}${p.grids ? ` at ${p.gridCount > 1 ? 'grids' : 'grid'} ${p.grids}` : ''} (a tiny gap, overlap or grid fragment), usually a drawing error: check it, then delete it or merge it into a neighbouring grid.`,
  }),
  'unassigned-building': (p) => ({
    title: `Building ${p.buildings} in no grid`,
    detail: `Building ${p.buildings}${p.value !== null ? ` (${formatNumber(p.value, 'en')} households)` : ''}${p.community ? ` in ${p.community}` : ''} lies in no grid, so no grid is responsible for it.`,
  }),
  'split-building': (p) => ({
    title: `Building ${p.buildings} split between grids`,
    detail: `Building ${p.buildings} is cut by grids ${p.grids}${p.value !== null ? `; the largest part is ${formatShare(p.value, 'en')}` : ''}. Every building must belong to one grid.`,
  }),
  'households-above': (p) => ({
    title: `${p.value !== null ? `${formatNumber(p.value, 'en')} households, above` : 'Households above'} the band`,
    detail: `Comprehensive grid ${p.grid} holds ${figure(p)} households, above ${band(p)}; its grid workers cannot keep up the visits.`,
  }),
  'households-below': (p) => ({
    title: `${p.value !== null ? `${formatNumber(p.value, 'en')} households, below` : 'Households below'} the band`,
    detail: `Comprehensive grid ${p.grid} holds only ${figure(p)} households, below ${band(p)}; consider merging it with a neighbour.`,
  }),
  'residents-above': (p) => ({
    title: `${p.value !== null ? `${formatNumber(p.value, 'en')} residents, above` : 'Residents above'} the limit`,
    detail: `Comprehensive grid ${p.grid} has ${figure(p)} residents, more than the limit${
      p.options.norms ? ` of ${formatNumber(p.options.norms.maxResidents, 'en')}` : ''
    }.`,
  }),
  'no-workers': (p) => ({
    title: `No grid worker`,
    detail: `Grid ${p.grid} has 0 grid workers, so nobody visits its buildings and households.`,
  }),
};

/** The community then a word, spaced after a bare code: 社区 110106090008 内 / 嘉禾里社区（…）内. */
function zhCommunity(p: Parts, word: string): string {
  if (!p.community) return '';
  return /[0-9A-Za-z]$/.test(p.community) ? `${p.community} ${word}` : `${p.community}${word}`;
}

/** The problem's figure as a count, or “?” when the engine gave none. */
function figure(p: Parts): string {
  return p.value !== null ? formatNumber(p.value, p.lang) : '?';
}

/** The household band: 「300–500 户的规范」 / “the 300–500 household band”. */
function band(p: Parts): string {
  const norms = p.options.norms;
  if (p.lang === 'zh') {
    return norms
      ? ` ${formatNumber(norms.householdsBand.min, 'zh')}–${formatNumber(norms.householdsBand.max, 'zh')} 户的规范`
      : '户数规范';
  }
  return norms
    ? `the ${formatNumber(norms.householdsBand.min, 'en')}–${formatNumber(norms.householdsBand.max, 'en')} household band`
    : 'the household band';
}

/**
 * The title and sentence of a coverage problem in one language.
 * @example
 * problemText(gapProblem, 'zh', { community: (id) => names.get(id) });
 * // { title: '网格缺口 302 m²',
 * //   detail: '嘉禾里社区（110106090008）内 110106090008001 与 110106090008002 之间有 302 m² 未被任何网格覆盖。' }
 */
export function problemText(
  problem: CoverageProblem,
  lang: ReportLang,
  options: ProblemTextOptions = {},
): ProblemText {
  const parts: Parts = {
    lang,
    community: communityRef(problem.communityId, lang, options),
    grids: idList(problem.gridIds, lang),
    grid: problem.gridIds[0] ?? '?',
    gridCount: problem.gridIds.length,
    buildings: idList(problem.buildingIds, lang),
    area: formatArea(problem.areaM2 ?? 0, lang),
    value: problem.value,
    options,
  };
  return (lang === 'zh' ? ZH : EN)[problem.kind](parts);
}
