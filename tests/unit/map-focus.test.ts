// What the map outlines for a coverage problem (its polygon, else its grids and buildings), the id
// filters of the focus layers read back by the test hooks, and the generated gap hatch.
import { describe, expect, it } from 'vitest';
import type { CoverageProblem } from '../../src/analysis/coverage/report.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { hatchImage, idFilter, idsOfFilter } from '../../src/map/coverage-style.ts';
import { PROBLEM_MAX_ZOOM, problemFocus } from '../../src/map/map-focus.ts';

const base: CoverageProblem = {
  id: 'gap:110106090008:0',
  kind: 'gap',
  severity: 'error',
  communityId: '110106090008',
  gridIds: ['110106090008001', '110106090008002'],
  buildingIds: [],
  areaM2: 302,
  value: null,
  bbox: [116.3076, 39.8385, 116.3077, 39.8393],
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116.3076, 39.8385],
        [116.3077, 39.8385],
        [116.3077, 39.8393],
        [116.3076, 39.8385],
      ],
    ],
  },
};

describe('problemFocus', () => {
  it('outlines the polygon of a problem that has one, not its grids', () => {
    expect(problemFocus(deepFreeze(base))).toEqual({
      bbox: base.bbox,
      maxZoom: PROBLEM_MAX_ZOOM,
      problemIds: ['gap:110106090008:0'],
      gridIds: [],
      buildingIds: [],
    });
  });

  it('outlines the grids and buildings of a problem without a polygon', () => {
    const unassigned = deepFreeze({
      ...base,
      id: 'unassigned:B0001',
      kind: 'unassigned-building' as const,
      gridIds: [],
      buildingIds: ['B0001'],
      geometry: null,
    });
    expect(problemFocus(unassigned)).toMatchObject({ problemIds: [], buildingIds: ['B0001'] });
    const above = deepFreeze({
      ...base,
      kind: 'households-above' as const,
      gridIds: ['110106090005003'],
      geometry: null,
    });
    expect(problemFocus(above)).toMatchObject({ gridIds: ['110106090005003'], buildingIds: [] });
  });
});

describe('idFilter and idsOfFilter', () => {
  it('round-trip the ids, and read no ids from other filters', () => {
    expect(idsOfFilter(idFilter(['B0001', 'B0002']))).toEqual(['B0001', 'B0002']);
    expect(idsOfFilter(idFilter([]))).toEqual([]);
    expect(idsOfFilter(['==', ['get', 'kind'], 'gap'])).toEqual([]);
    expect(idsOfFilter(undefined)).toEqual([]);
  });
});

describe('hatchImage', () => {
  it('is a seamless 16 × 16 tile of opaque stripes on transparent', () => {
    const { width, height, data } = hatchImage();
    expect([width, height, data.length]).toEqual([16, 16, 16 * 16 * 4]);
    const alpha = (x: number, y: number) => data[(y * width + x) * 4 + 3]!;
    const opaque = Array.from({ length: width * height }, (_, i) => alpha(i % 16, i >> 4) > 0);
    expect(opaque.filter(Boolean).length).toBe((width * height * 3) / 8);
    // The stripes continue across the tile's edges.
    for (let y = 0; y < height; y++) expect(alpha(15, y) > 0).toBe(alpha(0, (y + 15) % 16) > 0);
  });
});
