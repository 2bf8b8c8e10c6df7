/**
 * Fixture-driven load tests: every file in tests/fixtures/bad/ is loaded beside the clean files
 * of tests/fixtures/context/ (all but the one of its own layer, so cross-layer checks run), and
 * its problems are compared exactly with <name>.expected.json (name without extension). `REGEN=1` rewrites the expected
 * files; read the diff before committing it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layerFromFileName } from '../../src/io/detect-layer.ts';
import { loadFiles, type InputFile } from '../../src/io/load-files.ts';
import { loadProblemText } from '../../src/io/messages.ts';
import { problemExamples } from './support/problems.ts';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const CONTEXT = fileURLToPath(new URL('../fixtures/context/', import.meta.url));
const REGEN = process.env.REGEN === '1';

const read = (dir: string, name: string): InputFile => ({
  name,
  text: readFileSync(dir + name, 'utf8'),
});
const contextFiles = readdirSync(CONTEXT)
  .sort()
  .map((name) => read(CONTEXT, name));
const expectedPath = (fixture: string) => `${BAD}${fixture.replace(/\.[^.]+$/, '')}.expected.json`;
const fixtures = readdirSync(BAD)
  .filter((name) => !name.endsWith('.expected.json') && !name.endsWith('.md'))
  .sort();

describe('context fixtures', () => {
  it('load without any problem', () => {
    const result = loadFiles(contextFiles);
    expect(result.problems).toEqual([]);
    expect(result.setAside).toEqual([]);
    expect(result.files.map((f) => f.layer)).toEqual(['buildings', 'communities', 'street']);
  });
});

describe('bad fixtures', () => {
  it('are all there, each with an expected file', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    const names = new Set(fixtures.map(expectedPath));
    expect(names.size).toBe(fixtures.length);
    if (!REGEN) for (const path of names) expect(() => readFileSync(path)).not.toThrow();
  });

  it.each(fixtures)('%s', (name) => {
    const layer = layerFromFileName(name);
    const context = contextFiles.filter((c) => layerFromFileName(c.name) !== layer);
    const result = loadFiles([...context, read(BAD, name)]);
    const actual = result.problems
      .filter((g) => g.file === name)
      .map(({ code, field, severity, count, examples }) => ({
        code,
        field,
        severity,
        count,
        examples: examples.map((p) => [p.featureIndex, p.featureId]),
      }));
    const path = expectedPath(name);
    if (REGEN) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));

    // Every problem says where and why, in both languages.
    for (const p of problemExamples(result.problems.filter((g) => g.file === name))) {
      expect(loadProblemText(p, 'zh')).toMatch(/。$/);
      expect(loadProblemText(p, 'en')).toMatch(/\.$/);
      expect(loadProblemText(p, 'zh')).toContain(name);
    }
    // The context files stay clean whatever the fixture does to them, except for the links
    // that a bad communities file breaks.
    const contextProblems = result.problems.filter((p) => p.file !== name);
    if (layer !== 'communities') expect(contextProblems).toEqual([]);

    // The file's row adds up: each feature is either loaded or set aside.
    const row = result.files.find((f) => f.name === name);
    expect(row).toBeDefined();
    if (row && row.layer !== null) expect(row.loaded + row.setAside).toBe(row.total);
    if (row && row.layer === null) expect(row.loaded + row.setAside).toBe(0);
    const setAside = result.setAside.filter((s) => s.file === name);
    expect(setAside.length).toBe(row?.setAside);
    for (const s of setAside) expect(s.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});
