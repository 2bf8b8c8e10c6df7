// The sample street generator: reproducibility, the street's shape and figures, and the
// deliberate faults, checked on the committed files in data/ with turf, not with the generator.
import { readFileSync } from 'node:fs';
import {
  area,
  booleanIntersects,
  booleanPointInPolygon,
  centerOfMass,
  difference,
  featureCollection,
  intersect,
  point,
  union,
} from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSample,
  SAMPLE_FILES,
  SAMPLE_SEED,
  type Sample,
} from '../../scripts/sample/generate.ts';
import {
  communityOfGridCode,
  isValidCommunityCode,
  isValidGridCode,
  isValidStreetCode,
  parseGridCode,
} from '../../src/domain/codes.ts';
import {
  FACILITY_TYPES,
  PROPERTY_MANAGEMENT,
  type BasemapFeature,
  type BuildingFeature,
  type CommunityFeature,
  type FacilityFeature,
  type GridFeature,
  type StreetFeature,
  type WorkOrderFeature,
} from '../../src/domain/types.ts';

const DATA = new URL('../../data/', import.meta.url);
const readData = (name: string): string => readFileSync(new URL(name, DATA), 'utf8');
const layer = <F extends Feature>(name: string): F[] =>
  (JSON.parse(readData(name)) as FeatureCollection).features as F[];

type Area = Feature<Polygon | MultiPolygon>;
const m2 = (f: Area | null): number => (f ? area(f) : 0);
const unite = (fs: Area[]): Area | null =>
  fs.length === 1 ? (fs[0] as Area) : union(featureCollection(fs));
const minus = (a: Area, b: Area | null): Area | null =>
  b ? difference(featureCollection([a, b])) : a;
const overlap = (a: Area, b: Area): number => m2(intersect(featureCollection([a, b])));

let sample: Sample;
let street: StreetFeature;
let communities: CommunityFeature[];
let grids: GridFeature[];
let buildings: BuildingFeature[];
let facilities: FacilityFeature[];
let orders: WorkOrderFeature[];
let basemap: BasemapFeature[];

beforeAll(() => {
  sample = buildSample(SAMPLE_SEED);
  street = layer<StreetFeature>('street.geojson')[0] as StreetFeature;
  communities = layer('communities.geojson');
  grids = layer('grids.geojson');
  buildings = layer('buildings.geojson');
  facilities = layer('facilities.geojson');
  orders = layer('work-orders.geojson');
  basemap = layer('basemap.geojson');
});

const gridsOf = (communityId: string): GridFeature[] =>
  grids.filter((g) => g.properties.communityId === communityId);
const fault = (kind: Sample['faults'][number]['kind']) =>
  sample.faults.find((f) => f.kind === kind) as Sample['faults'][number];

describe('reproducibility', () => {
  it('regenerates byte-identical files to the committed data/', () => {
    const names = [...Object.keys(SAMPLE_FILES), 'README.md'];
    expect(Object.keys(sample.files).sort()).toEqual([...names].sort());
    for (const name of names) expect(sample.files[name], name).toBe(readData(name));
  });

  it('writes one feature per line, 6-decimal coordinates, ids on every feature', () => {
    for (const name of Object.keys(SAMPLE_FILES)) {
      const text = readData(name);
      const collection = JSON.parse(text) as FeatureCollection & Record<string, unknown>;
      expect(collection.synthetic).toBe(true);
      expect(collection.name).toBe(SAMPLE_FILES[name as keyof typeof SAMPLE_FILES]);
      expect(text.endsWith(']}\n')).toBe(true);
      expect(text.split('\n').length).toBe(collection.features.length + 3);
      expect(/\d\.\d{7,}/.test(text)).toBe(false);
      const ids = collection.features.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of collection.features) expect(f.id).toBe(f.properties?.id);
    }
  });
});

