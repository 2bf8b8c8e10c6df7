/**
 * loadFiles never throws, whatever it is given: random JSON, damaged copies of real fixtures,
 * features with random parts replaced, and inputs that are not files at all. Seeded, so a failure
 * can be replayed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InputFile, LoadResult } from '../../src/io/load-files.ts';
import { loadFiles } from '../../src/io/load-files.ts';
import { mulberry32 as random } from '../../scripts/sample/random.ts';
import { loadProblemText } from '../../src/io/messages.ts';
import { problemExamples } from './support/problems.ts';

const KEYS = [
  'type',
  'features',
  'geometry',
  'coordinates',
  'properties',
  'id',
  'bbox',
  'households',
  'communityId',
  'createdAt',
  'geometries',
  '__proto__',
  'constructor',
];
const TYPES = [
  'Feature',
  'FeatureCollection',
  'Point',
  'Polygon',
  'MultiPolygon',
  'LineString',
  'GeometryCollection',
  'Nope',
];

function randomValue(next: () => number, depth = 0): unknown {
  const r = next();
  if (depth > 5 || r < 0.25) {
    const leaves = [
      null,
      true,
      false,
      0,
      -1,
      1.5,
      116.32,
      39.84,
      1e308,
      -1e308,
      '',
      '综合',
      '110106012003001',
      '2024-13-45',
      TYPES[Math.floor(next() * TYPES.length)],
    ];
    return leaves[Math.floor(next() * leaves.length)];
  }
  if (r < 0.55)
    return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--) {
    object[KEYS[Math.floor(next() * KEYS.length)] as string] = randomValue(next, depth + 1);
  }
  if (next() < 0.6) object.type = TYPES[Math.floor(next() * TYPES.length)];
  return object;
}

/** Replaces a random node of a parsed document by a random value. */
function mutate(value: unknown, next: () => number): unknown {
  if (typeof value !== 'object' || value === null || next() < 0.15) return randomValue(next, 3);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0) return copy;
  const key = keys[Math.floor(next() * keys.length)] as string;
  (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], next);
  return copy;
}

function damage(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const r = next();
  if (r < 0.3) return text.slice(0, at);
  if (r < 0.6) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
  const junk = ['{', '}', '[', ']', ',', '"', ':', 'null', '\u0000', '\ufeff', '💥', '-', 'e'];
  return text.slice(0, at) + junk[Math.floor(next() * junk.length)] + text.slice(at);
}

function checkShape(result: LoadResult, inputs: number): void {
  expect(result.files).toHaveLength(inputs);
  for (const row of result.files) {
    expect(row.loaded + row.setAside).toBeLessThanOrEqual(row.total);
  }
  for (const p of problemExamples(result.problems)) {
    expect(typeof loadProblemText(p, 'zh')).toBe('string');
    expect(loadProblemText(p, 'zh').length).toBeGreaterThan(0);
    expect(loadProblemText(p, 'en').length).toBeGreaterThan(0);
    expect(loadProblemText(p, 'zh')).not.toContain('undefined');
  }
  expect(() => structuredClone(result)).not.toThrow();
}

const dirs = ['../fixtures/bad/', '../fixtures/context/'].map((d) =>
  fileURLToPath(new URL(d, import.meta.url)),
);
const samples: InputFile[] = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => !n.endsWith('.expected.json') && !n.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(dir + name, 'utf8') })),
);
const NAMES = [
  'grids.geojson',
  'buildings.geojson',
  'work-orders.geojson',
  'communities.geojson',
  'street.geojson',
  'facilities.geojson',
  'basemap.geojson',
  'x.geojson',
  'a.csv',
];

describe('loadFiles never throws', () => {
  it('on random JSON documents', () => {
    const next = random(1);
    for (let i = 0; i < 400; i++) {
      const files = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
        name: NAMES[Math.floor(next() * NAMES.length)] as string,
        text: JSON.stringify({
          type: 'FeatureCollection',
          features: Array.from({ length: Math.floor(next() * 6) }, () => randomValue(next)),
        }),
      }));
      checkShape(loadFiles(files), files.length);
    }
  });

  it('on damaged copies of the fixtures', () => {
    const next = random(2);
    for (let i = 0; i < 400; i++) {
      const sample = samples[Math.floor(next() * samples.length)] as InputFile;
      const files = [{ name: sample.name, text: damage(sample.text, next) }];
      checkShape(loadFiles(files), 1);
    }
  });

  it('on fixtures with random parts replaced', () => {
    const next = random(3);
    const parsed = samples.flatMap((s) => {
      try {
        return [{ name: s.name, json: JSON.parse(s.text) as unknown }];
      } catch {
        return [];
      }
    });
    for (let i = 0; i < 600; i++) {
      const files = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
        const sample = parsed[Math.floor(next() * parsed.length)] as {
          name: string;
          json: unknown;
        };
        let json = sample.json;
        for (let k = 1 + Math.floor(next() * 4); k > 0; k--) json = mutate(json, next);
        return { name: sample.name, text: JSON.stringify(json) ?? '' };
      });
      checkShape(loadFiles(files), files.length);
    }
  });

  it('on inputs that are not files', () => {
    const weird: unknown[] = [
      null,
      undefined,
      42,
      'text',
      [],
      {},
      { name: 1, text: 2 },
      { name: 'a.geojson' },
      { text: '{}' },
      { name: 'a.geojson', text: null },
      Object.create(null),
    ];
    checkShape(loadFiles(weird as InputFile[]), weird.length);
    for (const files of [null, undefined, 42, 'grids.geojson', {}, { length: 3 }]) {
      expect(() => loadFiles(files as unknown as InputFile[])).not.toThrow();
    }
    const sparse = new Array<InputFile>(3);
    sparse[1] = { name: 'grids.geojson', text: '{}' };
    checkShape(loadFiles(sparse), 3);
    expect(() => loadFiles([], null as never)).not.toThrow();
    expect(() => loadFiles(samples, { serviceRadiiM: null } as never)).not.toThrow();
  });

  it('on deep nesting and huge numbers', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepFeature = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`),
          },
        },
      ],
    });
    for (const text of [
      deep,
      deepFeature,
      '1e999',
      '-0',
      '"\\ud800"',
      '{"type":"FeatureCollection","features":[1e999]}',
    ]) {
      checkShape(loadFiles([{ name: 'grids.geojson', text }]), 1);
    }
    // Too deep to print or clone: still one clear problem, not an internal error.
    const n = 200_000;
    const deeper = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":${'['.repeat(n)}${']'.repeat(n)}}}]}`;
    const result = loadFiles([{ name: 'facilities.geojson', text: deeper }]);
    expect(result.problems.map((p) => p.code)).toContain('coordinates-malformed');
    expect(result.problems.map((p) => p.code)).not.toContain('internal-error');
  });
});
