/**
 * The street's totals, kept as a tally: a grid, a community's coverage or a building's problem is
 * added when it appears and subtracted when it goes, so an edit costs only what it changed. The
 * sums are exact (order-free), so the tally after any edits equals one built from scratch.
 */
import { ExactSum } from './exact-sum.ts';
import type {
  CommunityCoverage,
  CoverageProblem,
  GridWorkload,
  StreetTotals,
  WorkloadTotals,
} from './report.ts';
import { outOfBand } from './workload.ts';

const GRID_FIGURES = [
  'households',
  'residents',
  'buildings',
  'workers',
  'monthlyVisits',
  'areaM2',
  'workOrders',
] as const satisfies readonly (keyof GridWorkload & keyof WorkloadTotals)[];

const COMMUNITY_AREAS = [
  'gapAreaM2',
  'overlapAreaM2',
  'outsideAreaM2',
] as const satisfies readonly (keyof CommunityCoverage & keyof StreetTotals)[];

type Sums<K extends string> = Record<K, ExactSum>;

function sums<K extends string>(keys: readonly K[]): Sums<K> {
  return Object.fromEntries(keys.map((k) => [k, new ExactSum()])) as Sums<K>;
}

export class StreetTally {
  readonly #grid = sums(GRID_FIGURES);
  readonly #community = sums(COMMUNITY_AREAS);
  #grids = 0;
  #outOfBandGrids = 0;
  #unassignedBuildings = 0;
  #splitBuildings = 0;

  /**
   * Adds (sign 1) or subtracts (sign −1) a grid's workload.
   * @example
   * tally.addGrid(oldWorkload, -1);
   * tally.addGrid(newWorkload, 1);
   */
  addGrid(workload: GridWorkload, sign: 1 | -1): void {
    for (const key of GRID_FIGURES) this.#grid[key].add(sign * workload[key]);
    this.#grids += sign;
    if (outOfBand(workload)) this.#outOfBandGrids += sign;
  }

  /**
   * Adds or subtracts a community's gap, overlap and outside areas.
   * @example
   * tally.addCommunity(coverage, 1);
   */
  addCommunity(coverage: CommunityCoverage, sign: 1 | -1): void {
    for (const key of COMMUNITY_AREAS) this.#community[key].add(sign * coverage[key]);
  }

  /**
   * Counts or uncounts an unassigned or split building.
   * @example
   * tally.addBuildingProblem(problem, 1);
   */
  addBuildingProblem(problem: CoverageProblem, sign: 1 | -1): void {
    if (problem.kind === 'unassigned-building') this.#unassignedBuildings += sign;
    if (problem.kind === 'split-building') this.#splitBuildings += sign;
  }

  /**
   * The totals as they stand.
   * @example
   * tally.totals().gapAreaM2; // 5202.0
   */
  totals(): StreetTotals {
    const figure = (key: (typeof GRID_FIGURES)[number]) => this.#grid[key].value();
    const households = figure('households');
    const workers = figure('workers');
    return {
      grids: this.#grids,
      households,
      residents: figure('residents'),
      buildings: figure('buildings'),
      workers,
      monthlyVisits: figure('monthlyVisits'),
      areaM2: figure('areaM2'),
      workOrders: figure('workOrders'),
      householdsPerWorker: workers > 0 ? households / workers : null,
      outOfBandGrids: this.#outOfBandGrids,
      gapAreaM2: this.#community.gapAreaM2.value(),
      overlapAreaM2: this.#community.overlapAreaM2.value(),
      outsideAreaM2: this.#community.outsideAreaM2.value(),
      unassignedBuildings: this.#unassignedBuildings,
      splitBuildings: this.#splitBuildings,
    };
  }
}
