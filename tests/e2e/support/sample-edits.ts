/**
 * The edits the e2e scenario makes on the sample street, worked out in Node from the data files
 * with the app's own editing operations, so the browser test knows where to click and what to
 * expect: a split line across the 964-household grid, two neighbouring grids to merge, and a
 * brush stroke that paints a building of one grid into its neighbour.
 */
import { readFileSync } from 'node:fs';
import {
  booleanIntersects,
  booleanPointInPolygon,
  buffer,
  centroid,
  lineString,
  nearestPointOnLine,
  pointOnFeature,
  pointToLineDistance,
  polygonToLine,
} from '@turf/turf';
import type { Feature, LineString, Polygon, Position } from 'geojson';
import { bboxOf, polygonsOf } from '../../../src/analysis/coverage/prepared.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts';
import type { BuildingFeature, CommunityFeature, GridFeature } from '../../../src/domain/types.ts';
import { applyCommand } from '../../../src/editing/commands.ts';
import {
  applyPatch,
  planFromGrids,
  type EditCommand,
  type EditContext,
  type Plan,
} from '../../../src/editing/plan.ts';

const read = <T>(file: string): T[] =>
  (
    JSON.parse(readFileSync(new URL(`../../../data/${file}`, import.meta.url), 'utf8')) as {
      features: T[];
    }
  ).features;

export const grids = read<GridFeature>('grids.geojson');
export const buildings = read<BuildingFeature>('buildings.geojson');
const communities = read<CommunityFeature>('communities.geojson');

const context: EditContext = {
  communities: new Map(communities.map((c) => [c.properties.id, c])),
  buildings: new Map(buildings.map((b) => [b.properties.id, b])),
  settings: DEFAULT_SETTINGS,
};

export const BIG_GRID = '110106090005003';

/** The brush radius the scenario paints with, in metres (the toolbar's default at zoom 17). */
export const BRUSH_RADIUS_M = 12;

function applied(plan: Plan, command: EditCommand): Plan {
  const result = applyCommand(plan, context, command);
  if (!result.ok) throw new Error(`${command.op} refused: ${JSON.stringify(result.problem)}`);
  return applyPatch(plan, result.patch);
}

const key = ([x, y]: Position) => `${x},${y}`;
const vertexKeys = (grid: GridFeature) => new Set(polygonsOf(grid.geometry).flat(2).map(key));

/** A point of the grid off every building, where a click selects the grid. */
export function clickPoint(grid: GridFeature): Position {
  const [west, south, east, north] = bboxOf(grid.geometry);
  const start = pointOnFeature(grid).geometry.coordinates;
  const inGrid = (p: Position) => booleanPointInPolygon(p, grid);
  const onBuilding = (p: Position) => buildings.some((b) => booleanPointInPolygon(p, b));
  for (let k = 0; k < 400; k++) {
    const p: Position =
      k === 0
        ? start
        : [west + ((k * 0.618) % 1) * (east - west), south + ((k * 0.382) % 1) * (north - south)];
    if (inGrid(p) && !onBuilding(p)) return p;
  }
  throw new Error(`no free point in ${grid.properties.id}`);
}

/** The scenario's edits, each checked on the plan the earlier ones leave. */
export function scenario() {
  let plan = planFromGrids(grids);
  const big = grids.find((g) => g.properties.id === BIG_GRID)!;
  const [west, south, east, north] = bboxOf(big.geometry);
  const x = (west + east) / 2;
  const splitLine: Position[] = [
    [x, north + (north - south) * 0.08],
    [x, south - (north - south) * 0.08],
  ];
  plan = applied(plan, { op: 'split', gridId: BIG_GRID, line: splitLine });

  // Two grids of another community that share an edge (at least two vertices).
  const others = grids.filter((g) => g.properties.communityId !== big.properties.communityId);
  let merge: [GridFeature, GridFeature] | null = null;
  for (const a of others) {
    if (merge) break;
    for (const b of others) {
      if (a === b || a.properties.communityId !== b.properties.communityId) continue;
      const shared = [...vertexKeys(a)].filter((k) => vertexKeys(b).has(k));
      if (shared.length >= 2 && !a.properties.type.startsWith('ded')) {
        merge = [a, b];
        break;
      }
    }
  }
  if (!merge) throw new Error('no grids to merge');
  plan = applied(plan, { op: 'merge', gridIds: [merge[0].properties.id, merge[1].properties.id] });

  // A building of one grid next to a neighbour, in a third community, painted into it with a
  // brush stroke from the target across the boundary to the building.
  const used = new Set([big.properties.communityId, merge[0].properties.communityId]);
  for (const target of grids) {
    if (used.has(target.properties.communityId) || target.properties.type !== 'comprehensive')
      continue;
    const boundary = polygonToLine(target) as Feature<LineString>;
    const near = buildings
      .filter((b) => b.properties.communityId === target.properties.communityId)
      .filter((b) => !booleanPointInPolygon(centroid(b), target))
      .map((b) => ({ b, c: centroid(b), d: pointToLineDistance(centroid(b), boundary) }))
      .sort((p, q) => p.d - q.d)[0];
    if (!near) continue;
    const edge = nearestPointOnLine(boundary, near.c).geometry.coordinates;
    const from = near.c.geometry.coordinates;
    // From 12 m inside the target, across the boundary, to the building's centre.
    const inward = 12 / Math.max(near.d * 1000, 1);
    const start: Position = [
      edge[0]! + (edge[0]! - from[0]!) * inward,
      edge[1]! + (edge[1]! - from[1]!) * inward,
    ];
    const stroke: Position[] = [start, from];
    const area = buffer(lineString(stroke), BRUSH_RADIUS_M, { units: 'meters' })!.geometry;
    const touched = buildings
      .filter((b) => b.properties.communityId === target.properties.communityId)
      .filter((b) => booleanIntersects(b, area))
      .map((b) => b.properties.id);
    const painted = applyCommand(plan, context, {
      op: 'reassign',
      buildingIds: touched,
      targetGridId: target.properties.id,
      area: (area as Polygon).coordinates,
    });
    if (!painted.ok) continue;
    return { splitLine, merge, paint: { target, building: near.b, stroke, touched } };
  }
  throw new Error('no building to paint');
}
