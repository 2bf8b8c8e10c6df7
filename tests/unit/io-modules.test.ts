// The loading steps one by one: JSON reading, layer detection, structure, geometry, properties
// and cross-layer checks, each on deep-frozen input to prove it is never modified.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { detectLayer, layerFromContent, layerFromFileName } from '../../src/io/detect-layer.ts';
import { readJson, syntaxErrorLocation } from '../../src/io/read-json.ts';
import { validateCrossLayer } from '../../src/io/validate-cross-layer.ts';
import { validateGeometry } from '../../src/io/validate-geometry.ts';
import {
  duplicateIdProblems,
  featureIdOf,
  parseIsoDateTime,
  validateFeatureProperties,
} from '../../src/io/validate-properties.ts';
import { validateFeatureStructure } from '../../src/io/validate-structure.ts';
import { loadProblemText } from '../../src/io/messages.ts';

const where = { file: 'f.geojson', featureIndex: 0, featureId: 'x' };
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

const square = (x: number, y: number, d = 0.001) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

describe('readJson', () => {
  it('parses JSON and skips a byte-order mark', () => {
    expect(readJson('a.geojson', '\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['a.geojson', '', 'empty-file'],
    ['a.geojson', ' \n\t ', 'empty-file'],
    ['a.geojson', '{"type": }', 'not-json'],
    ['a.geojson', '{"type": "FeatureCollection"', 'not-json'],
    ['a.geojson', '<html></html>', 'not-json'],
    ['orders.csv', '{"a":', 'table-not-geojson'],
    ['orders.geojson', '工单号,受理时间\nGD1,2024-03-01', 'table-not-geojson'],
    ['orders.geojson', '工单号\t受理时间\nGD1\t2024-03-01', 'table-not-geojson'],
    ['orders.xlsx', 'PK\u0003\u0004…', 'table-not-geojson'],
    ['orders.geojson', 'PK\u0003\u0004…', 'table-not-geojson'],
  ])('%s %j → %s', (name, text, code) => {
    const result = readJson(name, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ file: name, featureIndex: null, code });
  });

  it('finds the line and column of a syntax error', () => {
    const text = '{\n  "type": "FeatureCollection"\n  "features": []\n}';
    const result = readJson('a.geojson', text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(loadProblemText(result.problem, 'zh')).toContain('第 3 行第 3 列');
  });

  it('reads the location from V8, Firefox and end-of-input messages', () => {
    const text = 'ab\ncd\nef';
    expect(syntaxErrorLocation('Unexpected token in JSON at position 4', text)).toEqual({
      line: 2,
      column: 2,
    });
    expect(
      syntaxErrorLocation('JSON.parse: expected , at line 3 column 5 of the JSON data', text),
    ).toEqual({ line: 3, column: 5 });
    expect(syntaxErrorLocation('Unexpected end of JSON input', text)).toEqual({
      line: 3,
      column: 3,
    });
    expect(syntaxErrorLocation("JSON Parse error: Expected '}'", text)).toEqual({});
  });
});

describe('layer detection', () => {
  it.each([
    ['street.geojson', 'street'],
    ['communities.geojson', 'communities'],
    ['grids.geojson', 'grids'],
    ['buildings.json', 'buildings'],
    ['facilities.geojson', 'facilities'],
    ['work-orders.geojson', 'workOrders'],
    ['work_orders_2024.geojson', 'workOrders'],
    ['workorders.geojson', 'workOrders'],
    ['issues.geojson', 'workOrders'],
    ['basemap.geojson', 'basemap'],
    ['C:\\data\\东园街道.geojson', 'street'],
    ['东园街道社区.geojson', 'communities'],
    ['社区网格.json', 'grids'],
    ['楼栋.geojson', 'buildings'],
    ['建筑轮廓.geojson', 'buildings'],
    ['社区设施.geojson', 'facilities'],
    ['2024年工单.geojson', 'workOrders'],
    ['街道底图.geojson', 'basemap'],
    ['grids-unknown-community.geojson', 'grids'],
    ['communities-street-mismatch.geojson', 'communities'],
    ['Grids.GeoJSON', 'grids'],
    ['gridatlas-export.geojson', null],
    ['streetlights.geojson', null],
    ['export.geojson', null],
  ])('%s → %s', (name, layer) => {
    expect(layerFromFileName(name)).toBe(layer);
  });

  const point = (properties: Record<string, unknown>) => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Point', coordinates: [116.32, 39.84] },
  });
  const polygon = (properties: Record<string, unknown>) => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates: [square(116.32, 39.84)] },
  });

  it('recognises layers from their content', () => {
    expect(layerFromContent([point({ id: 'GD1', category1: '城乡建设', status: '受理' })])).toBe(
      'workOrders',
    );
    expect(layerFromContent([point({ id: 'F1', type: '养老驿站' })])).toBe('facilities');
    expect(layerFromContent([polygon({ id: 'B1', households: 20, floors: 6 })])).toBe('buildings');
    expect(layerFromContent([polygon({ id: '110106012003001', workers: 2 })])).toBe('grids');
    expect(layerFromContent([polygon({ id: '110106012003', streetId: '110106012' })])).toBe(
      'communities',
    );
    expect(layerFromContent([polygon({ id: '110106012', district: '丰台区' })])).toBe('street');
    expect(
      layerFromContent([
        {
          type: 'Feature',
          properties: { kind: 'road' },
          geometry: { type: 'LineString', coordinates: [] },
        },
      ]),
    ).toBe('basemap');
    expect(layerFromContent([point({ name: '东园小学' })])).toBeNull();
    expect(layerFromContent([])).toBeNull();
  });

  it('rejects what is not a FeatureCollection, with what it is', () => {
    const found = (json: unknown) => {
      const r = detectLayer('grids.geojson', json);
      return r.layer === null ? [r.problem.code, loadProblemText(r.problem, 'zh')] : null;
    };
    expect(found({ type: 'Feature' })?.[1]).toContain('单个要素');
    expect(found([])?.[1]).toContain('数组');
    expect(found(42)?.[1]).toContain('数字');
    expect(found('text')?.[1]).toContain('文本');
    expect(found(null)?.[1]).toContain('空值');
    expect(found({ type: 'Polygon', coordinates: [] })?.[1]).toContain('几何对象');
    expect(found({ features: [] })?.[1]).toContain('没有 features 数组的对象');
    expect(found({ type: 'FeatureCollection' })?.[0]).toBe('not-feature-collection');
  });

  it('lets the name decide when the content does not contradict it', () => {
    const r = detectLayer(
      'grids.geojson',
      deepFreeze({ type: 'FeatureCollection', features: [polygon({ id: 'g' })] }),
    );
    expect(r.layer).toBe('grids');
  });

  it('refuses a named file whose features clearly belong to another layer', () => {
    const buildings = {
      type: 'FeatureCollection',
      features: [polygon({ id: 'B1', households: 20 })],
    };
    const r = detectLayer('grids.geojson', buildings);
    expect(r.layer).toBeNull();
    if (r.layer === null) {
      expect(r.problem.code).toBe('layer-content-mismatch');
      expect(loadProblemText(r.problem, 'zh')).toContain('内容更像楼栋图层');
    }
  });
});

