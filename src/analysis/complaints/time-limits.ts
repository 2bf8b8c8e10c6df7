/**
 * Time limits of work orders (办理时限) by category, for exports without a due time: urgent 2 h;
 * water, power, gas and heating 24 h; general 7 days; complex 15 days (durations from the
 * settings). The class comes from the third-level category when it is known, else from the
 * second-level one, else from keywords in either; anything else is general.
 */
import type { GridSettings } from '../../domain/settings.ts';

/** Which time limit of the settings applies. */
export type LimitClass = 'urgent' | 'utility' | 'general' | 'complex';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Third-level categories (三级分类) whose class differs from their second level's. */
const BY_CATEGORY3: Readonly<Record<string, LimitClass>> = {
  供暖费争议: 'general',
  道路积水: 'urgent',
  消防通道堵塞: 'urgent',
  小区停车难: 'complex',
  电梯故障: 'utility',
  物业收费争议: 'complex',
  无人管理: 'complex',
  井盖缺失: 'urgent',
  燃气异味: 'urgent',
  燃气表故障: 'utility',
};

/** Second-level categories (二级分类) and their class. */
const BY_CATEGORY2: Readonly<Record<string, LimitClass>> = {
  供暖: 'utility',
  排水: 'utility',
  供水: 'utility',
  供电: 'utility',
  燃气: 'utility',
  违法建设: 'complex',
};

/** Keywords for categories not in the tables, tried in this order. */
const KEYWORDS: readonly (readonly [RegExp, LimitClass])[] = [
  [/燃气异味|燃气泄漏|漏气|困人|险情|坍塌|倒塌|火情|井盖/, 'urgent'],
  [/供暖|暖气|供水|停水|水压|供电|停电|燃气|天然气|下水|排水/, 'utility'],
  [/违建|违法建设|私搭|拆迁|纠纷|争议|规划/, 'complex'],
];

/**
 * The limit class of a category.
 * @example
 * limitClassOf('供暖', '供暖费争议'); // 'general'
 * limitClassOf('城市供热', '小区暖气不热'); // 'utility' (by keyword)
 */
export function limitClassOf(category2: string, category3?: string | null): LimitClass {
  const key = `${category2}\u0000${category3 ?? ''}`;
  let found = CLASSES_FOUND.get(key);
  if (!found) CLASSES_FOUND.set(key, (found = classify(category2, category3)));
  return found;
}

/** Classes already worked out, by category: a large import asks again and again. */
const CLASSES_FOUND = new Map<string, LimitClass>();

function classify(category2: string, category3?: string | null): LimitClass {
  const exact = (category3 ? BY_CATEGORY3[category3] : undefined) ?? BY_CATEGORY2[category2];
  if (exact) return exact;
  const text = `${category2} ${category3 ?? ''}`;
  for (const [pattern, limit] of KEYWORDS) if (pattern.test(text)) return limit;
  return 'general';
}

/**
 * A class's time limit in milliseconds, from the settings.
 * @example
 * limitMs('utility', DEFAULT_SETTINGS); // 86,400,000
 */
export function limitMs(limit: LimitClass, settings: Pick<GridSettings, 'timeLimits'>): number {
  const t = settings.timeLimits;
  switch (limit) {
    case 'urgent':
      return t.urgentHours * HOUR_MS;
    case 'utility':
      return t.utilityHours * HOUR_MS;
    case 'general':
      return t.generalDays * DAY_MS;
    case 'complex':
      return t.complexDays * DAY_MS;
  }
}
