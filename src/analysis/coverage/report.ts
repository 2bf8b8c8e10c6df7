/**
 * The coverage and workload report: what the engine answers about a grid plan. Which grid each
 * building belongs to (by footprint share), whether the grids tile each community (gaps,
 * overlaps, area outside, non-contiguous grids, invalid rings, slivers), each grid's workload
 * against the band, facility coverage by type, and one flat problem list for panels and the CLI.
 * Plain data (structured-clone safe), so it crosses the worker boundary and is written as JSON.
 */
import type { BBox, MultiPolygon, Polygon } from 'geojson';
import type { FacilityType, GridType } from '../../domain/types.ts';

/** Where a grid's households stand against the band; dedicated grids are exempt from it. */
export type BandStatus = 'below' | 'within' | 'above' | 'exempt';

export type AssignmentStatus = 'inside' | 'split' | 'unassigned';

export interface GridShare {
  gridId: string;
  /** Share of the building's footprint area inside the grid, 0–1. */
  share: number;
}

export interface BuildingAssignment {
  buildingId: string;
  /** The grid holding the largest share of the footprint; null when no grid holds any. */
  gridId: string | null;
  /** `inside`: one grid holds it; `split`: a grid boundary cuts it; `unassigned`: in no grid. */
  status: AssignmentStatus;
  /** Every grid holding at least the split tolerance of the footprint, largest share first. */
  shares: GridShare[];
}

/** A piece of area the coverage check found, with its polygon for the map. */
export interface CoveragePiece {
  geometry: Polygon | MultiPolygon;
  areaM2: number;
  bbox: BBox;
  /** Smaller than the configured sliver area. */
  sliver: boolean;
}

export interface OverlapPiece extends CoveragePiece {
  /** The two grids that both claim this area. */
  gridIds: [string, string];
}

export interface OutsidePiece extends CoveragePiece {
  gridId: string;
}

/** Sums over a set of grids (a community or the street). */
export interface WorkloadTotals {
  grids: number;
  households: number;
  residents: number;
  buildings: number;
  workers: number;
  monthlyVisits: number;
  areaM2: number;
  workOrders: number;
  /** Households per grid worker over the whole set; null when it has no worker. */
  householdsPerWorker: number | null;
  /** Comprehensive grids outside the household band or over the resident limit. */
  outOfBandGrids: number;
}

export interface GridWorkload {
  gridId: string;
  communityId: string;
  type: GridType;
  households: number;
  residents: number;
  buildings: number;
  difficultHouseholds: number;
  specialHouseholds: number;
  workers: number;
  /** Null when the grid has no worker. */
  householdsPerWorker: number | null;
  monthlyVisits: number;
  areaM2: number;
  perimeterM: number;
  /** Polsby–Popper 4πA/P²: 1 for a circle, about 0.785 for a square, near 0 for a ribbon. */
  compactness: number;
  /** Separate polygons the grid consists of (1 when contiguous). */
  parts: number;
  workOrders: number;
  band: BandStatus;
  /** Households beyond the band: negative below the minimum, positive above the maximum, else 0. */
  householdsDeviation: number;
  /** Residents beyond the maximum (0 when within; always 0 for dedicated grids). */
  residentsOver: number;
}

export interface CommunityCoverage {
  communityId: string;
  areaM2: number;
  /** Grids whose communityId is this community, in grid order. */
  gridIds: string[];
  /** Σ over the community's grids of the grid area inside the community. */
  gridAreaInsideM2: number;
  /** Community area no grid covers. */
  gapAreaM2: number;
  gaps: CoveragePiece[];
  /** Σ of the areas claimed by two grids at once. */
  overlapAreaM2: number;
  overlaps: OverlapPiece[];
  /** Σ of the grid areas outside the community. */
  outsideAreaM2: number;
  outside: OutsidePiece[];
  nonContiguousGridIds: string[];
  /** Grids of this community set aside for an invalid ring (self-intersecting, unclosed, short). */
  invalidRingGridIds: string[];
  /**
   * False when the edges did not match and clipping failed on these geometries: gaps, overlaps
   * and outside parts are then unknown (and reported as a problem), not zero.
   */
  checked: boolean;
  /** Grid parts smaller than the sliver area. */
  sliverParts: OutsidePiece[];
  unassignedBuildingIds: string[];
  splitBuildingIds: string[];
  totals: WorkloadTotals;
}

