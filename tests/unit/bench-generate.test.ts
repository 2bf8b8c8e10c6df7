// The benchmark generator: same seed → same features; at street scale each community's grids tile
// it exactly (checked with turf, not with the generator) except the deliberate faults; every
// feature carries valid domain properties; split and outside buildings are where they claim.
import {
  area,
  bbox,
  booleanIntersects,
  booleanWithin,
  difference,
  distance,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBench, type BenchData } from '../../scripts/bench/generate.ts';
import { SCALES } from '../../scripts/bench/scales.ts';
import { boxesMeet } from '../../src/analysis/coverage/spatial-index.ts';
import {
  communityOfGridCode,
  isValidCommunityCode,
  isValidGridCode,
  isValidStreetCode,
} from '../../src/domain/codes.ts';
import {
  FACILITY_TYPES,
  GRID_TYPES,
  type CommunityFeature,
  type GridFeature,
} from '../../src/domain/types.ts';

type Area = Feature<Polygon | MultiPolygon>;
const m2 = (f: Area | null): number => (f ? area(f) : 0);
const key = (p: Position): string => `${p[0]},${p[1]}`;
const outerRing = (f: Area): Position[] => {
  if (f.geometry.type !== 'Polygon') throw new Error('expected one polygon');
  return f.geometry.coordinates[0] as Position[];
};

let data: BenchData;
let gridsOf: Map<string, GridFeature[]>;

beforeAll(() => {
  data = generateBench(SCALES.street);
  gridsOf = new Map();
  for (const g of data.input.grids)
    gridsOf.set(g.properties.communityId, [...(gridsOf.get(g.properties.communityId) ?? []), g]);
});

