/**
 * The ground of the grids the suggestion changes. Inside `region` (the community less its
 * dedicated grids and the grids that stay as they are) every point goes to the grid of the
 * nearest building (Voronoi cells of the buildings' interior points, d3-delaunay), so the new
 * boundaries run midway between buildings, through the gaps and streets rather than across
 * courtyards. A footprint that reaches over a cell edge is then added whole to its own grid and
 * cut from the others, so no building is split. Pieces no building of theirs holds (behind a
 * concave border, a gap of today's plan) go to the neighbouring grid that shares the longest
 * boundary with them, unchanged grids included, so the community stays tiled and every grid is
 * one piece.
 */
import { Delaunay } from 'd3-delaunay';
import type { BBox, Position } from 'geojson';
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
import {
  ADJACENCY_MIN_M,
  areasMayMeet,
  bboxOfAreas,
  geometryOfAreas,
  intersectAreas,
  sharedBoundaryM,
  subtractAreas,
  unionAreas,
  type Polygons,
} from '../../editing/polygon-ops.ts';
import { assignBuilding } from '../coverage/assignment.ts';
import { flatContains } from '../coverage/clip-area.ts';
import { flatPolygons, polygonsOf, prepareBuilding, prepareGrid } from '../coverage/prepared.ts';
import { boxesMeet } from '../coverage/spatial-index.ts';
import type { LocalFrame } from './building-graph.ts';

/** Metres the Voronoi diagram reaches beyond the region's box. */
const DIAGRAM_MARGIN_M = 50;

export interface AreaInput {
  region: Polygons;
  buildings: readonly BuildingFeature[];
  /** Each building's interior point (lng, lat). */
  points: readonly Position[];
  frame: LocalFrame;
  /** The changed grids, by key: the buildings (indexes) each is to hold. */
  changed: ReadonlyMap<string, readonly number[]>;
  /** The grids that stay, by key: their areas (they may take in pieces no one else holds). */
  fixed: ReadonlyMap<string, Polygons>;
}

export interface AreaResult {
  /** Every grid's area, changed and fixed. */
  areas: Map<string, Polygons>;
  /** Buildings that ended in another grid than asked (cut off from theirs), with that grid's key. */
  regrouped: Map<number, string>;
  /**
   * Changed grids whose buildings fell into more than one piece: the area's box and the
   * buildings (indexes) of each piece holding any, the main piece first.
   */
  scattered: { key: string; bbox: BBox; pieces: number[][] }[];
}

/**
 * Areas for the changed grids, and the fixed ones with the pieces they take in.
 * @example
 * const { areas } = gridAreas({ region, buildings, points, frame, changed, fixed });
 */
export function gridAreas(input: AreaInput): AreaResult {
  const areas = cellAreas(input);
  keepBuildingsWhole(input, areas);
  const owners = new Map<number, string>();
  for (const [key, members] of input.changed) for (const b of members) owners.set(b, key);
  // What no changed grid's cells cover (today's gaps where no grid changed): pieces to place.
  const covered = unionAreas([...areas.values()]);
  const pieces: Polygons[] = [];
  const scattered: AreaResult['scattered'] = [];
  for (const [key, area] of areas) {
    const members = input.changed.get(key) ?? [];
    const [main, ...rest] = homeFirst(area, members, input);
    areas.set(key, main ? [main] : []);
    pieces.push(...rest.map((p) => [p]));
    const held = [main, ...rest]
      .map((piece) => (piece ? members.filter((b) => inside([piece], input.points[b]!)) : []))
      .filter((list) => list.length > 0);
    if (held.length > 1) scattered.push({ key, bbox: bboxOfAreas(area), pieces: held });
  }
  for (const [key, area] of input.fixed) areas.set(key, area);
  pieces.push(...subtractAreas(input.region, [covered]).map((p) => [p]));
  const regrouped = new Map<number, string>();
  for (const piece of pieces) {
    const key = attach(piece, areas);
    if (!key) continue;
    for (const [b, owner] of owners)
      if (owner !== key && inside(piece, input.points[b]!)) regrouped.set(b, key);
  }
  return { areas, regrouped, scattered };
}

