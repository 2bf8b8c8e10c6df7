// writeJsonLines: the file parses back to the value (undefined members left out, as
// JSON.stringify does), with each element of a top-level array on a line of its own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJsonLines } from '../../scripts/check/write-json.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gridatlas-json-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('writeJsonLines', () => {
  it('writes what JSON.parse reads back, an array element per line', () => {
    const value = {
      verdict: { passed: false, violations: 2 },
      grids: [{ id: 'a', households: 320 }, { id: 'b', nested: [1, [2, 3]] }, null],
      empty: [],
      name: '榆汀街道',
      gone: undefined,
    };
    const path = join(TMP, 'report.json');
    writeJsonLines(path, value);
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(text.split('\n')).toContain('  {"id":"a","households":320},');
    expect(text).not.toContain('gone');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
