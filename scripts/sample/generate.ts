/** Builds the whole sample street from a seed: every layer, its figures, faults and README. */
import { centroid as turfCentroid, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { polygonAreaM2 } from '../../src/analysis/coverage/geodesy.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { FACILITY_TYPES, PROPERTY_MANAGEMENT } from '../../src/domain/types.ts';
import { generateBasemap } from './basemap.ts';
import { generateBuildings, type Building } from './buildings.ts';
import { generateFacilities } from './facilities.ts';
import { planFaults, type FaultKind } from './faults.ts';
import { toLonLat, type Vec } from './frame.ts';
import { insideRing } from './geometry.ts';
import { describeGrids, type GridRecord } from './grids.ts';
import { buildMesh } from './layout.ts';
import { createRandom } from './random.ts';
import { renderReadme } from './readme.ts';
import { assembleTerritory, lonLatRing } from './territory.ts';
import { generateWorkOrders } from './work-orders.ts';
import { featureCollectionText, type OutFeature } from './write.ts';

/** The seed of the committed sample street. */
export const SAMPLE_SEED = 20241101;

/** The street's code and names: fictional, and labelled as sample data. */
export const SAMPLE_STREET = {
  id: '110106090',
  name: '榆汀街道（示例数据）',
  district: '丰台区',
} as const;

/** Output files in the order they are written, with the layer name each one carries. */
export const SAMPLE_FILES = {
  'street.geojson': 'street',
  'communities.geojson': 'communities',
  'grids.geojson': 'grids',
  'buildings.geojson': 'buildings',
  'facilities.geojson': 'facilities',
  'work-orders.geojson': 'workOrders',
  'basemap.geojson': 'basemap',
} as const;

/** One deliberate fault as documented in data/README.md. */
export interface FaultRecord {
  number: number;
  kind: FaultKind;
  communityId: string;
  /** Grid codes involved (for the uncovered building: the grid whose boundary was pulled in). */
  gridIds: string[];
  buildingId?: string;
  /** Area of the gap, overlap or uncovered corner, m² (on the WGS-84 ellipsoid). */
  areaM2?: number;
  households?: number;
  /** A point inside the fault (for the oversized grid: its centroid). */
  point: Position;
  where: string;
}

/** Everything the README and the CLI print. */
export interface SampleFigures {
  seed: number;
  street: { id: string; name: string; district: string; areaKm2: number };
  communities: {
    id: string;
    name: string;
    grids: number;
    buildings: number;
    households: number;
    residents: number;
    areaKm2: number;
  }[];
  grids: {
    total: number;
    comprehensive: number;
    dedicated: number;
    inBand: number;
    minHouseholds: number;
    maxHouseholds: number;
  };
  buildings: {
    total: number;
    households: number;
    residents: number;
    difficult: number;
    special: number;
    byProperty: Record<string, { buildings: number; households: number }>;
    byType: Record<string, number>;
    cutByGridBoundary: number;
  };
  facilities: Record<string, number>;
  workOrders: {
    total: number;
    open: number;
    bySource: Record<string, number>;
    byCategory: Record<string, number>;
    atBuildings: number;
    followedUp: number;
    contacted: number;
    resolved: number;
    satisfied: number;
    basicallySatisfied: number;
    overdue: number;
    perHouseholdByProperty: Record<string, number>;
  };
  basemap: { roads: number; water: number; green: number };
  files: { name: string; features: number; bytes: number }[];
}

/** The sample and what is known about it. */
export interface Sample {
  files: Record<string, string>;
  figures: SampleFigures;
  faults: FaultRecord[];
}

/**
 * Generates the sample street: file name → file text (GeoJSON layers and README.md). Pure and
 * deterministic: the same seed always gives byte-identical text.
 * @example
 * const files = generateSample(SAMPLE_SEED); Object.keys(files); // ['street.geojson', …, 'README.md']
 */
export function generateSample(seed: number = SAMPLE_SEED): Record<string, string> {
  return buildSample(seed).files;
}

/**
 * Generates the sample street with its figures and fault list.
 * @example
 * buildSample(SAMPLE_SEED).faults.map((f) => f.kind); // ['gap', 'overlap', 'oversized-grid', 'uncovered-building']
 */
export function buildSample(seed: number = SAMPLE_SEED): Sample {
  const rng = createRandom(seed);
  const mesh = buildMesh(rng.fork('mesh'));
  const faultPlan = planFaults(mesh.compounds);
  const territory = assembleTerritory(mesh.compounds, faultPlan.carves);
  const { buildings, hutongs, doors } = generateBuildings(
    mesh.compounds,
    faultPlan,
    rng.fork('buildings'),
  );
  const { communities, grids } = describeGrids(
    territory,
    mesh.compounds,
    buildings,
    SAMPLE_STREET.id,
    rng.fork('grids'),
  );
  checkHouseholdBand(grids, faultPlan.oversizedGrid.grid);
  const streetMetres = territory.street.map((i) => territory.registry.points[i] as Vec);
  const facilities = generateFacilities(
    {
      compounds: mesh.compounds,
      buildings,
      doors,
      nodes: mesh.nodes,
      street: streetMetres,
      avoid: faultPlan.pieces.map((p) => p.ring),
    },
    rng.fork('facilities'),
  );
  const orders = generateWorkOrders(
    { buildings, compounds: mesh.compounds, doors },
    rng.fork('orders'),
  );
  const basemap = generateBasemap(mesh, hutongs);

  const streetRing = lonLatRing(territory.registry, territory.street);
  const layers: Record<keyof typeof SAMPLE_FILES, OutFeature[]> = {
    'street.geojson': [
      {
        id: SAMPLE_STREET.id,
        geometry: { type: 'Polygon', coordinates: [streetRing] },
        properties: {
          id: SAMPLE_STREET.id,
          name: SAMPLE_STREET.name,
          district: SAMPLE_STREET.district,
        },
      },
    ],
    'communities.geojson': communities.map((c) => ({
      id: c.properties.id,
      geometry: { type: 'Polygon', coordinates: [c.ring] },
      properties: { id: c.properties.id, name: c.properties.name, streetId: c.properties.streetId },
    })),
    'grids.geojson': grids.map((g) => ({
      id: g.properties.id,
      geometry: { type: 'Polygon', coordinates: [g.ring] },
      properties: { ...g.properties },
    })),
    'buildings.geojson': buildings.map((b) => ({
      id: b.id,
      geometry: { type: 'Polygon', coordinates: [closed(b.ring)] },
      properties: {
        id: b.id,
        name: b.name,
        address: b.address,
        communityId: communityId(b.compound.community),
        floors: b.spec.floors,
        units: b.spec.units,
        households: b.spec.households,
        residents: b.residents,
        yearBuilt: b.spec.yearBuilt,
        property: b.spec.property,
        difficultHouseholds: b.difficultHouseholds,
        specialHouseholds: b.specialHouseholds,
      },
    })),
    'facilities.geojson': FACILITY_TYPES.flatMap((type) =>
      facilities.filter((f) => f.type === type),
    ).map((f, i) => {
      const id = `F${String(i + 1).padStart(3, '0')}`;
      return {
        id,
        geometry: { type: 'Point', coordinates: toLonLat(f.at) },
        properties: { id, type: f.type, name: f.name },
      };
    }),
    'work-orders.geojson': orders.map((o) => ({
      id: o.properties.id,
      geometry: { type: 'Point', coordinates: toLonLat(o.at) },
      properties: { ...o.properties },
    })),
    'basemap.geojson': basemap.map((f) => ({
      id: f.properties.id,
      geometry: f.geometry,
      properties: { ...f.properties },
    })),
  };

  const files: Record<string, string> = {};
  for (const [file, layer] of Object.entries(SAMPLE_FILES)) {
    files[file] = featureCollectionText(layer, seed, layers[file as keyof typeof SAMPLE_FILES]);
  }

  const faults = describeFaults(faultPlan, grids, buildings);
  const gridRings = [...territory.grids.values()].map((ring) =>
    ring.map((i) => territory.registry.points[i] as Vec),
  );
  const figures = computeFigures(seed, {
    streetRing,
    communities,
    grids,
    gridRings,
    buildings,
    facilities,
    orders,
    basemap,
    files,
    layers,
  });
  files['README.md'] = renderReadme(figures, faults);
  return { files, figures, faults };

  function communityId(key: string): string {
    return communities.find((c) => c.key === key)?.properties.id ?? '';
  }
}

/** Throws unless every comprehensive grid but the planted oversized one is inside the band. */
function checkHouseholdBand(grids: readonly GridRecord[], oversized: string): void {
  const { min, max } = DEFAULT_SETTINGS.householdsBand;
  for (const g of grids) {
    if (g.properties.type !== 'comprehensive' || g.label === oversized) continue;
    if (g.households < min || g.households > max)
      throw new Error(
        `grid ${g.properties.id} has ${g.households} households, outside ${min}–${max}`,
      );
  }
}

function closed(ring: readonly Vec[]): Position[] {
  const out = ring.map(toLonLat);
  out.push(out[0] as Position);
  return out;
}

function describeFaults(
  plan: ReturnType<typeof planFaults>,
  grids: readonly GridRecord[],
  buildings: readonly Building[],
): FaultRecord[] {
  const code = (label: string): string =>
    grids.find((g) => g.label === label)?.properties.id ?? label;
  const communityOf = (label: string): string => code(label).slice(0, 12);
  const m2 = (ring: readonly Vec[]): number => Math.round(polygonAreaM2([closed(ring)]));
  const mid = (ring: readonly Vec[]): Position =>
    turfCentroid(polygon([closed(ring)])).geometry.coordinates;
  const piece = (kind: FaultKind) =>
    plan.pieces.find((p) => p.kind === kind) as (typeof plan.pieces)[number];
  const gap = piece('gap');
  const overlap = piece('overlap');
  const corner = piece('uncovered-building');
  const outside = buildings.find((b) => b.grid === null) as Building;
  const big = grids.find((g) => g.label === plan.oversizedGrid.grid) as GridRecord;
  const bigBuildings = buildings.filter((b) => b.grid === big.label);
  return [
    {
      number: 1,
      kind: 'gap',
      communityId: communityOf(gap.grids[0] as string),
      gridIds: gap.grids.map(code),
      areaM2: m2(gap.ring),
      point: mid(gap.ring),
      where: `a 3.5 m strip along the lane between the two grids, left to neither`,
    },
    {
      number: 2,
      kind: 'overlap',
      communityId: communityOf(overlap.grids[0] as string),
      gridIds: overlap.grids.map(code),
      areaM2: m2(overlap.ring),
      point: mid(overlap.ring),
      where: `the second grid reaches 4 m over the lane into the first`,
    },
    {
      number: 3,
      kind: 'oversized-grid',
      communityId: communityOf(big.label),
      gridIds: [big.properties.id],
      households: big.households,
      point: turfCentroid(polygon([big.ring])).geometry.coordinates,
      where: `two bungalow (平房) compounds of ${bigBuildings.length} courtyards planned as one grid`,
    },
    {
      number: 4,
      kind: 'uncovered-building',
      communityId: communityOf(corner.grids[0] as string),
      gridIds: corner.grids.map(code),
      buildingId: outside.id,
      areaM2: m2(corner.ring),
      households: outside.spec.households,
      point: mid(corner.ring),
      where: `the grid boundary is pulled in at the street's north-west corner; the corner (also a gap) holds ${outside.name}`,
    },
  ];
}

function computeFigures(
  seed: number,
  d: {
    streetRing: Position[];
    communities: ReturnType<typeof describeGrids>['communities'];
    grids: readonly GridRecord[];
    /** Grid outlines in the local metre frame. */
    gridRings: readonly Vec[][];
    buildings: readonly Building[];
    facilities: ReturnType<typeof generateFacilities>;
    orders: ReturnType<typeof generateWorkOrders>;
    basemap: ReturnType<typeof generateBasemap>;
    files: Record<string, string>;
    layers: Record<string, OutFeature[]>;
  },
): SampleFigures {
  const count = <T>(items: readonly T[], key: (x: T) => string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
    return out;
  };
  const sum = <T>(items: readonly T[], f: (x: T) => number): number =>
    items.reduce((s, x) => s + f(x), 0);
  const km2 = (ring: Position[]): number => polygonAreaM2([ring]) / 1e6;
  const comprehensive = d.grids.filter((g) => g.properties.type === 'comprehensive');

  // A building is cut when some grid holds part of it but not all of it.
  const cut = d.buildings.filter((b) =>
    d.gridRings.some((ring) => {
      const inside = b.ring.filter((p) => insideRing(ring, p)).length;
      return inside > 0 && inside < b.ring.length;
    }),
  ).length;

  const byProperty: Record<string, { buildings: number; households: number }> = {};
  for (const p of PROPERTY_MANAGEMENT) {
    const list = d.buildings.filter((b) => b.spec.property === p);
    byProperty[p] = { buildings: list.length, households: sum(list, (b) => b.spec.households) };
  }
  const ordersAt = new Map<string, number>();
  for (const o of d.orders) {
    const id = o.properties.buildingId;
    if (id) ordersAt.set(id, (ordersAt.get(id) ?? 0) + 1);
  }
  const perHouseholdByProperty: Record<string, number> = {};
  for (const p of PROPERTY_MANAGEMENT) {
    const list = d.buildings.filter((b) => b.spec.property === p && b.spec.households > 0);
    const hh = sum(list, (b) => b.spec.households);
    perHouseholdByProperty[p] = hh > 0 ? sum(list, (b) => ordersAt.get(b.id) ?? 0) / hh : 0;
  }
  const followed = d.orders.filter((o) => o.properties.followedUp);
  const overdue = d.orders.filter((o) => {
    const p = o.properties;
    return (p.closedAt ?? '9999') > p.dueAt;
  }).length;

  return {
    seed,
    street: { ...SAMPLE_STREET, areaKm2: km2(d.streetRing) },
    communities: d.communities.map((c) => {
      const list = d.buildings.filter((b) => b.compound.community === c.key);
      return {
        id: c.properties.id,
        name: c.properties.name ?? '',
        grids: d.grids.filter((g) => g.community === c.key).length,
        buildings: list.length,
        households: sum(list, (b) => b.spec.households),
        residents: sum(list, (b) => b.residents),
        areaKm2: km2(c.ring),
      };
    }),
    grids: {
      total: d.grids.length,
      comprehensive: comprehensive.length,
      dedicated: d.grids.length - comprehensive.length,
      inBand: comprehensive.filter((g) => g.households >= 300 && g.households <= 500).length,
      minHouseholds: Math.min(...comprehensive.map((g) => g.households)),
      maxHouseholds: Math.max(...comprehensive.map((g) => g.households)),
    },
    buildings: {
      total: d.buildings.length,
      households: sum(d.buildings, (b) => b.spec.households),
      residents: sum(d.buildings, (b) => b.residents),
      difficult: sum(d.buildings, (b) => b.difficultHouseholds),
      special: sum(d.buildings, (b) => b.specialHouseholds),
      byProperty,
      byType: count(d.buildings, (b) => b.spec.type),
      cutByGridBoundary: cut,
    },
    facilities: Object.fromEntries(
      FACILITY_TYPES.map((t) => [t, d.facilities.filter((f) => f.type === t).length]),
    ),
    workOrders: {
      total: d.orders.length,
      open: d.orders.filter((o) => o.properties.closedAt === null).length,
      bySource: count(d.orders, (o) => o.properties.source),
      byCategory: count(d.orders, (o) => `${o.properties.category1}/${o.properties.category2}`),
      atBuildings: d.orders.filter((o) => o.properties.buildingId).length,
      followedUp: followed.length,
      contacted: followed.filter((o) => o.properties.contacted).length,
      resolved: followed.filter((o) => o.properties.resolved).length,
      satisfied: followed.filter((o) => o.properties.satisfaction === '满意').length,
      basicallySatisfied: followed.filter((o) => o.properties.satisfaction === '基本满意').length,
      overdue,
      perHouseholdByProperty,
    },
    basemap: {
      roads: d.basemap.filter((f) => f.properties.kind === 'road').length,
      water: d.basemap.filter((f) => f.properties.kind === 'water').length,
      green: d.basemap.filter((f) => f.properties.kind === 'green').length,
    },
    files: Object.entries(d.files).map(([name, text]) => ({
      name,
      features: d.layers[name]?.length ?? 0,
      bytes: new TextEncoder().encode(text).length,
    })),
  };
}
