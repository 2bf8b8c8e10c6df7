/**
 * The editing probe on a generated district of 300 grids and 10,000 buildings, in headless
 * Chromium: frame times while a shared vertex is dragged (the map must keep drawing), the time
 * from releasing a lasso that paints about 100 buildings into a grid to the updated figures, the
 * time of an undo, and reloading a plan with 200 edits in its history. The figures are written to
 * test-results/editing-performance.json for the README; the assertions are the targets
 * with room for a loaded CI machine (the benchmark, not this test, is where targets are judged).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Position } from 'geojson';
import { expect, screenPoint, test, waitForDrawn } from '../e2e/guarded-page.ts';
import { districtProbe } from '../e2e/support/district-edits.ts';

const plan = (page: Page) => page.evaluate(() => window.__gridatlas!.plan()!);
const now = (page: Page) => page.evaluate(() => performance.now());

async function at(page: Page, [lng, lat]: Position) {
  return screenPoint(page, lng!, lat!);
}

/**
 * Waits until the map has drawn everything and the browser has put the last frame on screen (an
 * animation frame comes only then), so a timed action starts from a settled page, as a planner's
 * does after looking at the result of the one before.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await window.__gridatlas!.whenIdle();
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  });
}

/** Milliseconds from `start` (page clock) until a new report has been applied. */
async function untilUpdated(page: Page, updates: number, start: number): Promise<number> {
  await page.waitForFunction((n) => window.__gridatlas!.plan()!.reportUpdates > n, updates, {
    timeout: 60_000,
  });
  return (await plan(page)).reportUpdatedAt! - start;
}

