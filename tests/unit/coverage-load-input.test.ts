/**
 * From loader to engine: a grid that validation sets aside for a self-intersecting ring is not
 * lost — the report lists it as an invalid ring under its community, with where to zoom — and
 * the gap it leaves is measured.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import { loadFiles } from '../../src/io/load-files.ts';

const CONTEXT = fileURLToPath(new URL('../fixtures/context/', import.meta.url));
const read = (name: string) => ({ name, text: readFileSync(CONTEXT + name, 'utf8') });

const grid = (id: string, ring: number[][]) => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: {
    id,
    name: id,
    communityId: id.slice(0, 12),
    type: '综合',
    workers: 2,
    leader: '李',
  },
});

// Community 110106012001 spans 116.300–116.313 E, 39.83–39.85 N: the west grid is sound, the
// east one is a bow-tie.
const grids = {
  type: 'FeatureCollection',
  features: [
    grid('110106012001001', [
      [116.3, 39.83],
      [116.306, 39.83],
      [116.306, 39.85],
      [116.3, 39.85],
      [116.3, 39.83],
    ]),
    grid('110106012001002', [
      [116.306, 39.83],
      [116.313, 39.85],
      [116.313, 39.83],
      [116.306, 39.85],
      [116.306, 39.83],
    ]),
  ],
};

describe('inputFromLoad', () => {
  const result = loadFiles([
    read('communities.geojson'),
    read('street.geojson'),
    { name: 'grids.geojson', text: JSON.stringify(grids) },
  ]);
  const report = new CoverageEngine(inputFromLoad(result)).report();

  it('keeps the bow-tie grid aside and reports it as an invalid ring of its community', () => {
    expect(result.setAside.map((s) => s.problems.map((p) => p.code))).toEqual([
      ['self-intersection'],
    ]);
    const invalid = report.problems.find((p) => p.kind === 'invalid-ring')!;
    expect(invalid).toMatchObject({
      communityId: '110106012001',
      gridIds: ['110106012001002'],
      severity: 'error',
      bbox: [116.306, 39.83, 116.313, 39.85],
    });
    const community = report.communities.find((c) => c.communityId === '110106012001')!;
    expect(community.invalidRingGridIds).toEqual(['110106012001002']);
  });

  it('measures the gap the set-aside grid leaves (7/13 of the community)', () => {
    const community = report.communities.find((c) => c.communityId === '110106012001')!;
    expect(community.gapAreaM2 / community.areaM2).toBeCloseTo(7 / 13, 6);
    expect(report.communities.find((c) => c.communityId === '110106012002')!.gapAreaM2).toBeCloseTo(
      report.communities.find((c) => c.communityId === '110106012002')!.areaM2,
      6,
    );
  });
});
