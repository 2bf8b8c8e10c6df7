/**
 * The coverage check's fast path: grids tile a community when their boundary edges cancel
 * against its border. Edits that end on the border (a split line, a painted area) put a grid
 * vertex in the middle of a border edge; the border is then split there too, so the fast path
 * still proves the tiling instead of sending the community to clipping.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { edgesMatch } from '../../src/analysis/coverage/coverage.ts';
import { prepareGrid } from '../../src/analysis/coverage/prepared.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { CommunityFeature, GridFeature } from '../../src/domain/types.ts';

const square = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

const community: CommunityFeature = deepFreeze({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [square(116.3, 39.9, 116.302, 39.901)] },
  properties: { id: '110106090001', streetId: '110106090' },
});

function grid(id: string, ring: Position[]): GridFeature {
  return deepFreeze({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: { id, communityId: '110106090001', type: 'comprehensive', workers: 1 },
  });
}

describe('edgesMatch', () => {
  it('proves a tiling split at a point of a border edge that the border does not have', () => {
    // A cut at x = 116.3007: both grids have a vertex where the border has none.
    const west = grid('110106090001001', square(116.3, 39.9, 116.3007, 39.901));
    const east = grid('110106090001002', square(116.3007, 39.9, 116.302, 39.901));
    expect(edgesMatch(community, [west, east].map(prepareGrid))).toBe(true);
  });

  it('still finds a gap, an overlap and a grid vertex off the border', () => {
    const west = grid('110106090001001', square(116.3, 39.9, 116.3007, 39.901));
    const gap = grid('110106090001002', square(116.30071, 39.9, 116.302, 39.901));
    const overlap = grid('110106090001002', square(116.30069, 39.9, 116.302, 39.901));
    const off = grid('110106090001002', [
      [116.3007, 39.9],
      [116.302, 39.9],
      [116.302, 39.901],
      [116.3007, 39.90101],
      [116.3007, 39.9],
    ]);
    for (const other of [gap, overlap, off])
      expect(edgesMatch(community, [west, other].map(prepareGrid))).toBe(false);
  });
});
