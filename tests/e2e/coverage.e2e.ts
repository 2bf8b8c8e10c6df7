/**
 * The coverage check in the app, on the sample street in real Chromium: every deliberate fault of
 * the sample shows up in the coverage panel with its figure; clicking a problem zooms the map to
 * it and outlines it; the grid workload table sorts and marks the grid above the band; a facility
 * type draws its service circles and marks the buildings it leaves uncovered. Screenshots go to
 * test-results/screenshots/coverage-*.png.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForDrawn } from './guarded-page.ts';

const facilities = JSON.parse(
  readFileSync(new URL('../../data/facilities.geojson', import.meta.url), 'utf8'),
) as FeatureCollection;

const camera = (page: Page) => page.evaluate(() => window.__gridatlas!.camera());
const highlight = (page: Page) => page.evaluate(() => window.__gridatlas!.highlight());
const sourceCount = (page: Page, id: string) =>
  page.evaluate((s) => window.__gridatlas!.sourceFeatureCount(s), id);

/** The problem row of a kind whose text names all of `words`. */
function problemRow(page: Page, kind: string, ...words: string[]): Locator {
  let rows = page.locator(`[data-testid="coverage-problem"][data-kind="${kind}"]`);
  for (const word of words) rows = rows.filter({ hasText: word });
  return rows;
}

async function numberAttribute(row: Locator, name: string): Promise<number> {
  return Number(await row.getAttribute(name));
}

/** Waits until the camera has stopped and returns where it is. */
async function settledCamera(page: Page) {
  await expect.poll(async () => (await camera(page)).moving).toBe(false);
  return camera(page);
}

/** A screenshot once the map has drawn everything it was given. */
async function screenshot(page: Page, name: string): Promise<void> {
  await settledCamera(page);
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  await page.screenshot({ path: `test-results/screenshots/coverage-${name}.png` });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
});