/** Per changed grid, the union of its buildings' Voronoi cells within the region. */
function cellAreas(input: AreaInput): Map<string, Polygons> {
  const areas = new Map<string, Polygons>();
  const sites = [...input.changed].flatMap(([key, members]) => members.map((b) => ({ key, b })));
  if (sites.length === 0) return areas;
  const local = sites.map(({ b }) => input.frame.toLocal(input.points[b]!));
  const [west, south, east, north] = bboxOfAreas(input.region);
  const [x0, y0] = input.frame.toLocal([west, south]);
  const [x1, y1] = input.frame.toLocal([east, north]);
  const voronoi = Delaunay.from(local).voronoi([
    x0 - DIAGRAM_MARGIN_M,
    y0 - DIAGRAM_MARGIN_M,
    x1 + DIAGRAM_MARGIN_M,
    y1 + DIAGRAM_MARGIN_M,
  ]);
  const cells = new Map<string, Polygons>();
  sites.forEach(({ key }, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) return;
    const ring = cell.map(([x, y]) => input.frame.toLngLat(x!, y!));
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key)!.push([ring]);
  });
  for (const key of input.changed.keys())
    areas.set(
      key,
      intersectAreas(unionAreas((cells.get(key) ?? []).map((c) => [c])), input.region),
    );
  return areas;
}

/** Footprints that reach out of their grid's cells: added to it, cut from the others. */
function keepBuildingsWhole(input: AreaInput, areas: Map<string, Polygons>): void {
  const keys = [...areas.keys()];
  const prepared = keys.map((key) =>
    prepareGrid({
      type: 'Feature',
      geometry: geometryOfAreas(areas.get(key)!),
      properties: { id: key, communityId: '', type: 'comprehensive', workers: 0 },
    } as GridFeature),
  );
  const additions = new Map<string, Polygons[]>();
  const cuts = new Map<string, Polygons[]>();
  const push = (map: Map<string, Polygons[]>, key: string, area: Polygons) =>
    map.set(key, [...(map.get(key) ?? []), area]);
  for (const [key, members] of input.changed)
    for (const b of members) {
      const building = prepareBuilding(input.buildings[b]!);
      const near = prepared.filter((g) => g.areaM2 > 0 && boxesMeet(g.bbox, building.bbox));
      const assignment = assignBuilding(building, near, 0);
      if (assignment.status === 'inside' && assignment.gridId === key) continue;
      const footprint = intersectAreas(polygonsOf(building.feature.geometry), input.region);
      push(additions, key, footprint);
      for (const share of assignment.shares)
        if (share.gridId !== key) push(cuts, share.gridId, footprint);
    }
  for (const key of keys) {
    const grown = unionAreas([areas.get(key)!, ...(additions.get(key) ?? [])]);
    areas.set(key, subtractAreas(grown, cuts.get(key) ?? []));
  }
}

/** The area's pieces, the one holding most of the grid's households first. */
function homeFirst(area: Polygons, members: readonly number[], input: AreaInput): Polygons {
  const held = area.map((piece) =>
    members
      .filter((b) => inside([piece], input.points[b]!))
      .reduce((sum, b) => sum + input.buildings[b]!.properties.households, 0),
  );
  const order = area.map((_, i) => i).sort((a, b) => held[b]! - held[a]! || a - b);
  return order.map((i) => area[i]!);
}

function inside(area: Polygons, point: Position): boolean {
  return flatContains(flatPolygons(geometryOfAreas(area)), point[0]!, point[1]!);
}

/** Unites a piece with the grid sharing the longest boundary with it; that grid's key. */
function attach(piece: Polygons, areas: Map<string, Polygons>): string | null {
  let best: { key: string; shared: number } | null = null;
  for (const [key, area] of areas) {
    if (!areasMayMeet(piece, area)) continue;
    const shared = sharedBoundaryM(piece, area);
    if (shared > ADJACENCY_MIN_M && shared > (best?.shared ?? 0)) best = { key, shared };
  }
  if (!best) return null;
  areas.set(best.key, unionAreas([areas.get(best.key)!, piece]));
  return best.key;
}
