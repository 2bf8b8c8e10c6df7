// The benchmark's grid edits, checked with turf on the street scale: moving a shared vertex in
// both grids keeps the community tiled; moving it in one grid opens a gap of the expected size;
// the edited features are new objects and the generated ones are left as they were.
import { area, difference, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EDIT_M,
  gapEdit,
  pickSharedVertices,
  sharedVertexEdit,
} from '../../scripts/bench/edits.ts';
import { generateBench, type BenchData } from '../../scripts/bench/generate.ts';
import { SCALES } from '../../scripts/bench/scales.ts';
import { createRandom } from '../../scripts/sample/random.ts';
import { communityOfGridCode } from '../../src/domain/codes.ts';
import type { GridChange } from '../../src/analysis/coverage/input.ts';
import type { CommunityFeature, GridFeature } from '../../src/domain/types.ts';

type Area = Feature<Polygon | MultiPolygon>;

let data: BenchData;
let gridById: Map<string, GridFeature>;

/** Gap and Σ grid area of a community after applying changes to its grids. */
function coverage(communityId: string, changes: readonly GridChange[]) {
  const community = data.input.communities.find(
    (c) => c.properties.id === communityId,
  ) as CommunityFeature;
  const changed = new Map(changes.map((c) => [c.gridId, c.grid as GridFeature]));
  const grids = data.input.grids
    .filter((g) => g.properties.communityId === communityId)
    .map((g) => changed.get(g.properties.id) ?? g);
  const merged = union(featureCollection<Polygon | MultiPolygon>(grids)) as Area;
  const gap = difference(featureCollection<Polygon | MultiPolygon>([community, merged]));
  return {
    communityM2: area(community),
    gridsM2: grids.reduce((s, g) => s + area(g), 0),
    gapM2: gap ? area(gap) : 0,
  };
}

beforeAll(() => {
  data = generateBench(SCALES.street);
  gridById = new Map(data.input.grids.map((g) => [g.properties.id, g]));
});

describe('bench edits', () => {
  it('picks different vertices shared by two grids of a healthy community', () => {
    const faulty = new Set(data.faults.map((f) => f.communityId));
    const picked = pickSharedVertices(data, 12, createRandom(1));
    expect(new Set(picked.map((v) => v.position.join(','))).size).toBe(12);
    for (const v of picked) {
      const [a, b] = v.gridIds;
      expect(a).not.toBe(b);
      expect(communityOfGridCode(a)).toBe(communityOfGridCode(b));
      expect(faulty.has(communityOfGridCode(a))).toBe(false);
    }
  });

  it('keeps the community tiled when a shared vertex moves in both grids', () => {
    for (const vertex of pickSharedVertices(data, 4, createRandom(2))) {
      const before = JSON.stringify(data.input.grids);
      const changes = sharedVertexEdit(gridById, vertex);
      expect(JSON.stringify(data.input.grids)).toBe(before);
      expect(changes.map((c) => c.gridId)).toEqual(vertex.gridIds);
      const { communityM2, gridsM2, gapM2 } = coverage(
        communityOfGridCode(vertex.gridIds[0]),
        changes,
      );
      expect(Math.abs(gridsM2 - communityM2)).toBeLessThan(0.01);
      expect(gapM2).toBeLessThan(0.01);
    }
  });

  it('opens a gap of about half the vertex chord × the move when it moves in one grid only', () => {
    for (const vertex of pickSharedVertices(data, 4, createRandom(3))) {
      const { open, close } = gapEdit(gridById, vertex);
      expect(close[0]?.grid).toBe(gridById.get(vertex.gridIds[0]));
      const { gapM2 } = coverage(communityOfGridCode(vertex.gridIds[0]), open);
      // Neighbouring vertices are 30–90 m apart, so the triangle is 0.5 × 60–180 m × EDIT_M.
      expect(gapM2).toBeGreaterThan(0.5 * 60 * EDIT_M * 0.9);
      expect(gapM2).toBeLessThan(0.5 * 180 * EDIT_M);
    }
  });
});
