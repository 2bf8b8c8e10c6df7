/**
 * Plans (方案) in real Chromium, stored in the browser's own IndexedDB: a plan is created, a
 * grid's attributes are edited, undone and redone from the keyboard; after a reload the plan is
 * shown again with its history (undo still possible), the edited attributes and the saved view
 * (camera and tab); deleting it asks first, naming the plan, and brings back the baseline. Then a
 * plan that merges two grids is imported, edited, renamed, duplicated, exported, and compared
 * with the baseline: the summary,
 * the tables, the moved buildings and the dashed overlay of the baseline's grids, with a
 * screenshot of the comparison tab.
 */
import { readFileSync } from 'node:fs';
import { bbox, featureCollection, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import type { BuildingFeature, CommunityFeature, GridFeature } from '../../src/domain/types.ts';
import { applyCommand } from '../../src/editing/commands.ts';
import { applyPatch, planFromGrids, planGrids } from '../../src/editing/plan.ts';
import { exportPlanGeoJSON } from '../../src/io/plan-geojson.ts';
import { expect, screenPoint, test, waitForDrawn } from './guarded-page.ts';

const read = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')) as T;

const grids = read<FeatureCollection<Polygon>>('grids.geojson').features as GridFeature[];
const target = grids.find((g) => g.properties.type === 'comprehensive')!;
const inside = pointOnFeature(target).geometry.coordinates as [number, number];

/** Clicks the target grid on the map (buildings and facilities hidden, so only grids pick). */
async function selectTarget(page: Page): Promise<void> {
  await page.getByTestId('tab-map').click();
  await page.getByTestId('layer-toggle-buildings').uncheck();
  await page.getByTestId('layer-toggle-facilities').uncheck();
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  const point = await screenPoint(page, inside[0], inside[1]);
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('details')).toHaveAttribute('data-id', target.properties.id);
  await page.getByTestId('layer-toggle-buildings').check();
  await page.getByTestId('layer-toggle-facilities').check();
}

/** Takes the focus out of any field, so the history shortcuts belong to the page. */
const blur = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test('a plan keeps its edits, history and view across a reload, and is deleted after a confirmation', async ({
  page,
}) => {
  await page.goto('/');
  await waitForDrawn(page);
  const picker = page.getByTestId('plan-picker');
  const undo = page.getByTestId('plan-undo');
  const redo = page.getByTestId('plan-redo');
  await expect(picker).toHaveValue('');
  await expect(undo).toBeDisabled();
  await expect(page.getByTestId('plan-delete')).toBeDisabled();

  await page.getByTestId('plan-new').click();
  await expect(picker.locator('option:checked')).toHaveText(/方案 1（0 处修改）/);
  const planId = await picker.inputValue();
  expect(planId).not.toBe('');
  expect(await page.evaluate(() => window.__gridatlas!.plan()!.id)).toBe(planId);

  await selectTarget(page);
  const workers = page.getByTestId('grid-attr-workers');
  const leader = page.getByTestId('grid-attr-leader');
  const original = String(target.properties.workers);
  await expect(workers).toHaveValue(original);
  const changed = String(target.properties.workers + 3);
  await workers.fill(changed);
  await leader.fill('测试网格长');
  await page.getByTestId('grid-attr-save').click();
  await expect(page.getByTestId('plan-saved')).toHaveAttribute('data-state', 'saved');
  await expect(undo).toBeEnabled();
  await expect(undo).toHaveAttribute('title', /撤销：修改网格属性/);
  await expect(page.getByTestId('details')).toContainText('测试网格长');
  await expect(picker.locator('option:checked')).toHaveText(/方案 1（1 处修改）/);

  await blur(page);
  await page.keyboard.press('Control+z');
  await expect(workers).toHaveValue(original);
  await expect(undo).toBeDisabled();
  await expect(redo).toBeEnabled();
  await page.keyboard.press('Control+Shift+Z');
  await expect(workers).toHaveValue(changed);
  await page.keyboard.press('Control+z');
  await expect(workers).toHaveValue(original);
  await page.keyboard.press('Control+y');
  await expect(workers).toHaveValue(changed);
  await expect(leader).toHaveValue('测试网格长');

  // The view to come back to: camera on the grid, the coverage tab open.
  await page.evaluate(([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 16.25), inside);
  await page.getByTestId('tab-coverage').click();
  await page.waitForTimeout(2000);

  await page.reload();
  await waitForDrawn(page);
  await expect(picker).toHaveValue(planId);
  await expect(picker.locator('option:checked')).toHaveText(/方案 1（1 处修改）/);
  await expect(undo).toBeEnabled();
  await expect(undo).toHaveAttribute('title', /撤销：修改网格属性/);
  await expect(redo).toBeDisabled();
  await expect(page.getByTestId('tab-coverage')).toHaveAttribute('aria-selected', 'true');
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.camera().zoom))
    .toBeCloseTo(16.25, 3);
  const camera = await page.evaluate(() => window.__gridatlas!.camera());
  expect(camera.center.lng).toBeCloseTo(inside[0], 6);
  expect(camera.center.lat).toBeCloseTo(inside[1], 6);

  await selectTarget(page);
  await expect(workers).toHaveValue(changed);
  await expect(leader).toHaveValue('测试网格长');

  // Delete: the dialog names the plan; cancel keeps it, confirm deletes it.
  await page.getByTestId('plan-delete').click();
  const dialog = page.getByTestId('plan-delete-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('方案 1');
  await page.getByTestId('plan-delete-cancel').click();
  await expect(dialog).toBeHidden();
  await expect(picker).toHaveValue(planId);
  await page.getByTestId('plan-delete').click();
  await page.getByTestId('plan-delete-confirm').click();
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option')).toHaveCount(1);
  await expect(workers).toHaveValue(original);
  expect(await page.evaluate(() => window.__gridatlas!.plan()!.id)).toBeNull();
});

