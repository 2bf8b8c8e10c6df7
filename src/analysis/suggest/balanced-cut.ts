/**
 * Where to split a grid so that its two parts hold about the same households without cutting
 * through a building: a straight line across one axis of the grid, through a gap between the
 * buildings' boxes (so no footprint can straddle it), at the gap nearest the household-weighted
 * median. The grid's longer axis (in metres) is cut unless the other balances clearly better,
 * so both halves stay compact.
 */
import type { BBox, Position } from 'geojson';
import { metresPerDegree } from '../coverage/geodesy.ts';

/** A building as the cut sees it: its box and its households. */
export interface CutBuilding {
  bbox: BBox;
  households: number;
}

/** The cut's line and the households it leaves on each side. */
export interface BalancedCut {
  line: [Position, Position];
  households: [number, number];
}

/** The shorter axis wins only when it leaves this share of all households less imbalance. */
const SHORTER_AXIS_GAIN = 0.1;

/** How far past the grid's box the line reaches (a share of the box), so it crosses it whole. */
const OVERSHOOT = 0.05;

interface AxisCut {
  /** The cut's coordinate along the axis (degrees). */
  at: number;
  below: number;
  imbalance: number;
}

/** The best gap along one axis (0: longitude, 1: latitude); null when there is none. */
function bestGapAlong(axis: 0 | 1, buildings: readonly CutBuilding[]): AxisCut | null {
  const spans = buildings
    .map((b) => ({ low: b.bbox[axis]!, high: b.bbox[axis + 2]!, households: b.households }))
    .sort((a, b) => a.low - b.low);
  const total = spans.reduce((sum, s) => sum + s.households, 0);
  let best: AxisCut | null = null;
  let below = 0;
  let reach = -Infinity;
  for (const [k, span] of spans.entries()) {
    if (k > 0 && span.low > reach) {
      const cut = { at: (reach + span.low) / 2, below, imbalance: Math.abs(total - 2 * below) };
      if (!best || cut.imbalance < best.imbalance) best = cut;
    }
    below += span.households;
    reach = Math.max(reach, span.high);
  }
  return best;
}

/** The line across the grid's box at `at` along `axis`, reaching a little past the box. */
function lineAcross(
  axis: 0 | 1,
  at: number,
  [west, south, east, north]: BBox,
): [Position, Position] {
  if (axis === 0) {
    const pad = (north - south) * OVERSHOOT;
    return [
      [at, south - pad],
      [at, north + pad],
    ];
  }
  const pad = (east - west) * OVERSHOOT;
  return [
    [west - pad, at],
    [east + pad, at],
  ];
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
  const longer: 0 | 1 = (east - west) * scale.lng >= (north - south) * scale.lat ? 0 : 1;
  const shorter: 0 | 1 = longer === 0 ? 1 : 0;
  const total = buildings.reduce((sum, b) => sum + b.households, 0);
  const alongLonger = bestGapAlong(longer, buildings);
  const alongShorter = bestGapAlong(shorter, buildings);
  const useShorter =
    alongShorter !== null &&
    (alongLonger === null ||
      alongLonger.imbalance - alongShorter.imbalance > SHORTER_AXIS_GAIN * total);
  const axis = useShorter ? shorter : longer;
  const cut = useShorter ? alongShorter : alongLonger;
  if (!cut) return null;
  return { line: lineAcross(axis, cut.at, gridBox), households: [cut.below, total - cut.below] };
}
