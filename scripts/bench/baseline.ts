/**
 * The naive Turf baseline the engine is compared with: every building against every grid
 * (centroid point-in-polygon, and `intersect` wherever the bounding boxes meet, to find the grid
 * holding the largest share), then per community every pair of grids intersected for overlaps
 * and the community minus the union of its grids for gaps. Each phase is timed on its own so it
 * can be scaled to a larger data set by what drives its cost.
 */
import {
  area,
  bbox,
  booleanPointInPolygon,
  centroid,
  difference,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import type { AnalysisInput } from '../../src/analysis/coverage/input.ts';
import { boxesMeet } from '../../src/analysis/coverage/spatial-index.ts';
import type { GridFeature } from '../../src/domain/types.ts';

export interface BaselineResult {
  buildings: number;
  grids: number;
  communities: number;
  /** Point-in-polygon and bounding-box test of every building × grid pair. */
  pairsMs: number;
  /** `intersect` of the pairs whose boxes meet, and the area of each piece. */
  clipMs: number;
  /** Per community: pairwise grid `intersect`, and `difference` with the `union` of its grids. */
  coverageMs: number;
  /** Buildings whose centroid no grid holds, and those no grid holds any of (checks that the
   * work was done). */
  centroidOutside: number;
  unassigned: number;
  overlapM2: number;
  gapM2: number;
}

type Areal = Feature<Polygon | MultiPolygon>;

/**
 * Runs the naive baseline once on the given data.
 * @example
 * naiveBaseline(data.input).pairsMs;
 */
export function naiveBaseline(input: Omit<AnalysisInput, 'facilities'>): BaselineResult {
  const { buildings, grids, communities } = input;
  const gridBoxes = grids.map((g) => bbox(g));

  let start = performance.now();
  const candidates: number[][] = [];
  let centroidOutside = 0;
  for (const building of buildings) {
    const centre = centroid(building);
    const box = bbox(building);
    const meets: number[] = [];
    let held = false;
    grids.forEach((grid, k) => {
      if (booleanPointInPolygon(centre, grid)) held = true;
      if (boxesMeet(box, gridBoxes[k] as BBox)) meets.push(k);
    });
    if (!held) centroidOutside++;
    candidates.push(meets);
  }
  const pairsMs = performance.now() - start;

  start = performance.now();
  let unassigned = 0;
  buildings.forEach((building, b) => {
    let best = 0;
    for (const k of candidates[b] as number[]) {
      const piece = intersect(
        featureCollection<Polygon | MultiPolygon>([building, grids[k] as GridFeature]),
      );
      if (piece) best = Math.max(best, area(piece));
    }
    if (best === 0) unassigned++;
  });
  const clipMs = performance.now() - start;

  start = performance.now();
  let overlapM2 = 0;
  let gapM2 = 0;
  for (const community of communities) {
    const own = grids.filter((g) => g.properties.communityId === community.properties.id);
    for (let a = 0; a < own.length; a++)
      for (let b = a + 1; b < own.length; b++) overlapM2 += areaOf(intersect(pair(own[a], own[b])));
    const merged = own.length > 1 ? union(featureCollection<Polygon | MultiPolygon>(own)) : own[0];
    gapM2 += merged ? areaOf(difference(pair(community, merged))) : area(community);
  }
  const coverageMs = performance.now() - start;

  return {
    buildings: buildings.length,
    grids: grids.length,
    communities: communities.length,
    pairsMs,
    clipMs,
    coverageMs,
    centroidOutside,
    unassigned,
    overlapM2,
    gapM2,
  };
}

/**
 * The baseline's time on a full data set, each phase scaled from a measured part by what drives
 * its cost: building × grid pairs, buildings (the clipped pairs grow with them), communities.
 * @example
 * extrapolateBaseline(part, { buildings: 50_000, grids: 2_000, communities: 160 });
 */
export function extrapolateBaseline(
  part: BaselineResult,
  full: { buildings: number; grids: number; communities: number },
): number {
  return (
    part.pairsMs * ((full.buildings * full.grids) / (part.buildings * part.grids)) +
    part.clipMs * (full.buildings / part.buildings) +
    part.coverageMs * (full.communities / part.communities)
  );
}

function pair(a: Areal | undefined, b: Areal | undefined) {
  return featureCollection<Polygon | MultiPolygon>([a as Areal, b as Areal]);
}

function areaOf(piece: ReturnType<typeof intersect>): number {
  return piece ? area(piece) : 0;
}
