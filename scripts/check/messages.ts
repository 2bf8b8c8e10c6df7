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

const TEMPLATES = {
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