describe('validateFeatureStructure', () => {
  it('accepts a sound feature and hands over its parts', () => {
    const feature = deepFreeze({
      type: 'Feature',
      properties: { id: 'a' },
      geometry: { type: 'Polygon', coordinates: [square(116.32, 39.84)] },
    });
    const r = validateFeatureStructure(feature, where);
    expect(r.problems).toEqual([]);
    expect(r.geometryReady).toBe(true);
    expect(r.properties).toBe(feature.properties);
    expect(r.geometry).toBe(feature.geometry);
  });

  it('leaves unclosed and short rings to the geometry check (and does not throw on empty rings)', () => {
    for (const coordinates of [[[]], [[[116.32, 39.84]]], [square(116.32, 39.84).slice(0, 4)]]) {
      const r = validateFeatureStructure(
        deepFreeze({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }),
        where,
      );
      expect(r.problems).toEqual([]);
      expect(r.geometryReady).toBe(true);
      expect(r.geojsonErrors.length).toBeGreaterThan(0);
    }
  });

  it.each([
    [{ type: 'Point', coordinates: [116.32] }, 'too-short', 'geometry.coordinates'],
    [{ type: 'Point', coordinates: ['116.32', 39.84] }, 'not-number', 'geometry.coordinates'],
    [{ type: 'Point', coordinates: [[116.32, 39.84]] }, 'wrong-nesting', 'geometry.coordinates'],
    [
      { type: 'LineString', coordinates: [116.32, 39.84] },
      'wrong-nesting',
      'geometry.coordinates[0]',
    ],
    [{ type: 'LineString', coordinates: 'x' }, 'not-array', 'geometry.coordinates'],
    [{ type: 'Polygon' }, 'missing', 'geometry.coordinates'],
    [
      { type: 'MultiPolygon', coordinates: [[[[1, 2], null]]] },
      'not-array',
      'geometry.coordinates[0][0][1]',
    ],
  ])('reports malformed coordinates %j', (geometry, reason, field) => {
    const r = validateFeatureStructure(
      deepFreeze({ type: 'Feature', properties: {}, geometry }),
      where,
    );
    expect(codes(r.problems)).toEqual(['coordinates-malformed']);
    expect(r.problems[0]?.field).toBe(field);
    expect(loadProblemText(r.problems[0]!, 'en')).toContain(
      {
        'too-short': 'at least',
        'not-number': 'not a number',
        'wrong-nesting': 'nested',
        'not-array': 'should be an array',
        missing: 'missing',
      }[reason],
    );
    expect(r.geometryReady).toBe(false);
  });

  it('warns about a bad bbox without blaming the geometry for it', () => {
    const r = validateFeatureStructure(
      deepFreeze({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates: [116.32, 39.84], bbox: [1, 2, 3] },
      }),
      where,
    );
    expect(codes(r.problems)).toEqual(['bbox-invalid']);
    expect(r.geojsonErrors).toEqual([]);
    expect(r.geometryReady).toBe(true);
  });
});

