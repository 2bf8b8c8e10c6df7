/**
 * A community's buildings divided among grids, as the suggestion's search changes it: each
 * building's grid (a label), each grid's members, households, residents and centre, and the
 * adjacency questions the moves ask (which grids meet, whether a grid stays in one piece when a
 * building leaves it). Buildings are graph nodes; two are neighbours when their territories
 * (Voronoi cells) meet, so a grid whose buildings form one connected set gets one polygon.
 */

/** The community's buildings as the search sees them: indexes 0…n−1. */
export interface BuildingGraph {
  households: readonly number[];
  residents: readonly number[];
  /** Positions in local metres, for compact cuts. */
  x: readonly number[];
  y: readonly number[];
  neighbours: readonly (readonly number[])[];
}

export class Partition {
  readonly graph: BuildingGraph;
  /** Each building's label; −1 while no grid holds it. */
  readonly labels: Int32Array;
  readonly members: Set<number>[] = [];
  readonly households: number[] = [];
  readonly residents: number[] = [];
  #sumX: number[] = [];
  #sumY: number[] = [];

  constructor(graph: BuildingGraph, labels: readonly number[], labelCount: number) {
    this.graph = graph;
    this.labels = Int32Array.from(labels);
    for (let label = 0; label < labelCount; label++) this.addLabel();
    this.labels.forEach((label, building) => {
      if (label >= 0) this.#join(building, label);
    });
  }

  get labelCount(): number {
    return this.members.length;
  }

  /** Labels that still hold buildings. */
  liveLabels(): number[] {
    return this.members.flatMap((set, label) => (set.size > 0 ? [label] : []));
  }

  /** A new, empty label. */
  addLabel(): number {
    this.members.push(new Set());
    this.households.push(0);
    this.residents.push(0);
    this.#sumX.push(0);
    this.#sumY.push(0);
    return this.members.length - 1;
  }

  /** The mean position of a label's buildings. */
  centre(label: number): [number, number] {
    const n = Math.max(1, this.members[label]!.size);
    return [this.#sumX[label]! / n, this.#sumY[label]! / n];
  }

  /** Moves a building to `label` (from wherever it is, or from no grid). */
  move(building: number, label: number): void {
    const from = this.labels[building]!;
    if (from === label) return;
    if (from >= 0) this.#leave(building, from);
    this.#join(building, label);
  }

  #join(building: number, label: number): void {
    this.labels[building] = label;
    this.members[label]!.add(building);
    this.#shift(building, label, 1);
  }

  #leave(building: number, label: number): void {
    this.members[label]!.delete(building);
    this.#shift(building, label, -1);
  }

  #shift(building: number, label: number, sign: 1 | -1): void {
    const { households, residents, x, y } = this.graph;
    this.households[label]! += sign * households[building]!;
    this.residents[label]! += sign * residents[building]!;
    this.#sumX[label]! += sign * x[building]!;
    this.#sumY[label]! += sign * y[building]!;
  }

  /** Labels adjacent to `label` (some member of each neighbours one of its members). */
  adjacentLabels(label: number): Set<number> {
    const out = new Set<number>();
    for (const building of this.members[label]!)
      for (const next of this.graph.neighbours[building]!) {
        const other = this.labels[next]!;
        if (other !== label && other >= 0) out.add(other);
      }
    return out;
  }

  /** Whether `building` neighbours a member of `label`. */
  touches(building: number, label: number): boolean {
    return this.graph.neighbours[building]!.some((next) => this.labels[next] === label);
  }

  /**
   * Whether `building` can leave its grid without cutting it: its neighbours in the grid stay
   * connected to one another through the rest of the grid (a grid already in pieces is not
   * cut further).
   */
  canLeave(building: number): boolean {
    const label = this.labels[building]!;
    if (this.members[label]!.size <= 1) return false;
    const { neighbours } = this.graph;
    const local = neighbours[building]!.filter((n) => this.labels[n] === label);
    if (local.length <= 1) return true;
    const wanted = new Set(local.slice(1));
    const seen = new Set([building, local[0]!]);
    const queue = [local[0]!];
    for (let head = 0; head < queue.length && wanted.size > 0; head++)
      for (const next of neighbours[queue[head]!]!) {
        if (seen.has(next) || this.labels[next] !== label) continue;
        seen.add(next);
        wanted.delete(next);
        queue.push(next);
      }
    return wanted.size === 0;
  }

  /** Whether `buildings` form one connected set in the graph. */
  connected(buildings: readonly number[]): boolean {
    if (buildings.length <= 1) return true;
    const inside = new Set(buildings);
    const seen = new Set([buildings[0]!]);
    const queue = [buildings[0]!];
    for (let head = 0; head < queue.length; head++)
      for (const next of this.graph.neighbours[queue[head]!]!)
        if (inside.has(next) && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    return seen.size === inside.size;
  }
}
