/**
 * The suggestion's search for one community, over buildings (docs/suggest-method.md): from
 * today's division of the buildings among grids, give every building a grid, bring the number
 * of grids into the feasible range (split the fullest grid by the most balanced straight cut,
 * or merge the smallest into its least loaded neighbour), then let households flow building by
 * building along the grid adjacency graph from grids above the band to the nearest grid with
 * room (and into grids below it from the nearest with households to spare); where a flow cannot
 * help, two neighbours are redrawn together by the straight cut that moves the fewest households.
 * Every step keeps each grid's buildings connected, so every grid can be one polygon. Pure: no
 * geometry beyond the building graph.
 */
import { Partition, type BuildingGraph } from './partition.ts';
import { bestConnectedCut, sidesOf, sweepCuts, type SweepCut } from './sweep-cuts.ts';

export interface SearchNorms {
  band: { min: number; max: number };
  maxResidents: number;
}

export interface SearchInput {
  graph: BuildingGraph;
  /** Each building's grid today (0…grids−1), or −1 when no grid holds it. */
  start: readonly number[];
  /** Today's number of grids. */
  grids: number;
  /** The number of grids wanted. */
  target: number;
  norms: SearchNorms;
  /**
   * Start afresh: cut the whole community into `target` grids by recursive balanced cuts
   * instead of starting from today's grids (for when the search from today's grids is stuck).
   */
  afresh?: boolean;
}

/** Each building's grid: today's labels kept, new grids numbered from `grids` on. */
export interface SearchResult {
  labels: Int32Array;
  labelCount: number;
  /** Σ over the grids of how far each is off the norms, in households (0: all within). */
  offNorms: number;
}

/** Rounds of balancing per grid; the search stops earlier once nothing is off the band. */
const ROUNDS_PER_GRID = 6;

/**
 * Divides the community's buildings among `target` grids within the norms where it can.
 * @example
 * const { labels } = searchPartition({ graph, start, grids: 3, target: 4, norms });
 */
export function searchPartition(input: SearchInput): SearchResult {
  const { graph, norms } = input;
  const partition = new Partition(graph, input.start, Math.max(input.grids, 1));
  const search = new Search(partition, norms);
  search.placeUnassigned();
  if (input.afresh) search.cutAfresh(input.target);
  else search.setCount(input.target);
  search.balance();
  return {
    labels: partition.labels,
    labelCount: partition.labelCount,
    offNorms: search.totalDeviation(),
  };
}

class Search {
  readonly #p: Partition;
  readonly #norms: SearchNorms;

  constructor(partition: Partition, norms: SearchNorms) {
    this.#p = partition;
    this.#norms = norms;
  }

