/**
 * The coverage and workload engine. It prepares every feature once (projected rings, areas, an
 * R-tree over grids, buildings and work orders), answers the full report, and after grid edits
 * recomputes only what the edit can reach: the buildings and work orders inside the old and new
 * extents of the changed grids, the grids they leave or join, and the communities involved; it
 * answers an edit with what changed (a ReportDelta), never the whole street. Every figure is
 * computed by the same functions either way, so the report after edits equals a full
 * recomputation exactly, and grids keep their rank, so removing a grid and adding it back gives
 * the original report.
 */
import type { BBox, Position } from 'geojson';
import { DEFAULT_SETTINGS, type GridSettings } from '../../domain/settings.ts';
import type { CommunityFeature } from '../../domain/types.ts';
import { assignBuilding } from './assignment.ts';
import { checkCommunity, type CommunityGeometryCheck } from './coverage.ts';
import { facilityCoverage } from './facility-coverage.ts';
import { geometryAreaM2 } from './geodesy.ts';
import type { AnalysisInput, GridChange, InvalidRingGrid } from './input.ts';
import {
  bboxOf,
  gridContains,
  prepareBuilding,
  prepareGrid,
  type PreparedBuilding,
  type PreparedGrid,
} from './prepared.ts';
import { buildingProblem, communityProblems, workloadProblems } from './problems.ts';
import { RankedGrids } from './ranked-grids.ts';
import type {
  BuildingAssignment,
  CommunityCoverage,
  CoverageProblem,
  CoverageReport,
  FacilityTypeCoverage,
  GridWorkload,
  PlacedBuildingProblem,
  ReportDelta,
} from './report.ts';
import { insertSorted, lowerBound, removeSorted } from './sorted-list.ts';
import { BoxIndex } from './spatial-index.ts';
import { StreetTally } from './street-tally.ts';
import {
  addBuilding,
  emptyCounts,
  gridWorkload,
  sumWorkloads,
  type GridCounts,
} from './workload.ts';

interface CommunityEntry {
  feature: CommunityFeature;
  /** Its place in the community list (the report's order). */
  position: number;
  areaM2: number;
  bbox: BBox;
  /** Positions of its buildings in the building list. */
  buildings: number[];
  invalidRings: InvalidRingGrid[];
  check: CommunityGeometryCheck | null;
  problems: CoverageProblem[];
  coverage: CommunityCoverage | null;
}

function sum(values: readonly { areaM2: number }[]): number {
  return values.reduce((total, v) => total + v.areaM2, 0);
}

const ascending = (a: number, b: number): number => a - b;

/** Whether two assignments of a building say the same (grid, status and every share). */
function sameAssignment(a: BuildingAssignment, b: BuildingAssignment): boolean {
  return (
    a.gridId === b.gridId &&
    a.status === b.status &&
    a.shares.length === b.shares.length &&
    a.shares.every((s, k) => s.gridId === b.shares[k]!.gridId && s.share === b.shares[k]!.share)
  );
}

export class CoverageEngine {
  readonly #settings: GridSettings;
  readonly #communities = new Map<string, CommunityEntry>();
  readonly #buildings: PreparedBuilding[];
  readonly #buildingIndex: BoxIndex<PreparedBuilding>;
  readonly #assignments: BuildingAssignment[];
  readonly #orders: Position[];
  readonly #orderIndex: BoxIndex<Position>;
  readonly #orderGrid: (string | null)[];
  readonly #facilities: FacilityTypeCoverage[];
  readonly #grids: RankedGrids;
  readonly #counts = new Map<string, GridCounts>();
  readonly #workloads = new Map<string, GridWorkload>();
  /** Band, resident-limit and staffing problems, by grid id. */
  readonly #gridProblems = new Map<string, CoverageProblem[]>();
  /** Problems of unassigned and split buildings, by building position. */
  readonly #buildingProblems = new Map<number, CoverageProblem>();
  /** Positions of the buildings with a problem, ascending (the report's order). */
  readonly #problemBuildings: number[] = [];
  readonly #street = new StreetTally();

