/**
 * Two plans compared by their figures: which grids were added, removed or changed, each grid's
 * and each community's workload before and after with the differences, street totals, and every
 * building that changes grid. Pure and deterministic: the coverage engine's figures of both plans
 * in, plain data out (rows sorted by community, then grid or building id), for the comparison
 * view and the change report (调整说明).
 */
import type { BuildingProperties } from '../domain/types.ts';
import type { AnalysisInput } from './coverage/input.ts';
import type {
  BandStatus,
  BuildingAssignment,
  GridWorkload,
  WorkloadTotals,
} from './coverage/report.ts';
import { sumWorkloads } from './coverage/workload.ts';

/** What the coverage engine says about one plan. */
export interface PlanFigures {
  grids: GridWorkload[];
  assignments: BuildingAssignment[];
}

/** The building fields the comparison reads (a building's properties fit). */
export type ComparedBuilding = Pick<
  BuildingProperties,
  'households' | 'residents' | 'name' | 'address' | 'communityId'
>;

export interface CompareContext {
  buildings: ReadonlyMap<string, ComparedBuilding>;
  /** Community names by id (a community without a name may be absent or undefined). */
  communities: ReadonlyMap<string, string | undefined>;
}

/**
 * The comparison's context for a street's layers: its buildings' and communities' properties.
 * @example
 * comparePlans(before, after, compareContextOf(input));
 */
export function compareContextOf(
  input: Pick<AnalysisInput, 'buildings' | 'communities'>,
): CompareContext {
  return {
    buildings: new Map(input.buildings.map((b) => [b.properties.id, b.properties])),
    communities: new Map(input.communities.map((c) => [c.properties.id, c.properties.name])),
  };
}

/** A count before and after; a grid absent on one side counts 0 there. */
export interface CountChange {
  before: number;
  after: number;
  difference: number;
}

/** A ratio before and after; null where it does not exist (no grid, no worker). */
export interface RatioChange {
  before: number | null;
  after: number | null;
  difference: number | null;
}

/** The workload figures every row of the comparison carries. */
export interface FigureChanges {
  households: CountChange;
  residents: CountChange;
  workers: CountChange;
  buildings: CountChange;
  householdsPerWorker: RatioChange;
}

export type GridChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface GridComparison extends FigureChanges {
  gridId: string;
  /** The grid's community after the edit (before, for a removed grid). */
  communityId: string;
  status: GridChangeStatus;
  areaM2: CountChange;
  /** Null on the side where the grid does not exist. */
  bandBefore: BandStatus | null;
  bandAfter: BandStatus | null;
}

export interface CommunityComparison extends FigureChanges {
  communityId: string;
  communityName: string | null;
  grids: CountChange;
}

export interface StreetComparison extends FigureChanges {
  grids: CountChange;
  /** Comprehensive grids off the household band or over the resident limit. */
  outOfBandGrids: CountChange;
  /** Buildings in no grid. */
  unassignedBuildings: CountChange;
}

export interface MovedBuilding {
  buildingId: string;
  name: string | null;
  address: string | null;
  communityId: string;
  households: number;
  residents: number;
  /** Null when the building was in no grid before. */
  fromGridId: string | null;
  /** Null when the building is in no grid after. */
  toGridId: string | null;
}

export interface PlanComparison {
  grids: GridComparison[];
  communities: CommunityComparison[];
  street: StreetComparison;
  movedBuildings: MovedBuilding[];
  /** Grid counts by status. */
  gridChanges: Record<GridChangeStatus, number>;
  /** Σ over the moved buildings. */
  householdsMoved: number;
  residentsMoved: number;
}

/**
 * Compares two plans' figures (each computed by the coverage engine on the same buildings).
 * @example
 * const comparison = comparePlans(
 *   { grids: baseline.grids, assignments: baseline.assignments },
 *   { grids: planReport.grids, assignments: planReport.assignments },
 *   { buildings: new Map(buildings.map((b) => [b.properties.id, b.properties])), communities },
 * );
 * comparison.movedBuildings.length; // buildings that change grid
 */
export function comparePlans(
  before: PlanFigures,
  after: PlanFigures,
  context: CompareContext,
): PlanComparison {
  const movedBuildings = movedBetween(before, after, context);
  const touchedGrids = new Set(movedBuildings.flatMap((m) => [m.fromGridId, m.toGridId]));
  const grids = compareGrids(before.grids, after.grids, touchedGrids);
  const gridChanges = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const grid of grids) gridChanges[grid.status] += 1;
  const streetBefore = sumWorkloads(before.grids);
  const streetAfter = sumWorkloads(after.grids);
  return {
    grids,
    communities: compareCommunities(before.grids, after.grids, context),
    street: {
      ...compareFigures(streetBefore, streetAfter),
      grids: countChange(streetBefore.grids, streetAfter.grids),
      outOfBandGrids: countChange(streetBefore.outOfBandGrids, streetAfter.outOfBandGrids),
      unassignedBuildings: countChange(unassigned(before), unassigned(after)),
    },
    movedBuildings,
    gridChanges,
    householdsMoved: movedBuildings.reduce((sum, m) => sum + m.households, 0),
    residentsMoved: movedBuildings.reduce((sum, m) => sum + m.residents, 0),
  };
}

