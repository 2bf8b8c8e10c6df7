/**
 * The data worker's API, called directly (no worker): it loads the sample street from Blobs,
 * reports its faults, keeps the engine so that a grid edit comes back as an incremental report,
 * and does not let an older load that finishes last replace the street on screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { createDataApi } from '../../src/workers/data-api.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const sample = readdirSync(DATA)
  .filter((name) => name.endsWith('.geojson'))
  .map((name) => ({ name, blob: new Blob([readFileSync(DATA + name)]) }));

describe('the data API', () => {
  it('refuses an edit before any street is loaded', () => {
    expect(() => createDataApi().updateGrids([])).toThrow('no street is loaded');
  });

  it('loads the sample street and re-checks it after a grid edit', async () => {
    const api = createDataApi();
    const stages: string[] = [];
    const street = await api.load(sample, (stage) => stages.push(stage), DEFAULT_SETTINGS);
    expect(stages).toEqual(['reading', 'validating']);
    expect(street.usable).toBe(true);
    expect(street.report.problems).toHaveLength(5);
    expect(street.workOrderPoints.positions).toHaveLength(25005 * 2);

    // Removing grid 110106090005003 (964 households) clears the band problem and leaves its
    // area as a gap with its 244 buildings unassigned.
    const after = api.updateGrids([{ gridId: '110106090005003', grid: null }]);
    expect(after.problems.some((p) => p.kind === 'households-above')).toBe(false);
    expect(after.grids).toHaveLength(45);
    expect(after.street.unassignedBuildings).toBe(1 + 244);
    const gap = after.problems.find((p) => p.kind === 'gap' && p.communityId === '110106090005');
    expect(gap?.areaM2).toBeCloseTo(
      street.report.grids.find((g) => g.gridId === '110106090005003')!.areaM2,
      0,
    );

    // Putting it back restores the loaded report exactly.
    const grid = street.dataset.grids!.features.find(
      (g) => g.properties.id === '110106090005003',
    ) as GridFeature;
    const restored = api.updateGrids([{ gridId: grid.properties.id, grid }]);
    expect(restored.problems.map((p) => p.id).sort()).toEqual(
      street.report.problems.map((p) => p.id).sort(),
    );
    expect(restored.street.households).toBe(street.report.street.households);
  });

  it('keeps the newer street when an older load finishes last', async () => {
    const api = createDataApi();
    // The older load brings a usable layer (communities, no grids), but arrives last.
    const communities = readFileSync(`${DATA}communities.geojson`, 'utf8');
    let release: () => void = () => undefined;
    const slowBlob = {
      text: () => new Promise<string>((resolve) => (release = () => resolve(communities))),
    } as Blob;
    const older = api.load(
      [{ name: 'communities.geojson', blob: slowBlob }],
      () => undefined,
      DEFAULT_SETTINGS,
    );
    await api.load(sample, () => undefined, DEFAULT_SETTINGS);
    release();
    expect((await older).report.grids).toHaveLength(0);
    expect(api.updateGrids([]).grids).toHaveLength(46);
  });
});