describe('bench generator', () => {
  it('gives the same features for the same seed and different ones for another seed', () => {
    expect(generateBench(SCALES.street)).toEqual(data);
    const other = generateBench(SCALES.street, data.seed + 1);
    expect(other.input.grids.map((g) => g.geometry)).not.toEqual(
      data.input.grids.map((g) => g.geometry),
    );
  });

  it('makes the street scale as large as asked, with at least one fault', () => {
    expect(data.input.communities).toHaveLength(SCALES.street.communities);
    expect(data.input.grids).toHaveLength(SCALES.street.grids);
    expect(data.input.buildings).toHaveLength(SCALES.street.buildings);
    expect(data.input.facilities).toHaveLength(SCALES.street.facilities);
    expect(data.faults.length).toBeGreaterThanOrEqual(1);
    const straddling = data.straddlingBuildingIds.length / data.input.buildings.length;
    expect(straddling).toBeGreaterThanOrEqual(0.02);
    expect(straddling).toBeLessThanOrEqual(0.05);
    expect(data.unassignedBuildingIds.length).toBeGreaterThan(0);
  });

  it('tiles every healthy community with its grids, the union repeating its ring exactly', () => {
    const faulty = new Set(data.faults.map((f) => f.communityId));
    const healthy = data.input.communities.filter((c) => !faulty.has(c.properties.id));
    expect(healthy.length).toBeGreaterThan(0);
    for (const community of healthy) {
      const grids = gridsOf.get(community.properties.id) ?? [];
      expect(grids.length).toBeGreaterThanOrEqual(10);
      const whole = m2(community);
      const sum = grids.reduce((s, g) => s + m2(g), 0);
      const merged = union(featureCollection<Polygon | MultiPolygon>(grids)) as Area;
      expect(Math.abs(sum - whole) / whole).toBeLessThan(0.001);
      expect(Math.abs(m2(merged) - whole) / whole).toBeLessThan(0.001);
      expect(m2(difference(featureCollection<Polygon | MultiPolygon>([community, merged])))).toBe(
        0,
      );
      expect(new Set(outerRing(merged).map(key))).toEqual(new Set(outerRing(community).map(key)));
    }
  });

  it('opens a gap or an overlap of a few hundred m² in each faulty community', () => {
    for (const fault of data.faults) {
      const community = data.input.communities.find(
        (c) => c.properties.id === fault.communityId,
      ) as CommunityFeature;
      const grids = gridsOf.get(fault.communityId) ?? [];
      const moved = grids.find((g) => g.properties.id === fault.gridId) as GridFeature;
      const neighbour = grids.find((g) => g.properties.id === fault.neighbourId) as GridFeature;
      const merged = union(featureCollection<Polygon | MultiPolygon>(grids)) as Area;
      const gap = m2(difference(featureCollection<Polygon | MultiPolygon>([community, merged])));
      const overlap = m2(intersect(featureCollection<Polygon | MultiPolygon>([moved, neighbour])));
      const [expected, other] = fault.kind === 'gap' ? [gap, overlap] : [overlap, gap];
      expect(expected).toBeGreaterThan(100);
      expect(expected).toBeLessThan(2000);
      expect(other).toBeLessThan(0.01);
    }
  });

  it('gives communities, grids and facilities valid codes and properties', () => {
    const communityIds = new Set(data.input.communities.map((c) => c.properties.id));
    for (const c of data.input.communities) {
      expect(isValidCommunityCode(c.properties.id)).toBe(true);
      expect(isValidStreetCode(c.properties.streetId)).toBe(true);
      expect(c.properties.id.startsWith(c.properties.streetId)).toBe(true);
      expect(c.id).toBe(c.properties.id);
    }
    const gridIds = new Set<string>();
    for (const g of data.input.grids) {
      const p = g.properties;
      expect(isValidGridCode(p.id)).toBe(true);
      expect(communityOfGridCode(p.id)).toBe(p.communityId);
      expect(communityIds.has(p.communityId)).toBe(true);
      expect(GRID_TYPES).toContain(p.type);
      expect(Number.isInteger(p.workers) && p.workers >= 1).toBe(true);
      const ring = outerRing(g);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring.length - 1).toBeGreaterThanOrEqual(6);
      expect(ring.length - 1).toBeLessThanOrEqual(30);
      gridIds.add(p.id);
    }
    expect(gridIds.size).toBe(data.input.grids.length);
    for (const f of data.input.facilities) {
      expect(FACILITY_TYPES).toContain(f.properties.type);
      if (f.properties.serviceRadiusM !== undefined)
        expect(f.properties.serviceRadiusM).toBeGreaterThan(0);
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      expect(lon > 116 && lon < 116.8 && lat > 39.7 && lat < 40.2).toBe(true);
    }
  });

  it('gives buildings valid counts and 10–80 m rectangular footprints around Beijing', () => {
    const communityIds = new Set(data.input.communities.map((c) => c.properties.id));
    const ids = new Set<string>();
    for (const b of data.input.buildings) {
      const p = b.properties;
      ids.add(p.id);
      expect(communityIds.has(p.communityId)).toBe(true);
      for (const n of [p.floors, p.units, p.households, p.residents])
        expect(Number.isInteger(n) && n >= 0).toBe(true);
      expect(p.floors).toBeGreaterThanOrEqual(1);
      expect(p.units).toBeGreaterThanOrEqual(1);
      expect(p.difficultHouseholds + p.specialHouseholds).toBeLessThanOrEqual(p.households);
      const ring = b.geometry.coordinates[0] as Position[];
      expect(ring).toHaveLength(5);
      expect(ring[0]).toEqual(ring[4]);
      for (let k = 0; k < 4; k++) {
        const side = distance(ring[k] as Position, ring[k + 1] as Position, { units: 'meters' });
        expect(side).toBeGreaterThan(9.5);
        expect(side).toBeLessThan(80.5);
      }
      const [lon = 0, lat = 0] = ring[0] as Position;
      expect(lon > 116 && lon < 116.8 && lat > 39.7 && lat < 40.2).toBe(true);
    }
    expect(ids.size).toBe(data.input.buildings.length);
  });

  it('puts each building in one grid, across two, or in none, as recorded', () => {
    const straddling = new Set(data.straddlingBuildingIds);
    const unassigned = new Set(data.unassignedBuildingIds);
    const boxes = data.input.grids.map((g) => bbox(g));
    for (const b of data.input.buildings) {
      const box = bbox(b);
      const touched = data.input.grids.filter(
        (g, k) => boxesMeet(box, boxes[k] as BBox) && booleanIntersects(b, g),
      );
      if (unassigned.has(b.properties.id)) expect(touched).toHaveLength(0);
      else if (straddling.has(b.properties.id)) expect(touched.length).toBeGreaterThanOrEqual(2);
      else {
        const within = touched.filter((g) => booleanWithin(b, g));
        expect(within.map((g) => g.properties.communityId)).toEqual([b.properties.communityId]);
      }
    }
  });
});
