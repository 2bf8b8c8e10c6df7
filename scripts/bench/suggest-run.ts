/**
 * `npm run bench -- --suggest`: the suggested plan (src/analysis/suggest/) on the sample street
 * and on the generated district with every comprehensive grid above the band (the district's
 * households doubled), each in a node process of its own so its peak memory is its own; the
 * baseline, measured in the same run, is the coverage report of the same street, which every
 * suggestion computes twice (before and after). Prints a Markdown table and one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import type { AnalysisInput } from '../../src/analysis/coverage/input.ts';
import { suggestStreet } from '../../src/analysis/suggest/street-suggestion.ts';
import { suggestionFigures } from '../../src/analysis/suggest/suggestion-figures.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { loadFiles } from '../../src/io/load-files.ts';
import { generateBench } from './generate.ts';
import { median, peakRssMb, timed } from './measure.ts';
import { SCALES } from './scales.ts';

/** How much the district's households and residents are multiplied by: 260–540 → 520–1,080. */
const OVERFULL = 2;
const NODE_FLAGS = ['--max-old-space-size=6144', '--expose-gc', '--import', 'tsx'];
const log = (text: string): void => void process.stderr.write(`[suggest] ${text}\n`);

interface StreetFigures {
  street: string;
  grids: number;
  buildings: number;
  comprehensiveAbove: number;
  comprehensive: number;
  reportMs: number;
  suggestMs: number;
  peakRssMb: number;
  communities: number;
  communitiesMeetingNorms: number;
  householdsMoved: number;
  households: number;
  gridsAfter: number;
  offNormsAfter: number;
}

function sampleInput(): AnalysisInput {
  const dir = fileURLToPath(new URL('../../data/', import.meta.url));
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.geojson'))
    .map((name) => ({ name, text: readFileSync(dir + name, 'utf8') }));
  return inputFromLoad(loadFiles(files, DEFAULT_SETTINGS));
}

function districtInput(): AnalysisInput {
  const { input } = generateBench(SCALES.district);
  const buildings = input.buildings.map((b) => ({
    ...b,
    properties: {
      ...b.properties,
      households: b.properties.households * OVERFULL,
      residents: b.properties.residents * OVERFULL,
    },
  }));
  return { ...input, buildings };
}

/** One street: the report (median of `runs`), the suggestion (median), its figures. */
function measureStreet(street: string, input: AnalysisInput, runs: number): StreetFigures {
  const settings = DEFAULT_SETTINGS;
  const reports = Array.from({ length: runs }, () =>
    timed(() => new CoverageEngine(input, settings).report()),
  );
  const before = reports[0]!.value;
  log(`${street}: report ${reports.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
  const suggestions = Array.from({ length: runs }, () =>
    timed(() => suggestStreet(input, before, settings)),
  );
  const suggestion = suggestions[0]!.value;
  log(`${street}: suggestion ${suggestions.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
  const after = new CoverageEngine({ ...input, grids: suggestion.grids }, settings).report();
  const figures = suggestionFigures(suggestion, before, after, input.communities);
  const comprehensive = before.grids.filter((g) => g.type === 'comprehensive');
  return {
    street,
    grids: input.grids.length,
    buildings: input.buildings.length,
    comprehensive: comprehensive.length,
    comprehensiveAbove: comprehensive.filter((g) => g.band === 'above').length,
    reportMs: median(reports.map((r) => r.ms)),
    suggestMs: median(suggestions.map((r) => r.ms)),
    peakRssMb: peakRssMb(),
    communities: figures.communities.length,
    communitiesMeetingNorms: figures.communities.filter((c) => c.shortfall === null).length,
    householdsMoved: figures.householdsMoved,
    households: comprehensive.reduce((sum, g) => sum + g.households, 0),
    gridsAfter: figures.grids.after,
    offNormsAfter: after.grids.filter((g) => g.type === 'comprehensive' && g.band !== 'within')
      .length,
  };
}

const street = process.argv[2];
if (street === 'sample' || street === 'district') {
  const input = street === 'sample' ? sampleInput() : districtInput();
  const figures = measureStreet(street, input, street === 'sample' ? 5 : 1);
  process.stdout.write(JSON.stringify(figures) + '\n');
} else {
  const script = fileURLToPath(import.meta.url);
  const results = (['sample', 'district'] as const).map((name) => {
    const child = spawnSync(process.execPath, [...NODE_FLAGS, script, name], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`suggest bench ${name} failed (${child.status})`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as StreetFigures;
  });
  const n = (v: number, digits = 0) =>
    v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const rows = results.map((r) =>
    [
      r.street,
      `${n(r.grids)} / ${n(r.buildings)}`,
      `${n(r.comprehensiveAbove)} of ${n(r.comprehensive)}`,
      `**${n(r.suggestMs / 1000, 2)} s**`,
      `${n(r.reportMs)} ms (${n(r.suggestMs / r.reportMs, 1)}×)`,
      `${n(r.peakRssMb)} MB`,
      `${n(r.communitiesMeetingNorms)} of ${n(r.communities)}`,
      `${n(r.householdsMoved)} of ${n(r.households)} (${n((100 * r.householdsMoved) / r.households, 1)} %)`,
      `${n(r.grids)} → ${n(r.gridsAfter)}`,
      n(r.offNormsAfter),
    ].join(' | '),
  );
  console.log(
    [
      '| street | grids / buildings | comprehensive grids above the band | suggestion | coverage report (suggestion ÷ report) | peak RSS | communities within the norms | households moved | grids | off the norms after |',
      '|---|---|---|---:|---:|---:|---|---|---|---:|',
      ...rows.map((row) => `| ${row} |`),
    ].join('\n'),
  );
  console.log(JSON.stringify(results));
}
