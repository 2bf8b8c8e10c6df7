/**
 * The suggestion half of the data worker's API: a suggested plan for the plan on screen
 * (src/analysis/suggest/), compared with it for the coverage tab and the map overlay, kept in
 * the worker until the planner accepts it as a plan of its own or downloads its grids.
 */
import type { PlanComparison } from '../analysis/plan-compare.ts';
import type { SuggestionFigures } from '../analysis/suggest/suggestion-figures.ts';
import { runSuggestion } from '../analysis/suggest/suggestion-run.ts';
import type { GridFeature } from '../domain/types.ts';
import { planFromGrids, planGrids } from '../editing/plan.ts';
import { exportPlanGeoJSON } from '../io/plan-geojson.ts';
import type { PlanWorkspace } from './plan-api.ts';
import type { PlanSwitch } from './plan-session.ts';

/** What the coverage tab shows of a suggestion. */
export interface SuggestionView {
  figures: SuggestionFigures;
  /** The plan on screen (before) against the suggestion (after). */
  comparison: PlanComparison;
  /** The suggested grids that differ from the plan on screen, for the overlay. */
  changedGrids: GridFeature[];
}

/**
 * The suggestion API over the workspace of the street on screen.
 * @example
 * const suggest = createSuggestApi(() => workspace);
 * const view = suggest.suggestPlan();
 * await suggest.acceptSuggestion('建议方案');
 */
export function createSuggestApi(workspace: () => PlanWorkspace) {
  /** The last suggestion's grids. */
  let last: GridFeature[] | null = null;

  return {
    /** Suggests a plan from the plan on screen. */
    suggestPlan(): SuggestionView {
      const { session, input, settings } = workspace();
      const from = session.plan;
      const run = runSuggestion({ ...input, grids: planGrids(from) }, settings);
      last = run.suggestion.grids;
      return {
        figures: run.figures,
        comparison: run.comparison,
        changedGrids: last.filter((g) => from.grids.get(g.properties.id)?.grid !== g),
      };
    },

    /** Stores the last suggestion as a new plan named `name` and shows it. */
    async acceptSuggestion(name: string): Promise<PlanSwitch | null> {
      if (!last) return null;
      const imported = planFromGrids(last);
      return workspace().session.createPlan(name, { imported, fileName: `${name}.geojson` });
    },

    /** The last suggestion's grids layer as GeoJSON (RFC 7946); null when there is none. */
    exportSuggestion(name: string): string | null {
      return last ? exportPlanGeoJSON(last, { name }) : null;
    },
  };
}

export type SuggestApi = ReturnType<typeof createSuggestApi>;
