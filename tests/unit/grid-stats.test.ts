import { describe, expect, it } from 'vitest';
import { bandOf, computeGridStats } from '../../src/analysis/grid-stats.ts';
import { makeSettings } from '../../src/domain/settings.ts';
import type { BuildingFeature, GridFeature, WorkOrderFeature } from '../../src/domain/types.ts';

const square = (x0: number, y0: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
});

const grid = (id: string, x0: number, workers: number): GridFeature => ({
  type: 'Feature',
  geometry: square(x0, 39.84, 0.01),
  properties: {
    id,
    name: id,
    communityId: id.slice(0, 12),
    type: 'comprehensive',
    workers,
    leader: '张',
  },
});

const building = (id: string, x: number, households: number): BuildingFeature => ({
  type: 'Feature',
  geometry: square(x, 39.845, 0.0002),
  properties: {
    id,
    name: id,
    address: '',
    communityId: '110106012003',
    floors: 6,
    units: 3,
    households,
    residents: households * 2.5,
    yearBuilt: 1988,
    property: '无物业',
    difficultHouseholds: 3,
    specialHouseholds: 2,
  },
});

const order = (x: number): WorkOrderFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [x, 39.845] },
  properties: {
    id: `o${x}`,
    source: '12345热线',
    category1: '城市管理',
    category2: '停车管理',
    category3: '乱停车',
    createdAt: '2026-01-01T08:00:00+08:00',
    dueAt: '2026-01-08T08:00:00+08:00',
    closedAt: null,
    status: '受理',
    followedUp: false,
    contacted: false,
    resolved: false,
    satisfaction: null,
    address: '',
  },
});

describe('computeGridStats', () => {
  const grids = [grid('110106012003001', 116.3, 2), grid('110106012003002', 116.31, 0)];
  const buildings = [
    building('b1', 116.301, 200),
    building('b2', 116.305, 180),
    building('b3', 116.315, 60),
  ];
  const orders = [order(116.302), order(116.303), order(116.312), order(116.5)];
  const stats = computeGridStats(grids, buildings, orders);

  it('sums households, residents and buildings of the buildings inside each grid', () => {
    const first = stats.get('110106012003001')!;
    expect(first.households).toBe(380);
    expect(first.residents).toBe(950);
    expect(first.buildings).toBe(2);
    expect(first.householdsPerWorker).toBe(190);
    expect(first.band).toBe('within');
    const second = stats.get('110106012003002')!;
    expect(second.households).toBe(60);
    expect(second.householdsPerWorker).toBeNull();
    expect(second.band).toBe('below');
  });

  it('applies the visiting rule: households/6 + difficult/3 + special×1.5', () => {
    expect(stats.get('110106012003001')!.monthlyVisits).toBeCloseTo(380 / 6 + 6 / 3 + 4 * 1.5, 9);
  });

  it('counts work orders inside each grid and ignores those outside every grid', () => {
    expect(stats.get('110106012003001')!.workOrders).toBe(2);
    expect(stats.get('110106012003002')!.workOrders).toBe(1);
  });

  it('measures geodesic area (a 0.01° square at 39.84°N is about 0.95 km²)', () => {
    const areaM2 = stats.get('110106012003001')!.areaM2;
    expect(areaM2).toBeGreaterThan(0.94e6);
    expect(areaM2).toBeLessThan(0.96e6);
  });

  it('does not mutate its inputs', () => {
    const frozen = grids.map((g) =>
      Object.freeze({ ...g, properties: Object.freeze({ ...g.properties }) }),
    );
    expect(() => computeGridStats(frozen, buildings, orders)).not.toThrow();
  });
});

describe('dedicated grids', () => {
  it('are exempt from the household band', () => {
    const school: GridFeature = { ...grid('110106012003003', 116.3, 1) };
    school.properties = { ...school.properties, type: 'dedicated' };
    const stats = computeGridStats([school], [building('b1', 116.301, 20)], []);
    expect(stats.get('110106012003003')!.band).toBe('exempt');
    expect(stats.get('110106012003003')!.households).toBe(20);
  });
});

describe('bandOf', () => {
  it('judges households against the configured band', () => {
    expect(bandOf(299)).toBe('below');
    expect(bandOf(300)).toBe('within');
    expect(bandOf(500)).toBe('within');
    expect(bandOf(501)).toBe('above');
    expect(bandOf(550, makeSettings({ householdsBand: { max: 600 } }))).toBe('within');
  });
});
