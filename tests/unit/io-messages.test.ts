// Every problem code has a complete sentence in Chinese and in English, whatever its parameters.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '../../src/domain/types.ts';
import {
  layerLabel,
  loadProblemText,
  makeProblem,
  PROBLEM_CODES,
  problemMessage,
  WHOLE_FILE_CODES,
} from '../../src/io/messages.ts';

const feature = { file: 'grids.geojson', featureIndex: 11, featureId: '110106012003004' };
const noId = { file: 'grids.geojson', featureIndex: 0, featureId: null };
const wholeFile = { file: 'grids.geojson', featureIndex: null, featureId: null };
const params = {
  field: 'households',
  value: -5,
  layer: 'grids',
  guess: 'buildings',
  allowed: ['Polygon', 'MultiPolygon'],
  type: 'Point',
  count: 3,
  ring: 1,
  polygon: 0,
  first: [116.32, 39.84],
  last: [116.33, 39.84],
  at: [116.325, 39.845],
  position: [39.84, 116.32],
  id: '110106012003004',
  firstIndex: 2,
  actual: 'string',
  expected: 'integer',
  digits: 15,
  codeZh: '网格编码',
  codeEn: 'grid code',
  normalised: '2024-03-01T08:30:00+08:00',
  createdAt: '2024-03-01T08:30:00+08:00',
  difficult: 30,
  special: 10,
  sum: 40,
  households: 36,
  min: 1800,
  max: 2027,
  prefix: '110106012002',
  communityId: '110106012003',
  streetId: '110106013',
  refFile: 'communities.geojson',
  known: '110106012',
  firstFile: 'grids-a.geojson',
  format: 'CSV',
  found: 'Feature',
  line: 3,
  column: 7,
  detail: 'Unexpected token',
  reason: 'not-number',
  index: 0,
};
const BAD_TEXT = /undefined|NaN|\[object Object\]/;

describe('messages', () => {
  it.each(PROBLEM_CODES)('%s reads as a sentence in zh and en', (code) => {
    const isWholeFile = (WHOLE_FILE_CODES as readonly string[]).includes(code);
    for (const severity of ['error', 'warning'] as const) {
      for (const where of isWholeFile ? [wholeFile] : [feature, noId]) {
        for (const p of [params, {}]) {
          const { zh, en } = problemMessage(code, where, p, severity);
          expect(zh).toMatch(/[\u4e00-\u9fff]/);
          expect(zh).toMatch(/。$/);
          expect(en).toMatch(/\.$/);
          expect(zh).not.toMatch(BAD_TEXT);
          expect(en).not.toMatch(BAD_TEXT);
          expect(zh).toContain('grids.geojson');
          expect(en).toContain('grids.geojson');
        }
      }
    }
  });

  it('prefixes feature problems with the 1-based feature number and id (or 无编号)', () => {
    const withId = problemMessage('missing-property', feature, { field: 'leader' }, 'warning');
    expect(withId.zh.startsWith('grids.geojson 第 12 个要素（110106012003004）：')).toBe(true);
    expect(withId.en.startsWith('grids.geojson, feature 12 (110106012003004): ')).toBe(true);
    const without = problemMessage('missing-id', noId);
    expect(without.zh.startsWith('grids.geojson 第 1 个要素（无编号）：')).toBe(true);
    expect(without.en.startsWith('grids.geojson, feature 1 (no id): ')).toBe(true);
  });

  it('starts the not-recognised messages as the brief says', () => {
    for (const code of [
      'not-feature-collection',
      'unknown-layer',
      'layer-content-mismatch',
    ] as const) {
      expect(problemMessage(code, wholeFile, params).zh).toMatch(
        /^文件 grids\.geojson 不是 GridAtlas 可识别的图层：/,
      );
    }
  });

  it('builds problems as data (place, code, severity, parameters) and words them when shown', () => {
    const problem = makeProblem(
      feature,
      'negative-number',
      'error',
      'properties.households',
      params,
    );
    expect(problem).toEqual({
      ...feature,
      field: 'properties.households',
      code: 'negative-number',
      severity: 'error',
      params,
    });
    expect(loadProblemText(problem, 'zh')).toBe(
      'grids.geojson 第 12 个要素（110106012003004）：字段 households 为负数（-5），户数不能为负。',
    );
    expect(loadProblemText(problem, 'en')).toBe(
      'grids.geojson, feature 12 (110106012003004): field households is negative (-5); the household count cannot be negative.',
    );
  });

  it('has a label for every layer', () => {
    for (const layer of LAYER_KINDS) {
      expect(layerLabel(layer).zh).toMatch(/[\u4e00-\u9fff]/);
      expect(layerLabel(layer).en.length).toBeGreaterThan(0);
    }
  });

  it('has codes that are all exercised by a fixture or a named test', () => {
    const dir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
    const inFixtures = new Set(
      readdirSync(dir)
        .filter((n) => n.endsWith('.expected.json'))
        .flatMap((n) =>
          (JSON.parse(readFileSync(dir + n, 'utf8')) as { code: string }[]).map((p) => p.code),
        ),
    );
    // Tested in io-load-files.test.ts (duplicate-layer, invalid-input, internal-error) or a safety
    // net that the checks before it are meant to make unreachable (geometry-invalid).
    const elsewhere = ['duplicate-layer', 'invalid-input', 'internal-error', 'geometry-invalid'];
    expect([...PROBLEM_CODES].filter((c) => !inFixtures.has(c) && !elsewhere.includes(c))).toEqual(
      [],
    );
  });
});
