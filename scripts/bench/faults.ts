/**
 * Deliberate faults: in about one community in a hundred (at least one), a vertex two grids share
 * is moved in one of them only, opening a gap or making the two overlap, so the engine's fallback
 * (polygon clipping where edges do not match) runs too.
 */
import type { CommunityFeature, GridFeature } from '../../src/domain/types.ts';
import type { Random } from '../sample/random.ts';
import { moveVertex, nudgeVertex } from './move-vertex.ts';
import { interiorSharedVertices } from './shared-vertices.ts';

export interface Fault {
  kind: 'gap' | 'overlap';
  communityId: string;
  /** The grid whose vertex moved. */
  gridId: string;
  /** The other grid that had the vertex (and keeps it). */
  neighbourId: string;
}

const FAULT_SHARE = 0.01;
/** Far enough to open a gap of a few hundred m² between grids about 60 m apart in vertices. */
export const FAULT_M = 8;

/**
 * The grids with the faults applied (a new array; untouched grids are the same objects) and
 * what was done, gaps and overlaps alternating.
 * @example
 * injectFaults(communities, grids, rng).faults.length; // max(1, communities / 100)
 */
export function injectFaults(
  communities: readonly CommunityFeature[],
  grids: readonly GridFeature[],
  rng: Random,
): { grids: GridFeature[]; faults: Fault[] } {
  const out = [...grids];
  const indexOf = new Map(grids.map((g, k) => [g.properties.id, k]));
  const count = Math.max(1, Math.round(communities.length * FAULT_SHARE));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(0, communities.length - 1));
  const faults = [...chosen]
    .sort((a, b) => a - b)
    .map((c, k): Fault => {
      const community = communities[c] as CommunityFeature;
      const own = grids.filter((g) => g.properties.communityId === community.properties.id);
      const vertex = rng.pick(interiorSharedVertices(own, [community]));
      const [gridId, neighbourId] = vertex.gridIds;
      const at = indexOf.get(gridId) as number;
      const grid = out[at] as GridFeature;
      const kind = k % 2 === 0 ? 'gap' : 'overlap';
      const to = nudgeVertex(grid, vertex.position, kind === 'gap' ? FAULT_M : -FAULT_M);
      out[at] = moveVertex(grid, vertex.position, to);
      return { kind, communityId: community.properties.id, gridId, neighbourId };
    });
  return { grids: out, faults };
}
