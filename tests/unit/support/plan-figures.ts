/**
 * Hand-made figures for plan comparison tests: building assignments that lie wholly in one grid
 * (or in none).
 */
import type { BuildingAssignment } from '../../../src/analysis/coverage/report.ts';

/**
 * A building wholly inside `gridId`, or unassigned when `gridId` is null.
 *
 * @example
 * assignedTo('B0001', '110106090001001'); // status 'inside', one share of 1
 */
export function assignedTo(buildingId: string, gridId: string | null): BuildingAssignment {
  return {
    buildingId,
    gridId,
    status: gridId ? 'inside' : 'unassigned',
    shares: gridId ? [{ gridId, share: 1 }] : [],
  };
}
