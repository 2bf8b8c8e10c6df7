// loadFiles as a whole: what loads, what is set aside and why, normalisation, duplicate layers,
// problem order, no mutation of the input, and speed at the sample street's scale.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { makeSettings } from '../../src/domain/settings.ts';
import { loadFiles, type InputFile } from '../../src/io/load-files.ts';
import type { Problem } from '../../src/domain/problems.ts';
import { loadProblemText } from '../../src/io/messages.ts';
import { errorCount } from '../../src/io/problem-groups.ts';
import { problemExamples } from './support/problems.ts';

const isError = (p: Problem) => p.severity === 'error';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const CONTEXT = fileURLToPath(new URL('../fixtures/context/', import.meta.url));
const file = (dir: string, name: string): InputFile => ({
  name,
  text: readFileSync(dir + name, 'utf8'),
});
const communities = file(CONTEXT, 'communities.geojson');
const street = file(CONTEXT, 'street.geojson');
const buildings = file(CONTEXT, 'buildings.geojson');

type Json = Record<string, unknown>;
const rect = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const gridFeature = (seq: number, extra: Json = {}) => ({
  type: 'Feature',
  properties: {
    id: `110106012003${String(seq).padStart(3, '0')}`,
    name: `东园社区第${seq}网格`,
    communityId: '110106012003',
    type: 'comprehensive',
    workers: 2,
    leader: '王芳',
    ...extra,
  },
  geometry: rect(116.327 + seq * 0.001, 39.84, 116.3275 + seq * 0.001, 39.845),
});

describe('problems of a large layer', () => {
  it('holds a warning on every feature as one group with its count and first examples', () => {
    const grids = Array.from({ length: 600 }, (_, i) => gridFeature(i + 1, { leader: undefined }));
    const result = loadFiles([{ name: 'grids.geojson', text: collection(grids) }]);
    expect(result.problems).toHaveLength(1);
    const [group] = result.problems;
    expect(group).toMatchObject({
      file: 'grids.geojson',
      code: 'missing-property',
      field: 'properties.leader',
      severity: 'warning',
      count: 600,
    });
    expect(group!.examples.map((p) => p.featureIndex)).toEqual([0, 1, 2]);
    expect(result.dataset.grids?.features).toHaveLength(600);
  });
});

