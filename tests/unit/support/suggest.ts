/**
 * Suggestion test support: a lattice street with buildings placed in its cells, the suggestion
 * for it through the street driver (as the CLI and the app run it), and the coverage engine's
 * report of the suggested grids, for tests to assert on.
 */
import type { AnalysisInput } from '../../../src/analysis/coverage/input.ts';
import type { CoverageReport } from '../../../src/analysis/coverage/report.ts';
import type { StreetSuggestion } from '../../../src/analysis/suggest/street-suggestion.ts';
import { runSuggestion as suggestAndCheck } from '../../../src/analysis/suggest/suggestion-run.ts';
import { DEFAULT_SETTINGS, type GridSettings } from '../../../src/domain/settings.ts';
import type { BuildingFeature, GridFeature } from '../../../src/domain/types.ts';
import { buildingWith, cellRectangle } from './area-edits.ts';
import type { LatticeSpec } from './lattice.ts';

export interface SuggestRun {
  input: AnalysisInput;
  before: CoverageReport;
  suggestion: StreetSuggestion;
  after: CoverageReport;
  settings: GridSettings;
}

let serial = 0;

/** Square buildings of `households` each in cell (i, j), at spots given as fractions of the cell. */
export function inCell(
  spec: LatticeSpec,
  [i, j]: [number, number],
  households: number,
  spots: readonly [number, number][],
  size = 0.08,
): BuildingFeature[] {
  return spots.map(([x, y]): BuildingFeature => {
    const n = serial++;
    const ring = cellRectangle(spec, [i + x, j + y], [i + x + size, j + y + size]);
    const building = buildingWith(`B${n}`, n, ring);
    return {
      ...building,
      properties: { ...building.properties, households, residents: 2 * households },
    };
  });
}

/** The suggestion for a street and the engine's report before and after, under `band`. */
export function runSuggestion(
  input: AnalysisInput,
  band: { min: number; max: number },
): SuggestRun {
  const settings = { ...DEFAULT_SETTINGS, householdsBand: band };
  const { before, suggestion, after } = suggestAndCheck(input, settings);
  return { input, before, suggestion, after, settings };
}

/** The input with these grids instead of its own. */
export function withGrids(input: AnalysisInput, grids: GridFeature[]): AnalysisInput {
  return { ...input, grids };
}

/** Households of each comprehensive grid after the suggestion. */
export function comprehensiveHouseholds(run: SuggestRun): number[] {
  return run.after.grids.filter((g) => g.type === 'comprehensive').map((g) => g.households);
}

/** The street's tiling faults and building faults after the suggestion. */
export function faultsAfter(run: SuggestRun) {
  const { street } = run.after;
  return {
    gapOver1m2: street.gapAreaM2 >= 1,
    overlapOver1m2: street.overlapAreaM2 >= 1,
    outsideOver1m2: street.outsideAreaM2 >= 1,
    unassigned: street.unassignedBuildings,
    split: street.splitBuildings,
    multiPolygonGrids: run.suggestion.grids.filter((g) => g.geometry.type !== 'Polygon').length,
  };
}

export const NO_FAULTS = {
  gapOver1m2: false,
  overlapOver1m2: false,
  outsideOver1m2: false,
  unassigned: 0,
  split: 0,
  multiPolygonGrids: 0,
};
