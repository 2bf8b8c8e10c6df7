/**
 * Problems grouped where they are found: the same problem (file, code, field, severity) on many
 * features is one group with its count and a few examples, so a district whose 50,000 buildings
 * all lack an address holds and shows one warning, not 50,000. The loader adds every problem to a
 * ProblemLog as it finds it; reports and panels show the groups.
 */
import type { GroupedProblem, Problem, ProblemGroup, ProblemSeverity } from '../domain/problems.ts';
import { loadProblemText } from './messages.ts';

/** Examples kept per group. */
export const GROUP_EXAMPLES = 3;

/**
 * Collects problems into groups, in the order each group's first problem comes.
 * @example
 * const log = new ProblemLog();
 * log.add(problem);
 * log.groups[0].count; // 1
 */
export class ProblemLog<P extends GroupedProblem = Problem> {
  readonly groups: ProblemGroup<P>[] = [];
  // file → code → field → severity → group, without building a key string per problem.
  readonly #index = new Map<
    string,
    Map<string, Map<string | null, Partial<Record<ProblemSeverity, ProblemGroup<P>>>>>
  >();

  add(p: P): void {
    let byCode = this.#index.get(p.file);
    if (!byCode) this.#index.set(p.file, (byCode = new Map()));
    let byField = byCode.get(p.code);
    if (!byField) byCode.set(p.code, (byField = new Map()));
    let bySeverity = byField.get(p.field);
    if (!bySeverity) byField.set(p.field, (bySeverity = {}));
    const group = bySeverity[p.severity];
    if (!group) {
      const created: ProblemGroup<P> = {
        file: p.file,
        code: p.code,
        field: p.field,
        severity: p.severity,
        count: 1,
        examples: [p],
      };
      bySeverity[p.severity] = created;
      this.groups.push(created);
      return;
    }
    group.count += 1;
    if (group.examples.length < GROUP_EXAMPLES) group.examples.push(p);
  }
}

/** Problems of severity `error` in the groups. */
export function errorCount(groups: readonly ProblemGroup<GroupedProblem>[]): number {
  let errors = 0;
  for (const g of groups) if (g.severity === 'error') errors += g.count;
  return errors;
}

/** Problems in the groups, errors and warnings. */
export function problemCount(groups: readonly ProblemGroup<GroupedProblem>[]): number {
  let count = 0;
  for (const g of groups) count += g.count;
  return count;
}

/**
 * A group in words: its first problem, and for more than one how many and which others.
 * @example
 * loadProblemGroupText(group, 'zh');
 * // 'buildings.geojson 第 1 个要素（B0000001）：缺少字段 address（地址），要素仍已加载。（同样的问题共 50,000 处，又如第 2、3 个要素）'
 */
export function loadProblemGroupText(group: ProblemGroup, lang: 'zh' | 'en'): string {
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