describe('street and communities', () => {
  it('is a fictional, labelled Fengtai street of 4–6 km²', () => {
    expect(street.properties.name?.endsWith('（示例数据）')).toBe(true);
    expect(street.properties.district).toBe('丰台区');
    expect(
      isValidStreetCode(street.properties.id) && street.properties.id.startsWith('110106'),
    ).toBe(true);
    const km2 = area(street) / 1e6;
    expect(km2).toBeGreaterThan(4);
    expect(km2).toBeLessThan(6);
    const [lon, lat] = centerOfMass(street).geometry.coordinates as [number, number];
    expect(Math.abs(lon - 116.32)).toBeLessThan(0.02);
    expect(Math.abs(lat - 39.84)).toBeLessThan(0.02);
  });

  it('has 8–12 communities that tile the street', () => {
    expect(communities.length).toBeGreaterThanOrEqual(8);
    expect(communities.length).toBeLessThanOrEqual(12);
    for (const c of communities) {
      expect(isValidCommunityCode(c.properties.id)).toBe(true);
      expect(c.properties.id.startsWith(street.properties.id)).toBe(true);
      expect(c.properties.streetId).toBe(street.properties.id);
      expect(c.properties.name?.endsWith('社区')).toBe(true);
    }
    const sum = communities.reduce((s, c) => s + area(c), 0);
    expect(Math.abs(sum - area(street)) / area(street)).toBeLessThan(0.005);
    for (let i = 0; i < communities.length; i++) {
      for (let j = i + 1; j < communities.length; j++) {
        expect(overlap(communities[i] as Area, communities[j] as Area)).toBeLessThan(1);
      }
    }
    expect(m2(minus(street, unite(communities)))).toBeLessThan(1);
  });
});

describe('grids', () => {
  it('has 3–8 grids per community, 35–50 in all, with valid codes of their community', () => {
    expect(grids.length).toBeGreaterThanOrEqual(35);
    expect(grids.length).toBeLessThanOrEqual(50);
    for (const c of communities) {
      const own = gridsOf(c.properties.id);
      expect(own.length).toBeGreaterThanOrEqual(3);
      expect(own.length).toBeLessThanOrEqual(8);
      const sequences = own
        .map((g) => parseGridCode(g.properties.id)?.sequence)
        .sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(sequences).toEqual(own.map((_, i) => i + 1));
    }
    for (const g of grids) {
      expect(isValidGridCode(g.properties.id)).toBe(true);
      expect(communityOfGridCode(g.properties.id)).toBe(g.properties.communityId);
      expect(['comprehensive', 'dedicated']).toContain(g.properties.type);
      expect(g.properties.workers).toBeGreaterThanOrEqual(1);
      expect(g.properties.workers).toBeLessThanOrEqual(3);
      expect(g.properties.leader?.length).toBeGreaterThanOrEqual(2);
      expect(g.properties.name).toMatch(/^.+社区第\d+网格/);
    }
    expect(grids.filter((g) => g.properties.type === 'dedicated').length).toBeGreaterThan(0);
  });

  it('numbers grids by the README rule: centroid rows north first, each row west to east', () => {
    for (const c of communities) {
      const items = gridsOf(c.properties.id)
        .map((g) => {
          const [lon, lat] = centerOfMass(g).geometry.coordinates as [number, number];
          return { id: g.properties.id, lon, lat };
        })
        .sort((a, b) => b.lat - a.lat);
      const rows: (typeof items)[] = [];
      for (const item of items) {
        const row = rows[rows.length - 1];
        if (row && (row[0] as (typeof items)[number]).lat - item.lat <= 0.0009) row.push(item);
        else rows.push([item]);
      }
      const expected = rows.flatMap((row) => row.sort((a, b) => a.lon - b.lon)).map((x) => x.id);
      const actual = [...items].sort((a, b) => a.id.localeCompare(b.id)).map((x) => x.id);
      expect(actual).toEqual(expected);
    }
  });

  it('keeps every grid inside its community and has no gaps or overlaps but the planted ones', () => {
    const gapCommunities = new Set([
      fault('gap').communityId,
      fault('uncovered-building').communityId,
    ]);
    for (const c of communities) {
      const own = gridsOf(c.properties.id);
      for (const g of own) expect(m2(minus(g, c)), g.properties.id).toBeLessThan(1);
      const gap = m2(minus(c, unite(own)));
      if (gapCommunities.has(c.properties.id)) expect(gap).toBeGreaterThan(100);
      else expect(gap, c.properties.id).toBeLessThan(1);
      let overlaps = 0;
      for (let i = 0; i < own.length; i++) {
        for (let j = i + 1; j < own.length; j++)
          overlaps += overlap(own[i] as Area, own[j] as Area);
      }
      if (c.properties.id === fault('overlap').communityId) expect(overlaps).toBeGreaterThan(100);
      else expect(overlaps, c.properties.id).toBeLessThan(1);
      // gap + Σ grid area − overlap = community area
      const total = own.reduce((s, g) => s + area(g), 0);
      expect(Math.abs(gap + total - overlaps - area(c))).toBeLessThan(1);
    }
  });

  it('keeps comprehensive grids in the 300–500 household band except the oversized one', () => {
    const households = householdsByGrid();
    const big = fault('oversized-grid').gridIds[0];
    for (const g of grids) {
      if (g.properties.type !== 'comprehensive' || g.properties.id === big) continue;
      const hh = households.get(g.properties.id) ?? 0;
      expect(hh, g.properties.id).toBeGreaterThanOrEqual(300);
      expect(hh, g.properties.id).toBeLessThanOrEqual(500);
    }
  });
});

