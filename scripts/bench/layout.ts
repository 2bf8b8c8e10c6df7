/**
 * The territory plan in lattice-cell space: districts → streets → communities → grids, each level
 * cut from its parent by guillotine cuts along cell lines, so every piece is a rectangle of whole
 * cells and neighbours meet along the same lattice points. Cell counts follow random weights, so
 * grid sizes vary. No coordinates here; the lattice turns cells into shapes.
 */
import { formatGridCode } from '../../src/domain/codes.ts';
import type { GridType } from '../../src/domain/types.ts';
import type { Random } from '../sample/random.ts';
import type { BenchScale } from './scales.ts';

/** Cells [i0, i1) × [j0, j1); i runs east, j north. */
export interface CellRect {
  i0: number;
  j0: number;
  i1: number;
  j1: number;
}

export interface GridPlan {
  id: string;
  communityId: string;
  type: GridType;
  workers: number;
  rect: CellRect;
}

export interface CommunityPlan {
  id: string;
  streetId: string;
  rect: CellRect;
  grids: GridPlan[];
}

export interface Layout {
  /** Cells east–west and south–north. */
  width: number;
  height: number;
  streetIds: string[];
  communities: CommunityPlan[];
}

/** Average cells per grid: with 60 m cells a grid is about 200 m across and has 8–20 vertices. */
const CELLS_PER_GRID = 10;
const GRIDS_PER_COMMUNITY = { min: 10, max: 15 } as const;
const DEDICATED_SHARE = 0.08;

/**
 * Plans the territory of a scale: ids, grid types and worker counts, and the cell rectangle of
 * every community and grid.
 * @example
 * planLayout(SCALES.street, createRandom(1)).communities.length; // 3
 */
export function planLayout(scale: BenchScale, rng: Random): Layout {
  const streetCounts = spread(scale.streets, scale.districts.length, rng);
  const communityCounts = spread(scale.communities, scale.streets, rng);
  const gridCounts = spread(scale.grids, scale.communities, rng, GRIDS_PER_COMMUNITY);
  const gridWeights = gridCounts.map((n) => Array.from({ length: n }, () => rng.float(0.6, 1.4)));

  const cells = scale.grids * CELLS_PER_GRID;
  const width = Math.round(Math.sqrt(cells * 1.2));
  const height = Math.ceil(cells / width);

  // Weights of every street and district, from the grids up.
  const communityWeights = gridWeights.map(sum);
  const streetWeights = groupSums(communityWeights, communityCounts);
  const districtWeights = groupSums(streetWeights, streetCounts);

  const streetIds: string[] = [];
  const communities: CommunityPlan[] = [];
  const districtRects = splitRect({ i0: 0, j0: 0, i1: width, j1: height }, districtWeights);
  let street = 0;
  let community = 0;
  scale.districts.forEach((district, d) => {
    const streetsHere = streetCounts[d] ?? 0;
    const streetRects = splitRect(
      districtRects[d] as CellRect,
      streetWeights.slice(street, street + streetsHere),
    );
    streetRects.forEach((streetRect, s) => {
      const streetId = district + pad3(s + 1);
      streetIds.push(streetId);
      const communitiesHere = communityCounts[street] ?? 0;
      const communityRects = splitRect(
        streetRect,
        communityWeights.slice(community, community + communitiesHere),
      );
      communityRects.forEach((rect, c) => {
        const id = streetId + pad3(c + 1);
        const gridRects = splitRect(rect, gridWeights[community] as number[]);
        communities.push({
          id,
          streetId,
          rect,
          grids: gridRects.map((gridRect, g) => planGrid(id, g + 1, gridRect, rng)),
        });
        community++;
      });
      street++;
    });
  });
  return { width, height, streetIds, communities };
}

function planGrid(communityId: string, sequence: number, rect: CellRect, rng: Random): GridPlan {
  if ((rect.i1 - rect.i0) * (rect.j1 - rect.j0) < 2)
    throw new RangeError(`grid ${sequence} of ${communityId} got fewer than 2 cells`);
  const dedicated = rng.chance(DEDICATED_SHARE);
  return {
    id: formatGridCode(communityId, sequence),
    communityId,
    type: dedicated ? 'dedicated' : 'comprehensive',
    workers: dedicated ? 1 : rng.int(1, 2),
    rect,
  };
}

/**
 * Cuts a rectangle into one piece per weight, in order, with areas roughly proportional to the
 * weights: halve the weight list, cut across the longer side at the matching fraction, recurse.
 */
function splitRect(rect: CellRect, weights: readonly number[]): CellRect[] {
  if (weights.length === 1) return [rect];
  const half = Math.floor(weights.length / 2);
  const share = sum(weights.slice(0, half)) / sum(weights);
  const w = rect.i1 - rect.i0;
  const h = rect.j1 - rect.j0;
  const long = Math.max(w, h);
  if (long < 2) throw new RangeError(`cannot cut a ${w}×${h} rectangle into ${weights.length}`);
  const cut = Math.min(long - 1, Math.max(1, Math.round(long * share)));
  const [a, b]: [CellRect, CellRect] =
    w >= h
      ? [
          { ...rect, i1: rect.i0 + cut },
          { ...rect, i0: rect.i0 + cut },
        ]
      : [
          { ...rect, j1: rect.j0 + cut },
          { ...rect, j0: rect.j0 + cut },
        ];
  return [...splitRect(a, weights.slice(0, half)), ...splitRect(b, weights.slice(half))];
}

/**
 * `total` split into `parts` counts near the average (within `bounds`, by default half to one and
 * a half times the average), shuffled by random transfers.
 */
function spread(
  total: number,
  parts: number,
  rng: Random,
  bounds?: { min: number; max: number },
): number[] {
  const average = total / parts;
  const min = bounds?.min ?? Math.max(1, Math.floor(average / 2));
  const max = bounds?.max ?? Math.ceil(average * 1.5);
  const base = Math.floor(average);
  const counts = Array.from({ length: parts }, (_, k) => base + (k < total - base * parts ? 1 : 0));
  for (let k = 0; k < parts * 2; k++) {
    const from = rng.int(0, parts - 1);
    const to = rng.int(0, parts - 1);
    if ((counts[from] as number) > min && (counts[to] as number) < max) {
      counts[from] = (counts[from] as number) - 1;
      counts[to] = (counts[to] as number) + 1;
    }
  }
  return counts;
}

/** Sums of consecutive runs of `values`, run k being `sizes[k]` long. */
function groupSums(values: readonly number[], sizes: readonly number[]): number[] {
  let at = 0;
  return sizes.map((size) => {
    const total = sum(values.slice(at, at + size));
    at += size;
    return total;
  });
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}
