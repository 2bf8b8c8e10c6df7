/**
 * The check's verdict: a plan passes when no coverage problem breaks a rule and no input feature
 * had to be set aside for an error (a feature left out would make a clean report a false one).
 * The CLI's exit code and the report headlines both come from here.
 */
import type { ProblemGroup } from '../domain/problems.ts';
import { errorCount, problemCount } from '../io/problem-groups.ts';
import { formatNumber, type ReportLang } from './number-format.ts';
import type { CoverageReport } from '../analysis/coverage/report.ts';

export interface CheckVerdict {
  passed: boolean;
  /** Coverage problems of severity `error`: rules the plan breaks. */
  violations: number;
  /** Coverage problems of severity `warning`. */
  warnings: number;
  loadErrors: number;
  loadWarnings: number;
}

/**
 * Counts what the report and the load found.
 * @example
 * checkVerdict(report, result.problems); // { passed: false, violations: 5, warnings: 0, loadErrors: 0, loadWarnings: 0 }
 */
export function checkVerdict(
  report: Pick<CoverageReport, 'problems'>,
  loadProblems: readonly ProblemGroup[],
): CheckVerdict {
  const violations = report.problems.filter((p) => p.severity === 'error').length;
  const loadErrors = errorCount(loadProblems);
  return {
    passed: violations === 0 && loadErrors === 0,
    violations,
    warnings: report.problems.length - violations,
    loadErrors,
    loadWarnings: problemCount(loadProblems) - loadErrors,
  };
}

/**
 * The verdict in one line: 规则通过 / 5 项违规, with warnings and input errors after it.
 * @example
 * verdictText({ passed: false, violations: 5, warnings: 1, loadErrors: 0, loadWarnings: 0 }, 'zh');
 * // '5 项违规（另有 1 项提醒）'
 */
export function verdictText(verdict: CheckVerdict, lang: ReportLang): string {
  const zh = lang === 'zh';
  const count = (value: number, zhUnit: string, enNoun: string) =>
    zh
      ? `${formatNumber(value, lang)} ${zhUnit}`
      : `${formatNumber(value, lang)} ${enNoun}${value === 1 ? '' : 's'}`;
  const inputErrors = count(verdict.loadErrors, '个输入错误', 'input error');
  let head: string;
  const extras: string[] = [];
  if (verdict.violations > 0) {
    head = count(verdict.violations, '项违规', 'rule violation');
    if (verdict.loadErrors > 0) extras.push(inputErrors);
  } else if (verdict.loadErrors > 0) {
    head = zh ? `未通过：${inputErrors}` : `Not passed: ${inputErrors}`;
  } else {
    head = zh ? '规则通过' : 'Rules pass';
  }
  if (verdict.warnings > 0) extras.push(count(verdict.warnings, '项提醒', 'warning'));
  if (extras.length === 0) return head;
  return zh ? `${head}（另有 ${extras.join('，')}）` : `${head} (and ${extras.join(', ')})`;
}