  /** How far a grid is off the norms, in households (0 when within). */
  deviation(label: number): number {
    const { min, max } = this.#norms.band;
    const h = this.#p.households[label]!;
    const r = this.#p.residents[label]!;
    const perHousehold = h > 0 ? r / h : 0;
    const residentsOver =
      r > this.#norms.maxResidents && perHousehold > 0
        ? Math.ceil((r - this.#norms.maxResidents) / perHousehold)
        : 0;
    return Math.max(h - max, residentsOver, min - h, 0);
  }

  /** Buildings no grid holds go to the grid most of their neighbours are in (or the nearest). */
  placeUnassigned(): void {
    const p = this.#p;
    const { neighbours, x, y } = p.graph;
    const waiting = () => [...p.labels.keys()].filter((b) => p.labels[b]! < 0);
    let left = waiting();
    if (left.length === p.labels.length) {
      for (const b of left) p.move(b, 0);
      return;
    }
    while (left.length > 0) {
      let placed = false;
      for (const b of left) {
        const votes = new Map<number, number>();
        for (const n of neighbours[b]!)
          if (p.labels[n]! >= 0) votes.set(p.labels[n]!, (votes.get(p.labels[n]!) ?? 0) + 1);
        const best = [...votes].sort((a, c) => c[1] - a[1] || a[0] - c[0])[0];
        if (best) {
          p.move(b, best[0]);
          placed = true;
        }
      }
      left = waiting();
      if (!placed && left.length > 0) {
        // A part of the graph no grid reaches: its first building joins the nearest grid.
        const b = left[0]!;
        let nearest = -1;
        let best = Infinity;
        p.labels.forEach((label, other) => {
          const d = (x[other]! - x[b]!) ** 2 + (y[other]! - y[b]!) ** 2;
          if (label >= 0 && d < best) [best, nearest] = [d, label];
        });
        p.move(b, nearest);
        left = waiting();
      }
    }
  }

  /** Splits the fullest grids or merges the smallest until `target` grids hold buildings. */
  setCount(target: number): void {
    const p = this.#p;
    const byHouseholds = () => p.liveLabels().sort((a, b) => p.households[b]! - p.households[a]!);
    while (p.liveLabels().length < target) {
      if (!byHouseholds().some((label) => this.split(label))) break;
    }
    while (p.liveLabels().length > target) {
      const smallest = byHouseholds().reverse()[0]!;
      const into = [...p.adjacentLabels(smallest)].sort(
        (a, b) => p.households[a]! - p.households[b]!,
      )[0];
      if (into === undefined) break;
      for (const b of [...p.members[smallest]!]) p.move(b, into);
    }
  }

  /** Cuts a grid in two by the most balanced straight cut; the larger side keeps the label. */
  split(label: number): boolean {
    const p = this.#p;
    const members = [...p.members[label]!];
    if (members.length < 2) return false;
    const total = p.households[label]!;
    const cuts = sweepCuts(p, members, [(b) => p.graph.households[b]!]);
    const best = bestConnectedCut(p, cuts, (cut) => {
      const side = cut.sums[0]!;
      // Balance first; among cuts within 5 % of the best balance, the shortest boundary.
      return (
        Math.round(Math.abs(total - 2 * side) / Math.max(1, total * 0.05)) * 1e6 + cut.cutEdges
      );
    });
    if (!best) return false;
    const [side, rest] = sidesOf(best);
    const smaller = best.sums[0]! * 2 <= total ? side : rest;
    const fresh = p.addLabel();
    for (const b of smaller) p.move(b, fresh);
    return true;
  }

  /** All buildings in grid 0, then cut in `target` grids by recursive balanced cuts. */
  cutAfresh(target: number): void {
    const p = this.#p;
    const all = [...p.labels.keys()];
    for (const b of all) p.move(b, 0);
    while (p.labelCount < target) p.addLabel();
    this.#cutInto(
      all,
      Array.from({ length: target }, (_, i) => i),
    );
  }

  /**
   * Cuts `buildings` among `labels` (at least one): in two by the straight cut whose sides can
   * each be divided within the band among their share of the labels, the nearest to a
   * proportional share of the households; then each side the same way.
   */
  #cutInto(buildings: readonly number[], labels: readonly number[]): void {
    const p = this.#p;
    const [first, ...others] = labels;
    if (others.length === 0 || buildings.length < 2) {
      for (const b of buildings) p.move(b, first!);
      return;
    }
    const { min, max } = this.#norms.band;
    const { households, residents } = p.graph;
    const k = labels.length;
    const k1 = Math.floor(k / 2);
    const total = buildings.reduce((sum, b) => sum + households[b]!, 0);
    const totalResidents = buildings.reduce((sum, b) => sum + residents[b]!, 0);
    const fits = (h: number, r: number, grids: number) =>
      h >= grids * min && h <= grids * max && r <= grids * this.#norms.maxResidents;
    const cuts = sweepCuts(p, buildings, [(b) => households[b]!, (b) => residents[b]!]);
    const best = bestConnectedCut(p, cuts, (cut) => {
      const [h, r] = cut.sums as [number, number];
      const feasible = fits(h, r, k1) && fits(total - h, totalResidents - r, k - k1);
      const share = Math.abs(h - (total * k1) / k);
      return (
        (feasible ? 0 : 1e9) + Math.round(share / Math.max(1, total * 0.02)) * 1e4 + cut.cutEdges
      );
    });
    if (!best) {
      for (const b of buildings) p.move(b, first!);
      return;
    }
    const [side, rest] = sidesOf(best);
    this.#cutInto(side, labels.slice(0, k1));
    this.#cutInto(rest, labels.slice(k1));
  }

  /** Rounds of flows and pair redraws until no grid is off the norms or nothing helps. */
  balance(): void {
    const p = this.#p;
    const stuck = new Set<number>();
    const rounds = ROUNDS_PER_GRID * p.liveLabels().length + 10;
    for (let round = 0; round < rounds; round++) {
      const off = p
        .liveLabels()
        .filter((l) => !stuck.has(l) && this.deviation(l) > 0)
        .sort((a, b) => this.deviation(b) - this.deviation(a) || a - b)[0];
      if (off === undefined) return;
      const before = this.totalDeviation();
      const saved = Int32Array.from(p.labels);
      if (this.flow(off) && this.totalDeviation() < before) stuck.clear();
      else {
        this.#restore(saved);
        if (this.redrawPair(off) && this.totalDeviation() < before) stuck.clear();
        else {
          this.#restore(saved);
          stuck.add(off);
        }
      }
    }
  }

  /** Puts every building back in the grid `labels` gives it. */
  #restore(labels: Int32Array): void {
    labels.forEach((label, building) => this.#p.move(building, label));
  }

  totalDeviation(): number {
    return this.#p.liveLabels().reduce((sum, l) => sum + this.deviation(l), 0);
  }

  /** Households flow to (or from) the nearest grid with room (or to spare), building by building. */
  flow(label: number): boolean {
    const p = this.#p;
    const { min, max } = this.#norms.band;
    const above = p.households[label]! >= min;
    const need = this.deviation(label);
    const path = above
      ? this.#pathTo(label, (l) => max - p.households[l]!, need)
      : this.#pathTo(label, (l) => p.households[l]! - min, need)?.reverse();
    if (!path) return false;
    let amount = this.deviation(label);
    let moved = false;
    // The far end first, so each grid in between passes on what it has just been given.
    for (let i = path.length - 2; i >= 0 && amount > 0; i--) {
      const [from, to] = [path[i]!, path[i + 1]!];
      const last = i === path.length - 2;
      const cap = last ? max : Infinity;
      const floor = i === 0 ? min : 0;
      const passed = this.#pass(from, to, amount, cap, floor);
      if (passed === 0) break;
      moved = true;
      amount = passed;
    }
    return moved;
  }

