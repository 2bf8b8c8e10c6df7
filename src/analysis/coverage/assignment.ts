/**
 * Building → grid assignment by footprint: the grid holding the largest share of a building's
 * area gets it; a building that more than one grid holds a share of (at least the split
 * tolerance) is reported as split with the shares; one no grid holds is unassigned.
 */
import type { BuildingAssignment, GridShare } from './report.ts';
import { boundaryMeetsBox, intersectionAreaM2, projectedContains } from './clip-area.ts';
import type { PreparedBuilding, PreparedGrid } from './prepared.ts';

/** Area of footprint ∩ grid, courtyards subtracted. */
function footprintInGridM2(building: PreparedBuilding, grid: PreparedGrid): number {
  // Most buildings sit well inside one grid: no grid edge comes near them, so no clipping.
  if (!boundaryMeetsBox(grid.projected, building.box)) {
    const outline = building.rings[0]!;
    return projectedContains(grid.projected, outline[0]!, outline[1]!) ? building.areaM2 : 0;
  }
  let area = 0;
  building.rings.forEach((ring, r) => {
    const inside = intersectionAreaM2(ring, grid.projected);
    area += r === 0 ? inside : -inside;
  });
  return Math.max(area, 0);
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
  if (building.areaM2 > 0)
    for (const grid of candidates) {
      const share = Math.min(footprintInGridM2(building, grid) / building.areaM2, 1);
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