/** Households per grid code, buildings assigned by their centre point. */
function householdsByGrid(): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of buildings) {
    const c = centerOfMass(b);
    const g = grids.find((x) => booleanPointInPolygon(c, x));
    if (g) out.set(g.properties.id, (out.get(g.properties.id) ?? 0) + b.properties.households);
  }
  return out;
}

describe('buildings and facilities', () => {
  it('has 800–1,500 plausible buildings inside the street', () => {
    expect(buildings.length).toBeGreaterThanOrEqual(800);
    expect(buildings.length).toBeLessThanOrEqual(1500);
    const codes = new Set(communities.map((c) => c.properties.id));
    for (const b of buildings) {
      const p = b.properties;
      expect(codes.has(p.communityId)).toBe(true);
      expect(PROPERTY_MANAGEMENT).toContain(p.property);
      expect(p.floors).toBeGreaterThanOrEqual(1);
      expect(p.yearBuilt).toBeGreaterThanOrEqual(1930);
      expect(p.yearBuilt).toBeLessThanOrEqual(2024);
      if (p.households >= 10) {
        expect(p.residents / p.households).toBeGreaterThanOrEqual(2.25);
        expect(p.residents / p.households).toBeLessThanOrEqual(2.85);
      }
      expect(p.difficultHouseholds + p.specialHouseholds).toBeLessThanOrEqual(p.households);
      const size = area(b);
      expect(size).toBeGreaterThan(50);
      expect(size).toBeLessThan(4000);
    }
    const households = buildings.reduce((s, b) => s + b.properties.households, 0);
    const residents = buildings.reduce((s, b) => s + b.properties.residents, 0);
    expect(residents / households).toBeGreaterThan(2.3);
    expect(residents / households).toBeLessThan(2.8);
    const difficult = buildings.reduce((s, b) => s + b.properties.difficultHouseholds, 0);
    const special = buildings.reduce((s, b) => s + b.properties.specialHouseholds, 0);
    expect(difficult / households).toBeGreaterThan(0.01);
    expect(difficult / households).toBeLessThan(0.03);
    expect(special / households).toBeGreaterThan(0.005);
    expect(special / households).toBeLessThan(0.02);
    const walkups = buildings.filter(
      (b) => b.properties.floors === 6 && b.properties.households > 0,
    );
    const towers = buildings.filter((b) => b.properties.floors >= 18);
    expect(walkups.length).toBeGreaterThan(100);
    expect(towers.length).toBeGreaterThan(10);
    expect(towers.every((b) => b.properties.property === '物业')).toBe(true);
  });

  it('has every facility type with the planned counts, all inside the street', () => {
    const count = (t: string): number => facilities.filter((f) => f.properties.type === t).length;
    for (const t of FACILITY_TYPES) expect(count(t), t).toBeGreaterThan(0);
    expect(count('垃圾收集点')).toBeGreaterThanOrEqual(40);
    expect(count('垃圾收集点')).toBeLessThanOrEqual(60);
    expect(count('社区服务站')).toBe(communities.length);
    expect(count('议事厅')).toBe(communities.length);
    expect(count('养老驿站')).toBeGreaterThanOrEqual(4);
    expect(count('养老驿站')).toBeLessThanOrEqual(6);
    expect(count('卫生服务站')).toBeGreaterThanOrEqual(2);
    expect(count('卫生服务站')).toBeLessThanOrEqual(3);
    expect(count('幼儿园')).toBeGreaterThanOrEqual(4);
    expect(count('幼儿园')).toBeLessThanOrEqual(6);
    expect(count('监控探头')).toBeGreaterThanOrEqual(150);
    expect(count('监控探头')).toBeLessThanOrEqual(240);
    for (const f of facilities)
      expect(booleanPointInPolygon(f, street), f.properties.name).toBe(true);
  });

  it('has a base map of roads by class running past the street, water and green', () => {
    const roads = basemap.filter((f) => f.properties.kind === 'road');
    for (const cls of ['primary', 'secondary', 'minor'] as const) {
      expect(roads.some((r) => r.properties.roadClass === cls)).toBe(true);
    }
    expect(basemap.some((f) => f.properties.kind === 'water')).toBe(true);
    expect(basemap.some((f) => f.properties.kind === 'green')).toBe(true);
    const outside = roads.filter((r) =>
      (r.geometry.coordinates as number[][]).some((p) => !booleanPointInPolygon(point(p), street)),
    );
    expect(outside.length).toBeGreaterThanOrEqual(8);
  });
});

