/**
 * The suggestion half of the data worker's API: a suggested plan for the plan on screen
 * (src/analysis/suggest/), compared with it for the coverage tab and the map overlay, kept in
 * the worker until the planner accepts it as a plan of its own or downloads its grids.
 */
import { CoverageEngine } from '../analysis/coverage/engine.ts';
import { comparePlans, type PlanComparison } from '../analysis/plan-compare.ts';
import { suggestStreet } from '../analysis/suggest/street-suggestion.ts';
import {
  suggestionFigures,
  type SuggestionFigures,
} from '../analysis/suggest/suggestion-figures.ts';
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
      const today = { ...input, grids: planGrids(from) };
      const before = new CoverageEngine(today, settings).report();
      const suggestion = suggestStreet(today, before, settings);
      const after = new CoverageEngine({ ...today, grids: suggestion.grids }, settings).report();
      last = suggestion.grids;
      const comparison = comparePlans(before, after, {
        buildings: new Map(input.buildings.map((b) => [b.properties.id, b.properties])),
        communities: new Map(input.communities.map((c) => [c.properties.id, c.properties.name])),
      });
      return {
        figures: suggestionFigures(suggestion, before, after, input.communities),
        comparison,
        changedGrids: suggestion.grids.filter((g) => from.grids.get(g.properties.id)?.grid !== g),
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
