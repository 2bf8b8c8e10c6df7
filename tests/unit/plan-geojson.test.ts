// Plan export and import: the sample street's grids go out as a GeoJSON grids layer and come
// back byte for byte (also after an edit), the export is wound by the right-hand rule and keeps
// every property, the check CLI accepts it with the same report as the original file, and files
// that are not a clean grids layer are refused with the loader's own problems.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Polygon, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { projectedRingArea, projectRing } from '../../src/analysis/coverage/geodesy.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { planGrids } from '../../src/editing/plan.ts';
import { loadFiles } from '../../src/io/load-files.ts';
import { exportPlanGeoJSON, importPlanGeoJSON } from '../../src/io/plan-geojson.ts';
import { problemExamples } from './support/problems.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, 'data');
const TMP = mkdtempSync(join(tmpdir(), 'gridatlas-plan-geojson-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const GRIDS_TEXT = readFileSync(join(DATA, 'grids.geojson'), 'utf8');

function sampleGrids(): GridFeature[] {
  const grids = loadFiles([{ name: 'grids.geojson', text: GRIDS_TEXT }]).dataset.grids?.features;
  if (!grids) throw new Error('the sample grids did not load');
  return deepFreeze(grids);
}

function importedGrids(text: string, name = 'grids.geojson'): GridFeature[] {
  const imported = importPlanGeoJSON(text, name);
  if (!imported.ok) throw new Error(`import refused: ${imported.reason}`);
  expect(imported.problems).toEqual([]);
  return planGrids(imported.plan);
}

const signedArea = (ring: Position[]) => projectedRingArea(projectRing(ring));
const outerRing = (grid: GridFeature) => (grid.geometry as Polygon).coordinates[0]!;

describe('exportPlanGeoJSON → importPlanGeoJSON round trip on the sample street', () => {
  const grids = sampleGrids();

  it('gives back the loaded grids byte for byte, in plan order', () => {
    const text = exportPlanGeoJSON(grids);
    const back = importedGrids(text);
    expect(back).toHaveLength(46);
    expect(JSON.stringify(back)).toBe(JSON.stringify(grids));
    expect(back.map((g) => g.properties.id)).toEqual(grids.map((g) => g.properties.id));
  });

  it('writes one feature per line with the feature id, and ends with a newline', () => {
    const text = exportPlanGeoJSON(grids, { name: '方案A' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"type":"FeatureCollection","name":"方案A","features":[');
    expect(lines).toHaveLength(46 + 3);
    expect(lines.at(-2)).toBe(']}');
    expect(lines.at(-1)).toBe('');
    const first = JSON.parse(lines[1]!.replace(/,$/, '')) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['type', 'id', 'geometry', 'properties']);
    expect(first.id).toBe('110106090001001');
    expect(first.properties).toEqual({
      id: '110106090001001',
      name: '安澜里社区第1网格',
      communityId: '110106090001',
      type: 'comprehensive',
      workers: 1,
      leader: '薛晓东',
    });
    // The same grids give the same bytes.
    expect(exportPlanGeoJSON(grids, { name: '方案A' })).toBe(text);
  });

  it('gives back an edited plan: a grid removed, another reshaped', () => {
    const removedId = grids[3]!.properties.id;
    const reshaped = grids[1]!;
    const ring = outerRing(reshaped).map((p, i, all) =>
      i === 0 || i === all.length - 1 ? [p[0]! - 0.0002, p[1]!] : p,
    );
    const edited = deepFreeze([
      ...grids.slice(0, 1),
      { ...reshaped, geometry: { type: 'Polygon', coordinates: [ring] } } as GridFeature,
      ...grids.slice(2).filter((g) => g.properties.id !== removedId),
    ]);
    const back = importedGrids(exportPlanGeoJSON(edited));
    expect(back).toHaveLength(45);
    expect(back.some((g) => g.properties.id === removedId)).toBe(false);
    expect(JSON.stringify(back)).toBe(JSON.stringify(edited));
    expect(outerRing(back[1]!)[0]).toEqual([116.306569, 39.849102]);
  });

  it('rewinds a clockwise ring and keeps its vertices', () => {
    const grid = grids[0]!;
    const clockwise = [...outerRing(grid)].reverse();
    expect(signedArea(clockwise)).toBeLessThan(0);
    const edited = deepFreeze([
      { ...grid, geometry: { type: 'Polygon', coordinates: [clockwise] } } as GridFeature,
    ]);
    const [back] = importedGrids(exportPlanGeoJSON(edited));
    expect(signedArea(outerRing(back!))).toBeGreaterThan(0);
    expect(outerRing(back!)).toEqual(outerRing(grid));
  });
});

describe('exportPlanGeoJSON on hand-made grids', () => {
  const square = (x0: number, y0: number, size: number, ccw: boolean): Position[] => {
    const ring = [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ];
    return ccw ? ring : ring.reverse();
  };

  it('winds every polygon of a MultiPolygon: outer rings counter-clockwise, holes clockwise', () => {
    const grid = deepFreeze({
      type: 'Feature',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [square(116.3, 39.83, 0.004, false), square(116.301, 39.831, 0.001, true)],
          [square(116.31, 39.83, 0.002, true)],
        ],
      },
      properties: {
        id: '110106090001001',
        communityId: '110106090001',
        type: 'comprehensive',
        workers: 2,
      },
    }) as GridFeature;
    const written = JSON.parse(exportPlanGeoJSON([grid])) as {
      features: { geometry: { coordinates: Position[][][] } }[];
    };
    const [first, second] = written.features[0]!.geometry.coordinates;
    expect(signedArea(first![0]!)).toBeGreaterThan(0);
    expect(signedArea(first![1]!)).toBeLessThan(0);
    expect(signedArea(second![0]!)).toBeGreaterThan(0);
    expect(first![0]![0]).toEqual([116.3, 39.83]);
    // No `id` member on the input: none on the output.
    expect(Object.keys(written.features[0]!)).toEqual(['type', 'geometry', 'properties']);
  });

  it('keeps unknown properties and members, updates a stale feature id, drops a stale bbox', () => {
    const grid = deepFreeze({
      type: 'Feature',
      id: '110106090001009',
      bbox: [0, 0, 1, 1],
      geometry: { type: 'Polygon', coordinates: [square(116.3, 39.83, 0.002, true)] },
      properties: {
        id: '110106090001002',
        communityId: '110106090001',
        type: 'dedicated',
        workers: 1,
        备注: '含"引号",逗号',
        survey: { year: 2025, tags: ['a', 'b'] },
      },
      source: '街道网格办',
    }) as unknown as GridFeature;
    const text = exportPlanGeoJSON([grid]);
    const feature = (JSON.parse(text) as { features: Record<string, unknown>[] }).features[0]!;
    expect(Object.keys(feature)).toEqual(['type', 'id', 'geometry', 'properties', 'source']);
    expect(feature.id).toBe('110106090001002');
    expect(feature.properties).toEqual(grid.properties);
    expect(feature.source).toBe('街道网格办');
    const imported = importPlanGeoJSON(text, '网格方案.geojson');
    expect(imported.ok).toBe(true);
    if (imported.ok) {
      const [back] = planGrids(imported.plan);
      expect(back!.properties.survey).toEqual({ year: 2025, tags: ['a', 'b'] });
      expect(back!.properties['备注']).toBe('含"引号",逗号');
    }
  });

  it('writes an empty plan as an empty collection', () => {
    expect(exportPlanGeoJSON([])).toBe('{"type":"FeatureCollection","features":[]}\n');
  });
});

describe('importPlanGeoJSON refusals', () => {
  it('refuses a file that is not JSON, with the loader problem', () => {
    const imported = importPlanGeoJSON('{"type":"FeatureCollection",', 'grids.geojson');
    expect(imported).toMatchObject({ ok: false, reason: 'unreadable', layer: null });
    if (!imported.ok) expect(imported.problems.map((p) => p.code)).toEqual(['not-json']);
  });

  it('refuses another layer and says which', () => {
    const text = readFileSync(join(DATA, 'communities.geojson'), 'utf8');
    const imported = importPlanGeoJSON(text, 'communities.geojson');
    expect(imported).toMatchObject({ ok: false, reason: 'not-grids', layer: 'communities' });
  });

  it('refuses a grids layer with a broken grid and reports it set aside, not dropped', () => {
    const collection = JSON.parse(GRIDS_TEXT) as { features: { geometry: Polygon }[] };
    const ring = collection.features[2]!.geometry.coordinates[0]!;
    // Swap two neighbouring vertices: the ring crosses itself.
    [ring[1], ring[2]] = [ring[2]!, ring[1]!];
    const imported = importPlanGeoJSON(JSON.stringify(collection), 'grids.geojson');
    expect(imported).toMatchObject({ ok: false, reason: 'invalid-grids', layer: 'grids' });
    if (!imported.ok) {
      expect(imported.setAside).toHaveLength(1);
      expect(imported.setAside[0]!.featureIndex).toBe(2);
      expect(problemExamples(imported.problems).map((p) => [p.code, p.featureId])).toContainEqual([
        'self-intersection',
        '110106090001003',
      ]);
    }
  });

  it('refuses a grids layer without grids', () => {
    const imported = importPlanGeoJSON(
      '{"type":"FeatureCollection","features":[]}',
      'grids.geojson',
    );
    expect(imported).toMatchObject({ ok: false, reason: 'no-grids', layer: 'grids' });
    if (!imported.ok) expect(imported.problems.map((p) => p.code)).toEqual(['no-features']);
  });
});

describe('the exported plan in the check CLI', () => {
  /** A copy of data/ with grids.geojson replaced; the CLI run inside it. */
  function checkStreet(name: string, gridsText: string) {
    const dir = join(TMP, name);
    mkdirSync(dir);
    for (const file of readdirSync(DATA).filter((f) => f.endsWith('.geojson')))
      if (file !== 'grids.geojson') copyFileSync(join(DATA, file), join(dir, file));
    writeFileSync(join(dir, 'grids.geojson'), gridsText);
    const run = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'scripts', 'check.ts'), '.', '--out', 'out'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    return {
      code: run.status,
      json: readFileSync(join(dir, 'out', 'report.json'), 'utf8'),
      md: readFileSync(join(dir, 'out', 'report.md'), 'utf8'),
    };
  }

  it('loads without input problems and gives the same report as the original grids file', () => {
    const original = checkStreet('original', GRIDS_TEXT);
    const exported = checkStreet('exported', exportPlanGeoJSON(sampleGrids(), { name: 'grids' }));
    const report = JSON.parse(exported.json) as { loadProblems: unknown[]; verdict: unknown };
    expect(report.loadProblems).toEqual([]);
    // The sample's five planted faults, as with the original file.
    expect(report.verdict).toMatchObject({ passed: false, violations: 5 });
    expect(exported.code).toBe(1);
    expect(exported.json).toBe(original.json);
    expect(exported.md).toBe(original.md);
  });
});
