/**
 * The complaint probe on the sample street in headless Chromium: a generated export of 1,000,000
 * orders (about 146 MB of CSV, the benchmark's generator) imported through the page, with every
 * long task of the main thread recorded while it runs (the import must never block the page for
 * more than 100 ms); then a playback of the last twelve months over all the orders, each step
 * timed from the click on "next frame" to the frame's data in the page and to the map's next
 * render after it, for a moving month and for a cumulative frame of most of the year (target:
 * under 200 ms), against the baseline of the map drawing itself again unchanged. Figures go to
 * test-results/complaints-performance.json for the README; the assertions leave room for a loaded
 * CI machine (the benchmark, not this test, is where targets are judged).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ordersCsv } from '../../scripts/bench/order-export.ts';
import type { BuildingFeature } from '../../src/domain/types.ts';
import { expect, test, waitForDrawn } from '../e2e/guarded-page.ts';

const ORDERS = 1_000_000;

/** The generated export, written once per machine. */
function exportFile(): { path: string; bytes: number } {
  const buildings = (
    JSON.parse(readFileSync('data/buildings.geojson', 'utf8')) as { features: BuildingFeature[] }
  ).features;
  const folder = join(tmpdir(), 'gridatlas-orders-probe');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `orders-${ORDERS}.csv`);
  const text = ordersCsv(buildings, ORDERS);
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

/** Starts recording the main thread's long tasks (over 50 ms, as the browser reports them). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const holder = window as unknown as { __longTasks?: number[] };
    const tasks: number[] = [];
    holder.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks?: number[] }).__longTasks ?? []);
}

/**
 * One step of the playback: from the click on "next frame" to the frame's data in the page (the
 * frame's index shown) and to the first map render after it (the frame on screen), with the
 * worker's own share.
 */
async function timedStep(
  page: Page,
): Promise<{ shownMs: number; paintedMs: number; workerMs: number }> {
  return page.evaluate(async () => {
    const frame = document.querySelector('[data-testid="playback-frame"]')!;
    const before = frame.getAttribute('data-index');
    const changed = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (frame.getAttribute('data-index') === before) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(frame, { attributes: true });
    });
    const start = performance.now();
    (document.querySelector('[data-testid="playback-forward"]') as HTMLButtonElement).click();
    const shown = await changed;
    const hooks = window.__gridatlas!;
    while (!hooks.renders.some((t) => t > shown)) await new Promise(requestAnimationFrame);
    const painted = hooks.renders.find((t) => t > shown)!;
    await hooks.whenIdle();
    return {
      shownMs: shown - start,
      paintedMs: painted - start,
      workerMs: Number(frame.getAttribute('data-step-ms')),
    };
  });
}

/** The baseline in the same run: the map drawing itself again, unchanged. */
async function repaintMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await window.__gridatlas!.whenIdle();
    return window.__gridatlas!.repaint();
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Medians of a few steps' times, in whole ms. */
function stepFigures(steps: { shownMs: number; paintedMs: number; workerMs: number }[]) {
  return {
    workerMs: Math.round(median(steps.map((s) => s.workerMs))),
    shownMs: Math.round(median(steps.map((s) => s.shownMs))),
    paintedMs: Math.round(median(steps.map((s) => s.paintedMs))),
    paintedMaxMs: Math.round(Math.max(...steps.map((s) => s.paintedMs))),
  };
}

test('a million orders: import without freezing the page, and playback steps', async ({ page }) => {
  test.setTimeout(600_000);
  const file = exportFile();
  await page.goto('/');
  await waitForDrawn(page);
  await page.getByTestId('tab-complaints').click();
  await expect(page.getByTestId('orders-count')).toHaveAttribute('data-value', '869');

  // 1. The import, with the long tasks of the main thread recorded from the file's pick to the
  // month's figures on screen.
  await recordLongTasks(page);
  const importStart = await page.evaluate(() => performance.now());
  await page.getByTestId('orders-file').setInputFiles(file.path);
  // A cheap check, seldom: Playwright's own text matching would add long tasks of its own.
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="orders-import"]')?.textContent?.includes('1,000,000'),
    null,
    { polling: 500, timeout: 300_000 },
  );
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="orders-count"]')?.getAttribute('data-value') !== '869',
    null,
    { polling: 250 },
  );
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  const importMs = (await page.evaluate(() => performance.now())) - importStart;
  const importTasks = await longTasks(page);

  // 2. Playback of the last twelve months over every order: moving monthly frames, then
  // cumulative ones (the last frame holds the year's orders).
  await page.getByTestId('playback-months').selectOption('12');
  const prepareStart = await page.evaluate(() => performance.now());
  await page.getByTestId('playback-start').click();
  await expect(page.getByTestId('playback-frame')).toHaveAttribute('data-index', '0');
  const prepareMs = (await page.evaluate(() => performance.now())) - prepareStart;
  const moving = [];
  const repaints = [];
  for (let i = 0; i < 5; i++) {
    repaints.push(await repaintMs(page));
    moving.push(await timedStep(page));
  }
  const movingOrders = Number(await page.getByTestId('playback-frame').getAttribute('data-orders'));
  await page.getByTestId('playback-stop').click();
  await page.getByTestId('playback-mode').selectOption('cumulative');
  await page.getByTestId('playback-start').click();
  await expect(page.getByTestId('playback-frame')).toHaveAttribute('data-index', '0');
  await page.evaluate(() => {
    const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
    slider.value = '9';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.getByTestId('playback-frame')).toHaveAttribute('data-index', '9');
  const cumulative = [];
  for (let i = 0; i < 2; i++) {
    repaints.push(await repaintMs(page));
    cumulative.push(await timedStep(page));
  }
  const cumulativeOrders = Number(
    await page.getByTestId('playback-frame').getAttribute('data-orders'),
  );
  await page.screenshot({ path: 'test-results/screenshots/complaints-million.png' });

  const figures = {
    orders: ORDERS,
    csvMb: Math.round(file.bytes / 1e5) / 10,
    importMs: Math.round(importMs),
    longTasks: importTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...importTasks)),
    playbackPrepareMs: Math.round(prepareMs),
    monthStep: stepFigures(moving),
    monthFrameOrders: movingOrders,
    cumulativeStep: stepFigures(cumulative),
    cumulativeFrameOrders: cumulativeOrders,
    repaintMs: Math.round(median(repaints)),
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/complaints-performance.json',
    `${JSON.stringify(figures, null, 2)}\n`,
  );
  console.log(JSON.stringify(figures));

  // The cumulative last frame holds most of the year's orders; a moving one about a month's.
  expect(cumulativeOrders).toBeGreaterThan(400_000);
  expect(movingOrders).toBeGreaterThan(30_000);
  // Targets (100 ms, 200 ms) with room for a loaded machine.
  expect(figures.longestTaskMs).toBeLessThan(250);
  expect(figures.monthStep.shownMs).toBeLessThan(400);
  expect(figures.cumulativeStep.shownMs).toBeLessThan(400);
});
