/**
 * How a community's buildings are divided among grids: the grid count its households allow
 * (grid-count.ts), then the search (partition-search.ts) over clusters of overlapping buildings,
 * from today's grids at today's count first, then at the other counts of the feasible range
 * nearest first, then afresh, until a division meets the norms; otherwise the one nearest them.
 */
import type { GridSettings } from '../../domain/settings.ts';
import type { PreparedBuilding } from '../coverage/prepared.ts';
import { gridCount, type GridCount } from './grid-count.ts';
import { clusterGraph, overlapClusters } from './overlap-clusters.ts';
import type { BuildingGraph } from './partition.ts';
import { searchPartition, type SearchResult } from './partition-search.ts';

export interface Division {
  /** Each building's grid: today's grids keep their index, new grids come after them. */
  labels: number[];
  count: GridCount;
  /** How far the division is off the norms, in households (0: all within). */
  offNorms: number;
}

/**
 * Divides the community's buildings within the norms where it can.
 * @example
 * const { labels, count } = divideBuildings(graph, prepared, start, 3, settings);
 */
export function divideBuildings(
  graph: BuildingGraph,
  buildings: readonly PreparedBuilding[],
  start: readonly number[],
  grids: number,
  settings: GridSettings,
): Division {
  const clusters = overlapClusters(buildings);
  const clustered = clusterGraph(graph, clusters);
  // A cluster starts in the grid of its largest building.
  const clusterStart = new Array<number>(clusters.count).fill(-1);
  const largest = new Array<number>(clusters.count).fill(-1);
  clusters.of.forEach((c, b) => {
    if (start[b]! >= 0 && graph.households[b]! > largest[c]!) {
      largest[c] = graph.households[b]!;
      clusterStart[c] = start[b]!;
    }
  });
  const count = gridCount(
    {
      households: clustered.households.reduce((s, h) => s + h, 0),
      residents: clustered.residents.reduce((s, r) => s + r, 0),
      largestBuildingHouseholds: Math.max(0, ...clustered.households),
      currentGrids: grids,
    },
    settings,
  );
  const norms = { band: settings.householdsBand, maxResidents: settings.maxResidents };
  let best: SearchResult | null = null;
  if (clusters.count > 0)
    for (const afresh of [false, true]) {
      for (const target of countsToTry(count)) {
        const input = { graph: clustered, start: clusterStart, grids, target, norms, afresh };
        const result = searchPartition(input);
        if (!best || result.offNorms < best.offNorms) best = result;
        if (result.offNorms === 0) break;
      }
      if (best!.offNorms === 0) break;
    }
  const labels = Array.from(clusters.of, (c) => best!.labels[c]!);
  return { labels, count, offNorms: best?.offNorms ?? 0 };
}

/** The counts the search tries: the one gridCount gives, then outward through the range. */
function countsToTry(count: GridCount): number[] {
  if (!count.feasible) return [count.grids];
  const { min, max } = count.range;
  const all = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return all.sort((a, b) => Math.abs(a - count.grids) - Math.abs(b - count.grids) || a - b);
}
