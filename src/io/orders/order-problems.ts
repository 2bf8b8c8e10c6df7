/**
 * Problems of a work-order import, as codes with parameters, worded here in Chinese and English
 * only when shown: a row that cannot be read (no 工单号, no time, no category), a value that is
 * ignored, an order number seen before, an order that cannot be placed in the street, and what
 * concerns the whole file (no header, coordinates that sit in another system).
 */
import type { ProblemGroup, ProblemSeverity } from '../../domain/problems.ts';

export const ORDER_PROBLEM_CODES = [
  'order-no-header',
  'order-missing-value',
  'order-bad-value',
  'order-duplicate',
  'order-bad-position',
  'order-unplaced',
  'order-outside-grids',
  'order-coordinates-shifted',
] as const;
export type OrderProblemCode = (typeof ORDER_PROBLEM_CODES)[number];

export interface OrderProblem {
  file: string;
  /** 1-based row of the table as a spreadsheet numbers it, header rows included; null for the file. */
  row: number | null;
  /** 工单号 of the row, when it has one. */
  orderId: string | null;
  /** The column's header as the file has it, or null. */
  field: string | null;
  code: OrderProblemCode;
  severity: ProblemSeverity;
  params: Readonly<Record<string, string | number>>;
}

type Params = OrderProblem['params'];
type Words = (p: Params) => string;

const SYSTEM_ZH: Record<string, string> = {
  WGS84: 'WGS-84（GPS）',
  GCJ02: 'GCJ-02（高德、腾讯）',
  BD09: 'BD-09（百度）',
};

const systemZh = (name: string | number | undefined) => SYSTEM_ZH[String(name)] ?? String(name);

const addressZh = (p: Params) =>
  !p.address
    ? '，也没有地址'
    : p.compound === 1
      ? `，地址“${p.address}”只确定到院落，院内楼栋分属多个网格`
      : `，地址“${p.address}”未匹配到楼栋`;
const addressEn = (p: Params) =>
  !p.address
    ? '; no address either'
    : p.compound === 1
      ? `; the address “${p.address}” names only a compound whose buildings lie in several grids`
      : `; the address “${p.address}” matched no building`;

const TEMPLATES: Record<OrderProblemCode, { zh: Words; en: Words }> = {
  'order-no-header': {
    zh: (p) => `找不到表头中的 ${p.fields}，无法导入；请在列对应对话框中指定这些列。`,
    en: (p) =>
      `no column for ${p.fieldsEn} was found in the header; map these columns in the column dialog.`,
  },
  'order-missing-value': {
    zh: (p) => `缺少${p.label}，该行未导入。`,
    en: (p) => `it has no ${p.labelEn}; the row was not imported.`,
  },
  'order-bad-value': {
    zh: (p) =>
      `${p.label}“${p.value}”无法识别${p.ignored === 1 ? '，按空值处理' : '，该行未导入'}。`,
    en: (p) =>
      `${p.labelEn} “${p.value}” cannot be read${p.ignored === 1 ? '; it was treated as empty' : '; the row was not imported'}.`,
  },
  'order-duplicate': {
    zh: (p) =>
      `工单号 ${p.id} 已在第 ${p.firstRow} 行${p.earlier === 1 ? '（此前导入）' : ''}出现，本行未重复导入。`,
    en: (p) =>
      `order ${p.id} already came in row ${p.firstRow}${p.earlier === 1 ? ' (an earlier import)' : ''}; this row was not imported again.`,
  },
  'order-bad-position': {
    zh: (p) => `经纬度（${p.lng}，${p.lat}）不在北京范围内，改按地址匹配。`,
    en: (p) =>
      `its position (${p.lng}, ${p.lat}) is not in Beijing; the address was tried instead.`,
  },
  'order-unplaced': {
    zh: (p) =>
      `无法定位到楼栋或网格（${p.position === 1 ? '坐标不在任何网格内' : '没有坐标'}${addressZh(p)}）；计入街道总量，不计入网格。`,
    en: (p) =>
      `it could not be placed in a building or grid (${p.position === 1 ? 'its position is in no grid' : 'no position'}${addressEn(p)}); it counts for the street, not for a grid.`,
  },
  'order-outside-grids': {
    zh: (p) =>
      `所在楼栋 ${p.building} 不在任何网格内（方案的覆盖缺口），计入街道总量，不计入网格。`,
    en: (p) =>
      `its building ${p.building} lies in no grid (a gap in the plan); it counts for the street, not for a grid.`,
  },
  'order-coordinates-shifted': {
    zh: (p) =>
      `按 ${systemZh(p.declared)} 读取时，只有 ${p.declaredShare}% 的点落在楼栋附近；按 ${systemZh(p.likely)} 转换后为 ${p.likelyShare}%。坐标很可能是 ${systemZh(p.likely)}，${p.applied === 1 ? '已按它转换为 WGS-84' : '请确认所选的坐标系'}。`,
    en: (p) =>
      `read as ${p.declared}, only ${p.declaredShare}% of the points fall near a building; converted from ${p.likely}, ${p.likelyShare}% do. The coordinates are most likely ${p.likely}${p.applied === 1 ? ' and were converted from it to WGS-84' : '; check the coordinate system chosen'}.`,
  },
};

/**
 * An order problem in words, with where it is (file, row, order number) in front.
 * @example
 * orderProblemText({ file: 'orders.csv', row: 5, orderId: 'GD1', field: '受理时间', code: 'order-bad-value',
 *   severity: 'error', params: { label: '受理时间', labelEn: 'time received', value: '2026-02-30', ignored: 0 } }, 'zh');
 * // 'orders.csv 第 5 行（GD1）：受理时间“2026-02-30”无法识别，该行未导入。'
 */
export function orderProblemText(problem: OrderProblem, lang: 'zh' | 'en'): string {
  const words = TEMPLATES[problem.code][lang](problem.params);
  if (problem.row === null)
    return lang === 'zh' ? `${problem.file}：${words}` : `${problem.file}: ${words}`;
  const id = problem.orderId ?? (lang === 'zh' ? '无工单号' : 'no order number');
  return lang === 'zh'
    ? `${problem.file} 第 ${problem.row} 行（${id}）：${words}`
    : `${problem.file}, row ${problem.row} (${id}): ${words}`;
}

/**
 * A group of like problems in words: its first, and how many there are when more than one.
 * @example
 * orderProblemGroupText(group, 'zh'); // '… 第 18 行（GD2610A002）：无法定位到楼栋或网格…（同样的问题共 2 处）'
 */
export function orderProblemGroupText(
  group: ProblemGroup<OrderProblem>,
  lang: 'zh' | 'en',
): string {
  const text = orderProblemText(group.examples[0]!, lang);
  if (group.count === 1) return text;
  return lang === 'zh'
    ? `${text}（同样的问题共 ${group.count} 处）`
    : `${text} (${group.count} alike)`;
}
