/**
 * How many comprehensive grids a community's suggested plan should have. A community of H
 * households and R residents needs at least max(⌈H/max⌉, ⌈R/maxResidents⌉) grids, so that none
 * is above the band or the resident limit, and at most ⌊H/min⌋, so that none is below the band.
 * Today's count is kept when it lies in that range; otherwise the nearest count in it is taken.
 * When no count can meet the norms the answer says why (a code and its parameters) and still
 * gives the count that keeps every grid within the upper limits, the overload the norms exist
 * to prevent.
 */
import type { GridSettings } from '../../domain/settings.ts';

/** What a community's comprehensive grids hold, and how many there are today. */
export interface CommunityLoad {
  households: number;
  residents: number;
  /** Households of the largest building (buildings are never split between grids). */
  largestBuildingHouseholds: number;
  currentGrids: number;
}

/** Why no number of grids can meet the norms in a community. */
export type GridCountProblemCode =
  'too-few-households' | 'building-above-band' | 'residents-need-more-grids';

export type GridCount =
  | { feasible: true; grids: number; range: { min: number; max: number } }
  | {
      feasible: false;
      grids: number;
      problem: { code: GridCountProblemCode; params: Record<string, number> };
    };

/**
 * The number of comprehensive grids for a community's suggested plan.
 * @example
 * gridCount({ households: 1548, residents: 3900, largestBuildingHouseholds: 96, currentGrids: 3 }, settings);
 * // { feasible: true, grids: 4, range: { min: 4, max: 5 } }
 */
export function gridCount(load: CommunityLoad, settings: GridSettings): GridCount {
  const { min: bandMin, max: bandMax } = settings.householdsBand;
  const { households, residents, largestBuildingHouseholds, currentGrids } = load;
  const fewest = Math.max(
    1,
    Math.ceil(households / bandMax),
    Math.ceil(residents / settings.maxResidents),
  );
  const most = Math.floor(households / bandMin);
  if (households < bandMin)
    return infeasible(fewest, 'too-few-households', { households, min: bandMin });
  if (largestBuildingHouseholds > bandMax)
    return infeasible(
      nearestIn(currentGrids, fewest, Math.max(fewest, most)),
      'building-above-band',
      { households: largestBuildingHouseholds, max: bandMax },
    );
  if (fewest > most)
    return infeasible(fewest, 'residents-need-more-grids', { residents, grids: fewest, most });
  return {
    feasible: true,
    grids: nearestIn(currentGrids, fewest, most),
    range: { min: fewest, max: most },
  };
}

/** The count in [low, high] nearest `current`. */
const nearestIn = (current: number, low: number, high: number): number =>
  Math.min(Math.max(current, low), high);

function infeasible(
  grids: number,
  code: GridCountProblemCode,
  params: Record<string, number>,
): GridCount {
  return { feasible: false, grids, problem: { code, params } };
}