describe('validateGeometry', () => {
  const polygon = (...rings: number[][][]) => deepFreeze({ type: 'Polygon', coordinates: rings });

  it('accepts a good polygon, a polygon with a hole, and repeated vertices', () => {
    expect(validateGeometry(polygon(square(116.32, 39.84)), 'grids', where)).toEqual([]);
    const hole = square(116.3202, 39.8402, 0.0002).reverse();
    expect(validateGeometry(polygon(square(116.32, 39.84), hole), 'grids', where)).toEqual([]);
    const repeated = square(116.32, 39.84);
    repeated.splice(2, 0, [...(repeated[1] as number[])]);
    expect(validateGeometry(polygon(repeated), 'grids', where)).toEqual([]);
  });

  it('finds a self-intersection and where it is', () => {
    const bowtie = [
      [116.32, 39.84],
      [116.33, 39.85],
      [116.33, 39.84],
      [116.32, 39.85],
      [116.32, 39.84],
    ];
    const [problem] = validateGeometry(polygon(bowtie), 'buildings', where);
    expect(problem?.code).toBe('self-intersection');
    expect(problem?.field).toBe('geometry.coordinates[0]');
    expect(loadProblemText(problem!, 'zh')).toContain('[116.325, 39.845]');
  });

  it('does not run kinks on lines (roads may cross themselves)', () => {
    const loop = deepFreeze({
      type: 'LineString',
      coordinates: [
        [116.32, 39.84],
        [116.33, 39.85],
        [116.33, 39.84],
        [116.32, 39.85],
      ],
    });
    expect(validateGeometry(loop, 'basemap', where)).toEqual([]);
  });

  it('tells swapped from out-of-range from outside Beijing, once per feature', () => {
    const at = (coordinates: number[]) =>
      codes(validateGeometry(deepFreeze({ type: 'Point', coordinates }), 'facilities', where));
    expect(at([39.84, 116.32])).toEqual(['coordinates-swapped']);
    expect(at([12949100, 4838500])).toEqual(['coordinate-out-of-range']);
    expect(at([-200, 39.84])).toEqual(['coordinate-out-of-range']);
    expect(at([121.47, 31.23])).toEqual(['outside-beijing']);
    expect(at([116.32, 39.84])).toEqual([]);
    expect(at([115.4, 41.1])).toEqual([]);
    const swappedRing = square(116.32, 39.84).map(([x, y]) => [y as number, x as number]);
    expect(codes(validateGeometry(polygon(swappedRing), 'grids', where))).toEqual([
      'coordinates-swapped',
    ]);
  });

  it('checks the geometry type of each layer', () => {
    const point = deepFreeze({ type: 'Point', coordinates: [116.32, 39.84] });
    const multi = deepFreeze({ type: 'MultiPolygon', coordinates: [[square(116.32, 39.84)]] });
    const line = deepFreeze({
      type: 'LineString',
      coordinates: [
        [116.32, 39.84],
        [116.33, 39.84],
      ],
    });
    expect(codes(validateGeometry(point, 'grids', where))).toEqual(['geometry-type-not-allowed']);
    expect(codes(validateGeometry(multi, 'grids', where))).toEqual([]);
    expect(codes(validateGeometry(multi, 'buildings', where))).toEqual([
      'geometry-type-not-allowed',
    ]);
    expect(codes(validateGeometry(multi, 'communities', where))).toEqual([]);
    expect(codes(validateGeometry(multi, 'basemap', where))).toEqual([]);
    expect(codes(validateGeometry(line, 'basemap', where))).toEqual([]);
    expect(codes(validateGeometry(line, 'street', where))).toEqual(['geometry-type-not-allowed']);
    expect(codes(validateGeometry(point, 'workOrders', where))).toEqual([]);
  });

  it('reports null and empty geometries', () => {
    expect(codes(validateGeometry(null, 'grids', where))).toEqual(['geometry-null']);
    expect(codes(validateGeometry(polygon(), 'grids', where))).toEqual(['geometry-empty']);
    const emptyPoint = deepFreeze({ type: 'Point', coordinates: [] });
    expect(codes(validateGeometry(emptyPoint, 'facilities', where))).toEqual(['geometry-empty']);
    const emptyPart = deepFreeze({
      type: 'MultiPolygon',
      coordinates: [[square(116.32, 39.84)], []],
    });
    const [problem] = validateGeometry(emptyPart, 'communities', where);
    expect([problem?.code, problem?.field]).toEqual(['geometry-empty', 'geometry.coordinates[1]']);
  });
});

