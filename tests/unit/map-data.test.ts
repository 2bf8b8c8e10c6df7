import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { StreetDataset } from '../../src/domain/types.ts';
import { labelPoints } from '../../src/analysis/label-points.ts';
import { workOrderPoints } from '../../src/analysis/work-order-points.ts';
import { toMapData } from '../../src/map/map-data.ts';

const read = <K extends keyof StreetDataset>(file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'),
  ) as StreetDataset[K];

describe('toMapData on the sample street', () => {
  const dataset: Partial<StreetDataset> = {
    communities: read<'communities'>('communities.geojson'),
    grids: read<'grids'>('grids.geojson'),
    workOrders: read<'workOrders'>('work-orders.geojson'),
  };
  const data = toMapData(
    dataset,
    [],
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

  it('gives missing layers empty collections', () => {
    expect(data.collections.buildings.features).toEqual([]);
    expect(data.collections.street.features).toEqual([]);
  });
});