export interface FacilityTypeCoverage {
  type: FacilityType;
  facilities: number;
  /** The norm for the type (facilities may carry their own radius). */
  radiusM: number;
  buildings: number;
  buildingsCovered: number;
  /** 0–1; null when there are no buildings. */
  buildingShare: number | null;
  households: number;
  householdsCovered: number;
  householdShare: number | null;
  uncoveredBuildingIds: string[];
}

export const COVERAGE_PROBLEM_KINDS = [
  'gap',
  'overlap',
  'outside-community',
  'non-contiguous',
  'invalid-ring',
  'coverage-unchecked',
  'sliver',
  'unassigned-building',
  'split-building',
  'households-above',
  'households-below',
  'residents-above',
  'no-workers',
] as const;
export type CoverageProblemKind = (typeof COVERAGE_PROBLEM_KINDS)[number];

/** One problem a planner must look at, flat, for the coverage panel and the CLI. */
export interface CoverageProblem {
  /** Stable within a report, e.g. `gap:110106090008:0`. */
  id: string;
  kind: CoverageProblemKind;
  /** `error` breaks a rule (the CLI exits non-zero); `warning` asks for a look. */
  severity: 'error' | 'warning';
  communityId: string | null;
  gridIds: string[];
  buildingIds: string[];
  /** The area concerned (gap, overlap, outside, sliver), else null. */
  areaM2: number | null;
  /** The figure concerned: households, residents, the largest share of a split building … */
  value: number | null;
  /** Where to zoom: [west, south, east, north]. */
  bbox: BBox;
  /** The polygon to highlight (gap, overlap, outside part, sliver), else null. */
  geometry: Polygon | MultiPolygon | null;
}

/** The street's figures: its grids' totals, its communities' areas, its building problems. */
export interface StreetTotals extends WorkloadTotals {
  gapAreaM2: number;
  overlapAreaM2: number;
  outsideAreaM2: number;
  unassignedBuildings: number;
  splitBuildings: number;
}

/**
 * The report. Grids come in grid order (by rank); communities in input order; problems first by
 * community (geometry), then by building (unassigned, split) in input order, then by grid
 * (workload) in grid order.
 */
export interface CoverageReport {
  assignments: BuildingAssignment[];
  grids: GridWorkload[];
  communities: CommunityCoverage[];
  facilities: FacilityTypeCoverage[];
  street: StreetTotals;
  problems: CoverageProblem[];
}

/**
 * The report as the UI keeps it: without `assignments` (one object per building), which the UI
 * never reads whole and which would only make every report slower to cross from the worker.
 */
export type UiReport = Omit<CoverageReport, 'assignments'>;

/** A building's new problem and where it goes among the building problems of the report. */
export interface PlacedBuildingProblem {
  problem: CoverageProblem;
  /** The id of the building problem that follows it in the report; null when it is the last. */
  nextId: string | null;
}

/**
 * The problems an edit recomputed. Every problem belongs to one scope: a community (gap, overlap,
 * outside, non-contiguous, invalid ring, unchecked, sliver), a building (unassigned, split) or a
 * grid (band, resident limit, no workers). A receiver drops the old problems of the touched
 * scopes and puts in the new ones.
 */
export interface ProblemsDelta {
  /** Communities whose geometry was re-checked. */
  communityIds: string[];
  /** Buildings whose assignment changed. */
  buildingIds: string[];
  /** Grids whose workload was recomputed, and grids removed. */
  gridIds: string[];
  /** The problems of those communities, in report order. */
  communityProblems: CoverageProblem[];
  /** The problems of those buildings (none for a building now inside one grid), in report order. */
  buildingProblems: PlacedBuildingProblem[];
  /** The workload problems of those grids, in report order. */
  gridProblems: CoverageProblem[];
}

/**
 * What a grid edit changed in the report: only the parts it touched, so its size follows the
 * edit, not the street. `applyReportDelta` turns the previous report and a delta into the new
 * report. Plain data (structured-clone safe).
 */
export interface ReportDelta {
  /** Workloads of the grids that changed or were added, in grid order. */
  grids: GridWorkload[];
  /** Grids that were present before the edit and are not after it. */
  removedGridIds: string[];
  /** Every grid id in grid order, when grids were added, removed or re-ranked; else null. */
  gridOrder: string[] | null;
  /** Coverage of the communities that changed, in report order. */
  communities: CommunityCoverage[];
  /** The buildings whose assignment changed (new grid, status or shares), in input order. */
  assignments: BuildingAssignment[];
  problems: ProblemsDelta;
  street: StreetTotals;
}
