/**
 * The suggested plan (建议方案) in real Chromium on the sample street: the coverage tab's action
 * works it out in the worker; the summary says how many households change grid and that every
 * community meets the norms; the table shows the overfull grid brought within the band and the
 * new grid split off it; the map overlays the suggested boundaries (dashed) and the buildings
 * that change grid; the grids export as 建议方案.geojson; accepted, it becomes a plan with no
 * coverage problem left. A screenshot of the tab and the map is written.
 */
import { readFileSync } from 'node:fs';
import { bbox } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import type { GridFeature } from '../../src/domain/types.ts';
import { expect, test, waitForDrawn } from './guarded-page.ts';

const grids = (
  JSON.parse(
    readFileSync(new URL('../../data/grids.geojson', import.meta.url), 'utf8'),
  ) as FeatureCollection<Polygon>
).features as GridFeature[];

test('suggests a plan, shows it on the map, exports it and takes it up as a plan', async ({
  page,
}) => {
  await page.goto('/');
  await waitForDrawn(page);
  await page.getByTestId('tab-coverage').click();
  await expect(page.getByTestId('coverage-summary')).not.toHaveText('网格方案没有覆盖或工作量问题');
  await page.getByTestId('suggest-run').click();

  const summary = page.getByTestId('suggest-summary');
  await expect(summary).toContainText('户调整网格');
  await expect(summary).toContainText('网格 46 → 47 个（新增 1，撤销 0）');
  await expect(summary).toContainText('每个社区的综合网格都在规范之内。');

  // The overfull grid comes within the band; the grid split off it is new.
  const rows = page.getByTestId('suggest-row');
  const added = rows.and(page.locator('[data-status="added"]'));
  await expect(added).toHaveCount(1);
  const addedId = (await added.getAttribute('data-grid'))!;
  const households = await page
    .getByTestId('suggest-table')
    .locator('td[data-after]')
    .evaluateAll((cells) =>
      cells.map((c) => ({
        before: Number(c.getAttribute('data-before')),
        after: Number(c.getAttribute('data-after')),
      })),
    );
  expect(households.some((h) => h.before > 500)).toBe(true);
  expect(households.every((h) => h.after <= 500)).toBe(true);

  // On the map: the suggested grids that differ, dashed, and the buildings that change grid.
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.sourceFeatures('compare-grids')))
    .toContain(addedId);
  const layers = await page.evaluate(() => window.__gridatlas!.layerIds());
  expect(layers).toEqual(expect.arrayContaining(['compare-grids-line', 'compare-moved-buildings']));

  const community = addedId.slice(0, 12);
  const [west, south, east, north] = bbox({
    type: 'FeatureCollection',
    features: grids.filter((g) => g.properties.communityId === community),
  });
  await page.evaluate(
    ([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 15.5),
    [(west + east) / 2, (south + north) / 2],
  );
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  await page.screenshot({ path: 'test-results/screenshots/suggest.png' });

  const download = page.waitForEvent('download');
  await page.getByTestId('suggest-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('建议方案.geojson');
  const written = JSON.parse(readFileSync((await file.path())!, 'utf8')) as FeatureCollection;
  expect(written.features).toHaveLength(grids.length + 1);

  await page.getByTestId('suggest-accept').click();
  await expect(page.getByTestId('plan-picker').locator('option:checked')).toHaveText(/建议方案/);
  await expect(page.getByTestId('coverage-summary')).toHaveText('网格方案没有覆盖或工作量问题');
  await expect(page.getByTestId('suggest-run')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.sourceIds()))
    .not.toContain('compare-grids');
});
