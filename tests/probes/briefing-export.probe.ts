/**
 * The export probe on the sample street, in headless Chromium: a briefing of ten slides (planning
 * and complaint views, heatmaps and hexagons, at several places and zooms) exported as a PDF,
 * and one slide as PNG at 1920 × 1080 and 3840 × 2160, each twice (the first run also fetches the
 * font). The baseline, in the same run, is showing a slide
 * on the live map. Times are from the click to the file's download, written to
 * test-results/briefing-export.json and printed for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, waitForDrawn } from '../e2e/guarded-page.ts';
import { pdfInfo } from '../e2e/support/pdf-pages.ts';

/** Views added as slides: tab, colouring or complaint filter, camera. */
const VIEWS = [
  { tab: 'map', metric: 'households', at: [116.315, 39.845, 14] },
  { tab: 'map', metric: 'residents', at: [116.31, 39.848, 15] },
  { tab: 'map', metric: 'householdsPerWorker', at: [116.32, 39.842, 15.5] },
  { tab: 'coverage', metric: null, at: [116.315, 39.845, 14.5] },
  { tab: 'complaints', category: null, hexagons: false, at: [116.315, 39.845, 14] },
  { tab: 'complaints', category: null, hexagons: true, at: [116.31, 39.846, 15] },
  { tab: 'complaints', category: '停车管理', hexagons: true, at: [116.306, 39.849, 15.5] },
  { tab: 'complaints', category: '停车管理', hexagons: false, at: [116.318, 39.843, 16] },
  { tab: 'map', metric: 'workOrders', at: [116.315, 39.845, 14.2] },
  { tab: 'map', metric: 'buildings', at: [116.322, 39.84, 15] },
] as const;

/** Milliseconds from the click to the download, the file kept in the probe's output. */
async function timedDownload(page: Page, click: () => Promise<void>): Promise<number> {
  const started = Date.now();
  const download = page.waitForEvent('download', { timeout: 600_000 });
  await click();
  const file = await download;
  const ms = Date.now() - started;
  await file.saveAs(test.info().outputPath(file.suggestedFilename()));
  return ms;
}

test('exports a ten-slide briefing as PDF and one slide as PNG at both sizes', async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
  for (const view of VIEWS) {
    await page.getByTestId(`tab-${view.tab}`).click();
    if ('metric' in view && view.metric)
      await page.getByTestId('metric-select').selectOption(view.metric);
    if (view.tab === 'complaints' && 'category' in view) {
      await expect(page.getByTestId('orders-count')).toBeVisible();
      await page.getByTestId('orders-category1').selectOption(view.category ? '交通管理' : '');
      if (view.category) await page.getByTestId('orders-category').selectOption(view.category);
      await page
        .getByTestId(view.hexagons ? 'orders-mode-hexagons' : 'orders-mode-heatmap')
        .click();
    }
    await page.evaluate(([lng, lat, zoom]) => window.__gridatlas!.jumpTo(lng, lat, zoom), view.at);
    await page.getByTestId('briefing-add').click();
  }
  await page.getByTestId('tab-briefing').click();
  const slides = page.getByTestId('briefing-slide');
  await expect(slides).toHaveCount(10);
  // Notes as a street office writes them, so the exported pages carry one.
  for (const [index, note] of [
    [0, '北部老旧小区网格户数偏多，锦程北里、桃花社区各有网格超过 500 户，建议拆分调整。'],
    [
      5,
      '10月工单集中在北部老旧小区和主干道沿线；停车管理、物业服务、噪声扰民居前三，请相关社区本月内拿出整改措施。',
    ],
  ] as const) {
    await slides.nth(index).getByTestId('slide-note').fill(note);
    await slides.nth(index).getByTestId('slide-note').blur();
  }

  const figures: Record<string, number[]> = { showSlide: [], png1080: [], png2160: [], pdf10: [] };
  for (let run = 0; run < 2; run++) {
    const started = Date.now();
    await slides.nth(5).getByTestId('slide-show').click();
    await page.evaluate(() => window.__gridatlas!.whenIdle());
    figures.showSlide!.push(Date.now() - started);
    await page.getByTestId('tab-briefing').click();
    figures.png1080!.push(
      await timedDownload(page, () => slides.nth(5).getByTestId('slide-png-1080').click()),
    );
    figures.png2160!.push(
      await timedDownload(page, () => slides.nth(5).getByTestId('slide-png-2160').click()),
    );
  }
  const pdfPath = test.info().outputPath('briefing-10.pdf');
  for (let run = 0; run < 2; run++) {
    const download = page.waitForEvent('download', { timeout: 600_000 });
    const started = Date.now();
    await page.getByTestId('export-pdf').click();
    await (await download).saveAs(pdfPath);
    figures.pdf10!.push(Date.now() - started);
  }
  expect(pdfInfo(pdfPath).pages).toBe(10);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/briefing-export.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log('briefing export (ms, first and second run):', JSON.stringify(figures));
});
