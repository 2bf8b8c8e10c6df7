// toMapData and problemFeatures on the sample street: label points inside their polygons, slim
// work orders, grids carrying the engine's workload figures, one feature per problem polygon.
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import type { CoverageProblem } from '../../src/analysis/coverage/report.ts';
import { labelPoints } from '../../src/analysis/label-points.ts';
import { workOrderPoints } from '../../src/analysis/work-order-points.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { StreetDataset } from '../../src/domain/types.ts';
import { problemFeatures, toMapData } from '../../src/map/map-data.ts';

const read = <K extends keyof StreetDataset>(file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'),
  ) as StreetDataset[K];

describe('toMapData on the sample street', () => {
  const dataset: Partial<StreetDataset> = {
    communities: read<'communities'>('communities.geojson'),
    grids: read<'grids'>('grids.geojson'),
    buildings: read<'buildings'>('buildings.geojson'),
    workOrders: read<'workOrders'>('work-orders.geojson'),
  };
  const report = new CoverageEngine({
    communities: dataset.communities!.features,
    grids: dataset.grids!.features,
    buildings: dataset.buildings!.features,
    facilities: [],
  }).report();
  const data = toMapData(
    dataset,
    report,
    labelPoints(dataset),
    workOrderPoints(dataset.workOrders!.features),
  );

  it('puts exactly one label point inside each community and grid', () => {
    const labels = data.collections.labels.features as Feature<Point>[];
    const polygons = [...dataset.communities!.features, ...dataset.grids!.features];
    expect(labels).toHaveLength(polygons.length);
    for (const polygon of polygons) {
      const label = labels.find((l) => l.properties!.id === polygon.properties.id)!;
      expect(
        booleanPointInPolygon(label.geometry, polygon as Feature<Polygon>),
        polygon.properties.id,
      ).toBe(true);
    }
  });

  it('hands the map slim work orders and their positions as a flat array', () => {
    const orders = dataset.workOrders!.features;
    const slim = data.collections['work-orders'].features;
    expect(slim).toHaveLength(orders.length);
    expect(Object.keys(slim[0]!.properties!).sort()).toEqual(['category2', 'id']);
    expect(data.workOrderPositions).toHaveLength(orders.length * 2);
    expect(data.workOrderPositions[2 * 7 + 1]).toBe(orders[7]!.geometry.coordinates[1]);
  });

  it('gives every grid its workload figures for the fill, keeping its own properties', () => {
    const grids = data.collections.grids.features;
    expect(grids).toHaveLength(dataset.grids!.features.length);
    const above = grids.find((g) => g.properties!.id === '110106090005003')!;
    expect(above.properties).toMatchObject({
      name: dataset.grids!.features.find((g) => g.properties.id === '110106090005003')!.properties
        .name,
      households: 964,
      band: 'above',
      householdsDeviation: 464,
    });
    for (const grid of grids) {
      expect(typeof grid.properties!.compactness, grid.properties!.id).toBe('number');
      expect(grid.properties!.residentsOver).toBe(0);
    }
  });

  it('draws the sample’s two gaps and one overlap as problem polygons', () => {
    const problems = data.collections['coverage-problems'].features;
    expect(problems.map((p) => p.properties!.kind).sort()).toEqual(['gap', 'gap', 'overlap']);
  });

  it('gives missing layers empty collections', () => {
    expect(data.collections.street.features).toEqual([]);
    expect(data.collections.facilities.features).toEqual([]);
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
