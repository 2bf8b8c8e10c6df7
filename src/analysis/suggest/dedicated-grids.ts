/**
 * Dedicated grids (a school's, a hospital's) keep their buildings and their ground in the
 * suggestion, except where today's plan does not hold a building whole: a building a dedicated
 * grid holds most of goes to it whole (its footprint within the community added to the grid),
 * and a building another grid of the community holds most of leaves it (its footprint cut out,
 * but not where it overlaps a building the dedicated grid holds: those stay whole). A building
 * across the community's border stays cut: no grid of this community can take the other part.
 */
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
import { areaChanged } from '../../editing/area-edit.ts';
import {
  areaOf,
  areasMayMeet,
  geometryOfAreas,
  intersectAreas,
  subtractAreas,
  unionAreas,
  type Polygons,
} from '../../editing/polygon-ops.ts';
import { flatContains } from '../coverage/clip-area.ts';
import { flatPolygons, polygonsOf } from '../coverage/prepared.ts';
import { interiorPoint } from './building-graph.ts';

/** A building today's plan does not hold whole: the grids holding a share, largest first. */
export interface CutBuilding {
  building: BuildingFeature;
  gridIds: readonly string[];
}

/**
 * The dedicated grids with the buildings across their boundary made whole.
 * @example
 * const settled = settleDedicatedGrids(dedicated, cutBuildings, heldBuildings, communityArea, ids);
 */
export function settleDedicatedGrids(
  dedicated: readonly GridFeature[],
  cut: readonly CutBuilding[],
  held: readonly { building: BuildingFeature; gridId: string }[],
  community: Polygons,
  /** The ids of the community's grids. */
  ownGrids: ReadonlySet<string>,
): GridFeature[] {
  const settled = dedicated.map((grid) => {
    const id = grid.properties.id;
    const gains: Polygons[] = [];
    const losses: Polygons[] = [];
    for (const { building, gridIds } of cut) {
      if (!gridIds.includes(id)) continue;
      const footprint = polygonsOf(building.geometry);
      if (gridIds[0] === id) gains.push(intersectAreas(footprint, community));
      else if (ownGrids.has(gridIds[0]!)) losses.push(footprint);
    }
    if (gains.length === 0 && losses.length === 0) return grid;
    const own = held.filter((h) => h.gridId === id).map((h) => h.building);
    const ownAreas = own.map((b) => polygonsOf(b.geometry));
    const cuts = losses.map((loss) => subtractAreas(loss, ownAreas));
    const after = subtractAreas(unionAreas([polygonsOf(grid.geometry), ...gains]), cuts);
    return withArea(grid, withoutStrayPieces(after, own));
  });
  // Overlapping footprints held by two dedicated grids cannot both be whole: the grid first in
  // order keeps the overlap, so the grids never overlap.
  return settled.map((grid, i) => {
    const changed = grid !== dedicated[i];
    const area = polygonsOf(grid.geometry);
    const earlier = settled
      .slice(0, i)
      .filter((other, k) => changed || other !== dedicated[k])
      .map((other) => polygonsOf(other.geometry))
      .filter((other) => areasMayMeet(other, area));
    if (earlier.length === 0) return grid;
    const after = subtractAreas(area, earlier);
    return areaChanged(area, after) ? withArea(grid, after) : grid;
  });
}

/**
 * The pieces of an area that hold one of `buildings`, and its largest piece: cutting a
 * footprint out can leave a sliver behind, which the comprehensive grids around it take.
 */
function withoutStrayPieces(area: Polygons, buildings: readonly BuildingFeature[]): Polygons {
  if (area.length <= 1) return area;
  const largest = area.reduce((a, b) => (areaOf([b]) > areaOf([a]) ? b : a));
  const points = buildings.map(interiorPoint);
  return area.filter((piece) => {
    const flat = flatPolygons(geometryOfAreas([piece]));
    return piece === largest || points.some(([x, y]) => flatContains(flat, x!, y!));
  });
}

function withArea(grid: GridFeature, area: Polygons): GridFeature {
  const result: GridFeature = { ...grid, geometry: geometryOfAreas(area) };
  delete result.bbox;
  return result;
}
