/**
 * One move of the suggestion's balancing: a boundary shift that passes households from a grid
 * to a neighbour. The giving grid is cut by a straight line through a gap between its buildings,
 * across the axis that points at the receiver (a strip along their shared side), or by two such
 * lines (one end of that strip); the part goes to the receiver, ground and buildings together,
 * as one reassign edit, so ids stay, the community stays tiled and no building is cut. The part
 * chosen passes the fewest households still enough to bring the giver down to `giveDownTo`,
 * within the receiver's room and the giver's floor; when none is enough, the most that fits.
 */
import type { BBox } from 'geojson';
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
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
  /** The giver never goes below this many households. */
  keepAtLeast: number;
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

/** A part of the giver that could go: its box, the buildings wholly in it and their households. */
interface Part {
  box: BBox;
  buildings: GiverBox[];
  households: number;
}

/** A building of the giver with its box. */
interface GiverBox {
  building: BuildingFeature;
  bbox: BBox;
  households: number;
}

const beyond = (bbox: BBox, axis: Axis, at: number, high: boolean): boolean =>
  high ? bbox[axis] > at : bbox[axis + 2]! < at;

function partOf(box: BBox, buildings: GiverBox[]): Part {
  return { box, buildings, households: buildings.reduce((sum, b) => sum + b.households, 0) };
}

/**
 * The parts of the giver that could go: beyond each gap across the axis towards the receiver
 * (a strip along the shared side); each strip's two ends beyond a gap along the other axis (so
 * a single building near the receiver can go without its whole row); and the grid's own two
 * sides along the other axis (when its buildings form one row facing the receiver).
 */
function candidateParts(giverBox: BBox, axis: Axis, high: boolean, boxes: GiverBox[]): Part[] {
  const other: Axis = axis === 0 ? 1 : 0;
  const strips = gapsAlong(axis, boxes).map(({ at }) =>
    partOf(
      boxBeyond(giverBox, axis, at, high),
      boxes.filter((b) => beyond(b.bbox, axis, at, high)),
    ),
  );
  // The whole grid is no part to give, but its sides along the other axis are.
  const whole = partOf(giverBox, boxes);
  const corners = [...strips, whole].flatMap((strip) =>
    gapsAlong(other, strip.buildings).flatMap(({ at }) =>
      [false, true].map((side) =>
        partOf(
          boxBeyond(strip.box, other, at, side),
          strip.buildings.filter((b) => beyond(b.bbox, other, at, side)),
        ),
      ),
    ),
  );
  return [...strips, ...corners];
}

/**
 * Passes households from one grid to its neighbour by shifting their boundary; `givers` are the
 * buildings wholly in the giving grid. Null when no line through a gap moves anything the
 * receiver has room for, or when the editing refuses the shift (the part does not touch the
 * receiver, or a grid would fall into pieces).
 * @example
 * const shift = transferHouseholds(plan, ctx, givers, {
 *   fromGridId: a, toGridId: b, fromHouseholds: 620, toHouseholds: 280,
 *   giveDownTo: 500, receiveUpTo: 500, keepAtLeast: 300 });
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
  const boxes = givers.map((building): GiverBox => ({
    building,
    bbox: bboxOf(building.geometry),
    households: building.properties.households,
  }));
  const need = limits.fromHouseholds - limits.giveDownTo;
  const room = limits.receiveUpTo - limits.toHouseholds;
  const parts = candidateParts(giverBox, axis, high, boxes).filter(
    (part) =>
      part.households > 0 &&
      part.households <= room &&
      limits.fromHouseholds - part.households >= limits.keepAtLeast,
  );
  // The fewest households that are enough first, then the most that fit when none is enough.
  const ranked = [...parts].sort((x, y) => {
    const [xEnough, yEnough] = [x.households >= need, y.households >= need];
    if (xEnough !== yEnough) return xEnough ? -1 : 1;
    return xEnough ? x.households - y.households : y.households - x.households;
  });
  for (const part of ranked) {
    const shifted = shiftPart(plan, ctx, giver, limits.toGridId, part);
    if (shifted) return shifted;
  }
  return null;
}

/** The part (box ∩ giver) and its buildings moved to the receiver; null when refused. */
function shiftPart(
  plan: Plan,
  ctx: EditContext,
  giver: GridFeature,
  toGridId: string,
  part: Part,
): Transfer | null {
  const [west, south, east, north] = part.box;
  const area = intersectAreas(
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
  if (area.length !== 1) return null;
  const buildingIds = part.buildings.map(({ building }) => building.properties.id);
  const shifted = applyCommand(plan, ctx, {
    op: 'reassign',
    buildingIds,
    targetGridId: toGridId,
    area: area[0]!,
  });
  if (!shifted.ok) return null;
  return { patch: shifted.patch, movedBuildingIds: buildingIds, households: part.households };
}
