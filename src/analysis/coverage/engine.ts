/**
 * The coverage and workload engine. It prepares every feature once (projected rings, areas, an
 * R-tree over grids, buildings and work orders), answers the full report, and after grid edits
 * recomputes only what the edit can reach: the buildings and work orders inside the old and new
 * extents of the changed grids, the grids they leave or join, and the communities involved.
 * Every figure is computed by the same functions either way, so an incremental report equals a
 * full recomputation exactly.
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
import type {
  BuildingAssignment,
  CommunityCoverage,
  CoverageProblem,
  CoverageReport,
  FacilityTypeCoverage,
  GridWorkload,
} from './report.ts';
import { BoxIndex } from './spatial-index.ts';
import {
  addBuilding,
  emptyCounts,
  gridWorkload,
  sumWorkloads,
  type GridCounts,
} from './workload.ts';

interface CommunityEntry {
  feature: CommunityFeature;
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
  #grids: PreparedGrid[];
  #gridById = new Map<string, PreparedGrid>();
  #gridsByCommunity = new Map<string, PreparedGrid[]>();
  /** Each grid's position in the grid order: the first grid holding a work order gets it. */
  #gridPosition = new Map<string, number>();
  #gridIndex: BoxIndex<PreparedGrid>;
  readonly #counts = new Map<string, GridCounts>();
  readonly #workloads = new Map<string, GridWorkload>();
  /** Problems of unassigned and split buildings, by building position. */
  readonly #buildingProblems = new Map<number, CoverageProblem>();

  constructor(input: AnalysisInput, settings: GridSettings = DEFAULT_SETTINGS) {
    this.#settings = settings;
    for (const feature of input.communities)
      this.#communities.set(feature.properties.id, {
        feature,
        areaM2: geometryAreaM2(feature.geometry),
        bbox: bboxOf(feature.geometry),
        buildings: [],
        invalidRings: [],
        check: null,
        problems: [],
        coverage: null,
      });
    for (const invalid of input.invalidRingGrids ?? [])
      if (invalid.communityId !== null)
        this.#communities.get(invalid.communityId)?.invalidRings.push(invalid);
    this.#grids = input.grids.map(prepareGrid);
    this.#gridIndex = this.#indexGrids();
    this.#buildings = input.buildings.map(prepareBuilding);
    this.#buildingIndex = new BoxIndex(this.#buildings, (b) => b.bbox);
    this.#buildings.forEach((b, i) =>
      this.#communities.get(b.feature.properties.communityId)?.buildings.push(i),
    );
    this.#orders = (input.workOrders ?? []).map((o) => o.geometry.coordinates);
    this.#orderIndex = new BoxIndex(this.#orders, ([x, y]) => [x!, y!, x!, y!]);
    this.#facilities = facilityCoverage(input.facilities, this.#buildings, settings);

    for (const grid of this.#grids) this.#counts.set(grid.id, emptyCounts());
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
    for (const grid of this.#grids) this.#refreshWorkload(grid);
    for (const id of this.#communities.keys()) this.#refreshCommunity(id, true);
  }

  #indexGrids(): BoxIndex<PreparedGrid> {
    this.#gridById = new Map(this.#grids.map((g) => [g.id, g]));
    this.#gridPosition = new Map(this.#grids.map((g, i) => [g.id, i]));
    this.#gridsByCommunity = new Map();
    for (const grid of this.#grids) {
      const list = this.#gridsByCommunity.get(grid.communityId);
      if (list) list.push(grid);
      else this.#gridsByCommunity.set(grid.communityId, [grid]);
    }
    return new BoxIndex(this.#grids, (g) => g.bbox);
  }

  #assign(building: PreparedBuilding): BuildingAssignment {
    return assignBuilding(
      building,
      this.#gridIndex.search(building.bbox),
      this.#settings.splitMinShare,
    );
  }

  /** The first grid (in grid order) holding a position. */
  #gridAt(position: Position): string | null {
    const [x, y] = position as [number, number];
    return this.#gridIndex.search([x, y, x, y]).find((g) => gridContains(g, position))?.id ?? null;
  }

  #refreshWorkload(grid: PreparedGrid): void {
    this.#workloads.set(grid.id, gridWorkload(grid, this.#counts.get(grid.id)!, this.#settings));
  }

  #gridsOf(communityId: string): PreparedGrid[] {
    return this.#gridsByCommunity.get(communityId) ?? [];
  }

  /** Recomputes a community's figures; its geometry check only when its grids changed. */
  #refreshCommunity(communityId: string, geometryChanged: boolean): void {
    const entry = this.#communities.get(communityId);
    if (!entry) return;
    const grids = this.#gridsOf(communityId);
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
  }

  #noteBuildingProblem(i: number, assignment: BuildingAssignment): void {
    const problem = buildingProblem(assignment, this.#buildings[i]!);
    if (problem) this.#buildingProblems.set(i, problem);
    else this.#buildingProblems.delete(i);
  }

  /** The report for the grids as they stand. */
  report(): CoverageReport {
    const grids = this.#grids.map((g) => this.#workloads.get(g.id)!);
    const communities = [...this.#communities.values()].map((c) => c.coverage!);
    const problems: CoverageProblem[] = [...this.#communities.values()].flatMap((c) => c.problems);
    const buildingProblems = [...this.#buildingProblems.keys()]
      .sort((a, b) => a - b)
      .map((i) => this.#buildingProblems.get(i)!);
    problems.push(...buildingProblems);
    for (const grid of this.#grids)
      problems.push(...workloadProblems(this.#workloads.get(grid.id)!, grid));
    return {
      assignments: [...this.#assignments],
      grids,
      communities,
      facilities: this.#facilities,
      street: {
        ...sumWorkloads(grids),
        gapAreaM2: communities.reduce((s, c) => s + c.gapAreaM2, 0),
        overlapAreaM2: communities.reduce((s, c) => s + c.overlapAreaM2, 0),
        outsideAreaM2: communities.reduce((s, c) => s + c.outsideAreaM2, 0),
        unassignedBuildings: buildingProblems.filter((p) => p.kind === 'unassigned-building')
          .length,
        splitBuildings: buildingProblems.filter((p) => p.kind === 'split-building').length,
      },
      problems,
    };
  }

  /**
   * Applies grid edits and returns the new report, recomputing only what they reach.
   * @example
   * engine.updateGrids([{ gridId: '110106090003002', grid: reshaped }]).street.gapAreaM2;
   */
  updateGrids(changes: readonly GridChange[]): CoverageReport {
    const boxes: BBox[] = [];
    const changedCommunities = new Set<string>();
    for (const { gridId, grid } of changes) {
      const old = this.#gridById.get(gridId);
      if (old) {
        boxes.push(old.bbox);
        changedCommunities.add(old.communityId);
      }
      const prepared = grid
        ? prepareGrid({ ...grid, properties: { ...grid.properties, id: gridId } })
        : null;
      if (prepared) {
        boxes.push(prepared.bbox);
        changedCommunities.add(prepared.communityId);
      }
      const at = old ? this.#grids.indexOf(old) : -1;
      if (prepared && at >= 0) this.#grids[at] = prepared;
      else if (prepared) this.#grids.push(prepared);
      else if (at >= 0) this.#grids.splice(at, 1);
      if (!prepared) {
        this.#counts.delete(gridId);
        this.#workloads.delete(gridId);
      } else if (!this.#counts.has(gridId)) this.#counts.set(gridId, emptyCounts());
    }
    this.#gridIndex = this.#indexGrids();

    const touchedGrids = new Set(changes.map((c) => c.gridId));
    const touchedCommunities = new Set(changedCommunities);
    for (const i of this.#indicesIn(this.#buildingIndex, boxes)) {
      const building = this.#buildings[i]!;
      const before = this.#assignments[i]!;
      const after = this.#assign(building);
      this.#assignments[i] = after;
      this.#noteBuildingProblem(i, after);
      if (before.gridId === after.gridId && before.status === after.status) continue;
      const previous = before.gridId ? this.#counts.get(before.gridId) : undefined;
      if (previous) addBuilding(previous, building.feature.properties, -1);
      if (after.gridId)
        addBuilding(this.#counts.get(after.gridId)!, building.feature.properties, 1);
      for (const id of [before.gridId, after.gridId]) if (id) touchedGrids.add(id);
      touchedCommunities.add(building.feature.properties.communityId);
    }
    const edited = changes.flatMap((c) => this.#gridById.get(c.gridId) ?? []);
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
    for (const id of touchedGrids) {
      const grid = this.#gridById.get(id);
      if (!grid) continue;
      this.#refreshWorkload(grid);
      touchedCommunities.add(grid.communityId);
    }
    for (const id of touchedCommunities) this.#refreshCommunity(id, changedCommunities.has(id));
    return this.report();
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
    if (before === null || edited.some((g) => g.id === before) || !this.#gridById.has(before))
      return this.#gridAt(position);
    let holder = before;
    let rank = this.#gridPosition.get(before)!;
    for (const grid of edited) {
      const gridRank = this.#gridPosition.get(grid.id)!;
      if (gridRank < rank && gridContains(grid, position)) {
        holder = grid.id;
        rank = gridRank;
      }
    }
    return holder;
  }

  /** Positions of the items of an index meeting any of the boxes, each once, ascending. */
  #indicesIn<T>(index: BoxIndex<T>, boxes: readonly BBox[]): number[] {
    const found = new Set<number>();
    for (const box of boxes) for (const i of index.searchIndices(box)) found.add(i);
    return [...found].sort((a, b) => a - b);
  }
}

export { inputFromLoad } from './load-input.ts';
