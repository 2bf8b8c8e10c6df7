/**
 * The coverage engine on the bundled sample street: it must find exactly the deliberate faults
 * listed in data/README.md — two gaps, one overlap, one grid above the band, one building in no
 * grid — and nothing else; and an edit that closes the gap must clear it incrementally.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature, featureCollection, union } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import { applyReportDelta, toUiReport } from '../../src/analysis/coverage/report-delta.ts';
import { loadFiles } from '../../src/io/load-files.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const files = readdirSync(DATA)
  .filter((name) => name.endsWith('.geojson'))
  .map((name) => ({ name, text: readFileSync(DATA + name, 'utf8') }));
const input = inputFromLoad(loadFiles(files));

function mergeWithGap(
  grid: Polygon | MultiPolygon,
  gap: Polygon | MultiPolygon,
): Polygon | MultiPolygon {
  return union(featureCollection([feature(grid), feature(gap)]))!.geometry;
}

describe('the sample street', () => {
  const report = new CoverageEngine(input).report();

  it('has exactly the deliberate faults', () => {
    const summary = report.problems.map((p) => [
      p.kind,
      p.gridIds.join(','),
      p.buildingIds.join(','),
    ]);
    expect(summary).toEqual([
      ['gap', '110106090001001', 'B0001'],
      ['overlap', '110106090004004,110106090004005', ''],
      ['gap', '110106090008001,110106090008002', ''],
      ['unassigned-building', '', 'B0001'],
      ['households-above', '110106090005003', ''],
    ]);
    const area = (kind: string, community: string) =>
      report.problems.find((p) => p.kind === kind && p.communityId === community)!.areaM2!;
    expect(area('gap', '110106090001')).toBeCloseTo(4899.2, 1);
    expect(area('overlap', '110106090004')).toBeCloseTo(345.6, 1);
    expect(area('gap', '110106090008')).toBeCloseTo(302.8, 1);
    expect(report.problems.find((p) => p.kind === 'households-above')!.value).toBe(964);
    expect(report.problems.find((p) => p.kind === 'unassigned-building')!.value).toBe(36);
  });

  it('accounts for every building and household', () => {
    expect(report.assignments).toHaveLength(1022);
    expect(report.street.buildings).toBe(1021);
    expect(report.street.households).toBe(18530 - 36);
    expect(report.street.unassignedBuildings).toBe(1);
    expect(report.street.splitBuildings).toBe(0);
    expect(report.street.outOfBandGrids).toBe(1);
  });

  it('balances the areas of every community', () => {
    for (const c of report.communities) {
      const balance = c.gridAreaInsideM2 + c.gapAreaM2 - c.overlapAreaM2;
      expect(Math.abs(balance - c.areaM2) / c.areaM2).toBeLessThan(1e-9);
    }
  });

  it('clears the gap when an edit gives the strip to one of its grids', () => {
    const engine = new CoverageEngine(input);
    const before = toUiReport(engine.report());
    const gap = before.problems.find((p) => p.id.startsWith('gap:110106090008'))!;
    const grid = input.grids.find((g) => g.properties.id === '110106090008001')!;
    // The union of the grid and the gap strip: the gap was bounded by this grid and its neighbour.
    const merged = mergeWithGap(grid.geometry, gap.geometry!);
    const delta = engine.updateGrids([
      { gridId: grid.properties.id, grid: { ...grid, geometry: merged } },
    ]);
    expect(delta.problems.communityIds).toEqual(['110106090008']);
    expect(delta.problems.communityProblems).toEqual([]);
    expect(delta.communities.find((c) => c.communityId === '110106090008')!.gapAreaM2).toBe(0);
    expect(delta.street.gapAreaM2).toBeCloseTo(before.street.gapAreaM2 - gap.areaM2!, 6);
    const full = new CoverageEngine({
      ...input,
      grids: input.grids.map((g) => (g === grid ? { ...grid, geometry: merged } : g)),
    }).report();
    expect(engine.report()).toEqual(full);
    expect(applyReportDelta(before, delta)).toEqual(toUiReport(full));
  });
});