describe('validateFeatureProperties', () => {
  const building = {
    id: 'B1',
    name: '18号院1号楼',
    address: '东园路18号院',
    communityId: '110106012003',
    floors: 6,
    units: 3,
    households: 36,
    residents: 95,
    yearBuilt: 1998,
    property: '物业',
    difficultHouseholds: 2,
    specialHouseholds: 1,
  };

  it('accepts a complete building and passes its properties on as they are, not copied', () => {
    const props = deepFreeze({ ...building, extra: { keep: [1, 2] } });
    const r = validateFeatureProperties('buildings', props, where);
    expect(r.problems).toEqual([]);
    expect(r.properties).toBe(props);
  });

  it.each([
    [{ households: -1 }, 'negative-number', 'error'],
    [{ households: 1.5 }, 'not-integer', 'error'],
    [{ residents: '95' }, 'wrong-type', 'error'],
    [{ floors: null }, 'missing-property', 'error'],
    [{ units: undefined }, 'missing-property', 'error'],
    [{ name: '' }, 'missing-property', 'warning'],
    [{ address: 12 }, 'wrong-type', 'warning'],
    [{ property: '自管' }, 'unknown-value', 'warning'],
    [{ yearBuilt: 3000 }, 'implausible-year', 'warning'],
    [{ communityId: '1101060120031' }, 'invalid-code', 'error'],
    [{ id: 7 }, 'wrong-type', 'error'],
    [{ id: '  ' }, 'missing-id', 'error'],
    [{ difficultHouseholds: 30, specialHouseholds: 7 }, 'difficult-exceeds-households', 'warning'],
  ])('building %j → %s (%s)', (change, code, severity) => {
    const r = validateFeatureProperties(
      'buildings',
      deepFreeze({ ...building, ...change }),
      where,
      {
        currentYear: 2026,
      },
    );
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([[code, severity]]);
  });

  it('checks the codes of the territory', () => {
    const check = (layer: 'street' | 'communities' | 'grids', id: string) =>
      codes(validateFeatureProperties(layer, deepFreeze({ id }), where).problems).includes(
        'invalid-code',
      );
    expect(check('street', '110106012')).toBe(false);
    expect(check('street', '11010601')).toBe(true);
    expect(check('communities', '110106012003')).toBe(false);
    expect(check('communities', '110106012')).toBe(true);
    expect(check('grids', '110106012003001')).toBe(false);
    expect(check('grids', '110106012003000')).toBe(true);
  });

  it('normalises grid type aliases and keeps the rest', () => {
    const grid = deepFreeze({
      id: '110106012003001',
      name: 'n',
      communityId: '110106012003',
      type: '专属',
      workers: 0,
      leader: 'l',
      remark: '学校',
    });
    const r = validateFeatureProperties('grids', grid, where);
    expect(codes(r.problems)).toEqual(['no-workers']);
    expect(r.properties).toEqual({ ...grid, type: 'dedicated' });
  });

  it('allows null for the nullable work-order fields only', () => {
    const order = deepFreeze({
      id: 'GD1',
      source: '网格巡查',
      category1: '城市管理',
      category2: '环境卫生',
      category3: '垃圾清运',
      createdAt: '2024-03-01T08:30:00Z',
      dueAt: '2024-03-08T08:30:00+0800',
      closedAt: null,
      status: '派单',
      followedUp: false,
      contacted: false,
      resolved: false,
      satisfaction: null,
      address: '东园路',
    });
    const r = validateFeatureProperties('workOrders', order, where);
    expect(r.problems).toEqual([]);
    expect(r.properties.dueAt).toBe('2024-03-08T08:30:00+08:00');
    const bad = validateFeatureProperties(
      'workOrders',
      deepFreeze({ ...order, status: null }),
      where,
    );
    expect(codes(bad.problems)).toEqual(['missing-property']);
  });

  it('finds the id a problem should name', () => {
    expect(featureIdOf({ properties: { id: 'a' }, id: 'b' })).toBe('a');
    expect(featureIdOf({ properties: { id: '' }, id: 'b' })).toBe('b');
    expect(featureIdOf({ properties: { id: 12 } })).toBe('12');
    expect(featureIdOf({ properties: null, id: 3 })).toBe('3');
    expect(featureIdOf({ properties: {} })).toBeNull();
    expect(featureIdOf(42)).toBeNull();
  });

  it('marks later duplicates of an id', () => {
    const w = (i: number) => ({ file: 'f', featureIndex: i, featureId: 'a' });
    const found = duplicateIdProblems(
      [
        { id: 'a', where: w(0) },
        { id: 'b', where: w(1) },
        { id: 'a', where: w(2) },
        { id: undefined, where: w(3) },
        { id: 'a', where: w(4) },
      ],
      (item) => item.id,
    );
    expect(found.map((d) => d.item)).toEqual([2, 4]);
    expect(loadProblemText(found[1]!.problem, 'zh')).toContain('与第 1 个要素重复');
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2024-03-01T08:30:00+08:00', '2024-03-01T08:30:00+08:00', true],
    ['2024-03-01T00:30:00Z', '2024-03-01T00:30:00Z', true],
    ['2024-03-01T08:30:00.123+0800', '2024-03-01T08:30:00.123+08:00', true],
    ['2024-03-01 08:30', '2024-03-01T08:30:00+08:00', false],
    ['2024-03-01', '2024-03-01T00:00:00+08:00', false],
    ['2024-02-29T12:00:00+08:00', '2024-02-29T12:00:00+08:00', true],
  ])('%s → %s', (text, normalised, hadZone) => {
    expect(parseIsoDateTime(text)).toMatchObject({ normalised, hadZone });
  });

  it('gives the same instant for a date and its normalised form', () => {
    expect(parseIsoDateTime('2024-03-01 08:30')?.time).toBe(Date.parse('2024-03-01T00:30:00Z'));
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '2024-03-32T00:00',
    '2024-03-01T24:00',
    '2024-03-01T08:60',
    '03/01/2024',
    '2024-3-1',
    '',
    'now',
    '2024-03-01T08:30:00+25:00',
  ])('rejects %j', (text) => {
    expect(parseIsoDateTime(text)).toBeNull();
  });
});

