/**
 * What the check CLI itself says (usage, unreadable paths, a check that cannot run, where the
 * report went), in Chinese and English from one table keyed by code, like the load messages in
 * src/io/messages.ts.
 */
type Params = Readonly<Record<string, string>>;
interface Template {
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

const USAGE_ZH = `用法：npm run check -- <文件夹或文件…> [--lang zh|en] [--out <目录>]

检查一个街道的网格方案：网格是否覆盖社区且无缺口、无重叠、不越界，每栋楼是否恰好属于一个网格，
综合网格的户数和人口是否在规范之内，以及设施服务覆盖。

  <文件夹或文件…>  GeoJSON 图层文件；文件夹表示其中全部 *.geojson / *.json 文件（不含子文件夹）
  --lang zh|en     输出语言，默认 zh
  --out <目录>     report.json 和 report.md 的写入目录，默认 ./gridatlas-report
  --help           显示本说明

退出码：0 规则通过；1 有违规或输入数据错误；2 用法错误、路径无法读取或检查无法进行。`;

const USAGE_EN = `Usage: npm run check -- <folder or files…> [--lang zh|en] [--out <dir>]

Checks a street's grid plan: grids cover their community with no gap, no overlap and nothing
outside it, every building belongs to exactly one grid, comprehensive grids stay within the
household and resident norms, and facilities cover the buildings around them.

  <folder or files…>  GeoJSON layer files; a folder means every *.geojson / *.json in it (not its subfolders)
  --lang zh|en        output language, zh by default
  --out <dir>         where report.json and report.md are written, ./gridatlas-report by default
  --help              show this help

Exit codes: 0 rules pass; 1 a rule is violated or the input has errors; 2 usage error, unreadable
path, or the check cannot run.`;

const SUGGEST_USAGE_ZH = `用法：npm run suggest -- <文件夹或文件…> [--out <目录>] [--lang zh|en]

建议方案：在今天的网格基础上，以调整户数最少为先，使每个社区的综合网格都在户数和人口规范之内，
并修复缺口、重叠、越界、未归属和被分割的楼栋。专属网格保持不变。

  <文件夹或文件…>  街道的 GeoJSON 图层文件（至少社区、网格、楼栋）；文件夹表示其中全部 *.geojson / *.json
  --out <目录>     写入 grids.geojson、changes.md、changes.csv、suggestion.json，默认 ./gridatlas-suggestion
  --lang zh|en     输出语言，默认 zh
  --help           显示本说明

退出码：0 每个社区都达标；1 有社区无法达标（逐一列出原因）或输入数据有错误；2 用法错误、路径无法读取或无法计算。`;

const SUGGEST_USAGE_EN = `Usage: npm run suggest -- <folder or files…> [--out <dir>] [--lang zh|en]

Suggests a plan: from today's grids, moving as few households as it can, every community's
comprehensive grids are brought within the household and resident norms, and gaps, overlaps,
parts outside the community, unassigned and split buildings are repaired. Dedicated grids stay.

  <folder or files…>  the street's GeoJSON layer files (communities, grids and buildings at least); a folder means every *.geojson / *.json in it
  --out <dir>         where grids.geojson, changes.md, changes.csv and suggestion.json go, ./gridatlas-suggestion by default
  --lang zh|en        output language, zh by default
  --help              show this help

Exit codes: 0 every community meets the norms; 1 some community cannot (each named with the reason) or the input has errors; 2 usage error, unreadable path, or the suggestion cannot run.`;

const ORDERS_USAGE_ZH = `用法：npm run orders -- <街道文件夹或图层文件…> [工单文件…] [--month YYYY-MM] [--system auto|wgs84|gcj02|bd09] [--out <目录>] [--lang zh|en]

接诉即办分析：导入 12345 工单（CSV，UTF-8 或 GBK；XLSX；或 GeoJSON 工单图层），按楼栋、网格、社区归集，
计算考核月的工单量、环比同比、三率和综合成绩、超期工单、办结用时，找出重复投诉楼栋。

  <街道文件夹或图层文件…>  街道的 GeoJSON 图层（至少社区、网格、楼栋）；不给工单文件时使用其中的工单图层
  [工单文件…]              .csv / .tsv / .txt / .xlsx 工单表，或工单 GeoJSON
  --month YYYY-MM          考核月（上月 19 日至本月 18 日），默认为数据中最近一个完整的考核月
  --system                 工单坐标系，默认 auto（按点位与楼栋的吻合程度判断）
  --out <目录>             写入 orders.json 和 orders.md，默认 ./gridatlas-orders
  --lang zh|en             输出语言，默认 zh
  --help                   显示本说明

退出码：0 每一行都已导入并定位；1 有行无法读取、重复或无法定位（逐行列出）；2 用法错误、路径无法读取或无法计算。`;

const ORDERS_USAGE_EN = `Usage: npm run orders -- <street folder or layer files…> [order files…] [--month YYYY-MM] [--system auto|wgs84|gcj02|bd09] [--out <dir>] [--lang zh|en]

Complaint analysis: imports 12345 work orders (CSV in UTF-8 or GBK, XLSX, or a GeoJSON work-order layer),
places them by building, grid and community, and computes for the assessment month the volume with
its change on the previous month and the year before, the three rates and the composite score,
overdue orders, times to close, and the repeat-complaint buildings.

  <street folder or layer files…>  the street's GeoJSON layers (communities, grids, buildings at least); without order files, its work-order layer is used
  [order files…]                   .csv / .tsv / .txt / .xlsx order tables, or a GeoJSON of orders
  --month YYYY-MM                  the assessment month (19th of the month before to the 18th), by default the latest complete one in the data
  --system                         the orders' coordinate system, auto by default (judged by how the points meet the buildings)
  --out <dir>                      where orders.json and orders.md go, ./gridatlas-orders by default
  --lang zh|en                     output language, zh by default
  --help                           show this help

Exit codes: 0 every row was imported and placed; 1 some rows could not be read, repeated, or could not be placed (each listed); 2 usage error, unreadable path, or the analysis cannot run.`;

const TEMPLATES = {
  'orders-usage': { zh: () => ORDERS_USAGE_ZH, en: () => ORDERS_USAGE_EN },
  'orders-written': {
    zh: (p: Params) => `分析结果已写入 ${p.dir}（orders.md、orders.json）`,
    en: (p: Params) => `Analysis written to ${p.dir} (orders.md, orders.json)`,
  },
  'orders-missing-layers': {
    zh: (p: Params) =>
      `无法分析：没有可用的${p.layersZh}图层。请检查上面列出的输入问题，或给出相应的图层文件。`,
    en: (p: Params) =>
      `The analysis cannot run: no usable ${p.layersEn} layer. See the input problems above, or add the layer file.`,
  },
  'orders-none': {
    zh: () => '没有工单：请给出工单文件，或在街道文件夹中放入工单图层。',
    en: () => 'No orders: give an order file, or put a work-order layer in the street folder.',
  },
  'bad-month': {
    zh: (p: Params) => `考核月“${p.value}”无效，--month 的格式为 YYYY-MM，例如 2026-10。`,
    en: (p: Params) => `Invalid month "${p.value}": --month takes YYYY-MM, e.g. 2026-10.`,
  },
  'bad-system': {
    zh: (p: Params) => `坐标系“${p.value}”无效，--system 只能是 auto、wgs84、gcj02 或 bd09。`,
    en: (p: Params) =>
      `Invalid coordinate system "${p.value}": --system takes auto, wgs84, gcj02 or bd09.`,
  },
  usage: { zh: () => USAGE_ZH, en: () => USAGE_EN },
  'suggest-usage': { zh: () => SUGGEST_USAGE_ZH, en: () => SUGGEST_USAGE_EN },
  'suggest-written': {
    zh: (p: Params) =>
      `建议方案已写入 ${p.dir}（grids.geojson、changes.md、changes.csv、suggestion.json）`,
    en: (p: Params) =>
      `Suggestion written to ${p.dir} (grids.geojson, changes.md, changes.csv, suggestion.json)`,
  },
  'no-paths': {
    zh: () => '没有给出要检查的文件夹或文件。',
    en: () => 'No folder or file to check was given.',
  },
  'unknown-option': {
    zh: (p: Params) => `无法识别的选项 ${p.option}。`,
    en: (p: Params) => `Unknown option ${p.option}.`,
  },
  'missing-value': {
    zh: (p: Params) => `选项 ${p.option} 后面缺少取值。`,
    en: (p: Params) => `Option ${p.option} needs a value.`,
  },
  'bad-lang': {
    zh: (p: Params) => `不支持的语言“${p.value}”，--lang 只能是 zh 或 en。`,
    en: (p: Params) => `Unsupported language "${p.value}": --lang takes zh or en.`,
  },
  unreadable: {
    zh: (p: Params) => `无法读取 ${p.path}：${p.reasonZh}`,
    en: (p: Params) => `Cannot read ${p.path}: ${p.reasonEn}`,
  },
  'empty-folder': {
    zh: (p: Params) => `文件夹 ${p.path} 中没有 .geojson 或 .json 文件。`,
    en: (p: Params) => `Folder ${p.path} holds no .geojson or .json file.`,
  },
  'missing-layers': {
    zh: (p: Params) =>
      `无法检查：没有可用的${p.layersZh}图层。请检查上面列出的输入问题，或给出相应的图层文件。`,
    en: (p: Params) =>
      `The check cannot run: no usable ${p.layersEn} layer. See the input problems above, or add the layer file.`,
  },
  'suggest-missing-layers': {
    zh: (p: Params) =>
      `无法计算建议方案：没有可用的${p.layersZh}图层。请检查上面列出的输入问题，或给出相应的图层文件。`,
    en: (p: Params) =>
      `The suggestion cannot run: no usable ${p.layersEn} layer. See the input problems above, or add the layer file.`,
  },
  'internal-error': {
    zh: (p: Params) => `检查中断：${p.reason}`,
    en: (p: Params) => `The check stopped: ${p.reason}`,
  },
  unwritable: {
    zh: (p: Params) => `无法写入报告目录 ${p.path}：${p.reasonZh}`,
    en: (p: Params) => `Cannot write the report to ${p.path}: ${p.reasonEn}`,
  },
  written: {
    zh: (p: Params) => `报告已写入 ${p.dir}（report.md、report.json）`,
    en: (p: Params) => `Report written to ${p.dir} (report.md, report.json)`,
  },
} satisfies Record<string, Template>;

export type CliMessageCode = keyof typeof TEMPLATES;

/** A CLI message, worded in both languages so it can be printed once the language is known. */
export interface CliMessage {
  zh: string;
  en: string;
}

/**
 * @example
 * cliMessage('unreadable', { path: 'x.geojson', reasonZh: '没有读取权限', reasonEn: 'permission denied' }).en;
 * // 'Cannot read x.geojson: permission denied'
 */
export function cliMessage(code: CliMessageCode, params: Params = {}): CliMessage {
  const template: Template = TEMPLATES[code];
  return { zh: template.zh(params), en: template.en(params) };
}

const REASONS: Record<string, { reasonZh: string; reasonEn: string }> = {
  ENOENT: { reasonZh: '文件或文件夹不存在（ENOENT）', reasonEn: 'no such file or folder (ENOENT)' },
  EACCES: { reasonZh: '没有访问权限（EACCES）', reasonEn: 'permission denied (EACCES)' },
  ENOTDIR: {
    reasonZh: '路径中有一段不是文件夹（ENOTDIR）',
    reasonEn: 'a part of the path is not a folder (ENOTDIR)',
  },
  EEXIST: { reasonZh: '同名文件已存在（EEXIST）', reasonEn: 'a file of that name exists (EEXIST)' },
};

/**
 * Why a file-system call failed, in both languages, without the stack: known error codes get a
 * sentence, anything else its own message.
 * @example
 * systemReason(Object.assign(new Error('…'), { code: 'ENOENT' })).reasonZh; // '文件或文件夹不存在（ENOENT）'
 */
export function systemReason(error: unknown): { reasonZh: string; reasonEn: string } {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const known = code ? REASONS[code] : undefined;
  if (known) return known;
  const text = error instanceof Error ? error.message : String(error);
  return { reasonZh: text, reasonEn: text };
}
