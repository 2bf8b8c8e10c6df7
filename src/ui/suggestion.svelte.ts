/**
 * The suggested plan (建议方案) on the coverage tab: asked of the data worker for the plan on
 * screen, shown until the plan changes, the planner closes it or takes it up as a plan. Kept
 * outside the panel so the map overlay reads the same answer; a newer request makes an older
 * answer that comes later count for nothing.
 */
import { i18n } from '../i18n/i18n.svelte.ts';
import { callDataWorker } from '../workers/data-client.ts';
import type { SuggestionView } from '../workers/suggest-api.ts';
import { downloadText } from './download.ts';
import { planChannel } from './editing/plan-channel.svelte.ts';
import { plans } from './editing/plans.svelte.ts';

class Suggestion {
  view = $state.raw<SuggestionView | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The plan and history step the suggestion was made from. */
  #madeFor: string | null = null;
  #ticket = 0;

  /** The ids of the buildings that change grid, for the map. */
  movedBuildingIds = $derived(this.view?.comparison.movedBuildings.map((m) => m.buildingId) ?? []);

  /** True while the suggestion shown was made from the plan and step on screen. */
  current(planKey: string): boolean {
    return this.view !== null && this.#madeFor === planKey;
  }

  /** Works out a suggestion for the plan on screen (after every plan call before it). */
  async run(planKey: string): Promise<void> {
    const ticket = ++this.#ticket;
    this.loading = true;
    this.error = null;
    try {
      const view = await planChannel.run(() => callDataWorker((w) => w.suggestPlan()));
      if (ticket !== this.#ticket) return;
      this.view = view ?? null;
      this.#madeFor = planKey;
    } catch (error) {
      if (ticket !== this.#ticket) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.error = i18n.t('suggest.failed', { reason });
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  /** Takes the suggestion up as a new plan, shown at once; the suggestion view closes. */
  async accept(): Promise<void> {
    if (await plans.acceptSuggestion()) this.close();
  }

  /** Downloads the suggested grids as 建议方案.geojson. */
  async download(): Promise<void> {
    const name = i18n.t('suggest.planName');
    const text = await callDataWorker((w) => w.exportSuggestion(name));
    if (text) downloadText(`${name}.geojson`, text);
  }

  close(): void {
    this.#ticket++;
    this.view = null;
    this.loading = false;
    this.#madeFor = null;
  }
}

export const suggestion = new Suggestion();

/** The key of the plan and history step on screen: a suggestion belongs to one. */
export const planKeyOf = (planId: string | null, cursor?: number, length?: number): string =>
  `${planId}|${cursor}|${length}`;
