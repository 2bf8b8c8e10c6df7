/**
 * Buildings whose footprints overlap (digitising slips, an annex drawn over its block) cannot be
 * in two grids without one of them being cut, so the suggestion moves them together: they form a
 * cluster, one node of the search's graph, with their households and residents summed and every
 * neighbour of any of them.
 */
import { NUMERIC_ZERO_M2 } from '../coverage/coverage.ts';
import { intersectionAreaM2 } from '../coverage/clip-area.ts';
import type { PreparedBuilding } from '../coverage/prepared.ts';
import { BoxIndex } from '../coverage/spatial-index.ts';
import type { BuildingGraph } from './partition.ts';

/** Each building's cluster (0…clusters−1, numbered by first building), and the count. */
export interface Clusters {
  of: Int32Array;
  count: number;
}

/**
 * Clusters of overlapping footprints (overlap above NUMERIC_ZERO_M2; touching is not overlap).
 * @example
 * overlapClusters(buildings.map(prepareBuilding)).count; // = buildings.length when none overlap
 */
export function overlapClusters(buildings: readonly PreparedBuilding[]): Clusters {
  const parent = buildings.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const index = new BoxIndex(buildings, (b) => b.bbox);
  buildings.forEach((building, i) => {
    for (const j of index.searchIndices(building.bbox)) {
      if (j <= i || root(i) === root(j)) continue;
      const other = buildings[j]!;
      const overlap = intersectionAreaM2(building.rings[0]!, [other.rings.slice(0, 1)]);
      if (overlap > NUMERIC_ZERO_M2)
        parent[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  });
  const number = new Map<number, number>();
  const of = Int32Array.from(buildings, (_, i) => {
    const r = root(i);
    if (!number.has(r)) number.set(r, number.size);
    return number.get(r)!;
  });
  return { of, count: number.size };
}

/**
 * The graph over clusters: sums of their buildings' households, residents and positions'
 * mean, and the neighbours of any member.
 */
export function clusterGraph(graph: BuildingGraph, clusters: Clusters): BuildingGraph {
  const { count, of } = clusters;
  const households = new Array<number>(count).fill(0);
  const residents = new Array<number>(count).fill(0);
  const x = new Array<number>(count).fill(0);
  const y = new Array<number>(count).fill(0);
  const size = new Array<number>(count).fill(0);
  const neighbours = Array.from({ length: count }, () => new Set<number>());
  of.forEach((c, b) => {
    households[c]! += graph.households[b]!;
    residents[c]! += graph.residents[b]!;
    x[c]! += graph.x[b]!;
    y[c]! += graph.y[b]!;
    size[c]! += 1;
    for (const n of graph.neighbours[b]!) if (of[n] !== c) neighbours[c]!.add(of[n]!);
  });
  return {
    households,
    residents,
    x: x.map((v, c) => v / size[c]!),
    y: y.map((v, c) => v / size[c]!),
    neighbours: neighbours.map((set) => [...set].sort((a, b) => a - b)),
  };
}