test('an imported plan, edited, compared with the baseline', async ({ page }) => {
  // The plan file: the first two grids of the sample merged, by the app's own merge.
  const [a, b] = [grids[0]!.properties.id, grids[1]!.properties.id];
  const baseline = planFromGrids(grids);
  const merged = applyCommand(
    baseline,
    {
      communities: new Map(
        read<FeatureCollection>('communities.geojson').features.map((c) => [
          String(c.properties!.id),
          c as CommunityFeature,
        ]),
      ),
      buildings: new Map(
        read<FeatureCollection>('buildings.geojson').features.map((f) => [
          String(f.properties!.id),
          f as BuildingFeature,
        ]),
      ),
      settings: DEFAULT_SETTINGS,
    },
    { op: 'merge', gridIds: [a, b] },
  );
  if (!merged.ok) throw new Error(`the sample grids ${a} and ${b} do not merge`);
  const text = exportPlanGeoJSON(planGrids(applyPatch(baseline, merged.patch)), {
    name: '合并方案',
  });

  await page.goto('/');
  await waitForDrawn(page);
  await page.getByTestId('plan-import-input').setInputFiles({
    name: '合并方案.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(text),
  });
  const picker = page.getByTestId('plan-picker');
  await expect(picker.locator('option:checked')).toHaveText(/合并方案（0 处修改）/);
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.plan()!.gridIds.length))
    .toBe(grids.length - 1);

  // An edit on the imported plan: the target grid gets more workers.
  await selectTarget(page);
  await page.getByTestId('grid-attr-workers').fill(String(target.properties.workers + 2));
  await page.getByTestId('grid-attr-save').click();
  await expect(page.getByTestId('plan-saved')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('details').getByRole('button', { name: '关闭' }).click();

  // Rename it; a duplicate (history included) is shown at once; back to the renamed plan.
  const importedId = await picker.inputValue();
  await page.getByTestId('plan-rename').click();
  await page.getByTestId('plan-rename-input').fill('合并方案A');
  await page.getByTestId('plan-rename-input').press('Enter');
  await expect(picker.locator('option:checked')).toHaveText(/合并方案A（1 处修改）/);
  await page.getByTestId('plan-duplicate').click();
  await expect(picker.locator('option:checked')).toHaveText(/合并方案A 副本（1 处修改）/);
  await expect(page.getByTestId('plan-undo')).toBeEnabled();
  await picker.selectOption(importedId);
  await expect(picker).toHaveValue(importedId);

  // Export: the plan's grids as <plan name>.geojson.
  const exported = page.waitForEvent('download');
  await page.getByTestId('plan-export').click();
  const file = await exported;
  expect(file.suggestedFilename()).toBe('合并方案A.geojson');
  const written = JSON.parse(readFileSync(await file.path(), 'utf8')) as FeatureCollection;
  expect(written.features).toHaveLength(grids.length - 1);

  await page.getByTestId('tab-compare').click();
  await expect(page.getByTestId('compare-other')).toHaveValue('');
  await expect(page.getByTestId('compare-after')).toHaveText('合并方案A');
  await expect(page.getByTestId('compare-grid-changes')).toContainText('删除 1');
  await expect(page.getByTestId('compare-grid-changes')).toContainText('调整');
  const moved = page.getByTestId('compare-moved-building');
  await expect(moved.first()).toBeVisible();
  const movedCount = await moved.count();
  expect(movedCount).toBeGreaterThan(0);
  await expect(page.getByTestId('compare-moved-count')).toContainText(`${movedCount} 栋`);
  const removedRow = page.getByTestId('compare-grids').locator(`tr[data-id="${b}"]`);
  await expect(removedRow).toHaveAttribute('data-status', 'removed');
  await expect(removedRow).toContainText(String(grids[1]!.properties.name));
  await expect(
    page.getByTestId('compare-grids').locator(`tr[data-id="${target.properties.id}"]`),
  ).toHaveAttribute('data-status', 'changed');
  await expect(page.getByTestId('compare-communities').locator('tbody tr').first()).toBeVisible();

  // On the map: the baseline's two grids dashed, the moved buildings filled.
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.sourceFeatures('compare-grids')))
    .toEqual(expect.arrayContaining([a, b]));
  const layers = await page.evaluate(() => window.__gridatlas!.layerIds());
  expect(layers).toEqual(expect.arrayContaining(['compare-grids-line', 'compare-moved-buildings']));

  // A moved building picked in the list is selected on the map.
  const firstId = await moved.first().getAttribute('data-id');
  await moved.first().click();
  await expect(page.getByTestId('details')).toHaveAttribute('data-id', firstId!);
  await page.getByTestId('details').getByRole('button', { name: '关闭' }).click();

  // The change report downloads as Markdown.
  const download = page.waitForEvent('download');
  await page.getByTestId('compare-export-markdown').click();
  expect((await download).suggestedFilename()).toBe('调整说明-现状-合并方案A.md');

  const [west, south, east, north] = bbox(featureCollection([grids[0]!, grids[1]!]));
  await page.evaluate(
    ([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 16),
    [(west + east) / 2, (south + north) / 2],
  );
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  await page.getByTestId('compare-panel').evaluate((panel) => panel.parentElement!.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/screenshots/compare.png' });

  // Leaving the tab takes the overlay away.
  await page.getByTestId('tab-map').click();
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.sourceIds()))
    .not.toContain('compare-grids');
});
