/**
 * Building a briefing in real Chromium on the sample street: three views added from the title bar
 * (the grid colouring, the complaint tab's parking orders as hexagons somewhere else on the map,
 * another colouring), slides retitled, annotated, moved, copied and deleted, everything still
 * there after a reload, and a slide shown again: tab, filter, map mode and camera as captured. The
 * briefing presented (legend, figures, the parking slide's three months played), then exported: a
 * slide as PNG at both sizes, the whole as a PDF (pages, ink and Chinese text read back with
 * poppler) and printed in the same layout. A copied link opens the same view in a fresh browser
 * profile, where the briefing file imports.
 */
import { expect, test, waitForDrawn } from './guarded-page.ts';
import { pdfInfo, pdfInk, pdfText, pngSize } from './support/pdf-pages.ts';

test('builds a three-slide briefing, presents it and exports it as PNG, PDF and print', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await waitForDrawn(page);
  const add = page.getByTestId('briefing-add');
  const notice = page.getByTestId('briefing-notice');

  // 1. The grids by households, as the street opens.
  await add.click();
  await expect(notice).toHaveText('已加入汇报：第 1 页');

  // 2. The month's parking orders as hexagons, with the camera moved closer in.
  await page.getByTestId('tab-complaints').click();
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '869');
  await page.getByTestId('orders-category1').selectOption('交通管理');
  await page.getByTestId('orders-category').selectOption('停车管理');
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '135');
  await page.getByTestId('orders-mode-hexagons').click();
  await page.evaluate(() => window.__gridatlas!.jumpTo(116.306, 39.849, 15.5));
  await page.getByTestId('playback-start').click();
  await expect(page.getByTestId('playback-frame')).toHaveAttribute('data-index', '0');
  await add.click();
  await expect(notice).toHaveText('已加入汇报：第 2 页');

  // 3. Back to the layer tab, coloured by residents, somewhere else.
  await page.getByTestId('tab-map').click();
  await page.getByTestId('metric-select').selectOption('residents');
  await page.evaluate(() => window.__gridatlas!.jumpTo(116.315, 39.845, 14));
  await add.click();
  await expect(notice).toHaveText('已加入汇报：第 3 页');

  await page.getByTestId('tab-briefing').click();
  const slides = page.getByTestId('briefing-slide');
  await expect(slides).toHaveCount(3);
  await expect(slides.nth(1).getByTestId('slide-title')).toHaveValue('2026-10 接诉即办：停车管理');
  await slides.nth(0).getByTestId('slide-title').fill('网格户数分布');
  await slides.nth(0).getByTestId('slide-title').blur();
  await slides.nth(0).getByTestId('slide-note').fill('北部网格户数偏多，建议调整');
  await slides.nth(0).getByTestId('slide-note').blur();
  // The third slide moves up to second; a copy of the first is made and deleted again.
  await slides.nth(2).getByTestId('slide-up').click();
  await slides.nth(0).getByTestId('slide-duplicate').click();
  await expect(slides).toHaveCount(4);
  await expect(slides.nth(1).getByTestId('slide-title')).toHaveValue('网格户数分布');
  await slides.nth(1).getByTestId('slide-delete').click();
  await expect(slides).toHaveCount(3);

  // Nothing is lost on reload.
  await page.reload();
  await waitForDrawn(page);
  await page.getByTestId('tab-briefing').click();
  await expect(slides).toHaveCount(3);
  const titles = await slides
    .getByTestId('slide-title')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(titles[0]).toBe('网格户数分布');
  expect(titles[1]).toBe('人口 · 现状');
  expect(titles[2]).toBe('2026-10 接诉即办：停车管理');
  await expect(slides.nth(0).getByTestId('slide-note')).toHaveValue('北部网格户数偏多，建议调整');

  // Showing the parking slide puts its tab, filter, map mode and camera back.
  await slides.nth(2).getByTestId('slide-show').click();
  await expect(page.getByTestId('tab-complaints')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '135');
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.orderLayers().hexagons?.visible))
    .toBe(true);
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.camera()))
    .toMatchObject({ zoom: 15.5, center: { lng: 116.306, lat: 39.849 } });
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  await page.screenshot({ path: 'test-results/screenshots/briefing-shown.png' });
  await page.getByTestId('tab-briefing').click();
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  await page.screenshot({ path: 'test-results/screenshots/briefing.png' });

  // Presented: each slide's view on the live map with its figures; Esc puts the view back.
  await page.getByTestId('briefing-present').click();
  const title = page.getByTestId('presentation-title');
  await expect(title).toHaveText('网格户数分布');
  await expect(page.getByTestId('presentation-page')).toHaveText('1 / 3');
  await expect(page.getByTestId('slide-figure-off-band')).toBeVisible();
  await expect(page.getByTestId('tab-briefing')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('人口 · 现状');
  await page.keyboard.press('Space');
  await expect(title).toHaveText('2026-10 接诉即办：停车管理');
  await expect(page.getByTestId('slide-figure-orders')).toContainText('135');
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.orderLayers().hexagons?.visible))
    .toBe(true);
  await expect(page.getByTestId('presentation-legend')).toContainText(
    '每个六边形（100 米）的工单数',
  );
  // Its time range opens on its own month (the last frame) and plays from the first.
  const playedFrame = page.getByTestId('presentation-frame');
  await expect(playedFrame).toHaveAttribute('data-index', '2');
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  await page.screenshot({ path: 'test-results/screenshots/briefing-present.png' });
  await page.keyboard.press('p');
  await expect(playedFrame).toHaveAttribute('data-index', '1');
  await expect(playedFrame).toHaveAttribute('data-index', '2');
  await expect(page.getByTestId('presentation-play')).toHaveText('▶ 播放时间段');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.getByTestId('tab-briefing')).toHaveAttribute('aria-selected', 'true');

  // The parking slide as PNG at 1920 × 1080 and 3840 × 2160 (the map draws the pages at their
  // size, then takes back its own).
  const mapCanvas = () =>
    page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=map] canvas')!;
      return [canvas.width, canvas.height];
    });
  const canvasBefore = await mapCanvas();
  const exportNotice = page.getByTestId('export-notice');
  for (const [height, width] of [
    [1080, 1920],
    [2160, 3840],
  ]) {
    const download = page.waitForEvent('download');
    await slides.nth(2).getByTestId(`slide-png-${height}`).click();
    const file = testInfo.outputPath(`slide-${height}.png`);
    await (await download).saveAs(file);
    expect(pngSize(file)).toEqual({ width, height });
    await expect(exportNotice).toContainText(`-3-${width}x${height}.png`);
  }

  // The whole briefing as a PDF: three 16:9 pages with ink on them and the Chinese searchable.
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const pdf = testInfo.outputPath('briefing.pdf');
  await (await pdfDownload).saveAs(pdf);
  expect(pdfInfo(pdf)).toEqual({ pages: 3, size: '960 x 540' });
  for (const ink of pdfInk(pdf)) expect(ink).toBeGreaterThan(0.2);
  const text = pdfText(pdf);
  for (const words of [
    '网格户数分布',
    '北部网格户数偏多，建议调整',
    '2026-10 接诉即办：停车管理',
    '135',
    '环比 +18.4%',
    '数据来源',
    '生成时间',
  ])
    expect(text).toContain(words);
  expect(text).toMatch(/\d+ 米/);
  // The view from before the export is back, and the map at its own size.
  await expect.poll(mapCanvas).toEqual(canvasBefore);
  await expect(page.getByTestId('tab-briefing')).toHaveAttribute('aria-selected', 'true');

  // Printed: the same three pages, the titles as text.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByTestId('export-print').click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const printed = testInfo.outputPath('printed.pdf');
  await page.pdf({ path: printed, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  expect(pdfInfo(printed).pages).toBe(3);
  expect(pdfText(printed)).toContain('2026-10 接诉即办：停车管理');
});