  constructor(input: AnalysisInput, settings: GridSettings = DEFAULT_SETTINGS) {
    this.#settings = settings;
    input.communities.forEach((feature, position) =>
      this.#communities.set(feature.properties.id, {
        feature,
        position,
        areaM2: geometryAreaM2(feature.geometry),
        bbox: bboxOf(feature.geometry),
        buildings: [],
        invalidRings: [],
        check: null,
        problems: [],
        coverage: null,
      }),
    );
    for (const invalid of input.invalidRingGrids ?? [])
      if (invalid.communityId !== null)
        this.#communities.get(invalid.communityId)?.invalidRings.push(invalid);
    this.#grids = new RankedGrids(input.grids.map(prepareGrid));
    this.#buildings = input.buildings.map(prepareBuilding);
    this.#buildingIndex = new BoxIndex(this.#buildings, (b) => b.bbox);
    this.#buildings.forEach((b, i) =>
      this.#communities.get(b.feature.properties.communityId)?.buildings.push(i),
    );
    this.#orders = (input.workOrders ?? []).map((o) => o.geometry.coordinates);
    this.#orderIndex = new BoxIndex(this.#orders, ([x, y]) => [x!, y!, x!, y!]);
    this.#facilities = facilityCoverage(input.facilities, this.#buildings, settings);

    for (const grid of this.#grids.ordered()) this.#counts.set(grid.id, emptyCounts());
    this.#assignments = this.#buildings.map((building, i) => {
      const assignment = this.#assign(building);
      if (assignment.gridId)
        addBuilding(this.#counts.get(assignment.gridId)!, building.feature.properties, 1);
      this.#noteBuildingProblem(i, assignment);
      return assignment;
    });
    this.#orderGrid = this.#orders.map((position) => {
      const gridId = this.#gridAt(position);
      if (gridId) this.#counts.get(gridId)!.workOrders += 1;
      return gridId;
    });
    for (const grid of this.#grids.ordered()) this.#refreshWorkload(grid);
    for (const id of this.#communities.keys()) this.#refreshCommunity(id, true);
  }

  #assign(building: PreparedBuilding): BuildingAssignment {
    return assignBuilding(
      building,
      this.#grids.search(building.bbox),
      this.#settings.splitMinShare,
    );
  }

  /** The first grid (in grid order) holding a position. */
  #gridAt(position: Position): string | null {
    const [x, y] = position as [number, number];
    return this.#grids.search([x, y, x, y]).find((g) => gridContains(g, position))?.id ?? null;
  }

  /** Recomputes a grid's workload and its problems from its counts. */
  #refreshWorkload(grid: PreparedGrid): void {
    const old = this.#workloads.get(grid.id);
    if (old) this.#street.addGrid(old, -1);
    const workload = gridWorkload(grid, this.#counts.get(grid.id)!, this.#settings);
    this.#workloads.set(grid.id, workload);
    this.#street.addGrid(workload, 1);
    this.#gridProblems.set(grid.id, workloadProblems(workload, grid));
  }

  /** Forgets a removed grid's figures. */
  #dropGrid(gridId: string): void {
    const old = this.#workloads.get(gridId);
    if (old) this.#street.addGrid(old, -1);
    this.#workloads.delete(gridId);
    this.#counts.delete(gridId);
    this.#gridProblems.delete(gridId);
  }

  /** Recomputes a community's figures; its geometry check only when its grids changed. */
  #refreshCommunity(communityId: string, geometryChanged: boolean): void {
    const entry = this.#communities.get(communityId);
    if (!entry) return;
    const grids = this.#grids.ofCommunity(communityId);
    if (geometryChanged || !entry.check) {
      entry.check = checkCommunity(entry.feature, grids, entry.areaM2, this.#settings);
      entry.problems = communityProblems(
        communityId,
        entry.bbox,
        entry.check,
        grids,
        entry.buildings.map((i) => this.#buildings[i]!),
        entry.invalidRings,
      );
    }
    const check = entry.check;
    const assignments = entry.buildings.map((i) => this.#assignments[i]!);
    if (entry.coverage) this.#street.addCommunity(entry.coverage, -1);
    entry.coverage = {
      communityId,
      areaM2: entry.areaM2,
      gridIds: grids.map((g) => g.id),
      gridAreaInsideM2: check.gridAreaInsideM2,
      gapAreaM2: sum(check.gaps),
      gaps: check.gaps,
      overlapAreaM2: sum(check.overlaps),
      overlaps: check.overlaps,
      outsideAreaM2: sum(check.outside),
      outside: check.outside,
      nonContiguousGridIds: check.nonContiguousGridIds,
      invalidRingGridIds: entry.invalidRings.map((g) => g.gridId),
      checked: check.checked,
      sliverParts: check.sliverParts,
      unassignedBuildingIds: assignments
        .filter((a) => a.status === 'unassigned')
        .map((a) => a.buildingId),
      splitBuildingIds: assignments.filter((a) => a.status === 'split').map((a) => a.buildingId),
      totals: sumWorkloads(grids.map((g) => this.#workloads.get(g.id)!)),
    };
    this.#street.addCommunity(entry.coverage, 1);
  }

  #noteBuildingProblem(i: number, assignment: BuildingAssignment): void {
    const old = this.#buildingProblems.get(i);
    if (old) this.#street.addBuildingProblem(old, -1);
    const problem = buildingProblem(assignment, this.#buildings[i]!);
    if (problem) {
      this.#street.addBuildingProblem(problem, 1);
      this.#buildingProblems.set(i, problem);
      if (!old) insertSorted(this.#problemBuildings, i, ascending);
    } else if (old) {
      this.#buildingProblems.delete(i);
      removeSorted(this.#problemBuildings, i, ascending);
    }
  }

  /** The id of the building problem after building `i`'s in the report, or null. */
  #nextBuildingProblemId(i: number): string | null {
    const next = this.#problemBuildings[lowerBound(this.#problemBuildings, i, ascending) + 1];
    return next === undefined ? null : this.#buildingProblems.get(next)!.id;
  }

  /** The report for the grids as they stand. */
  report(): CoverageReport {
    const ordered = this.#grids.ordered();
    const communities = [...this.#communities.values()];
    const problems: CoverageProblem[] = [];
    for (const entry of communities) for (const p of entry.problems) problems.push(p);
    for (const i of this.#problemBuildings) problems.push(this.#buildingProblems.get(i)!);
    for (const grid of ordered) for (const p of this.#gridProblems.get(grid.id)!) problems.push(p);
    return {
      assignments: [...this.#assignments],
      grids: ordered.map((g) => this.#workloads.get(g.id)!),
      communities: communities.map((c) => c.coverage!),
      facilities: this.#facilities,
      street: this.#street.totals(),
      problems,
    };
  }

  /**
   * Applies grid edits, recomputing only what they reach, and returns what changed in the report
   * (`applyReportDelta` in report-delta.ts applies it to the previous report).
   * @example
   * engine.updateGrids([{ gridId: '110106090003002', grid: reshaped }]).street.gapAreaM2;
   */
  updateGrids(changes: readonly GridChange[]): ReportDelta {
    /** Rank before the edit of each grid it names; null when the grid was absent. */
    const rankBefore = new Map<string, number | null>();
    const boxes: BBox[] = [];
    const reshaped = new Set<string>();
    for (const { gridId, grid, rank } of changes) {
      const old = this.#grids.get(gridId);
      if (!rankBefore.has(gridId)) rankBefore.set(gridId, old ? this.#grids.rankOf(gridId)! : null);
      if (old) {
        boxes.push(old.bbox);
        reshaped.add(old.communityId);
      }
      if (!grid) {
        this.#grids.remove(gridId);
        continue;
      }
      const prepared = prepareGrid({ ...grid, properties: { ...grid.properties, id: gridId } });
      boxes.push(prepared.bbox);
      reshaped.add(prepared.communityId);
      this.#grids.set(prepared, rank);
      if (!this.#counts.has(gridId)) this.#counts.set(gridId, emptyCounts());
    }

    const touchedGrids = new Set(rankBefore.keys());
    const touchedCommunities = new Set(reshaped);
    const reassigned = this.#reassignBuildings(boxes, touchedGrids, touchedCommunities);
    this.#regridOrders(boxes, changes, touchedGrids);
    for (const id of touchedGrids) if (!this.#grids.get(id)) this.#dropGrid(id);
    const grids = this.#grids.inOrder(touchedGrids);
    for (const grid of grids) {
      this.#refreshWorkload(grid);
      touchedCommunities.add(grid.communityId);
    }
    for (const id of touchedCommunities) this.#refreshCommunity(id, reshaped.has(id));

    const presentRank = (id: string) => (this.#grids.get(id) ? this.#grids.rankOf(id)! : null);
    const byPosition = (ids: Set<string>) =>
      [...ids]
        .flatMap((id) => this.#communities.get(id) ?? [])
        .sort((a, b) => a.position - b.position);
    const rechecked = byPosition(reshaped);
    return {
      grids: grids.map((g) => this.#workloads.get(g.id)!),
      removedGridIds: [...rankBefore].flatMap(([id, rank]) =>
        rank !== null && !this.#grids.get(id) ? [id] : [],
      ),
      gridOrder: [...rankBefore].some(([id, rank]) => rank !== presentRank(id))
        ? this.#grids.ordered().map((g) => g.id)
        : null,
      communities: byPosition(touchedCommunities).map((c) => c.coverage!),
      assignments: reassigned.map((i) => this.#assignments[i]!),
      problems: {
        communityIds: rechecked.map((c) => c.feature.properties.id),
        buildingIds: reassigned.map((i) => this.#assignments[i]!.buildingId),
        gridIds: [...touchedGrids],
        communityProblems: rechecked.flatMap((c) => c.problems),
        buildingProblems: reassigned.flatMap((i): PlacedBuildingProblem[] => {
          const problem = this.#buildingProblems.get(i);
          return problem ? [{ problem, nextId: this.#nextBuildingProblemId(i) }] : [];
        }),
        gridProblems: grids.flatMap((g) => this.#gridProblems.get(g.id)!),
      },
      street: this.#street.totals(),
    };
  }

  /**
   * Re-assigns the buildings meeting the boxes and moves their figures between grids, noting the
   * grids and communities whose figures change. Returns the positions of the buildings whose
   * assignment changed, ascending.
   */
  #reassignBuildings(
    boxes: readonly BBox[],
    touchedGrids: Set<string>,
    touchedCommunities: Set<string>,
  ): number[] {
    const reassigned: number[] = [];
    for (const i of this.#indicesIn(this.#buildingIndex, boxes)) {
      const building = this.#buildings[i]!;
      const before = this.#assignments[i]!;
      const after = this.#assign(building);
      if (sameAssignment(before, after)) continue;
      this.#assignments[i] = after;
      this.#noteBuildingProblem(i, after);
      reassigned.push(i);
      if (before.gridId === after.gridId && before.status === after.status) continue;
      const previous = before.gridId ? this.#counts.get(before.gridId) : undefined;
      if (previous) addBuilding(previous, building.feature.properties, -1);
      if (after.gridId)
        addBuilding(this.#counts.get(after.gridId)!, building.feature.properties, 1);
      for (const id of [before.gridId, after.gridId]) if (id) touchedGrids.add(id);
      touchedCommunities.add(building.feature.properties.communityId);
    }
    return reassigned;
  }

  /** Moves the work orders meeting the boxes to the grid now holding them. */
  #regridOrders(
    boxes: readonly BBox[],
    changes: readonly GridChange[],
    touchedGrids: Set<string>,
  ): void {
    const edited = this.#grids.inOrder(changes.map((c) => c.gridId));
    for (const i of this.#indicesIn(this.#orderIndex, boxes)) {
      const before = this.#orderGrid[i]!;
      const after = this.#regridOrder(this.#orders[i]!, before, edited);
      if (before === after) continue;
      this.#orderGrid[i] = after;
      const previous = before ? this.#counts.get(before) : undefined;
      if (previous) previous.workOrders -= 1;
      if (after) this.#counts.get(after)!.workOrders += 1;
      for (const id of [before, after]) if (id) touchedGrids.add(id);
    }
  }

  /**
   * The grid of a work order after an edit. An order held by an unedited grid stays there unless
   * an edited grid earlier in the order now holds it; otherwise it is looked up afresh.
   */
  #regridOrder(
    position: Position,
    before: string | null,
    edited: readonly PreparedGrid[],
  ): string | null {
    if (before === null || edited.some((g) => g.id === before) || !this.#grids.get(before))
      return this.#gridAt(position);
    // `edited` is in grid order: the first edited grid before the holder that holds it wins.
    const holderRank = this.#grids.rankOf(before)!;
    for (const grid of edited) {
      const rank = this.#grids.rankOf(grid.id)!;
      if (rank > holderRank || (rank === holderRank && grid.id > before)) break;
      if (gridContains(grid, position)) return grid.id;
    }
    return before;
  }

  /** Positions of the items of an index meeting any of the boxes, each once, ascending. */
  #indicesIn<T>(index: BoxIndex<T>, boxes: readonly BBox[]): number[] {
    const found = new Set<number>();
    for (const box of boxes) for (const i of index.searchIndices(box)) found.add(i);
    return [...found].sort(ascending);
  }
}

export { inputFromLoad } from './load-input.ts';
