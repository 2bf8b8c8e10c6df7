/**
 * A suggestion as the CLI and the app present it: the coverage report of today's plan, the
 * suggested plan, the report of the suggested grids with the street's other layers, the
 * comparison of the two (the change report's data) and the figures.
 */
import { CoverageEngine } from '../coverage/engine.ts';
import type { AnalysisInput } from '../coverage/input.ts';
import type { CoverageReport } from '../coverage/report.ts';
import { compareContextOf, comparePlans, type PlanComparison } from '../plan-compare.ts';
import type { GridSettings } from '../../domain/settings.ts';
import { suggestStreet, type StreetSuggestion } from './street-suggestion.ts';
import { suggestionFigures, type SuggestionFigures } from './suggestion-figures.ts';

export interface SuggestionRun {
  before: CoverageReport;
  suggestion: StreetSuggestion;
  after: CoverageReport;
  comparison: PlanComparison;
  figures: SuggestionFigures;
}

/**
 * Suggests a plan for the street's grids and checks and compares it.
 * @example
 * const { suggestion, figures } = runSuggestion(input, settings);
 */
export function runSuggestion(input: AnalysisInput, settings: GridSettings): SuggestionRun {
  const before = new CoverageEngine(input, settings).report();
  const suggestion = suggestStreet(input, before, settings);
  const after = new CoverageEngine({ ...input, grids: suggestion.grids }, settings).report();
  return {
    before,
    suggestion,
    after,
    comparison: comparePlans(before, after, compareContextOf(input)),
    figures: suggestionFigures(suggestion, before, after, input.communities),
  };
}
