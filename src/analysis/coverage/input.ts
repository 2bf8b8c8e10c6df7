/**
 * What the coverage engine reads: the loaded layers it judges, plus the grids that validation set
 * aside for an invalid ring (the report still lists them), and the shape of one grid edit.
 */
import type { BBox } from 'geojson';
import type {
  BuildingFeature,
  CommunityFeature,
  FacilityFeature,
  GridFeature,
  WorkOrderFeature,
} from '../../domain/types.ts';

/** A grid that validation kept aside because a ring is self-intersecting, unclosed or short. */
export interface InvalidRingGrid {
  gridId: string;
  communityId: string | null;
  /** Extent of whatever coordinates could be read, for zooming; null when none. */
  bbox: BBox | null;
}

export interface AnalysisInput {
  communities: readonly CommunityFeature[];
  grids: readonly GridFeature[];
  buildings: readonly BuildingFeature[];
  facilities: readonly FacilityFeature[];
  /** Counted per grid by position; optional (the CLI and benchmarks may leave them out). */
  workOrders?: readonly WorkOrderFeature[];
  invalidRingGrids?: readonly InvalidRingGrid[];
}

/**
 * One grid edit: `grid` replaces the grid with `gridId` (or adds it when the id is new); null
 * removes it. `rank` places the grid in the grid order; without it a present grid keeps its rank,
 * a removed grid coming back gets the rank it had and a new id goes after every rank seen.
 */
export interface GridChange {
  gridId: string;
  grid: GridFeature | null;
  rank?: number;
}
