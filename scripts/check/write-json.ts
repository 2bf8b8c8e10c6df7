/**
 * Writes a report object as JSON without building the whole text in memory: each top-level member
 * on its own line, and each element of a top-level array on a line of its own, written in batches
 * of about a megabyte. The bytes depend only on the value (a Beijing-scale report.json is some
 * 100 MB, which JSON.stringify would first hold as one string). Arrays are serialised a thousand
 * elements at a time and cut into lines at the commas between elements: one JSON.stringify call
 * per element would cost twice as long.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const BATCH_CHARS = 1 << 20;
const CHUNK_ELEMENTS = 1000;

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
      for (let start = 0; start < member.length; start += CHUNK_ELEMENTS) {
        const chunk = member.slice(start, start + CHUNK_ELEMENTS);
        const last = start + CHUNK_ELEMENTS >= member.length;
        for (const line of elementLines(JSON.stringify(chunk))) write(line);
        write(last ? '\n' : ',\n');
      }
      write(`]${comma}\n`);
    });
    write('}\n');
    writeSync(fd, batch.join(''));
  } finally {
    closeSync(fd);
  }
}

/**
 * The elements of a serialised array, each as `  <element>` with `,\n` between them (none after
 * the last): the text is cut at the commas outside strings at the array's own depth.
 */
function elementLines(array: string): string[] {
  const lines: string[] = [];
  let depth = 0;
  let from = 1;
  for (let i = 1; i < array.length - 1; i++) {
    const c = array.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, past escaped characters.
      for (i++; array.charCodeAt(i) !== 0x22; i++) if (array.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && depth === 0) {
      lines.push(`  ${array.slice(from, i)},\n`);
      from = i + 1;
    }
  }
  lines.push(`  ${array.slice(from, array.length - 1)}`);
  return lines;
}