describe('validateCrossLayer', () => {
  const f = (file: string, index: number, properties: Record<string, unknown> | null) => ({
    where: { file, featureIndex: index, featureId: (properties?.id as string) ?? null },
    properties,
  });

  it('checks codes and references between layers, on frozen input', () => {
    const layers = deepFreeze({
      street: { file: 's', features: [f('s', 0, { id: '110106012' })] },
      communities: {
        file: 'c',
        features: [
          f('c', 0, { id: '110106012003', streetId: '110106012' }),
          f('c', 1, { id: '110106013001', streetId: '110106012' }),
        ],
      },
      grids: {
        file: 'g',
        features: [
          f('g', 0, { id: '110106012003001', communityId: '110106012003' }),
          f('g', 1, { id: '110106012004001', communityId: '110106012004' }),
          f('g', 2, null),
        ],
      },
      buildings: { file: 'b', features: [f('b', 0, { id: 'B1', communityId: '110106013001' })] },
      workOrders: {
        file: 'w',
        features: [
          f('w', 0, { id: 'W1', buildingId: 'B1' }),
          f('w', 1, { id: 'W2', buildingId: 'B2' }),
        ],
      },
    });
    const found = validateCrossLayer(layers);
    expect(
      found.map(({ problem }) => [
        problem.file,
        problem.featureIndex,
        problem.code,
        problem.severity,
      ]),
    ).toEqual([
      ['c', 1, 'community-code-street-mismatch', 'error'],
      ['g', 1, 'unknown-community', 'error'],
      ['w', 1, 'unknown-building', 'warning'],
    ]);
    expect(found[0]?.feature).toBe(layers.communities.features[1]);
  });

  it('checks nothing against a layer that was not loaded', () => {
    const grids = {
      file: 'g',
      features: [f('g', 0, { id: '110106012009001', communityId: '110106012009' })],
    };
    expect(validateCrossLayer({ grids })).toEqual([]);
  });
});