test('a copied link opens the same view, and a briefing file opens on another machine', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await waitForDrawn(page);
  await page.getByTestId('tab-complaints').click();
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '869');
  await page.getByTestId('orders-category1').selectOption('交通管理');
  await page.getByTestId('orders-category').selectOption('停车管理');
  await page.getByTestId('orders-mode-hexagons').click();
  await page.getByTestId('orders-map-compositeScore').click();
  await page.evaluate(() => window.__gridatlas!.jumpTo(116.306, 39.849, 15.5));
  await expect.poll(() => page.url()).toContain('#view=');
  await expect.poll(() => page.evaluate(() => location.hash.length)).toBeGreaterThan(100);
  await page.getByTestId('briefing-add').click();
  await page.getByTestId('tab-briefing').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('briefing-export').click();
  const file = await (await download).path();
  const link = page.url();

  // Another machine: a fresh browser profile with nothing stored, opened from the link.
  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const elsewhere = await other.newPage();
  await elsewhere.goto(link);
  await waitForDrawn(elsewhere);
  await expect(elsewhere.getByTestId('tab-complaints')).toHaveAttribute('aria-selected', 'true');
  await expect(elsewhere.getByTestId('orders-count')).toHaveAttribute('data-value', '135');
  await expect(elsewhere.getByTestId('orders-category')).toHaveValue('停车管理');
  await expect
    .poll(() => elsewhere.evaluate(() => window.__gridatlas!.orderLayers().hexagons?.visible))
    .toBe(true);
  await expect
    .poll(() => elsewhere.evaluate(() => window.__gridatlas!.camera()))
    .toMatchObject({ zoom: 15.5, center: { lng: 116.306, lat: 39.849 } });
  expect(
    await elsewhere.evaluate(() =>
      JSON.stringify(window.__gridatlas!.paintProperty('grids-fill', 'fill-color')),
    ),
  ).toContain('compositeScore');

  // The briefing file, imported there, holds the same slide.
  await elsewhere.getByTestId('tab-briefing').click();
  await elsewhere.getByTestId('briefing-import').setInputFiles(file!);
  await expect(elsewhere.getByTestId('briefing-slide')).toHaveCount(1);
  await expect(elsewhere.getByTestId('slide-title')).toHaveValue('2026-10 接诉即办：停车管理');
  await other.close();
});
