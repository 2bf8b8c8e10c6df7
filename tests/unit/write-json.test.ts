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

  it('cuts long arrays of awkward elements into the same lines as one element at a time', () => {
    const awkward = ['a,b', 'quote " and \\', '{[', ']}', { s: 'x,"y"', n: [1, { z: ',' }] }, null];
    const long = Array.from({ length: 2503 }, (_, i) => awkward[i % awkward.length]);
    const path = join(TMP, 'long.json');
    writeJsonLines(path, { long, after: 1 });
    const text = readFileSync(path, 'utf8');
    const expected = long.map((e, i) => `  ${JSON.stringify(e)}${i < long.length - 1 ? ',' : ''}`);
    expect(text).toBe(`{\n"long": [\n${expected.join('\n')}\n],\n"after": 1\n}\n`);
  });
});
