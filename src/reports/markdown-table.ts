/**
 * A Markdown table as lines of text, for the written reports (the coverage check's report.md and
 * the change report): pipes and line breaks inside cells are escaped so a name cannot break the
 * table, and numeric columns align right.
 */

/**
 * The table's lines: header, rule, one line per row.
 * @example
 * markdownTable(['网格', '户数'], [['110106090001001', '420']], (i) => i > 0).join('\n');
 * // '| 网格 | 户数 |\n|---|---:|\n| 110106090001001 | 420 |'
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: (column: number) => boolean,
): string[] {
  const row = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (numeric(i) ? '---:' : '---')).join('|')}|`;
  return [row(header), rule, ...rows.map(row)];
}
