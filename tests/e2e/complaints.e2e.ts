/**
 * The complaint tab in real Chromium on the sample street: the last complete assessment month of
 * the street's own orders with its figures and charts, as `npm run orders` computes them; a GBK
 * export with GCJ-02 positions imported through the page (summary, problems, the rows left out
 * downloadable); the map coloured by orders per 1,000 households; a category chosen in the tree;
 * hexagons and a playback of three months with a fixed scale (stepped and played); a grid of the
 * ranking narrowing the map; a repeat-complaint building; an overdue order's details and a single
 * order clicked on the map; another month. Screenshots are written.
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

  // One category through the tree: the figures, the trend and the heatmap narrow to its orders
  // of the month. The month's 135 parking orders of the sample (orders.md), and three imported.
  const parking = 135;
  await page.getByTestId('orders-category1').selectOption('交通管理');
  await page.getByTestId('orders-category').selectOption('停车管理');
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', String(parking + 3));
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.heatmap()?.points))
    .toBe(parking + 3);
  await expect(page.getByTestId('orders-breakdown')).toContainText('12345热线');

  // Hexagons of the parking orders, then a playback of three months with a fixed scale.
  await page.getByTestId('orders-mode-hexagons').click();
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.orderLayers().hexagons?.visible))
    .toBe(true);
  await expect(page.getByTestId('orders-hexagon-legend')).toContainText('每个六边形（100 米）');
  await page.getByTestId('playback-start').click();
  const frame = page.getByTestId('playback-frame');
  await expect(frame).toHaveAttribute('data-index', '0');
  await expect(frame).toContainText('2026-08（第 1/3 帧）');
  await expect(page.getByTestId('orders-hexagon-legend')).toContainText('色阶在各帧间固定');
  const tops: number[] = [];
  const frameOrders: number[] = [];
  for (let i = 0; i < 3; i++) {
    await expect(frame).toHaveAttribute('data-index', String(i));
    frameOrders.push(Number(await frame.getAttribute('data-orders')));
    tops.push(await page.evaluate(() => window.__gridatlas!.orderLayers().hexagons!.top));
    if (i === 1) {
      await page.evaluate(() => window.__gridatlas!.whenIdle());
      await page.screenshot({ path: 'test-results/screenshots/complaints-playback.png' });
    }
    if (i < 2) await page.getByTestId('playback-forward').click();
  }
  // The scale's top stays the same on every frame; the last frame is the month shown.
  expect(new Set(tops).size).toBe(1);
  expect(frameOrders[2]).toBe(parking + 3);
  // Played from the start, it runs to the last frame and stops.
  await page.getByTestId('playback-back').click();
  await page.getByTestId('playback-back').click();
  await page.getByTestId('playback-play').click();
  await expect(frame).toHaveAttribute('data-index', '2', { timeout: 10_000 });
  await expect(page.getByTestId('playback-play')).toBeVisible();
  await page.getByTestId('playback-stop').click();
  await page.getByTestId('orders-mode-heatmap').click();
  await page.getByTestId('orders-category1').selectOption('');
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '884');
  // The three imported rows placed by address alone have no position to heat.
  await expect.poll(() => page.evaluate(() => window.__gridatlas!.heatmap()?.points)).toBe(884 - 3);

  // The ranking's first grid narrows the map to it and shows it; then a repeat-complaint building.
  const first = page.getByTestId('orders-grid-row').first();
  const gridId = await first.getAttribute('data-grid');
  await first.click();
  await expect(page.getByTestId('details')).toContainText(gridId!.slice(-3));
  await expect(page.getByTestId('orders-area')).toBeVisible();
  const gridOrders = Number(await page.getByTestId('orders-count').getAttribute('data-value'));
  expect(gridOrders).toBeLessThan(884);
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.heatmap()?.points))
    .toBeLessThanOrEqual(gridOrders);
  const building = page.getByTestId('orders-repeats').locator('button').first();
  const buildingId = await building.getAttribute('data-building');
  await building.click();
  await expect(page.getByTestId('details')).toContainText(buildingId!);
  await page.getByTestId('orders-area').click();
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '884');

  // An overdue order's details, and a single order clicked on the map at close zoom.
  await page.getByTestId('orders-overdue').locator('button').first().click();
  const card = page.getByTestId('order-card');
  await expect(card).toContainText('超期');
  const order = await page.evaluate(async () => {
    const hooks = window.__gridatlas!;
    return hooks.orderLayers();
  });
  expect(order.points?.count).toBe(884 - 3);
  const [lng, lat] = await page.evaluate(() => {
    const layer = window.__gridatlas!.heatmap()!;
    return layer.first!;
  });
  await page.evaluate(([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 18), [lng, lat]);
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.orderLayers().points?.visible))
    .toBe(true);
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  const at = await page.evaluate(([x, y]) => window.__gridatlas!.project(x!, y!), [lng, lat]);
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const overdueId = (await card.getAttribute('data-order'))!;
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(card).not.toHaveAttribute('data-order', overdueId);
  await page.screenshot({ path: 'test-results/screenshots/complaints-order.png' });

  // Another month.
  await page.getByTestId('orders-month').selectOption('2025-10');
  await expect(page.getByTestId('orders-month')).toHaveValue('2025-10');
  await expect(page.getByTestId('orders-count')).not.toHaveAttribute('data-value', '884');
});
