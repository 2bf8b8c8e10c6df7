/**
 * Turf-style fixtures for the coverage engine: every tests/fixtures/<operation>/in/<name>.geojson
 * (one FeatureCollection whose features say their layer in `properties.layer`) is run through the
 * engine and the operation's part of the report is compared with out/<name>.json. Numbers are
 * rounded (4 decimals, coordinates 9) so the files read well. `REGEN=1` rewrites the outputs;
 * read the diff — the figures were checked by hand (see tests/fixtures/COVERAGE.md).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import type { AnalysisInput } from '../../src/analysis/coverage/input.ts';
import type { CoverageReport } from '../../src/analysis/coverage/report.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const REGEN = process.env.REGEN === '1';

/** What each operation's output file holds. */
const OPERATIONS: Record<string, (report: CoverageReport) => unknown> = {
  assignment: (r) => ({
    assignments: r.assignments,
    unassignedBuildings: r.street.unassignedBuildings,
    splitBuildings: r.street.splitBuildings,
  }),
  coverage: (r) => ({
    communities: r.communities.map(({ totals: _totals, ...coverage }) => coverage),
    problems: r.problems.map(({ geometry: _geometry, ...problem }) => problem),
  }),
  workload: (r) => ({
    grids: r.grids,
    communities: r.communities.map((c) => ({ communityId: c.communityId, totals: c.totals })),
    street: r.street,
  }),
  'facility-coverage': (r) => r.facilities.filter((f) => f.facilities > 0),
};

function layerOf(features: Feature[], layer: string) {
  return features
    .filter((f) => f.properties?.layer === layer)
    .map((f) => {
      const properties = { ...f.properties };
      delete properties.layer;
      return { ...f, properties };
    });
}

function inputOf(collection: FeatureCollection): AnalysisInput {
  const features = collection.features;
  return {
    communities: layerOf(features, 'community'),
    grids: layerOf(features, 'grid'),
    buildings: layerOf(features, 'building'),
    facilities: layerOf(features, 'facility'),
  } as unknown as AnalysisInput;
}

function rounded(value: unknown, key = ''): unknown {
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? value
      : Number(value.toFixed(key === 'coordinates' || key === 'bbox' ? 9 : 4));
  if (Array.isArray(value)) return value.map((v) => rounded(v, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v, k)]));
  return value;
}

const cases = Object.keys(OPERATIONS).flatMap((operation) =>
  readdirSync(`${FIXTURES}${operation}/in`)
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map((name) => [operation, name.replace(/\.geojson$/, '')] as const),
);

describe('coverage fixtures', () => {
  it('cover every operation with several cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s / %s', (operation, name) => {
    const collection = JSON.parse(
      readFileSync(`${FIXTURES}${operation}/in/${name}.geojson`, 'utf8'),
    );
    const actual = rounded(
      OPERATIONS[operation]!(new CoverageEngine(inputOf(collection)).report()),
    );
    const outPath = `${FIXTURES}${operation}/out/${name}.json`;
    if (REGEN) {
      mkdirSync(`${FIXTURES}${operation}/out`, { recursive: true });
      writeFileSync(outPath, `${JSON.stringify(actual, null, 1)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
  });
});
