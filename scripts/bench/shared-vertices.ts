/**
 * Vertices two grids of one community share away from the community border: where a vertex can
 * move in both grids (a topology-preserving edit) or in one only (a gap or an overlap).
 */
import type { Position } from 'geojson';
import { polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import type { CommunityFeature, GridFeature } from '../../src/domain/types.ts';

export interface SharedVertex {
  position: Position;
  /** The two grids whose rings both pass through it, in input order. */
  gridIds: [string, string];
}

/**
 * Every vertex found in exactly two grids, both of the same community, and on no community's
 * ring, in the order first met.
 * @example
 * interiorSharedVertices(data.input.grids, data.input.communities)[0].gridIds; // two grid ids
 */
export function interiorSharedVertices(
  grids: readonly GridFeature[],
  communities: readonly CommunityFeature[],
): SharedVertex[] {
  const border = new Set<string>();
  for (const c of communities)
    for (const ring of polygonsOf(c.geometry).flat()) for (const p of ring) border.add(key(p));
  const found = new Map<string, { position: Position; grids: GridFeature[] }>();
  for (const grid of grids) {
    for (const ring of polygonsOf(grid.geometry).flat()) {
      for (let k = 0; k < ring.length - 1; k++) {
        const p = ring[k] as Position;
        const at = key(p);
        if (border.has(at)) continue;
        const entry = found.get(at);
        if (!entry) found.set(at, { position: p, grids: [grid] });
        else if (!entry.grids.includes(grid)) entry.grids.push(grid);
      }
    }
  }
  const shared: SharedVertex[] = [];
  for (const { position, grids: owners } of found.values()) {
    const [a, b] = owners;
    if (owners.length === 2 && a && b && a.properties.communityId === b.properties.communityId)
      shared.push({ position, gridIds: [a.properties.id, b.properties.id] });
  }
  return shared;
}

function key(p: Position): string {
  return `${p[0]},${p[1]}`;
}
