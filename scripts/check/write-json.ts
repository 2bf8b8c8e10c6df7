/**
 * Writes a report object as JSON without building the whole text in memory: each top-level member
 * on its own line, and each element of a top-level array on a line of its own, written in batches
 * of about a megabyte. The bytes depend only on the value (a Beijing-scale report.json is some
 * 175 MB, which JSON.stringify would first hold as one string).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const BATCH_CHARS = 1 << 20;

/**
 * @example
 * writeJsonLines('out/report.json', { verdict, grids, assignments });
 */
export function writeJsonLines(path: string, value: Record<string, unknown>): void {
  const fd = openSync(path, 'w');
  let batch: string[] = [];
  let size = 0;
  const write = (text: string) => {
    batch.push(text);
    size += text.length;
    if (size < BATCH_CHARS) return;
    writeSync(fd, batch.join(''));
    batch = [];
    size = 0;
  };
  try {
    const entries = Object.entries(value).filter(([, member]) => member !== undefined);
    write('{\n');
    entries.forEach(([key, member], k) => {
      const comma = k < entries.length - 1 ? ',' : '';
      if (!Array.isArray(member) || member.length === 0) {
        write(`${JSON.stringify(key)}: ${JSON.stringify(member)}${comma}\n`);
        return;
      }
      write(`${JSON.stringify(key)}: [\n`);
      member.forEach((element, i) =>
        write(`  ${JSON.stringify(element) ?? 'null'}${i < member.length - 1 ? ',' : ''}\n`),
      );
      write(`]${comma}\n`);
    });
    write('}\n');
    writeSync(fd, batch.join(''));
  } finally {
    closeSync(fd);
  }
}
