/**
 * What the comparison tab compares: the other side (现状, null, or a plan) and the latest answer.
 * Kept outside the panel so the map overlay (inside MapView) reads the same answer; a newer
 * request makes an older answer that comes later count for nothing.
 */
import { plans, type CompareAnswer } from './plans.svelte.ts';

class Comparison {
  /** The other side: null for the baseline (现状), or a plan id. */
  otherId = $state<string | null>(null);
  answer = $state.raw<CompareAnswer | null>(null);
  loading = $state(false);
  #ticket = 0;

  /** The ids of the buildings that change grid, for the map. */
  movedBuildingIds = $derived(
    this.answer?.ok ? this.answer.value.comparison.movedBuildings.map((m) => m.buildingId) : [],
  );

  /** Compares the plan shown with the other side again. */
  async refresh(): Promise<void> {
    const ticket = ++this.#ticket;
    this.loading = true;
    const answer = await plans.compare(this.otherId);
    if (ticket !== this.#ticket) return;
    this.answer = answer;
    this.loading = false;
  }
}

export const comparison = new Comparison();
