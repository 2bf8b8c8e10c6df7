/**
 * Ways to cut a set of buildings in two by a straight line, for splitting a grid and for
 * redrawing two neighbours: the buildings are ordered along each of SWEEP_DIRECTIONS directions
 * and every prefix of an order is one side of a cut. A straight cut keeps both sides compact;
 * the caller scores the cuts by the sums it asks for and takes the best whose sides are both
 * connected in the building graph.
 */
import type { Partition } from './partition.ts';

/** Directions swept, evenly over half a turn (every 15°). */
const SWEEP_DIRECTIONS = 12;
/** How many of the best-scoring cuts are checked for connected sides before giving up. */
const CONNECTIVITY_TRIES = 60;

/** One cut: the first `size` buildings of `order` on one side, the rest on the other. */
export interface SweepCut {
  order: readonly number[];
  size: number;
  /** Per weight asked for, its sum over the first side. */
  sums: number[];
  /** Graph edges between the two sides: fewer is a shorter boundary. */
  cutEdges: number;
}

/** The buildings on each side of a cut. */
export function sidesOf(cut: SweepCut): [number[], number[]] {
  return [cut.order.slice(0, cut.size), cut.order.slice(cut.size)];
}

/**
 * Every straight cut of `buildings` along the sweep directions, with the sums of `weights`.
 * @example
 * sweepCuts(partition, members, [(b) => graph.households[b]]);
 */
export function sweepCuts(
  partition: Partition,
  buildings: readonly number[],
  weights: readonly ((building: number) => number)[],
): SweepCut[] {
  const { x, y, neighbours } = partition.graph;
  const inSet = new Set(buildings);
  const cuts: SweepCut[] = [];
  for (let d = 0; d < SWEEP_DIRECTIONS; d++) {
    const angle = (Math.PI * d) / SWEEP_DIRECTIONS;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const order = [...buildings].sort(
      (a, b) => x[a]! * cos + y[a]! * sin - (x[b]! * cos + y[b]! * sin) || a - b,
    );
    const sums = weights.map(() => 0);
    const before = new Set<number>();
    let cutEdges = 0;
    for (let size = 1; size < order.length; size++) {
      const added = order[size - 1]!;
      weights.forEach((weight, w) => (sums[w]! += weight(added)));
      for (const next of neighbours[added]!)
        if (inSet.has(next)) cutEdges += before.has(next) ? -1 : 1;
      before.add(added);
      cuts.push({ order, size, sums: [...sums], cutEdges });
    }
  }
  return cuts;
}

/**
 * The best cut by `score` (lower is better; null rules a cut out) whose two sides are both
 * connected, or null.
 */
export function bestConnectedCut(
  partition: Partition,
  cuts: readonly SweepCut[],
  score: (cut: SweepCut) => number | null,
): SweepCut | null {
  const scored = cuts
    .map((cut) => ({ cut, score: score(cut) }))
    .filter((c): c is { cut: SweepCut; score: number } => c.score !== null)
    .sort((a, b) => a.score - b.score);
  for (const { cut } of scored.slice(0, CONNECTIVITY_TRIES)) {
    const [side, rest] = sidesOf(cut);
    if (partition.connected(side) && partition.connected(rest)) return cut;
  }
  return null;
}