function compareGrids(
  before: readonly GridWorkload[],
  after: readonly GridWorkload[],
  touched: ReadonlySet<string | null>,
): GridComparison[] {
  const beforeById = new Map(before.map((g) => [g.gridId, g]));
  const afterById = new Map(after.map((g) => [g.gridId, g]));
  const ids = new Set([...beforeById.keys(), ...afterById.keys()]);
  const rows = [...ids].map((gridId): GridComparison => {
    const old = beforeById.get(gridId) ?? null;
    const now = afterById.get(gridId) ?? null;
    return {
      gridId,
      communityId: (now ?? old)!.communityId,
      status: statusOf(old, now, touched.has(gridId)),
      ...compareFigures(totalsOf(old), totalsOf(now)),
      areaM2: countChange(old?.areaM2 ?? 0, now?.areaM2 ?? 0),
      bandBefore: old?.band ?? null,
      bandAfter: now?.band ?? null,
    };
  });
  return rows.sort((a, b) => byText(a.communityId, b.communityId) || byText(a.gridId, b.gridId));
}

function statusOf(
  old: GridWorkload | null,
  now: GridWorkload | null,
  gainedOrLostBuildings: boolean,
): GridChangeStatus {
  if (!old) return 'added';
  if (!now) return 'removed';
  const same =
    !gainedOrLostBuildings &&
    old.communityId === now.communityId &&
    old.type === now.type &&
    old.households === now.households &&
    old.residents === now.residents &&
    old.buildings === now.buildings &&
    old.workers === now.workers &&
    old.areaM2 === now.areaM2;
  return same ? 'unchanged' : 'changed';
}

function compareCommunities(
  before: readonly GridWorkload[],
  after: readonly GridWorkload[],
  context: CompareContext,
): CommunityComparison[] {
  const ids = [...new Set([...before, ...after].map((g) => g.communityId))].sort(byText);
  return ids.map((communityId) => {
    const old = sumWorkloads(before.filter((g) => g.communityId === communityId));
    const now = sumWorkloads(after.filter((g) => g.communityId === communityId));
    return {
      communityId,
      communityName: context.communities.get(communityId) ?? null,
      ...compareFigures(old, now),
      grids: countChange(old.grids, now.grids),
    };
  });
}

type Totals = Pick<
  WorkloadTotals,
  'households' | 'residents' | 'workers' | 'buildings' | 'householdsPerWorker'
>;

const NO_GRID: Totals = {
  households: 0,
  residents: 0,
  workers: 0,
  buildings: 0,
  householdsPerWorker: null,
};

function totalsOf(grid: GridWorkload | null): Totals {
  return grid ?? NO_GRID;
}

function compareFigures(before: Totals, after: Totals): FigureChanges {
  return {
    households: countChange(before.households, after.households),
    residents: countChange(before.residents, after.residents),
    workers: countChange(before.workers, after.workers),
    buildings: countChange(before.buildings, after.buildings),
    householdsPerWorker: ratioChange(before.householdsPerWorker, after.householdsPerWorker),
  };
}

function movedBetween(
  before: PlanFigures,
  after: PlanFigures,
  context: CompareContext,
): MovedBuilding[] {
  const gridBefore = new Map(before.assignments.map((a) => [a.buildingId, a.gridId]));
  const gridAfter = new Map(after.assignments.map((a) => [a.buildingId, a.gridId]));
  const communityOfGrid = new Map(
    [...before.grids, ...after.grids].map((g) => [g.gridId, g.communityId]),
  );
  const moved: MovedBuilding[] = [];
  for (const buildingId of new Set([...gridBefore.keys(), ...gridAfter.keys()])) {
    const fromGridId = gridBefore.get(buildingId) ?? null;
    const toGridId = gridAfter.get(buildingId) ?? null;
    if (fromGridId === toGridId) continue;
    const building = context.buildings.get(buildingId);
    moved.push({
      buildingId,
      name: building?.name ?? null,
      address: building?.address ?? null,
      communityId:
        building?.communityId ??
        communityOfGrid.get(toGridId ?? '') ??
        communityOfGrid.get(fromGridId ?? '') ??
        '',
      households: building?.households ?? 0,
      residents: building?.residents ?? 0,
      fromGridId,
      toGridId,
    });
  }
  return moved.sort(
    (a, b) =>
      byText(a.communityId, b.communityId) ||
      byText(a.fromGridId ?? '', b.fromGridId ?? '') ||
      byText(a.buildingId, b.buildingId),
  );
}

function unassigned(figures: PlanFigures): number {
  return figures.assignments.filter((a) => a.gridId === null).length;
}

function countChange(before: number, after: number): CountChange {
  return { before, after, difference: after - before };
}

function ratioChange(before: number | null, after: number | null): RatioChange {
  return { before, after, difference: before === null || after === null ? null : after - before };
}

/** Code-point order: the same in every locale, so the rows come out the same everywhere. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
