/**
 * Geometry checks that GeoJSON structure alone does not catch: a missing or empty geometry, the
 * wrong geometry type for the layer, rings that are unclosed or too short, lines that are too
 * short, self-intersecting rings (Turf `kinks`), and coordinates that are out of range, swapped
 * (latitude first) or outside Beijing. Runs on a structurally sound geometry (see
 * validate-structure.ts); one problem per kind and ring keeps a bad polygon from flooding the list.
 */
import { kinks } from '@turf/turf';
import type { Position } from 'geojson';
import type { Problem } from '../domain/problems.ts';
import type { LayerKind } from '../domain/types.ts';
import {
  makeProblem,
  type MessageParams,
  type ProblemCode,
  type ProblemWhere,
} from './messages.ts';

/** The geometry types each layer accepts (DESIGN.md, data model). */
export const LAYER_GEOMETRY_TYPES = {
  street: ['Polygon'],
  communities: ['Polygon', 'MultiPolygon'],
  grids: ['Polygon', 'MultiPolygon'],
  buildings: ['Polygon'],
  facilities: ['Point'],
  workOrders: ['Point'],
  basemap: ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
} as const satisfies Record<LayerKind, readonly string[]>;

/** Where Beijing's data lies, in degrees (WGS-84). */
export const BEIJING_BOUNDS = { west: 115.4, east: 117.6, south: 39.4, north: 41.1 } as const;

interface Geometry {
  type: string;
  coordinates: unknown;
}

/**
 * Checks one feature's geometry for `layer`. `geometry` must have passed the structure check
 * (known type, well-nested numeric coordinates) or be null.
 * @example
 * validateGeometry(null, 'grids', { file: 'grids.geojson', featureIndex: 0, featureId: 'g1' });
 * // [{ code: 'geometry-null', field: 'geometry', severity: 'error', … }]
 */
export function validateGeometry(
  geometry: unknown,
  layer: LayerKind,
  where: ProblemWhere,
): Problem[] {
  const problems: Problem[] = [];
  const add = (code: ProblemCode, field: string, params: MessageParams = {}, warning = false) =>
    problems.push(makeProblem(where, code, warning ? 'warning' : 'error', field, params));

  if (geometry === null || geometry === undefined) {
    add('geometry-null', 'geometry');
    return problems;
  }
  const g = geometry as Geometry;
  const allowed: readonly string[] = LAYER_GEOMETRY_TYPES[layer];
  if (!allowed.includes(g.type)) {
    add('geometry-type-not-allowed', 'geometry.type', { type: g.type, allowed, layer });
    return problems;
  }
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
    add('geometry-empty', 'geometry.coordinates', { type: g.type });
    return problems;
  }

  checkPositions(g, add);

  switch (g.type) {
    case 'LineString':
      checkLine(g.coordinates as Position[], 'geometry.coordinates', add);
      break;
    case 'MultiLineString':
      (g.coordinates as Position[][]).forEach((line, i) =>
        checkLine(line, `geometry.coordinates[${i}]`, add),
      );
      break;
    case 'Polygon':
      checkPolygon(g.coordinates as Position[][], 'geometry.coordinates', null, add);
      break;
    case 'MultiPolygon':
      (g.coordinates as Position[][][]).forEach((polygon, i) => {
        if (polygon.length === 0)
          add('geometry-empty', `geometry.coordinates[${i}]`, { type: g.type });
        else checkPolygon(polygon, `geometry.coordinates[${i}]`, i, add);
      });
      break;
  }
  return problems;
}

type Add = (code: ProblemCode, field: string, params?: MessageParams, warning?: boolean) => void;

function checkLine(line: Position[], field: string, add: Add): void {
  if (line.length < 2) add('line-too-few-positions', field, { count: line.length });
}

/** Rings first; `kinks` only once every ring is closed and long enough to be a ring at all. */
function checkPolygon(rings: Position[][], field: string, polygon: number | null, add: Add): void {
  const at = (r: number) => ({ ring: r, ...(polygon === null ? {} : { polygon }) });
  let ringsOk = true;
  rings.forEach((ring, r) => {
    if (ring.length < 4) {
      add('ring-too-few-positions', `${field}[${r}]`, { ...at(r), count: ring.length });
      ringsOk = false;
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && ring.length > 1 && !samePosition(first, last)) {
      add('ring-unclosed', `${field}[${r}]`, { ...at(r), first, last });
      ringsOk = false;
    }
  });
  if (!ringsOk) return;
  rings.forEach((ring, r) => {
    if (!mayCrossItself(ring)) return;
    const crossing = firstKink(ring);
    if (crossing)
      add('self-intersection', `${field}[${r}]`, { ...at(r), at: crossing.map(round6) });
  });
}

/**
 * The first point where a closed ring crosses or touches itself, or null. Repeated consecutive
 * positions are dropped first: `kinks` would report each as a touching of neighbouring segments.
 */