describe('valid features beside bad ones', () => {
  it('loads the good grids and sets the self-intersecting one aside, as the user gave it', () => {
    const bad = file(BAD, 'grids-self-intersecting.geojson');
    const result = loadFiles([communities, bad]);
    const ids = result.dataset.grids?.features.map((f) => f.properties.id);
    expect(ids).toEqual(['110106012003001', '110106012003003']);
    expect(result.setAside).toHaveLength(1);
    const [aside] = result.setAside;
    expect(aside?.file).toBe('grids-self-intersecting.geojson');
    expect(aside?.featureIndex).toBe(1);
    expect(aside?.feature).toEqual((JSON.parse(bad.text) as { features: unknown[] }).features[1]);
    expect(aside?.problems.map((p) => p.code)).toEqual(['self-intersection']);
    expect(result.files.find((f) => f.name === bad.name)).toEqual({
      name: bad.name,
      layer: 'grids',
      total: 3,
      loaded: 2,
      setAside: 1,
    });
  });

  it('loads features that only have warnings', () => {
    const result = loadFiles([file(BAD, 'buildings-implausible-values.geojson')]);
    expect(result.dataset.buildings?.features).toHaveLength(3);
    expect(result.setAside).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('keeps every problem of a set-aside feature with it, and only its own', () => {
    const result = loadFiles([communities, file(BAD, 'buildings-broken-features.geojson')]);
    expect(result.setAside.length).toBe(8);
    const inGroups = (p: Problem) =>
      result.problems.find(
        (g) =>
          g.file === p.file &&
          g.code === p.code &&
          g.field === p.field &&
          g.severity === p.severity,
      );
    for (const aside of result.setAside) {
      expect(aside.problems.every((p) => p.featureIndex === aside.featureIndex)).toBe(true);
      expect(aside.problems.every(inGroups)).toBe(true);
      expect(aside.problems.some((p) => p.severity === 'error')).toBe(true);
    }
    // Each error of the file is the error of a feature set aside.
    const asideErrors = result.setAside.flatMap((a) => a.problems).filter(isError).length;
    expect(errorCount(result.problems)).toBe(asideErrors);
  });

  it('sets a grid aside for a cross-layer error, and only warns for a missing building', () => {
    const grids = {
      name: 'grids.geojson',
      text: collection([gridFeature(1), gridFeature(2, { communityId: '110106012002' })]),
    };
    const orders = {
      name: 'work-orders.geojson',
      text: readFileSync(`${BAD}work-orders-bad-values.geojson`, 'utf8'),
    };
    const result = loadFiles([street, communities, buildings, grids, orders]);
    expect(result.dataset.grids?.features.map((f) => f.properties.id)).toEqual(['110106012003001']);
    const mismatch = result.problems.find((p) => p.file === 'grids.geojson');
    expect(mismatch?.code).toBe('grid-code-community-mismatch');
    const unknown = result.problems.find((p) => p.code === 'unknown-building');
    expect(unknown?.severity).toBe('warning');
    expect(result.dataset.workOrders?.features.map((f) => f.properties.id)).toContain(
      unknown?.examples[0]?.featureId,
    );
  });

  it('skips cross-layer checks when the referenced layer is not loaded', () => {
    const result = loadFiles([file(BAD, 'grids-unknown-community.geojson')]);
    expect(result.problems).toEqual([]);
    expect(result.dataset.grids?.features).toHaveLength(2);
  });
});

describe('normalisation', () => {
  it('turns 综合/专属 into the domain grid types and leaves other properties untouched', () => {
    const extra = { 备注: '老旧小区', tags: ['a', { b: 1 }], workersNote: null };
    const text = collection([
      { ...gridFeature(1, { type: '综合', ...extra }), id: 'feature-level-id', bbox: [1, 2, 3, 4] },
      gridFeature(2, { type: '专属网格' }),
      gridFeature(3, { type: ' Dedicated ' }),
    ]);
    const result = loadFiles([{ name: 'grids.geojson', text }]);
    expect(result.problems).toEqual([]);
    const [first, second, third] = result.dataset.grids?.features ?? [];
    expect(first?.properties.type).toBe('comprehensive');
    expect(second?.properties.type).toBe('dedicated');
    expect(third?.properties.type).toBe('dedicated');
    const raw = (JSON.parse(text) as { features: Json[] }).features[0] as Json;
    expect(first).toEqual({
      ...raw,
      properties: { ...(raw.properties as Json), type: 'comprehensive' },
    });
  });

  it('reads a date without zone as Beijing time and says so', () => {
    const result = loadFiles([file(BAD, 'work-orders-bad-values.geojson')]);
    const third = result.dataset.workOrders?.features.find(
      (f) => f.properties.id === 'GD202403010003',
    );
    expect(third?.properties.createdAt).toBe('2024-03-01T08:30:00+08:00');
    expect(third?.properties.dueAt).toBe('2024-03-08T08:30:00+08:00');
    const warnings = problemExamples(result.problems).filter(
      (p) => p.featureId === 'GD202403010003',
    );
    expect(warnings.map((p) => p.code)).toEqual(['date-without-offset', 'date-without-offset']);
  });

  it('accepts the facility types the settings give a radius to', () => {
    const text = collection([
      {
        type: 'Feature',
        properties: { id: 'F-9', type: '菜市场', name: '东园菜市场' },
        geometry: { type: 'Point', coordinates: [116.33, 39.84] },
      },
    ]);
    const input = [{ name: 'facilities.geojson', text }];
    expect(loadFiles(input).problems.map((p) => p.code)).toEqual(['unknown-value']);
    const settings = makeSettings({ serviceRadiiM: { 菜市场: 500 } as never });
    expect(loadFiles(input, settings).problems).toEqual([]);
  });
});

describe('whole files', () => {
  it('does not merge a second file of the same layer, and says so', () => {
    const a = { name: 'grids-a.geojson', text: collection([gridFeature(1)]) };
    const b = { name: 'grids-b.geojson', text: collection([gridFeature(2), gridFeature(3)]) };
    const result = loadFiles([a, b]);
    expect(result.dataset.grids?.features.map((f) => f.properties.id)).toEqual(['110106012003001']);
    expect(result.problems).toHaveLength(1);
    const [problem] = problemExamples(result.problems);
    expect(problem).toMatchObject({
      file: 'grids-b.geojson',
      featureIndex: null,
      featureId: null,
      field: null,
      code: 'duplicate-layer',
      severity: 'error',
    });
    expect(loadProblemText(problem!, 'zh')).toContain('grids-a.geojson');
    expect(loadProblemText(problem!, 'zh')).toContain('2 个要素都未加载');
    expect(result.files[1]).toEqual({
      name: 'grids-b.geojson',
      layer: 'grids',
      total: 2,
      loaded: 0,
      setAside: 0,
    });
  });

  it('gives exactly one problem for each unreadable file and still loads the others', () => {
    const inputs = [
      file(BAD, 'malformed.geojson'),
      file(BAD, 'empty.geojson'),
      file(BAD, 'not-geojson.csv'),
      file(BAD, 'unknown-layer.geojson'),
      file(BAD, 'single-feature.geojson'),
      file(BAD, 'grids-wrong-kind.geojson'),
      communities,
    ];
    const result = loadFiles(inputs);
    expect(result.problems.map((p) => [p.file, p.code])).toEqual([
      ['malformed.geojson', 'not-json'],
      ['empty.geojson', 'empty-file'],
      ['not-geojson.csv', 'table-not-geojson'],
      ['unknown-layer.geojson', 'unknown-layer'],
      ['single-feature.geojson', 'not-feature-collection'],
      ['grids-wrong-kind.geojson', 'layer-content-mismatch'],
    ]);
    expect(result.dataset.communities?.features).toHaveLength(3);
    expect(Object.keys(result.dataset)).toEqual(['communities']);
    expect(result.files.map((f) => f.layer)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      'communities',
    ]);
  });

  it('names the line and column of a JSON syntax error', () => {
    const [problem] = problemExamples(loadFiles([file(BAD, 'malformed.geojson')]).problems);
    expect(loadProblemText(problem!, 'zh')).toContain('第 47 行第 9 列');
    expect(loadProblemText(problem!, 'en')).toContain('line 47, column 9');
  });

  it('detects layers from Chinese file names and from content', () => {
    const grids = collection([gridFeature(1)]);
    const byName = loadFiles([{ name: '东园社区网格.json', text: grids }]);
    expect(byName.files[0]?.layer).toBe('grids');
    const byContent = loadFiles([{ name: 'export (3).geojson', text: grids }]);
    expect(byContent.files[0]?.layer).toBe('grids');
    expect(byContent.problems).toEqual([]);
  });

  it('ignores a byte-order mark', () => {
    const result = loadFiles([
      { name: 'grids.geojson', text: `\ufeff${collection([gridFeature(1)])}` },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.dataset.grids?.features).toHaveLength(1);
  });
});

describe('problems', () => {
  it('come in file order, whole-file problems first, then by feature', () => {
    const result = loadFiles([
      file(BAD, 'buildings-wrong-types.geojson'),
      file(BAD, 'empty.geojson'),
      communities,
      file(BAD, 'grids-bad-values.geojson'),
      { name: 'grids-again.geojson', text: collection([gridFeature(1)]) },
    ]);
    const fileOrder = result.files.map((f) => f.name);
    // Groups come in the order of their first problem: file, then feature.
    const keys = result.problems.map((g) => [
      fileOrder.indexOf(g.file),
      g.examples[0]!.featureIndex ?? -1,
    ]);
    const sorted = [...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(keys).toEqual(sorted);
    expect(result.problems.at(-1)?.code).toBe('duplicate-layer');
  });

  it('name the file, feature, id, field and reason, in the words of the brief', () => {
    const text = collection([
      ...Array.from({ length: 11 }, (_, i) => ({
        type: 'Feature',
        properties: {
          id: `B-${i}`,
          communityId: '110106012003',
          floors: 6,
          units: 2,
          households: 20,
          residents: 50,
          difficultHouseholds: 0,
          specialHouseholds: 0,
          name: 'x',
          address: 'y',
          yearBuilt: 2000,
          property: '物业',
        },
        geometry: rect(116.33, 39.84, 116.3304, 39.8403),
      })),
      {
        type: 'Feature',
        properties: {
          id: '110106012003004',
          communityId: '110106012003',
          floors: 6,
          units: 2,
          households: -5,
          residents: 0,
          difficultHouseholds: 0,
          specialHouseholds: 0,
          name: 'x',
          address: 'y',
          yearBuilt: 2000,
          property: '物业',
        },
        geometry: rect(116.33, 39.84, 116.3304, 39.8403),
      },
    ]);
    const [problem] = problemExamples(loadFiles([{ name: 'buildings.geojson', text }]).problems);
    expect(problem).toMatchObject({
      file: 'buildings.geojson',
      featureIndex: 11,
      featureId: '110106012003004',
      field: 'properties.households',
      code: 'negative-number',
      severity: 'error',
    });
    expect(loadProblemText(problem!, 'zh')).toBe(
      'buildings.geojson 第 12 个要素（110106012003004）：字段 households 为负数（-5），户数不能为负。',
    );
    expect(loadProblemText(problem!, 'en')).toBe(
      'buildings.geojson, feature 12 (110106012003004): field households is negative (-5); the household count cannot be negative.',
    );
  });
});

describe('input', () => {
  it('is not modified (deep-frozen files, same result as unfrozen)', () => {
    const names = [
      'grids-bad-values.geojson',
      'buildings-broken-features.geojson',
      'work-orders-bad-values.geojson',
    ];
    const inputs = [street, communities, buildings, ...names.map((n) => file(BAD, n))];
    const expected = loadFiles(inputs.map((f) => ({ ...f })));
    const frozen = deepFreeze(inputs.map((f) => ({ ...f })));
    expect(loadFiles(frozen)).toEqual(expected);
  });

  it('is not shared with the result: editing a loaded feature leaves a second load unchanged', () => {
    const input = [{ name: 'grids.geojson', text: collection([gridFeature(1)]) }];
    const first = loadFiles(input);
    const feature = first.dataset.grids?.features[0];
    if (feature) feature.properties.workers = 99;
    expect(loadFiles(input).dataset.grids?.features[0]?.properties.workers).toBe(2);
  });

  it('is reported, not thrown, when a file cannot be read', () => {
    const throwing = {
      get name(): string {
        throw new Error('boom');
      },
      text: '{}',
    };
    const result = loadFiles([throwing, { name: 'x.geojson' } as never, null as never]);
    expect(result.problems.map((p) => p.code)).toEqual([
      'internal-error',
      'invalid-input',
      'invalid-input',
    ]);
    expect(result.files.map((f) => f.name)).toEqual(['(input 1)', 'x.geojson', '(input 3)']);
    expect(loadFiles(undefined as never).problems.map((p) => p.code)).toEqual(['invalid-input']);
    expect(loadFiles([])).toEqual({ dataset: {}, files: [], problems: [], setAside: [] });
  });
});

describe('scale', () => {
  it('loads 25,000 work orders and 1,500 polygons in a few seconds', () => {
    const orders = Array.from({ length: 25_000 }, (_, i) => ({
      type: 'Feature',
      properties: {
        id: `GD${String(i).padStart(10, '0')}`,
        source: '12345热线',
        category1: '城乡建设',
        category2: '物业管理',
        category3: '电梯故障',
        createdAt: '2024-03-01T08:30:00+08:00',
        dueAt: '2024-03-08T08:30:00+08:00',
        closedAt: null,
        status: '办理',
        followedUp: false,
        contacted: true,
        resolved: false,
        satisfaction: null,
        address: '丰台区东园路18号院1号楼',
        buildingId: `B-${i % 1500}`,
      },
      geometry: {
        type: 'Point',
        coordinates: [116.3 + (i % 400) * 1e-4, 39.83 + (i % 200) * 1e-4],
      },
    }));
    const ring = (cx: number, cy: number, n: number) => {
      const points = Array.from({ length: n }, (_, k) => {
        const a = (2 * Math.PI * k) / n;
        return [cx + 2e-4 * Math.cos(a), cy + 1.5e-4 * Math.sin(a)];
      });
      return [...points, points[0]];
    };
    const polygons = Array.from({ length: 1500 }, (_, i) => ({
      type: 'Feature',
      properties: {
        id: `B-${i}`,
        name: `${i}号楼`,
        address: '东园路',
        communityId: '110106012003',
        floors: 6,
        units: 3,
        households: 36,
        residents: 90,
        yearBuilt: 1998,
        property: '物业',
        difficultHouseholds: 1,
        specialHouseholds: 1,
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          ring(116.3 + (i % 40) * 1e-3, 39.83 + Math.floor(i / 40) * 5e-4, i % 50 === 0 ? 400 : 12),
        ],
      },
    }));
    const files = [
      { name: 'work-orders.geojson', text: collection(orders) },
      { name: 'buildings.geojson', text: collection(polygons) },
    ];
    const start = performance.now();
    const result = loadFiles(files);
    const ms = performance.now() - start;
    expect(result.problems).toEqual([]);
    expect(result.dataset.workOrders?.features).toHaveLength(25_000);
    expect(result.dataset.buildings?.features).toHaveLength(1500);
    expect(ms).toBeLessThan(5000);
  });
});