describe('work orders', () => {
  it('has about 25,000 well-formed orders from 2024-11 to 2026-10', () => {
    expect(orders.length).toBeGreaterThanOrEqual(23_750);
    expect(orders.length).toBeLessThanOrEqual(26_250);
    const limits = new Set([2, 24, 7 * 24, 15 * 24]);
    const buildingIds = new Set(buildings.map((b) => b.properties.id));
    for (const o of orders) {
      const p = o.properties;
      expect(p.id).toMatch(/^\d{12}$/);
      expect(p.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      const created = Date.parse(p.createdAt);
      expect(created).toBeGreaterThanOrEqual(Date.parse('2024-11-01T00:00:00+08:00'));
      expect(created).toBeLessThan(Date.parse('2026-11-01T00:00:00+08:00'));
      expect(p.id.slice(0, 6)).toBe(
        p.createdAt.slice(2, 4) + p.createdAt.slice(5, 7) + p.createdAt.slice(8, 10),
      );
      expect(limits.has((Date.parse(p.dueAt) - created) / 3_600_000)).toBe(true);
      if (p.closedAt === null) {
        expect(p.status).not.toBe('办结');
        expect(p.followedUp).toBe(false);
      } else {
        expect(Date.parse(p.closedAt)).toBeGreaterThan(created);
        expect(p.status).toBe('办结');
      }
      expect(p.satisfaction === null).toBe(!p.followedUp);
      if (p.buildingId !== undefined) expect(buildingIds.has(p.buildingId)).toBe(true);
    }
    const followed = orders.filter((o) => o.properties.followedUp);
    const closed = orders.filter((o) => o.properties.closedAt !== null);
    expect(followed.length / closed.length).toBeGreaterThan(0.6);
    const rate = (f: (o: WorkOrderFeature) => boolean): number =>
      followed.filter(f).length / followed.length;
    expect(rate((o) => o.properties.contacted)).toBeGreaterThan(0.95);
    expect(rate((o) => o.properties.contacted)).toBeLessThan(0.99);
    expect(rate((o) => o.properties.resolved)).toBeGreaterThan(0.8);
    expect(rate((o) => o.properties.resolved)).toBeLessThan(0.92);
    expect(orders.filter((o) => o.properties.buildingId).length / orders.length).toBeGreaterThan(
      0.7,
    );
    expect(
      orders.filter((o) => o.properties.source === '12345热线').length / orders.length,
    ).toBeGreaterThan(0.6);
  });

  it('puts building orders at their building', () => {
    const byId = new Map(buildings.map((b) => [b.properties.id, b]));
    for (const o of orders.slice(0, 3000)) {
      const b = o.properties.buildingId ? byId.get(o.properties.buildingId) : undefined;
      if (b) expect(booleanPointInPolygon(o as Feature<Point>, b)).toBe(true);
    }
  });

  it('has more orders per household in unmanaged (无物业) than in managed (物业) buildings', () => {
    const byBuilding = new Map<string, number>();
    for (const o of orders) {
      const id = o.properties.buildingId;
      if (id) byBuilding.set(id, (byBuilding.get(id) ?? 0) + 1);
    }
    const perHousehold = (property: string): number => {
      const list = buildings.filter(
        (b) => b.properties.property === property && b.properties.households > 0,
      );
      const hh = list.reduce((s, b) => s + b.properties.households, 0);
      return list.reduce((s, b) => s + (byBuilding.get(b.properties.id) ?? 0), 0) / hh;
    };
    expect(perHousehold('无物业')).toBeGreaterThan(1.5 * perHousehold('物业'));
  });

  it('has heating orders peaking in winter, strongest in November and December', () => {
    const byMonth = new Array<number>(12).fill(0);
    for (const o of orders) {
      if (o.properties.category2 !== '供暖') continue;
      const month = Number(o.properties.createdAt.slice(5, 7)) - 1;
      byMonth[month] = (byMonth[month] ?? 0) + 1;
    }
    const peak = byMonth.indexOf(Math.max(...byMonth));
    expect([10, 11]).toContain(peak);
    const winter = [10, 11, 0, 1, 2].reduce((s, m) => s + (byMonth[m] ?? 0), 0);
    const summer = [5, 6, 7].reduce((s, m) => s + (byMonth[m] ?? 0), 0);
    expect(winter).toBeGreaterThan(20 * summer);
    const leaks = orders.filter((o) => o.properties.category2 === '房屋修缮');
    const julyAugust = leaks.filter((o) =>
      ['07', '08'].includes(o.properties.createdAt.slice(5, 7)),
    );
    expect(julyAugust.length / leaks.length).toBeGreaterThan(0.3);
  });
});

describe('deliberate faults', () => {
  it('documents every fault in the README', () => {
    const readme = readData('README.md');
    expect(readme).toContain('示例数据');
    for (const f of sample.faults) {
      for (const id of f.gridIds) expect(readme).toContain(id);
      if (f.buildingId) expect(readme).toContain(f.buildingId);
      if (f.areaM2 !== undefined) expect(readme).toContain(`| ${f.areaM2} |`);
    }
  });

  it('(1) leaves a gap of a few hundred m² with no building between two grids', () => {
    const f = fault('gap');
    const community = communities.find(
      (c) => c.properties.id === f.communityId,
    ) as CommunityFeature;
    const gap = minus(community, unite(gridsOf(f.communityId))) as Area;
    const here = point(f.point);
    expect(booleanPointInPolygon(here, gap)).toBe(true);
    const [a, b] = f.gridIds.map(
      (id) => grids.find((g) => g.properties.id === id) as GridFeature,
    ) as [GridFeature, GridFeature];
    expect(booleanPointInPolygon(here, a) || booleanPointInPolygon(here, b)).toBe(false);
    expect(f.areaM2).toBeGreaterThan(100);
    expect(f.areaM2).toBeLessThan(1000);
    const piece = (
      gap.geometry.type === 'Polygon' ? [gap.geometry.coordinates] : gap.geometry.coordinates
    )
      .map(
        (rings) =>
          ({
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: rings },
          }) as Area,
      )
      .find((p) => booleanPointInPolygon(here, p)) as Area;
    expect(Math.abs(area(piece) - (f.areaM2 ?? 0))).toBeLessThan(2);
    expect(buildings.some((x) => booleanIntersects(x, piece))).toBe(false);
  });

  it('(2) overlaps two grids by a strip of a few hundred m²', () => {
    const f = fault('overlap');
    const [a, b] = f.gridIds.map(
      (id) => grids.find((g) => g.properties.id === id) as GridFeature,
    ) as [GridFeature, GridFeature];
    const shared = overlap(a, b);
    expect(shared).toBeGreaterThan(100);
    expect(Math.abs(shared - (f.areaM2 ?? 0))).toBeLessThan(2);
    expect(
      booleanPointInPolygon(point(f.point), a) && booleanPointInPolygon(point(f.point), b),
    ).toBe(true);
  });

  it('(3) has one grid far above the household band', () => {
    const f = fault('oversized-grid');
    expect(householdsByGrid().get(f.gridIds[0] as string)).toBeGreaterThan(800);
  });

  it('(4) has a building outside every grid, in an uncovered corner of its community', () => {
    const f = fault('uncovered-building');
    const b = buildings.find((x) => x.properties.id === f.buildingId) as BuildingFeature;
    expect(b).toBeDefined();
    for (const g of grids) expect(booleanIntersects(b, g), g.properties.id).toBe(false);
    const community = communities.find(
      (c) => c.properties.id === b.properties.communityId,
    ) as CommunityFeature;
    expect(booleanPointInPolygon(centerOfMass(b), community)).toBe(true);
    expect(booleanPointInPolygon(point(f.point), community)).toBe(true);
    expect(grids.some((g) => booleanPointInPolygon(point(f.point), g))).toBe(false);
    const outside = buildings.filter((x) => !grids.some((g) => booleanIntersects(x, g)));
    expect(outside.map((x) => x.properties.id)).toEqual([f.buildingId]);
  });
});
