/**
 * What the map is asked to show by a panel: an extent to fit, and the problem polygons, grids
 * and buildings to outline. A problem with a polygon (gap, overlap, outside part, sliver) outlines
 * that polygon; any other problem (unassigned or split building, band, invalid ring) outlines the
 * grids and buildings it names. A grid picked in the table is fitted without outlining anything
 * (the selection already marks it).
 */
import type { BBox } from 'geojson';
import type { CoverageProblem } from '../analysis/coverage/report.ts';

export interface MapFocus {
  /** [west, south, east, north] to fit the camera to. */
  bbox: BBox;
  /** The deepest zoom the fit may reach. */
  maxZoom: number;
  problemIds: string[];
  gridIds: string[];
  buildingIds: string[];
}

/** Close enough to read a 3 m strip, not so close that its surroundings vanish. */
export const PROBLEM_MAX_ZOOM = 18;

/** Close enough to see a grid's buildings; a grid is larger than a problem strip. */
export const GRID_MAX_ZOOM = 17;

/**
 * The focus of one coverage problem.
 * @example
 * problemFocus(gap); // { bbox: gap.bbox, maxZoom: 18, problemIds: [gap.id], gridIds: [], buildingIds: [] }
 */
export function problemFocus(problem: CoverageProblem): MapFocus {
  const drawn = problem.geometry !== null;
  return {
    bbox: problem.bbox,
    maxZoom: PROBLEM_MAX_ZOOM,
    problemIds: drawn ? [problem.id] : [],
    gridIds: drawn ? [] : [...problem.gridIds],
    buildingIds: drawn ? [] : [...problem.buildingIds],
  };
}

/**
 * The focus of a grid picked in a panel: its extent, nothing outlined.
 * @example
 * gridFocus(bbox); // { bbox, maxZoom: 17, problemIds: [], gridIds: [], buildingIds: [] }
 */
export function gridFocus(bbox: BBox): MapFocus {
  return { bbox, maxZoom: GRID_MAX_ZOOM, problemIds: [], gridIds: [], buildingIds: [] };
}

/**
 * The focus of a building picked in a panel: its extent at street level, the building outlined.
 * @example
 * buildingFocus('B0041', bbox); // { bbox, maxZoom: 18, problemIds: [], gridIds: [], buildingIds: ['B0041'] }
 */
export function buildingFocus(id: string, bbox: BBox): MapFocus {
  return { bbox, maxZoom: 18, problemIds: [], gridIds: [], buildingIds: [id] };
}
