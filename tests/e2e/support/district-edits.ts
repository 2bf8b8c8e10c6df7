/**
 * The editing district of the benchmark (about 300 grids and 10,000 buildings) written as layer
 * files for the browser probe, with the edits the probe makes worked out in Node with the app's
 * own operations: a vertex two grids share, and a lasso around a grid that paints about 100
 * buildings of its neighbours into it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon, buffer, centroid } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { bboxOf } from '../../../src/analysis/coverage/prepared.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts';
import type { BuildingFeature, CommunityFeature, GridFeature } from '../../../src/domain/types.ts';
import { applyCommand } from '../../../src/editing/commands.ts';
import { planFromGrids } from '../../../src/editing/plan.ts';
import { editingDistrictFiles } from '../../../scripts/bench/editing-district.ts';
import { interiorSharedVertices } from '../../../scripts/bench/shared-vertices.ts';

export interface DistrictProbe {
  paths: string[];
  vertex: Position;
  /** A grid holding the vertex, and a point of it off every building. */
  dragGrid: GridFeature;
  dragGridPoint: Position;
  target: GridFeature;
  targetPoint: Position;
  /** The lasso drawn around the target, and how many buildings of other grids it holds. */
  lasso: Position[];
  lassoBuildings: number;
}

/** How far (degrees, about 4 m) a free point keeps from every footprint's box. */
const CLEAR_DEG = 0.00004;
const FREE_POINT_TRIES = 2000;

function freePoint(grid: GridFeature, buildings: readonly BuildingFeature[], near: Position) {
  const [west, south, east, north] = bboxOf(grid.geometry);
  const nearby = buildings.filter((b) => b.properties.communityId === grid.properties.communityId);
  for (let k = 1; k < FREE_POINT_TRIES; k++) {
    const t = k / FREE_POINT_TRIES;
    const p: Position = [
      near[0]! + (((k * 0.618) % 1) - 0.5) * (east - west) * t,
      near[1]! + (((k * 0.382) % 1) - 0.5) * (north - south) * t,
    ];
    // Clear of every footprint by a margin, so a click there picks the grid, not a building.
    const nearBuilding = nearby.some((b) => {
      const [bw, bs, be, bn] = bboxOf(b.geometry);
      return (
        p[0]! > bw - CLEAR_DEG &&
        p[0]! < be + CLEAR_DEG &&
        p[1]! > bs - CLEAR_DEG &&
        p[1]! < bn + CLEAR_DEG
      );
    });
    if (booleanPointInPolygon(p, grid) && !nearBuilding) return p;
  }
  throw new Error(`no free point in ${grid.properties.id}`);
}

/**
 * Writes the district's files and works out the probe's edits.
 * @example
 * const probe = districtProbe(); await page.setInputFiles('input', probe.paths);
 */
export function districtProbe(): DistrictProbe {
  const files = editingDistrictFiles();
  const folder = join(tmpdir(), 'gridatlas-district');
  mkdirSync(folder, { recursive: true });
  const paths = files.map((file) => {
    const path = join(folder, file.name);
    writeFileSync(path, file.text);
    return path;
  });
  const layer = <T>(name: string) =>
    (JSON.parse(files.find((f) => f.name === name)!.text) as { features: T[] }).features;
  const grids = layer<GridFeature>('grids.geojson');
  const buildings = layer<BuildingFeature>('buildings.geojson');
  const communities = layer<CommunityFeature>('communities.geojson');
  const context = {
    communities: new Map(communities.map((c) => [c.properties.id, c])),
    buildings: new Map(buildings.map((b) => [b.properties.id, b])),
    settings: DEFAULT_SETTINGS,
  };
  const plan = planFromGrids(grids);
  const gridById = new Map(grids.map((g) => [g.properties.id, g]));

  const [shared] = interiorSharedVertices(grids, communities).filter(({ position, gridIds }) => {
    const moved = applyCommand(plan, context, {
      op: 'move-vertex',
      from: position,
      to: [position[0]! + 1e-4, position[1]! + 0.5e-4],
    });
    return moved.ok && gridIds.every((id) => gridById.get(id)!.properties.type === 'comprehensive');
  });
  const dragGrid = gridById.get(shared!.gridIds[0])!;
  const toward = centroid(dragGrid).geometry.coordinates;
  const dragGridPoint = freePoint(dragGrid, buildings, [
    (shared!.position[0]! * 3 + toward[0]!) / 4,
    (shared!.position[1]! * 3 + toward[1]!) / 4,
  ]);

  // A lasso drawn around a grid at some distance takes a strip of every neighbour; in another
  // community than the dragged vertex, so the drag does not change what the lasso meets.
  for (const target of grids) {
    if (target.properties.type !== 'comprehensive') continue;
    if (target.properties.communityId === dragGrid.properties.communityId) continue;
    const community = buildings.filter(
      (b) => b.properties.communityId === target.properties.communityId,
    );
    for (const distanceM of [60, 80, 100, 125, 150]) {
      const grown = buffer(target, distanceM, { units: 'meters', steps: 2 })!;
      const lasso = (grown.geometry as Polygon).coordinates[0]!;
      const picked = community.filter((b) => booleanPointInPolygon(centroid(b), grown));
      const moving = picked.filter((b) => !booleanPointInPolygon(centroid(b), target));
      if (moving.length < 100) continue;
      if (moving.length > 160) break;
      const painted = applyCommand(plan, context, {
        op: 'reassign',
        buildingIds: picked.map((b) => b.properties.id),
        targetGridId: target.properties.id,
        area: [lasso],
      });
      if (!painted.ok) continue;
      const [west, south, east, north] = bboxOf(target.geometry);
      const targetPoint = freePoint(target, buildings, [(west + east) / 2, (south + north) / 2]);
      return {
        paths,
        vertex: shared!.position,
        dragGrid,
        dragGridPoint,
        target,
        targetPoint,
        lasso,
        lassoBuildings: moving.length,
      };
    }
  }
  throw new Error('no grid to paint 100 buildings into');
}
