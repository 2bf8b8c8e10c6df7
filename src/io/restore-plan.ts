/**
 * Rebuilding a stored plan (方案) from the baseline: its seed patch, then its history entries up
 * to the cursor, each applied with `applyPatch`. Pure: the same records always give the same plan,
 * which is what makes a reload show exactly what was there before.
 */
import { applyPatch, type EditPatch, type Plan } from '../editing/plan.ts';

/**
 * The plan a stored record stands for: `baseline` + `record.seed` + `entries[0 … cursor)`.
 * `entries` are in seq order; those at or after the cursor (the redo stack) are not applied.
 * @example
 * const { plan, entries } = await store.loadPlan(id);
 * const grids = planGrids(restorePlan(baseline, plan, entries));
 */
export function restorePlan(
  baseline: Plan,
  record: { seed: EditPatch; cursor: number },
  entries: readonly { patch: EditPatch }[],
): Plan {
  let plan = applyPatch(baseline, record.seed);
  for (const entry of entries.slice(0, record.cursor)) plan = applyPatch(plan, entry.patch);
  return plan;
}
