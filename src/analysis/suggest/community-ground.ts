/**
 * The ground of a community's grids once its buildings are divided: grids whose buildings did
 * not change and that today's plan gets right keep their boundary; the others get new ground
 * (grid-areas.ts). A changed grid whose buildings meet only across a kept grid's ground falls
 * into pieces: the kept grids in its way are redrawn too, until none is in the way.
 */
import type { Position } from 'geojson';
import type { BuildingFeature, GridFeature } from '../../domain/types.ts';
import {
  bboxOfAreas,
  subtractAreas,
  unionAreas,
  type Polygons,
} from '../../editing/polygon-ops.ts';
import { polygonsOf } from '../coverage/prepared.ts';
import { boxesMeet } from '../coverage/spatial-index.ts';
import type { LocalFrame } from './building-graph.ts';
import { gridAreas, type AreaResult } from './grid-areas.ts';

export interface GroundInput {
  /** Each building's grid in the division; today's grids are 0…comprehensive.length−1. */
  labels: readonly number[];
  /** Each building's grid today, or −1. */
  start: readonly number[];
  comprehensive: readonly GridFeature[];
  faultyGridIds: ReadonlySet<string>;
  /** The ground the comprehensive grids share (the community less its dedicated grids). */
  shared: Polygons;
  buildings: readonly BuildingFeature[];
  points: readonly Position[];
  frame: LocalFrame;
}

export interface Ground extends AreaResult {
  /** The grids that keep their boundary, by key (`#` and the label). */
  fixed: Map<string, Polygons>;
}

export const keyOf = (label: number) => `#${label}`;

/** The label a key (`keyOf`) stands for. */
export const labelOf = (key: string) => Number(key.slice(1));

/**
 * The grids' ground for a division.
 * @example
 * const { areas, fixed, scattered } = drawGround({ labels, start, comprehensive, ... });
 */
export function drawGround(input: GroundInput): Ground {
  const { labels, start, comprehensive } = input;
  const members = groups(labels);
  const startMembers = groups(start);
  const fixed = new Map<string, Polygons>();
  // A grid without buildings goes: its ground joins its neighbours.
  comprehensive.forEach((grid, label) => {
    const now = members.get(label);
    if (
      now &&
      !input.faultyGridIds.has(grid.properties.id) &&
      sameMembers(now, startMembers.get(label) ?? [])
    )
      fixed.set(keyOf(label), polygonsOf(grid.geometry));
  });
  for (;;) {
    const changed = new Map<string, number[]>();
    for (const [label, list] of members)
      if (!fixed.has(keyOf(label))) changed.set(keyOf(label), list);
    const region = subtractAreas(input.shared, [unionAreas([...fixed.values()])]);
    const { buildings, points, frame } = input;
    const result = gridAreas({ region, buildings, points, frame, changed, fixed });
    const inTheWay = [...fixed].filter(([, area]) =>
      result.scattered.some(({ bbox }) => boxesMeet(bbox, bboxOfAreas(area))),
    );
    if (inTheWay.length === 0) return { ...result, fixed };
    for (const [key] of inTheWay) fixed.delete(key);
  }
}

/** The buildings of each label, in building order (−1, no grid, left out). */
function groups(labels: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  labels.forEach((label, b) => {
    if (label < 0) return;
    const list = out.get(label) ?? [];
    list.push(b);
    out.set(label, list);
  });
  return out;
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
