import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeStreet } from '../../src/analysis/street-summary.ts';
import type { StreetDataset } from '../../src/domain/types.ts';

const read = <K extends keyof StreetDataset>(file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'),
  ) as StreetDataset[K];

describe('summarizeStreet', () => {
  it('sums the sample street as data/README.md states it', () => {
    const summary = summarizeStreet({
      street: read<'street'>('street.geojson'),
      communities: read<'communities'>('communities.geojson'),
      grids: read<'grids'>('grids.geojson'),
      buildings: read<'buildings'>('buildings.geojson'),
    });
    expect(summary.streetName).toBe('榆汀街道（示例数据）');
    expect(summary.areaKm2).toBeCloseTo(4.8, 2);
    expect([summary.communities, summary.grids, summary.buildings]).toEqual([10, 46, 1022]);
    expect([summary.households, summary.residents]).toEqual([18530, 47295]);
    const [west, south, east, north] = summary.bounds!;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(Math.abs((west + east) / 2 - 116.32)).toBeLessThan(0.02);
    expect(Math.abs((south + north) / 2 - 39.84)).toBeLessThan(0.02);
  });

  it('takes the bounds from the grids when there is no street, and is empty when nothing is loaded', () => {
    const grids = read<'grids'>('grids.geojson');
    expect(summarizeStreet({ grids }).bounds).not.toBeNull();
    expect(summarizeStreet({ grids }).areaKm2).toBe(0);
    expect(summarizeStreet({})).toMatchObject({
      bounds: null,
      grids: 0,
      households: 0,
      streetName: null,
    });
  });
});