  /**
   * The path of adjacent grids from `start` to the nearest grid whose `capacity` (room or
   * households to spare) covers `need`; when none does, to the one with the most capacity.
   */
  #pathTo(start: number, capacity: (label: number) => number, need: number): number[] | null {
    const previous = new Map<number, number>([[start, -1]]);
    const queue = [start];
    let fallback = -1;
    let target = -1;
    for (let head = 0; head < queue.length && target < 0; head++) {
      const at = queue[head]!;
      if (at !== start && capacity(at) >= need) target = at;
      else if (at !== start && capacity(at) > (fallback < 0 ? 0 : capacity(fallback)))
        fallback = at;
      for (const next of [...this.#p.adjacentLabels(at)].sort((a, b) => a - b))
        if (!previous.has(next)) {
          previous.set(next, at);
          queue.push(next);
        }
    }
    const end = target >= 0 ? target : fallback;
    if (end < 0) return null;
    const path = [end];
    for (let step = previous.get(end)!; step >= 0; step = previous.get(step)!) path.unshift(step);
    return path;
  }

  /**
   * Moves buildings on the shared side from `from` to `to` until about `amount` households have
   * gone, the receiver staying within `cap` households and the resident limit, the giver at or
   * above `floor`; each time the building nearest the receiver among those that fit. Returns the
   * households moved.
   */
  #pass(from: number, to: number, amount: number, cap: number, floor: number): number {
    const p = this.#p;
    const { households, residents, x, y } = p.graph;
    let moved = 0;
    while (moved < amount) {
      const need = amount - moved;
      const [cx, cy] = p.centre(to);
      const fits = [...p.members[from]!].filter(
        (b) =>
          p.touches(b, to) &&
          p.households[to]! + households[b]! <= cap &&
          p.residents[to]! + residents[b]! <= this.#norms.maxResidents &&
          p.households[from]! - households[b]! >= floor &&
          p.canLeave(b),
      );
      if (fits.length === 0) break;
      const distance = (b: number) => (x[b]! - cx) ** 2 + (y[b]! - cy) ** 2;
      const within = fits.filter((b) => households[b]! <= need);
      const choice =
        within.length > 0
          ? within.sort((a, b) => distance(a) - distance(b) || a - b)[0]!
          : fits.sort((a, b) => households[a]! - households[b]! || a - b)[0]!;
      p.move(choice, to);
      moved += households[choice]!;
    }
    return moved;
  }

  /**
   * Redraws a grid and one of its neighbours together by the straight cut that brings both
   * within the norms moving the fewest households; false when no neighbour allows it.
   */
  redrawPair(label: number): boolean {
    const p = this.#p;
    const { min, max } = this.#norms.band;
    const { households, residents } = p.graph;
    for (const other of [...p.adjacentLabels(label)].sort((a, b) => a - b)) {
      const total = p.households[label]! + p.households[other]!;
      if (total < 2 * min || total > 2 * max) continue;
      const members = [...p.members[label]!, ...p.members[other]!];
      const totalResidents = p.residents[label]! + p.residents[other]!;
      const ofLabel = (b: number) => (p.labels[b] === label ? households[b]! : 0);
      const cuts = sweepCuts(p, members, [(b) => households[b]!, (b) => residents[b]!, ofLabel]);
      const withinNorms = (h: number, r: number) =>
        h >= min && h <= max && r <= this.#norms.maxResidents;
      // The first side goes to `label` or to `other`; the households that change grid are the cost.
      const cost = (cut: SweepCut, firstToLabel: boolean) => {
        const [h, r, labelOnSide] = cut.sums as [number, number, number];
        if (!withinNorms(h, r) || !withinNorms(total - h, totalResidents - r)) return null;
        const otherOnSide = h - labelOnSide;
        const stay = firstToLabel
          ? labelOnSide + (p.households[other]! - otherOnSide)
          : otherOnSide + (p.households[label]! - labelOnSide);
        return (total - stay) * 1e3 + cut.cutEdges;
      };
      const options = [true, false].flatMap((firstToLabel) => {
        const cut = bestConnectedCut(p, cuts, (c) => cost(c, firstToLabel));
        return cut ? [{ cut, firstToLabel, cost: cost(cut, firstToLabel)! }] : [];
      });
      const best = options.sort((a, b) => a.cost - b.cost)[0];
      if (!best) continue;
      const [side, rest] = sidesOf(best.cut);
      const [sideLabel, restLabel] = best.firstToLabel ? [label, other] : [other, label];
      for (const b of side) p.move(b, sideLabel);
      for (const b of rest) p.move(b, restLabel);
      return true;
    }
    return false;
  }
}
