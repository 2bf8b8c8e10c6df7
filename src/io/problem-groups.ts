/**
 * Load problems grouped for reports: the same problem (file, code, field, severity) on many
 * features is one line with its count and a few examples, so a district whose 50,000 buildings
 * all lack an address reads as one warning, not 50,000.
 */
import type { Problem, ProblemSeverity } from '../domain/problems.ts';
import { loadProblemText } from './messages.ts';

/** Groups already made, by problem list (a report groups the same list several times). */
const grouped = new WeakMap<readonly Problem[], LoadProblemGroup[]>();

/** Examples kept per group. */
export const GROUP_EXAMPLES = 3;

export interface LoadProblemGroup {
  file: string;
  code: string;
  field: string | null;
  severity: ProblemSeverity;
  count: number;
  /** The first GROUP_EXAMPLES problems of the group, in file order. */
  examples: Problem[];
}

/**
 * The problems grouped, groups in the order their first problem comes.
 * @example
 * groupLoadProblems(problems)[0]; // { file: 'buildings.geojson', code: 'missing-property', field: 'properties.address', count: 50000, … }
 */
export function groupLoadProblems(problems: readonly Problem[]): LoadProblemGroup[] {
  const known = grouped.get(problems);
  if (known) return known;
  // file → code → field → severity → group, without building a key string per problem.
  const index = new Map<
    string,
    Map<string, Map<string | null, Partial<Record<string, LoadProblemGroup>>>>
  >();
  const groups: LoadProblemGroup[] = [];
  for (const p of problems) {
    let byCode = index.get(p.file);
    if (!byCode) index.set(p.file, (byCode = new Map()));
    let byField = byCode.get(p.code);
    if (!byField) byCode.set(p.code, (byField = new Map()));
    let bySeverity = byField.get(p.field);
    if (!bySeverity) byField.set(p.field, (bySeverity = {}));
    const group = bySeverity[p.severity];
    if (!group) {
      const created = {
        file: p.file,
        code: p.code,
        field: p.field,
        severity: p.severity,
        count: 1,
        examples: [p],
      };
      bySeverity[p.severity] = created;
      groups.push(created);
      continue;
    }
    group.count += 1;
    if (group.examples.length < GROUP_EXAMPLES) group.examples.push(p);
  }
  grouped.set(problems, groups);
  return groups;
}

/**
 * A group in words: its first problem, and for more than one how many and which others.
 * @example
 * loadProblemGroupText(group, 'zh');
 * // 'buildings.geojson 第 1 个要素（B0000001）：缺少字段 address（地址），要素仍已加载。（同样的问题共 50,000 个要素，又如第 2、3 个）'
 */
export function loadProblemGroupText(group: LoadProblemGroup, lang: 'zh' | 'en'): string {
  const [first, ...others] = group.examples;
  const text = loadProblemText(first!, lang);
  if (group.count === 1) return text;
  const count = group.count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  const numbers = others
    .filter((p) => p.featureIndex !== null)
    .map((p) => String(p.featureIndex! + 1));
  if (lang === 'zh')
    return `${text}（同样的问题共 ${count} 处${numbers.length ? `，又如第 ${numbers.join('、')} 个要素` : ''}）`;
  return `${text} (${count} alike${numbers.length ? `, also features ${numbers.join(', ')}` : ''})`;
}
