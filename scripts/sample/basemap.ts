/** The offline base map: mesh roads running on past the street, lanes, hutongs, water, green. */
import type { LineString, Polygon, Position } from 'geojson';
import type { BasemapProperties } from '../../src/domain/types.ts';
import { lakeRing } from './buildings.ts';
import { toLonLat, type Vec } from './frame.ts';
import { add, distance, insetConvex, lerp, norm, scale, signedArea, sub } from './geometry.ts';
import { compoundRing, type Mesh } from './layout.ts';
import { EW_ROADS, INSTITUTIONS, NS_ROADS, WATER_NAMES } from './plan.ts';

/** A base map feature before it is written. */
export interface BasemapItem {
  geometry: LineString | Polygon;
  properties: BasemapProperties;
}

/** How far mesh roads run on beyond the outermost crossing, in metres. */
const ROAD_RUN_ON_M = 350;

/**
 * Roads, water and green of the sample street.
 * @example
 * generateBasemap(mesh, hutongs).filter((f) => f.properties.kind === 'water').length; // 2
 */
export function generateBasemap(mesh: Mesh, hutongs: Mesh['lanes']): BasemapItem[] {
  const roads: BasemapItem[] = [];
  const line = (points: readonly Vec[]): LineString => ({
    type: 'LineString',
    coordinates: points.map(toLonLat),
  });
  const poly = (...rings: Vec[][]): Polygon => ({
    type: 'Polygon',
    coordinates: rings.map(closedRing),
  });

  NS_ROADS.forEach((road, i) => {
    const nodes = mesh.nodes[i] ?? [];
    roads.push({
      geometry: line(runOn(nodes)),
      properties: { id: '', kind: 'road', name: road.name, roadClass: road.roadClass },
    });
  });
  EW_ROADS.forEach((road, j) => {
    const nodes = mesh.nodes.map((column) => column[j] as Vec);
    roads.push({
      geometry: line(runOn(nodes)),
      properties: { id: '', kind: 'road', name: road.name, roadClass: road.roadClass },
    });
  });
  for (const lane of [...mesh.lanes, ...hutongs]) {
    roads.push({
      geometry: line([lane.from, lane.to]),
      properties: { id: '', kind: 'road', name: lane.name, roadClass: 'minor' },
    });
  }

  const water: BasemapItem[] = [];
  const green: BasemapItem[] = [];
  const riverRoad = runOn(
    mesh.nodes.map((column) => column[EW_ROADS.length - 1] as Vec),
    500,
  );
  const bank = (from: number, wobble: number, phase: number): Vec[] =>
    alongLine(riverRoad, 40).map(({ p, normal, s }) =>
      add(p, scale(normal, from + wobble * Math.sin(s / 170 + phase))),
    );
  const north = bank(30, 4, 0);
  const south = bank(92, 9, 1.3);
  water.push({
    geometry: poly([...north, ...south.reverse()]),
    properties: { id: '', kind: 'water', name: WATER_NAMES.river },
  });
  const beltNorth = bank(11, 0, 0);
  green.push({
    geometry: poly([...beltNorth, ...bank(26, 3, 0).reverse()]),
    properties: { id: '', kind: 'green', name: `${WATER_NAMES.river}滨河绿带` },
  });

  for (const c of mesh.compounds) {
    if (c.kind === 'park') {
      const lake = lakeRing(c);
      const outline = insetConvex(
        compoundRing(c),
        c.edges.map(() => 12),
      );
      green.push({
        geometry: poly(outline, [...lake].reverse()),
        properties: { id: '', kind: 'green', name: INSTITUTIONS[`${c.community}/park`] ?? '公园' },
      });
      water.push({
        geometry: poly(lake),
        properties: { id: '', kind: 'water', name: WATER_NAMES.lake },
      });
    } else if (c.kind === 'green') {
      const outline = insetConvex(
        compoundRing(c),
        c.edges.map((e) => (e.roadClass === 'minor' ? 6 : 12)),
      );
      green.push({
        geometry: poly(outline),
        properties: { id: '', kind: 'green', name: INSTITUTIONS[`${c.community}/green`] ?? '绿地' },
      });
    }
    c.edges.forEach((edge, side) => {
      if (edge.roadClass !== 'primary' || c.kind === 'park' || c.kind === 'green') return;
      const ring = compoundRing(c);
      const strip = beltAlong(ring[side] as Vec, ring[(side + 1) % 4] as Vec);
      green.push({
        geometry: poly(strip),
        properties: { id: '', kind: 'green', name: `${edge.name}绿化带` },
      });
    });
  }

  const all = [...roads, ...water, ...green];
  const counters = { road: 0, water: 0, green: 0 };
  const prefix = { road: 'R', water: 'W', green: 'G' } as const;
  for (const item of all) {
    const kind = item.properties.kind;
    counters[kind] += 1;
    item.properties.id = `${prefix[kind]}${String(counters[kind]).padStart(3, '0')}`;
  }
  return all;
}

/** A polyline through the nodes, extended at both ends along its end segments. */
function runOn(nodes: readonly Vec[], metres = ROAD_RUN_ON_M): Vec[] {
  const first = nodes[0] as Vec;
  const second = nodes[1] as Vec;
  const last = nodes[nodes.length - 1] as Vec;
  const before = nodes[nodes.length - 2] as Vec;
  const unit = (v: Vec): Vec => scale(v, 1 / norm(v));
  return [
    add(first, scale(unit(sub(first, second)), metres)),
    ...nodes,
    add(last, scale(unit(sub(last, before)), metres)),
  ];
}

/**
 * Points every `step` metres along a polyline with the unit normal to its right (south of an
 * eastward line) and the distance run.
 */
function alongLine(points: readonly Vec[], step: number): { p: Vec; normal: Vec; s: number }[] {
  const out: { p: Vec; normal: Vec; s: number }[] = [];
  let run = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i] as Vec;
    const b = points[i + 1] as Vec;
    const len = distance(a, b);
    const d = scale(sub(b, a), 1 / len);
    const normal: Vec = [d[1], -d[0]];
    for (let s = 0; s < len; s += step) out.push({ p: lerp(a, b, s / len), normal, s: run + s });
    run += len;
  }
  const a = points[points.length - 2] as Vec;
  const b = points[points.length - 1] as Vec;
  const d = scale(sub(b, a), 1 / distance(a, b));
  out.push({ p: b, normal: [d[1], -d[0]], s: run });
  return out;
}

/**
 * A green belt 12–20 m inside a compound edge a → b (counter-clockwise ring, so inward is left),
 * kept 14 m clear of the crossing roads at both ends.
 */
function beltAlong(a: Vec, b: Vec): Vec[] {
  const len = distance(a, b);
  const d = scale(sub(b, a), 1 / len);
  const inward: Vec = [-d[1], d[0]];
  const from = lerp(a, b, 14 / len);
  const to = lerp(a, b, 1 - 14 / len);
  return [
    add(from, scale(inward, 12)),
    add(to, scale(inward, 12)),
    add(to, scale(inward, 20)),
    add(from, scale(inward, 20)),
  ];
}

/** A ring closed and oriented: outer rings counter-clockwise, holes clockwise (RFC 7946). */
function closedRing(ring: Vec[], index: number): Position[] {
  const ccw = signedArea(ring) > 0;
  const oriented = (index === 0) === ccw ? ring : [...ring].reverse();
  const out = oriented.map(toLonLat);
  out.push(out[0] as Position);
  return out;
}
