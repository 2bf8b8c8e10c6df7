/**
 * One move of the suggestion's balancing: a boundary shift that passes households from a grid
 * to a neighbour. The giving grid is cut by a straight line through a gap between its buildings,
 * across the axis that points at the receiver, and the part on the receiver's side goes to it,
 * ground and buildings together, as one reassign edit (so ids stay, the community stays tiled and
 * no building is cut). The gap is the one that passes the fewest households still enough to bring
 * the giver down to `giveDownTo`, within the receiver's room; when none is enough, the most that
 * fits.
 */
import type { BBox } from 'geojson';
import type { BuildingFeature } from '../../domain/types.ts';
import { applyCommand } from '../../editing/commands.ts';
import type { EditContext, EditPatch, Plan } from '../../editing/plan.ts';
import { intersectAreas } from '../../editing/polygon-ops.ts';
import { metresPerDegree } from '../coverage/geodesy.ts';
import { bboxOf, polygonsOf } from '../coverage/prepared.ts';
import { gapsAlong, type Axis } from './building-gaps.ts';

/** The two grids, what they hold, and how far the flow may go. */
export interface TransferLimits {
  fromGridId: string;
  toGridId: string;
  fromHouseholds: number;
  toHouseholds: number;
  /** The giver should end with this many households or fewer. */
  giveDownTo: number;
  /** The receiver never goes above this many households. */
  receiveUpTo: number;
}

/** The shift: its patch, the buildings it moved and their households. */
export interface Transfer {
  patch: EditPatch;
  movedBuildingIds: string[];
  households: number;
}

/** The axis from box `from` towards box `to`, and whether `to` lies on its high side. */
function axisTowards(from: BBox, to: BBox): { axis: Axis; high: boolean } {
  const scale = metresPerDegree((from[1] + from[3]) / 2);
  const dx = ((to[0] + to[2] - from[0] - from[2]) / 2) * scale.lng;
  const dy = ((to[1] + to[3] - from[1] - from[3]) / 2) * scale.lat;
  return Math.abs(dx) >= Math.abs(dy) ? { axis: 0, high: dx > 0 } : { axis: 1, high: dy > 0 };
}

/** The part of box `box` beyond `at` along `axis`, on its high or low side. */
function boxBeyond(box: BBox, axis: Axis, at: number, high: boolean): BBox {
  const beyond: BBox = [...box];
  if (high) beyond[axis] = at;
  else beyond[axis + 2] = at;
  return beyond;
}

/**
 * Passes households from one grid to its neighbour by shifting their boundary; `givers` are the
 * buildings wholly in the giving grid. Null when no line through a gap moves anything the
 * receiver has room for, or when the editing refuses the shift (the part does not touch the
 * receiver, or a grid would fall into pieces).
 * @example
 * const shift = transferHouseholds(plan, ctx, givers, {
 *   fromGridId: a, toGridId: b, fromHouseholds: 620, toHouseholds: 280, giveDownTo: 500, receiveUpTo: 500 });
 * if (shift) plan = applyPatch(plan, shift.patch);
 */
export function transferHouseholds(
  plan: Plan,
  ctx: EditContext,
  givers: readonly BuildingFeature[],
  limits: TransferLimits,
): Transfer | null {
  const giver = plan.grids.get(limits.fromGridId)?.grid;
  const receiver = plan.grids.get(limits.toGridId)?.grid;
  if (!giver || !receiver) return null;
  const giverBox = bboxOf(giver.geometry);
  const { axis, high } = axisTowards(giverBox, bboxOf(receiver.geometry));
  const boxes = givers.map((building) => ({
    building,
    bbox: bboxOf(building.geometry),
    households: building.properties.households,
  }));
  const total = boxes.reduce((sum, b) => sum + b.households, 0);
  const need = limits.fromHouseholds - limits.giveDownTo;
  const room = limits.receiveUpTo - limits.toHouseholds;
  const shifts = gapsAlong(axis, boxes)
    .map((gap) => ({ at: gap.at, moved: high ? total - gap.below : gap.below }))
    .filter((shift) => shift.moved > 0 && shift.moved <= room);
  const enough = shifts.filter((shift) => shift.moved >= need);
  const chosen = enough.length
    ? enough.reduce((a, b) => (b.moved < a.moved ? b : a))
    : shifts.reduce<(typeof shifts)[number] | null>(
        (a, b) => (!a || b.moved > a.moved ? b : a),
        null,
      );
  if (!chosen) return null;

  const [west, south, east, north] = boxBeyond(giverBox, axis, chosen.at, high);
  const part = intersectAreas(
    [
      [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    ],
    polygonsOf(giver.geometry),
  );
  if (part.length !== 1) return null;
  const moving = boxes.filter(({ bbox }) =>
    high ? bbox[axis] > chosen.at : bbox[axis + 2]! < chosen.at,
  );
  const shifted = applyCommand(plan, ctx, {
    op: 'reassign',
    buildingIds: moving.map(({ building }) => building.properties.id),
    targetGridId: limits.toGridId,
    area: part[0]!,
  });
  if (!shifted.ok) return null;
  return {
    patch: shifted.patch,
    movedBuildingIds: moving.map(({ building }) => building.properties.id),
    households: chosen.moved,
  };
}
