/**
 * The complaint tab in real Chromium on the sample street: the last complete assessment month of
 * the street's own orders with its figures and charts, as `npm run orders` computes them; a GBK
 * export with GCJ-02 positions imported through the page (summary, problems, the rows left out
 * downloadable); the map coloured by orders per 1,000 households; another month chosen; a grid
 * of the ranking and a repeat-complaint building shown on the map. A screenshot is written.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, waitForDrawn } from './guarded-page.ts';

const GBK = fileURLToPath(new URL('../fixtures/orders/orders-gbk-gcj02.csv', import.meta.url));

test('analyses a month of complaints, imports an export and shows grids and buildings', async ({
  page,
}) => {
  // Tall enough for the whole tab: figures, charts, ranking and repeat buildings.
  await page.setViewportSize({ width: 1440, height: 1700 });
  await page.goto('/');
  await waitForDrawn(page);
  await page.getByTestId('tab-complaints').click();

  // The sample's last complete month, as `npm run orders -- data` gives it (README).
  await expect(page.getByTestId('orders-month')).toHaveValue('2026-10');
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '869');
  await expect(page.getByTestId('orders-count')).toContainText('环比 −10.6% · 同比 +9.7%');
  const score = Number(await page.getByTestId('orders-score').getAttribute('data-value'));
  expect(score).toBeCloseTo(85.7, 1);
  await expect(page.getByTestId('orders-figures')).toContainText('98.3%');
  // Charts drawn as SVG, with Chinese category names.
  await expect(page.getByTestId('complaint-chart-trend').locator('svg rect')).toHaveCount(25);
  await expect(page.getByTestId('complaint-chart-categories')).toContainText('停车管理');
  await expect(page.getByTestId('orders-grid-row')).toHaveCount(10);

  // Import a GBK export in GCJ-02: fifteen orders come in, five rows are named.
  await page.getByTestId('orders-file').setInputFiles(GBK);
  const summary = page.getByTestId('orders-import');
  await expect(summary).toContainText('导入 15 件');
  await expect(summary).toContainText('坐标 GCJ-02（高德、腾讯），已转换为 WGS-84');
  await expect(summary).toContainText('来电时间“2026/2/30 9:00”无法识别');
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '884');
  // The charts follow: the three imported parking orders join the month's 135.
  await expect(page.getByTestId('complaint-chart-categories')).toContainText('138');
  const download = page.waitForEvent('download');
  await page.getByTestId('orders-download-rows').click();
  expect((await download).suggestedFilename()).toBe('orders-gbk-gcj02.csv.未导入.csv');
  // The map coloured by orders per 1,000 households of the month.
  await page.getByTestId('orders-map-ordersPerThousand').click();
  await expect
    .poll(() =>
      page.evaluate(() =>
        JSON.stringify(window.__gridatlas!.paintProperty('grids-fill', 'fill-color')),
      ),
    )
    .toContain('ordersPerThousand');
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  await page.screenshot({ path: 'test-results/screenshots/complaints.png' });

  // One category: the figures, the trend and the heatmap narrow to its orders of the month.
  // The month's 135 parking orders of the sample (orders.md), and three of the imported export.
  const parking = 135;
  await page.getByTestId('orders-category').selectOption('停车管理');
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', String(parking + 3));
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.heatmap()?.points))
    .toBe(parking + 3);
  await page.getByTestId('orders-category').selectOption('');
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '884');
  // The three imported rows placed by address alone have no position to heat.
  await expect.poll(() => page.evaluate(() => window.__gridatlas!.heatmap()?.points)).toBe(884 - 3);

  // The ranking's first grid and a repeat-complaint building, on the map.
  const first = page.getByTestId('orders-grid-row').first();
  const gridId = await first.getAttribute('data-grid');
  await first.click();
  await expect(page.getByTestId('details')).toContainText(gridId!.slice(-3));
  const building = page.getByTestId('orders-repeats').locator('button').first();
  const buildingId = await building.getAttribute('data-building');
  await building.click();
  await expect(page.getByTestId('details')).toContainText(buildingId!);

  // Another month.
  await page.getByTestId('orders-month').selectOption('2025-10');
  await expect(page.getByTestId('orders-month')).toHaveValue('2025-10');
  await expect(page.getByTestId('orders-count')).not.toHaveAttribute('data-value', '884');
});
