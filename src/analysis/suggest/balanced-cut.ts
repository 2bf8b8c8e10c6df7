/**
 * Where to split a grid so that its two parts hold about the same households without cutting
 * through a building: a straight line across one axis of the grid, through a gap between the
 * buildings' boxes (so no footprint can straddle it), at the gap nearest the household-weighted
 * median. The grid's longer axis (in metres) is cut unless the other balances clearly better,
 * so both halves stay compact.
 */
import type { BBox, Position } from 'geojson';
import { metresPerDegree } from '../coverage/geodesy.ts';
import { gapsAlong, lineAcross, type Axis, type CutBuilding, type Gap } from './building-gaps.ts';

/** The cut's line and the households it leaves on each side. */
export interface BalancedCut {
  line: [Position, Position];
  households: [number, number];
}

/** The shorter axis wins only when it leaves this share of all households less imbalance. */
const SHORTER_AXIS_GAIN = 0.1;

/** The gap along `axis` nearest the median, with its imbalance; null when there is none. */
function mostBalanced(
  axis: Axis,
  buildings: readonly CutBuilding[],
  total: number,
): (Gap & { imbalance: number }) | null {
  let best: (Gap & { imbalance: number }) | null = null;
  for (const gap of gapsAlong(axis, buildings)) {
    const imbalance = Math.abs(total - 2 * gap.below);
    if (!best || imbalance < best.imbalance) best = { ...gap, imbalance };
  }
  return best;
}

/**
 * The line that splits a grid (box `gridBox`, holding `buildings`) into two parts of about equal
 * households with no building cut; null when the buildings leave no gap on either axis.
 * @example
 * const cut = balancedCut(bboxOf(grid.geometry), buildings);
 * if (cut) applyCommand(plan, ctx, { op: 'split', gridId, line: cut.line });
 */
export function balancedCut(gridBox: BBox, buildings: readonly CutBuilding[]): BalancedCut | null {
  const [west, south, east, north] = gridBox;
  const scale = metresPerDegree((south + north) / 2);
  const longer: Axis = (east - west) * scale.lng >= (north - south) * scale.lat ? 0 : 1;
  const shorter: Axis = longer === 0 ? 1 : 0;
  const total = buildings.reduce((sum, b) => sum + b.households, 0);
  const alongLonger = mostBalanced(longer, buildings, total);
  const alongShorter = mostBalanced(shorter, buildings, total);
  const useShorter =
    alongShorter !== null &&
    (alongLonger === null ||
      alongLonger.imbalance - alongShorter.imbalance > SHORTER_AXIS_GAIN * total);
  const axis = useShorter ? shorter : longer;
  const cut = useShorter ? alongShorter : alongLonger;
  if (!cut) return null;
  return { line: lineAcross(axis, cut.at, gridBox), households: [cut.below, total - cut.below] };
}
