/**
 * The flat problem list a planner works through: each gap, overlap, part outside the community,
 * non-contiguous grid, invalid ring, sliver, unassigned or split building and grid outside the
 * band becomes one CoverageProblem with its figure, where to zoom and what to highlight.
 */
import type { BBox, Position } from 'geojson';
import type { CommunityGeometryCheck } from './coverage.ts';
import type { InvalidRingGrid } from './input.ts';
import {
  flatPolygons,
  geometryContains,
  polygonsOf,
  type PreparedBuilding,
  type PreparedGrid,
} from './prepared.ts';
import type { BuildingAssignment, CoveragePiece, CoverageProblem, GridWorkload } from './report.ts';
import { distanceToPointAt, segmentParameter } from './segment.ts';
import { boxesMeet } from './spatial-index.ts';

/** How close (degrees, about 1 mm) a gap's vertex must lie to a grid's edge to border it. */
const TOUCH_DEGREES = 1e-8;

function nearSegment(p: Position, a: Position, b: Position): boolean {
  const t = Math.max(0, Math.min(1, segmentParameter(p, a, b)));
  return distanceToPointAt(p, a, b, t) <= TOUCH_DEGREES;
}

/** The grids whose boundary a piece touches: the grids on either side of a gap. */
function borderingGrids(piece: CoveragePiece, grids: readonly PreparedGrid[]): string[] {
  const box: BBox = [
    piece.bbox[0] - TOUCH_DEGREES,
    piece.bbox[1] - TOUCH_DEGREES,
    piece.bbox[2] + TOUCH_DEGREES,
    piece.bbox[3] + TOUCH_DEGREES,
  ];
  const vertices = polygonsOf(piece.geometry).flat(2);
  return grids
    .filter((grid) => {
      if (!boxesMeet(box, grid.bbox)) return false;
      const rings = polygonsOf(grid.feature.geometry).flat();
      return vertices.some((v) =>
        rings.some((ring) => ring.some((a, i) => i > 0 && nearSegment(v, ring[i - 1]!, a))),
      );
    })
    .map((grid) => grid.id);
}

function pieceProblem(
  id: string,
  kind: 'gap' | 'overlap' | 'outside-community',
  communityId: string,
  piece: CoveragePiece,
  gridIds: string[],
): CoverageProblem {
  return {
    id,
    kind: piece.sliver ? 'sliver' : kind,
    severity: piece.sliver ? 'warning' : 'error',
    communityId,
    gridIds,
    buildingIds: [],
    areaM2: piece.areaM2,
    value: null,
    bbox: piece.bbox,
    geometry: piece.geometry,
  };
}

function gridProblem(
  id: string,
  kind: CoverageProblem['kind'],
  grid: PreparedGrid | undefined,
  communityId: string,
  fallbackBox: BBox,
): CoverageProblem {
  return {
    id,
    kind,
    severity: 'error',
    communityId,
    gridIds: grid ? [grid.id] : [],
    buildingIds: [],
    areaM2: null,
    value: null,
    bbox: grid?.bbox ?? fallbackBox,
    geometry: null,
  };
}

/** The buildings whose centre lies in a gap: left without a grid by it. */
function buildingsIn(piece: CoveragePiece, buildings: readonly PreparedBuilding[]): string[] {
  const flat = flatPolygons(piece.geometry);
  return buildings
    .filter((b) => geometryContains(flat, piece.bbox, b.point))
    .map((b) => b.feature.properties.id);
}

/**
 * Problems of a community's geometry: gaps (with the buildings in them), overlaps, outside
 * parts, non-contiguous grids, invalid rings and sliver parts.
 */
export function communityProblems(
  communityId: string,
  communityBox: BBox,
  check: CommunityGeometryCheck,
  grids: readonly PreparedGrid[],
  buildings: readonly PreparedBuilding[],
  invalidRings: readonly InvalidRingGrid[],
): CoverageProblem[] {
  const byId = new Map(grids.map((g) => [g.id, g]));
  return [
    ...check.gaps.map((p, i) => ({
      ...pieceProblem(`gap:${communityId}:${i}`, 'gap', communityId, p, borderingGrids(p, grids)),
      buildingIds: buildingsIn(p, buildings),
    })),
    ...check.overlaps.map((p, i) =>
      pieceProblem(`overlap:${communityId}:${i}`, 'overlap', communityId, p, [...p.gridIds]),
    ),
    ...check.outside.map((p, i) =>
      pieceProblem(`outside:${communityId}:${i}`, 'outside-community', communityId, p, [p.gridId]),
    ),
    ...check.nonContiguousGridIds.map((gridId) => ({
      ...gridProblem(
        `non-contiguous:${gridId}`,
        'non-contiguous',
        byId.get(gridId),
        communityId,
        communityBox,
      ),
      value: byId.get(gridId)?.partAreasM2.length ?? null,
    })),
    ...invalidRings.map((grid) => ({
      ...gridProblem(
        `invalid-ring:${grid.gridId}`,
        'invalid-ring',
        undefined,
        communityId,
        grid.bbox ?? communityBox,
      ),
      gridIds: [grid.gridId],
    })),
    ...(check.checked
      ? []
      : [
          {
            ...gridProblem(
              `unchecked:${communityId}`,
              'coverage-unchecked',
              undefined,
              communityId,
              communityBox,
            ),
            gridIds: grids.map((g) => g.id),
          },
        ]),
    // Sliver parts are always below the sliver area, so they come out as kind 'sliver'.
    ...check.sliverParts.map((p, i) =>
      pieceProblem(`sliver-part:${communityId}:${i}`, 'gap', communityId, p, [p.gridId]),
    ),
  ];
}

/** The problem of an unassigned or split building, else null. */
export function buildingProblem(
  assignment: BuildingAssignment,
  building: PreparedBuilding,
): CoverageProblem | null {
  if (assignment.status === 'inside') return null;
  const split = assignment.status === 'split';
  return {
    id: `${split ? 'split' : 'unassigned'}:${assignment.buildingId}`,
    kind: split ? 'split-building' : 'unassigned-building',
    severity: split ? 'warning' : 'error',
    communityId: building.feature.properties.communityId,
    gridIds: assignment.shares.map((s) => s.gridId),
    buildingIds: [assignment.buildingId],
    areaM2: building.areaM2,
    // The largest share of a split building; the households an unassigned one leaves unserved.
    value: split ? assignment.shares[0]!.share : building.feature.properties.households,
    bbox: building.bbox,
    geometry: null,
  };
}

/** Band, resident-limit and staffing problems of one grid. */
export function workloadProblems(workload: GridWorkload, grid: PreparedGrid): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  const add = (kind: CoverageProblem['kind'], value: number, severity: 'error' | 'warning') =>
    problems.push({
      ...gridProblem(`${kind}:${grid.id}`, kind, grid, grid.communityId, grid.bbox),
      severity,
      value,
    });
  if (workload.band === 'above') add('households-above', workload.households, 'error');
  if (workload.band === 'below') add('households-below', workload.households, 'error');
  if (workload.residentsOver > 0) add('residents-above', workload.residents, 'error');
  if (workload.workers === 0) add('no-workers', 0, 'warning');
  return problems;
}