test('the coverage panel lists every deliberate fault of the sample street', async ({ page }) => {
  await page.getByTestId('tab-coverage').click();
  const panel = page.getByTestId('coverage-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('coverage-count-gap')).toHaveText('2');
  await expect(page.getByTestId('coverage-count-overlap')).toHaveText('1');
  await expect(page.getByTestId('coverage-count-households-above')).toHaveText('1');
  await expect(page.getByTestId('coverage-count-unassigned-building')).toHaveText('1');

  const lane = problemRow(page, 'gap', '110106090008001', '110106090008002');
  await expect(lane).toHaveCount(1);
  expect(Math.abs((await numberAttribute(lane, 'data-area')) - 302)).toBeLessThan(5);
  await expect(lane).toContainText('m²');

  const corner = problemRow(page, 'gap', '110106090001');
  await expect(corner).toHaveCount(1);
  expect(Math.abs((await numberAttribute(corner, 'data-area')) - 4894)).toBeLessThan(49);
  await expect(corner).toContainText(/4,8\d\d m²/);

  const overlap = problemRow(page, 'overlap', '110106090004004', '110106090004005');
  await expect(overlap).toHaveCount(1);
  expect(Math.abs((await numberAttribute(overlap, 'data-area')) - 345)).toBeLessThan(5);

  const above = problemRow(page, 'households-above', '110106090005003');
  await expect(above).toHaveAttribute('data-value', '964');
  await expect(above).toContainText('964 户');

  await expect(problemRow(page, 'unassigned-building', 'B0001')).toHaveCount(1);
  await expect(panel.locator('.row.error')).toHaveCount(5);

  // The gaps and the overlap are always drawn, without any click.
  expect(await sourceCount(page, 'coverage-problems')).toBe(3);
  await screenshot(page, 'panel');

  await page.getByTestId('language-switch').click();
  await expect(page.locator('[data-kind="gap"] summary')).toContainText('Gaps between grids');
  await expect(lane).toContainText(/Gap of 30\d m²/);
  await screenshot(page, 'panel-en');
});

test('clicking a problem zooms the map to it and outlines it', async ({ page }) => {
  await page.getByTestId('tab-coverage').click();
  const before = await settledCamera(page);
  expect(await highlight(page)).toEqual({
    problemIds: [],
    gridIds: [],
    buildingIds: [],
    uncoveredBuildingIds: [],
  });

  const lane = problemRow(page, 'gap', '110106090008001', '110106090008002');
  const id = (await lane.getAttribute('data-id'))!;
  const [west, south, east, north] = (await lane.getAttribute('data-bbox'))!
    .split(',')
    .map(Number) as [number, number, number, number];
  await lane.click();
  await expect(lane).toHaveClass(/active/);
  await expect.poll(async () => (await highlight(page)).problemIds).toEqual([id]);
  await expect.poll(async () => (await camera(page)).zoom).toBeGreaterThan(before.zoom + 2);
  const after = await settledCamera(page);
  expect(after.zoom).toBeLessThanOrEqual(18.001);
  expect(after.center.lng).toBeGreaterThanOrEqual(west);
  expect(after.center.lng).toBeLessThanOrEqual(east);
  expect(after.center.lat).toBeGreaterThanOrEqual(south);
  expect(after.center.lat).toBeLessThanOrEqual(north);
  await screenshot(page, 'gap');

  // A problem without a polygon outlines the grids or buildings it names instead.
  await problemRow(page, 'households-above', '110106090005003').click();
  await expect
    .poll(() => highlight(page))
    .toMatchObject({
      problemIds: [],
      gridIds: ['110106090005003'],
      buildingIds: [],
    });
  await problemRow(page, 'unassigned-building', 'B0001').click();
  await expect
    .poll(() => highlight(page))
    .toMatchObject({
      problemIds: [],
      gridIds: [],
      buildingIds: ['B0001'],
    });
  await screenshot(page, 'building');
});

test('the grid table sorts by households and marks the grid above the band', async ({ page }) => {
  await page.getByTestId('grid-table-open').click();
  const rows = page.getByTestId('grid-row');
  await expect(rows).toHaveCount(46);
  await expect(rows.first()).toHaveAttribute('data-id', '110106090001001');

  await page.getByTestId('sort-households').click();
  await expect(rows.first()).toHaveAttribute('data-id', '110106090005003');
  await expect(rows.first()).toHaveAttribute('data-band', 'above');
  await expect(rows.first()).toHaveAttribute('data-out-of-norm', 'true');
  await expect(rows.first()).toHaveClass(/out/);
  await expect(rows.first()).toContainText('964');
  await expect(rows.first()).toContainText('+464');
  await expect(page.locator('[data-testid="grid-row"][data-out-of-norm="true"]')).toHaveCount(1);
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('户数');

  await page.getByTestId('sort-households').click();
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('户数');
  await expect(rows.last()).toHaveAttribute('data-id', '110106090005003');

  await rows.last().click();
  const details = page.getByTestId('details');
  await expect(details).toHaveAttribute('data-kind', 'grid');
  await expect(details).toHaveAttribute('data-id', '110106090005003');
  await expect(rows.last()).toHaveClass(/selected/);
  await screenshot(page, 'table');

  await page.getByTestId('grid-table-close').click();
  await expect(page.getByTestId('grid-table')).toHaveCount(0);
});

test('choosing a facility type draws its service circles and marks uncovered buildings', async ({
  page,
}) => {
  const type = '社区服务站';
  const sites = facilities.features.filter((f) => f.properties!.type === type).length;
  await page.getByTestId('tab-facilities').click();
  await expect(page.getByTestId('facility-coverage').locator('svg.bar')).toHaveCount(2 * 7);
  expect(await sourceCount(page, 'service-areas')).toBe(0);

  await page.getByTestId(`facility-type-${type}`).click();
  await expect(page.getByTestId(`facility-type-${type}`)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => sourceCount(page, 'service-areas')).toBe(sites);
  const uncovered = (await highlight(page)).uncoveredBuildingIds.length;
  expect(uncovered).toBeGreaterThan(0);
  await expect(page.getByTestId('facility-coverage')).toContainText(`未覆盖楼栋 ${uncovered} 栋`);
  await expect(page.getByTestId(`facility-building-share-${type}`)).toHaveText(/^\d+(\.\d)?%$/);
  await screenshot(page, 'facilities');

  await page.getByTestId(`facility-type-${type}`).click();
  await expect.poll(() => sourceCount(page, 'service-areas')).toBe(0);
  expect((await highlight(page)).uncoveredBuildingIds).toEqual([]);
});
