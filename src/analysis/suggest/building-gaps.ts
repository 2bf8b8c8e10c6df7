/**
 * The straight lines that can cross a grid without cutting a building: along one axis, the gaps
 * between the buildings' boxes, each with the households wholly below it. The suggestion's
 * splits and boundary shifts choose among them.
 */
import type { BBox, Position } from 'geojson';

/** A building as a cut sees it: its box and its households. */
export interface CutBuilding {
  bbox: BBox;
  households: number;
}

/** 0: a line of constant longitude (cutting west from east); 1: of constant latitude. */
export type Axis = 0 | 1;

/** A gap between buildings along an axis: where the line goes and the households below it. */
export interface Gap {
  at: number;
  below: number;
}

/** How far past a box a line reaches (a share of the box), so it crosses it whole. */
const OVERSHOOT = 0.05;

/**
 * Every gap between the buildings' boxes along `axis`, west to east (or south to north).
 * @example
 * gapsAlong(0, [{ bbox: [0, 0, 1, 1], households: 10 }, { bbox: [2, 0, 3, 1], households: 5 }]);
 * // [{ at: 1.5, below: 10 }]
 */
export function gapsAlong(axis: Axis, buildings: readonly CutBuilding[]): Gap[] {
  const spans = buildings
    .map((b) => ({ low: b.bbox[axis]!, high: b.bbox[axis + 2]!, households: b.households }))
    .sort((a, b) => a.low - b.low);
  const gaps: Gap[] = [];
  let below = 0;
  let reach = -Infinity;
  for (const [k, span] of spans.entries()) {
    if (k > 0 && span.low > reach) gaps.push({ at: (reach + span.low) / 2, below });
    below += span.households;
    reach = Math.max(reach, span.high);
  }
  return gaps;
}

/**
 * The line across box `box` at `at` along `axis`, reaching a little past the box.
 * @example
 * lineAcross(0, 116.31, gridBox); // south to north at longitude 116.31
 */
export function lineAcross(
  axis: Axis,
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
