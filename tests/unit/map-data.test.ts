// The map's sources on the sample street: label points inside their polygons, slim work orders,
// grids carrying the engine's workload figures (and keeping their feature objects while neither
// grid nor workload changed), one feature per problem polygon; and the per-feature diff that a
// grid edit sends instead of the whole grids layer.
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import type { CoverageProblem } from '../../src/analysis/coverage/report.ts';
import { labelPoints } from '../../src/analysis/label-points.ts';
import { workOrderPoints } from '../../src/analysis/work-order-points.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridFeature, StreetDataset } from '../../src/domain/types.ts';
import {
  createGridCollection,
  labelsOf,
  problemFeatures,
  staticCollections,
} from '../../src/map/map-data.ts';
import { featureDiff } from '../../src/map/source-diff.ts';

const read = <K extends keyof StreetDataset>(file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'),
  ) as StreetDataset[K];

describe('the map sources of the sample street', () => {
  const dataset: Partial<StreetDataset> = deepFreeze({
    communities: read<'communities'>('communities.geojson'),
    grids: read<'grids'>('grids.geojson'),
    buildings: read<'buildings'>('buildings.geojson'),
    workOrders: read<'workOrders'>('work-orders.geojson'),
  });
  const report = new CoverageEngine({
    communities: dataset.communities!.features,
    grids: dataset.grids!.features,
    buildings: dataset.buildings!.features,
    facilities: [],
  }).report();
  const labels = labelPoints(dataset);
  const sources = staticCollections(dataset, labels, workOrderPoints(dataset.workOrders!.features));
  const gridCollection = createGridCollection();
  const grids = gridCollection(dataset.grids!.features, report.grids);

  it('puts exactly one label point inside each community and grid, split by layer', () => {
    const communityLabels = sources['community-labels'].features as Feature<Point>[];
    const gridLabels = labelsOf(labels, 'grids');
    expect(communityLabels).toHaveLength(dataset.communities!.features.length);
    expect(gridLabels).toHaveLength(dataset.grids!.features.length);
    const polygons = [...dataset.communities!.features, ...dataset.grids!.features];
    for (const polygon of polygons) {
      const label = [...communityLabels, ...gridLabels].find(
        (l) => l.properties!.id === polygon.properties.id,
      )!;
      expect(
        booleanPointInPolygon(label.geometry, polygon as Feature<Polygon>),
        polygon.properties.id,
      ).toBe(true);
    }
  });

  it('hands the map slim work orders', () => {
    const orders = dataset.workOrders!.features;
    const slim = sources['work-orders'].features;
    expect(slim).toHaveLength(orders.length);
    expect(Object.keys(slim[0]!.properties!).sort()).toEqual(['category2', 'id']);
  });

  it('gives every grid its workload figures for the fill, keeping its own properties', () => {
    expect(grids.features).toHaveLength(dataset.grids!.features.length);
    const above = grids.features.find((g) => g.properties!.id === '110106090005003')!;
    expect(above.properties).toMatchObject({
      name: dataset.grids!.features.find((g) => g.properties.id === '110106090005003')!.properties
        .name,
      households: 964,
      band: 'above',
      householdsDeviation: 464,
    });
    for (const grid of grids.features) {
      const { compactness, id } = grid.properties!;
      expect(Number.isFinite(compactness), id).toBe(true);
      expect(compactness, id).toBeGreaterThan(0);
      expect(compactness, id).toBeLessThanOrEqual(1);
      expect(grid.properties!.residentsOver).toBe(0);
    }
  });

  it('keeps the feature of every grid whose grid and workload objects did not change', () => {
    const [first, second] = dataset.grids!.features as GridFeature[];
    const renamed: GridFeature = { ...second!, properties: { ...second!.properties, name: '新' } };
    const edited = [first!, renamed, ...dataset.grids!.features.slice(2)];
    const workloads = report.grids.map((w, i) => (i === 0 ? { ...w, workers: 9 } : w));
    const next = gridCollection(edited, workloads);
    expect(next.features[0]).not.toBe(grids.features[0]);
    expect(next.features[0]!.properties!.workers).toBe(9);
    expect(next.features[1]).not.toBe(grids.features[1]);
    expect(next.features[1]!.properties!.name).toBe('新');
    expect(next.features.slice(2)).toEqual(grids.features.slice(2));
    next.features.slice(2).forEach((f, i) => expect(f).toBe(grids.features[i + 2]));
    expect(featureDiff(grids, next)).toEqual({
      remove: [],
      add: [next.features[0], next.features[1]],
    });
  });

  it('draws the sample’s two gaps and one overlap as problem polygons', () => {
    const problems = problemFeatures(report.problems).features;
    expect(problems.map((p) => p.properties!.kind).sort()).toEqual(['gap', 'gap', 'overlap']);
  });

  it('gives missing layers empty collections', () => {
    expect(sources.street.features).toEqual([]);
    expect(sources.facilities.features).toEqual([]);
    expect(sources.basemap.features).toEqual([]);
  });
});

describe('featureDiff', () => {
  const feature = (id: string, n = 0): Feature => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [116 + n, 39] },
    properties: { id },
  });
  const fc = (features: Feature[]): FeatureCollection =>
    deepFreeze({ type: 'FeatureCollection', features });
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => feature(id));
  const before = fc([a!, b!, c!, d!]);

  it('removes the ids that are gone and adds the features whose objects changed', () => {
    const changed = feature('b', 1);
    const diff = featureDiff(before, fc([a!, changed, d!]), { maxChangedShare: 1 });
    expect(diff).toEqual({ remove: ['c'], add: [changed] });
    expect(diff!.add[0]).toBe(changed);
  });

  it('is empty when every feature object is the same', () => {
    expect(featureDiff(before, fc([...before.features]))).toEqual({ remove: [], add: [] });
  });

  it('gives up when most features changed, or when ids are missing or repeated', () => {
    expect(featureDiff(before, fc([feature('x'), feature('y')]))).toBeNull();
    expect(featureDiff(before, fc([a!, b!, c!, { ...d!, properties: {} }]))).toBeNull();
    expect(featureDiff(before, fc([a!, b!, c!, d!, feature('a', 2)]))).toBeNull();
  });
});

describe('problemFeatures', () => {
  const base: Omit<CoverageProblem, 'id' | 'kind'> = {
    severity: 'error',
    communityId: '110106090008',
    gridIds: ['110106090008001'],
    buildingIds: [],
    areaM2: null,
    value: null,
    bbox: [116.3, 39.83, 116.31, 39.84],
    geometry: null,
  };
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [116.3, 39.83],
        [116.31, 39.83],
        [116.31, 39.84],
        [116.3, 39.83],
      ],
    ],
  };
  const problems: CoverageProblem[] = deepFreeze([
    { ...base, id: 'gap:110106090008:0', kind: 'gap', areaM2: 302, geometry: square },
    { ...base, id: 'households-above:110106090008001', kind: 'households-above', value: 964 },
    {
      ...base,
      id: 'sliver:110106090008001:0',
      kind: 'sliver',
      severity: 'warning',
      geometry: square,
    },
  ]);

  it('keeps only the problems with a polygon, with their id, kind and severity', () => {
    const { features } = problemFeatures(problems);
    expect(features.map((f) => f.properties)).toEqual([
      { id: 'gap:110106090008:0', kind: 'gap', severity: 'error' },
      { id: 'sliver:110106090008001:0', kind: 'sliver', severity: 'warning' },
    ]);
    expect(features[0]!.geometry).toBe(square);
  });
});