function firstKink(ring: Position[]): Position | null {
  const cleaned = ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1] as Position));
  if (cleaned.length < 4) return null;
  const found = kinks({ type: 'LineString', coordinates: cleaned });
  return found.features[0]?.geometry.coordinates ?? null;
}

/**
 * Whether `kinks` could find a crossing: false when no two segments it compares (all pairs but
 * neighbours) meet, by the same parametric test it uses; rings with repeated positions or many
 * segments always go to `kinks`. Saves building Turf's objects for the many plain footprints of a
 * large layer, without changing what counts as a crossing.
 */
function mayCrossItself(ring: Position[]): boolean {
  const segments = ring.length - 1;
  if (segments > 12) return true;
  for (let i = 0; i < segments; i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[i + 1] as [number, number];
    if (ax === bx && ay === by) return true;
    for (let k = i + 2; k < segments; k++) {
      if (i === 0 && k === segments - 1) continue;
      const [cx, cy] = ring[k] as [number, number];
      const [dx, dy] = ring[k + 1] as [number, number];
      if (segmentsMeet(ax, ay, bx, by, cx, cy, dx, dy)) return true;
    }
  }
  return false;
}

/**
 * Whether segments AB and CD meet at one point, ends included: A + s(B − A) = C + t(D − C) with
 * s and t in [0, 1]. Parallel segments do not meet (as for `kinks`). The same arithmetic as
 * `kinks`, not the editor's orientation test (src/editing/ring-geometry.ts), so that rounding can
 * never make this say no where `kinks` would say yes.
 */
function segmentsMeet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const denominator = (dy - cy) * (bx - ax) - (dx - cx) * (by - ay);
  if (denominator === 0) return false;
  const s = ((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)) / denominator;
  const t = ((bx - ax) * (ay - cy) - (by - ay) * (ax - cx)) / denominator;
  return s >= 0 && s <= 1 && t >= 0 && t <= 1;
}

/** Swapped beats out-of-range beats outside-Beijing: one coordinate problem per feature. */
function checkPositions(g: Geometry, add: Add): void {
  if (allInBeijing(g)) return;
  const first: Partial<Record<'swapped' | 'range' | 'outside', [number[], Position]>> = {};
  forEachPosition(g.coordinates, [], (position, path) => {
    const [x, y] = position as [number, number];
    if (inLongitudeBand(x) && inLatitudeBand(y)) return true;
    if (inLatitudeBand(x) && inLongitudeBand(y)) first.swapped ??= [[...path], position];
    else if (Math.abs(x) > 180 || Math.abs(y) > 90) first.range ??= [[...path], position];
    else first.outside ??= [[...path], position];
    return first.swapped === undefined;
  });
  const field = (path: number[]) => `geometry.coordinates${path.map((i) => `[${i}]`).join('')}`;
  if (first.swapped)
    add('coordinates-swapped', field(first.swapped[0]), { position: first.swapped[1] });
  else if (first.range)
    add('coordinate-out-of-range', field(first.range[0]), { position: first.range[1] });
  else if (first.outside)
    add('outside-beijing', field(first.outside[0]), { position: first.outside[1] }, true);
}

/**
 * True when every position of a point, ring or polygon lies inside Beijing's bounds: nothing for
 * checkPositions to name. Other shapes, and anything unusual, take the full walk.
 */
function allInBeijing(g: Geometry): boolean {
  const inside = (p: unknown) => {
    const [x, y] = p as [number, number];
    return inLongitudeBand(x) && inLatitudeBand(y);
  };
  if (g.type === 'Point') return inside(g.coordinates);
  if (g.type !== 'Polygon') return false;
  for (const ring of g.coordinates as Position[][])
    for (let i = 0; i < ring.length; i++) if (!inside(ring[i])) return false;
  return true;
}

function inLongitudeBand(x: number): boolean {
  return x >= BEIJING_BOUNDS.west && x <= BEIJING_BOUNDS.east;
}
function inLatitudeBand(y: number): boolean {
  return y >= BEIJING_BOUNDS.south && y <= BEIJING_BOUNDS.north;
}

/**
 * Visits every position (an array whose first item is a number) until `visit` returns false.
 * `path` holds the indexes down to the position while it is visited (one array, reused).
 */
function forEachPosition(
  coordinates: unknown,
  path: number[],
  visit: (position: Position, path: readonly number[]) => boolean,
): boolean {
  if (!Array.isArray(coordinates)) return true;
  if (typeof coordinates[0] === 'number') return visit(coordinates as Position, path);
  for (let i = 0; i < coordinates.length; i++) {
    path.push(i);
    const going = forEachPosition(coordinates[i], path, visit);
    path.pop();
    if (!going) return false;
  }
  return true;
}

function samePosition(a: Position, b: Position): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
