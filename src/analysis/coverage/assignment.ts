/**
 * Building → grid assignment by footprint: the grid holding the largest share of a building's
 * area gets it; a building that more than one grid holds a share of (at least the split
 * tolerance) is reported as split with the shares; one no grid holds is unassigned.
 */
import type { BuildingAssignment, GridShare } from './report.ts';
import { boundaryMeetsBox, flatContains, intersectionAreaM2 } from './clip-area.ts';
import type { PreparedBuilding, PreparedGrid } from './prepared.ts';

/** Share of the footprint's area inside the grid (courtyards subtracted), 0–1. */
function shareInGrid(building: PreparedBuilding, grid: PreparedGrid): number {
  // Most buildings sit well inside one grid: no grid edge comes near their box, so the whole
  // footprint is in or out, and neither projection nor clipping is needed.
  if (!boundaryMeetsBox(grid.flat, building.bbox)) {
    const [x, y] = building.feature.geometry.coordinates[0]![0]!;
    return flatContains(grid.flat, x!, y!) ? 1 : 0;
  }
  if (building.areaM2 === 0) return 0;
  let area = 0;
  building.rings.forEach((ring, r) => {
    const inside = intersectionAreaM2(ring, grid.projected);
    area += r === 0 ? inside : -inside;
  });
  return Math.min(Math.max(area, 0) / building.areaM2, 1);
}

/**
 * Assigns one building among the grids whose boxes meet its own (in grid order).
 * @example
 * assignBuilding(building, gridIndex.search(building.bbox), 0.01).status; // 'inside'
 */
export function assignBuilding(
  building: PreparedBuilding,
  candidates: readonly PreparedGrid[],
  minShare: number,
): BuildingAssignment {
  const shares: GridShare[] = [];
  for (const grid of candidates) {
    const share = shareInGrid(building, grid);
    if (share >= minShare) shares.push({ gridId: grid.id, share });
  }
  // Stable sort: equal shares keep grid order.
  shares.sort((a, b) => b.share - a.share);
  const status = shares.length === 0 ? 'unassigned' : shares.length === 1 ? 'inside' : 'split';
  return {
    buildingId: building.feature.properties.id,
    gridId: shares[0]?.gridId ?? null,
    status,
    shares,
  };
}
