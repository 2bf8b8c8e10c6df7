/**
 * The data worker's suggestion calls, made directly on the sample street (plans in
 * fake-indexeddb): a suggestion for the baseline meets the norms, splits the overfull grid and
 * lists the grids that differ for the overlay; its export is the suggested grids layer; accepted,
 * it becomes a stored plan with the suggested grids and a report without a problem.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyReportDelta } from '../../src/analysis/coverage/report-delta.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { openPlanStore } from '../../src/io/plan-store.ts';
import { createDataApi } from '../../src/workers/data-api.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const sample = readdirSync(DATA)
  .filter((name) => name.endsWith('.geojson'))
  .map((name) => ({ name, blob: new Blob([readFileSync(DATA + name)]) }));

const BIG_GRID = '110106090005003';

describe('the data API’s suggestion', () => {
  it('suggests a plan within the norms, exports it and takes it up as a stored plan', async () => {
    const factory = new IDBFactory();
    const api = createDataApi({ openStore: () => openPlanStore({ factory }) });
    const street = await api.load(sample, () => {}, DEFAULT_SETTINGS);
    expect(street.report.grids.find((g) => g.gridId === BIG_GRID)?.households).toBe(964);
    expect(api.exportSuggestion('建议方案')).toBeNull();

    const view = api.suggestPlan();
    expect(view.figures).toMatchObject({ meetsNorms: true, grids: { before: 46, after: 47 } });
    expect(view.figures.check).toMatchObject({ passed: true, violations: 0 });
    const big = view.comparison.grids.find((g) => g.gridId === BIG_GRID)!;
    expect(big.households.after).toBeLessThanOrEqual(500);
    const added = view.comparison.grids.filter((g) => g.status === 'added');
    expect(added).toHaveLength(1);
    expect(big.households.before - big.households.after).toBe(added[0]!.households.after);
    expect(view.changedGrids.map((g) => g.properties.id)).toContain(added[0]!.gridId);
    expect(view.comparison.householdsMoved).toBe(view.figures.householdsMoved);

    const exported = JSON.parse(api.exportSuggestion('建议方案')!) as { features: unknown[] };
    expect(exported.features).toHaveLength(47);

    const switched = await api.acceptSuggestion('建议方案');
    if (!switched?.ok) throw new Error(JSON.stringify(switched));
    const report = applyReportDelta(street.report, switched.update.delta);
    expect(report.problems).toEqual([]);
    expect(report.grids).toHaveLength(47);
    expect(switched.update.grids.order).toContain(added[0]!.gridId);
    const listed = await api.listPlans();
    expect(listed.plans.map((p) => p.name)).toEqual(['建议方案']);
    expect(listed.currentPlanId).toBe(listed.plans[0]!.id);
  });
});