/** A press at `from`, 40 small moves (about one a frame) and a release. */
async function mouseDrag(page: Page, from: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 40; step++) {
    await page.mouse.move(from.x + step, from.y + step / 2);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** The intervals between the frames the page draws while `during` runs. */
async function frameIntervals(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const frames: number[] = [];
    const holder = window as unknown as { __frames?: number[] };
    holder.__frames = frames;
    const tick = (t: number) => {
      frames.push(t);
      if (holder.__frames === frames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await during();
  const frames = await page.evaluate(() => {
    const holder = window as unknown as { __frames?: number[] };
    const list = holder.__frames ?? [];
    delete holder.__frames;
    return list;
  });
  return frames.slice(1).map((t, i) => t - frames[i]!);
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;

test('editing a 300-grid, 10,000-building district: drag, lasso, undo and reload', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const probe = districtProbe();
  await page.goto('/');
  await waitForDrawn(page);
  await page.getByTestId('file-input').setInputFiles(probe.paths);
  await waitForDrawn(page, 2);
  expect((await plan(page)).grids).toBe(300);

  // 1. Drag a vertex two grids share, in small steps, recording every frame the page draws.
  await page.evaluate(([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 17), probe.vertex);
  const pick = await at(page, probe.dragGridPoint);
  await page.mouse.click(pick.x, pick.y);
  await page.getByTestId('tool-reshape').click();
  await page.waitForFunction(async () =>
    (await window.__gridatlas!.editSource())?.features.some(
      (f) => f.properties?.['role'] === 'vertex',
    ),
  );
  const vertex = await at(page, probe.vertex);
  const updatesBeforeDrag = (await plan(page)).reportUpdates;
  const dragFrames = await frameIntervals(page, () => mouseDrag(page, vertex));
  await expect
    .poll(async () => (await plan(page)).reportUpdates)
    .toBeGreaterThan(updatesBeforeDrag);
  const previews = (await plan(page)).reportUpdates - updatesBeforeDrag;
  // The baseline in the same run: the same mouse path panning the map with the select tool.
  await page.getByTestId('tool-select').click();
  const panFrames = await frameIntervals(page, () =>
    mouseDrag(page, { x: vertex.x - 150, y: vertex.y }),
  );
  const drag = {
    frames: dragFrames.length,
    medianFrameMs: quantile(dragFrames, 0.5),
    p95FrameMs: quantile(dragFrames, 0.95),
    figureUpdates: previews,
    panMedianFrameMs: quantile(panFrames, 0.5),
    panP95FrameMs: quantile(panFrames, 0.95),
  };

  // 2. Lasso about 100 buildings of the neighbours into another grid.
  await page.getByTestId('tool-select').click();
  const [cx, cy] = [0, 1].map(
    (k) => probe.lasso.reduce((sum, p) => sum + p[k]!, 0) / probe.lasso.length,
  );
  await page.evaluate(([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 15.6), [cx!, cy!]);
  const target = await at(page, probe.targetPoint);
  await page.mouse.click(target.x, target.y);
  await page.getByTestId('tool-paint').click();
  await page.getByTestId('paint-lasso').click();
  const corners = await Promise.all(probe.lasso.map((p) => at(page, p)));
  await page.mouse.move(corners[0]!.x, corners[0]!.y);
  await page.mouse.down();
  for (const corner of corners.slice(1)) await page.mouse.move(corner.x, corner.y, { steps: 3 });
  // The lasso shows how many buildings it holds (it fails here, not at the test's end, if not).
  await expect(page.getByTestId('paint-picked')).toBeVisible();
  const picked = Number((await page.getByTestId('paint-picked').textContent())?.match(/\d+/)?.[0]);
  await settled(page);
  const beforeLasso = (await plan(page)).reportUpdates;
  const lassoStart = await now(page);
  await page.mouse.up();
  const lassoMs = await untilUpdated(page, beforeLasso, lassoStart);
  await expect(page.getByTestId('edit-message')).toHaveCount(0);

  // 3. Undo it.
  await page.getByTestId('tool-select').click();
  await settled(page);
  const beforeUndo = (await plan(page)).reportUpdates;
  const undoStart = await now(page);
  await page.keyboard.press('Control+z');
  const undoMs = await untilUpdated(page, beforeUndo, undoStart);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => (await plan(page)).reportUpdates).toBeGreaterThan(beforeUndo + 1);

  // 4. 200 edits (the grid's worker count, set again and again), then a reload.
  const pickAgain = await at(page, probe.targetPoint);
  await page.mouse.click(pickAgain.x, pickAgain.y);
  await expect(page.getByTestId('grid-attr-workers')).toBeVisible();
  // Typed and saved through the form, in the page (no round trip to the test per edit).
  await page.evaluate(async (count) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="grid-attr-workers"]')!;
    const save = document.querySelector<HTMLButtonElement>('[data-testid="grid-attr-save"]')!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let edit = 0; edit < count; edit++) {
      const before = window.__gridatlas!.plan()!.reportUpdates;
      input.value = input.value === '3' ? '4' : '3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      save.click();
      while (window.__gridatlas!.plan()!.reportUpdates === before) await frame();
    }
  }, 198);
  await expect(page.getByTestId('plan-picker')).toContainText('（200 处修改）');
  const planId = (await plan(page)).id;
  await page.reload();
  await page.waitForFunction(
    (id) => window.__gridatlas?.plan()?.id === id && window.__gridatlas.plan()!.grids === 300,
    planId,
    { timeout: 120_000 },
  );
  await page.evaluate(() => window.__gridatlas!.whenIdle());
  const restoredAt = await now(page);
  const restored = await plan(page);
  await expect(page.getByTestId('plan-picker')).toContainText('（200 处修改）');
  const reload = {
    fromNavigationMs: restoredAt,
    /** From the street on screen (files read and checked) to the restored plan's figures. */
    planRestoredMs: restored.reportUpdatedAt! - restored.startedAt!,
    /** … and to the map idle with the restored plan drawn. */
    fromStreetLoadedMs: restoredAt - restored.startedAt!,
  };

  const figures = { drag, lasso: { buildings: picked, ms: lassoMs }, undoMs, reload };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/editing-performance.json', JSON.stringify(figures, null, 2));
  console.log(JSON.stringify(figures));
  expect(picked).toBeGreaterThanOrEqual(100);
  expect(drag.figureUpdates).toBeGreaterThan(1);
  // The map keeps drawing while a vertex is dragged, about as often as when it is panned.
  expect(drag.medianFrameMs).toBeLessThan(drag.panMedianFrameMs * 3);
  expect(lassoMs).toBeLessThan(1000);
  expect(undoMs).toBeLessThan(500);
  expect(reload.fromStreetLoadedMs).toBeLessThan(10_000);
});
