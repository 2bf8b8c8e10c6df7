/**
 * The plan state and the map in real Chromium: the plan shown after a load is the baseline with
 * every grid; the edit layers sit above the grids with an empty edit source; and a grid-only
 * update (one grid removed, one renamed, fed to the plan state as a worker update would) re-sends
 * only the grids (as a per-feature diff) and the grid labels: the basemap, buildings, work
 * orders and the other sources are not written again, the camera does not move and the map does
 * not count it as a new load.
 */
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import type { Page } from '@playwright/test';
import type { GridFeature } from '../../src/domain/types.ts';
import { EDIT_LAYERS } from '../../src/map/edit-style.ts';
import { expect, test, waitForDrawn } from './guarded-page.ts';

const grids = JSON.parse(
  readFileSync(new URL('../../data/grids.geojson', import.meta.url), 'utf8'),
) as { features: GridFeature[] };

const camera = (page: Page) => page.evaluate(() => window.__gridatlas!.camera());
const writes = (page: Page) => page.evaluate(() => window.__gridatlas!.sourceWrites());
const drawnVersion = (page: Page) => page.evaluate(() => window.__gridatlas!.drawnVersion);
const sourceFeatures = (page: Page, id: string) =>
  page.evaluate((s) => window.__gridatlas!.sourceFeatures(s), id);

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
});

test('the baseline is shown with every grid, and the edit layers sit above the grids', async ({
  page,
}) => {
  const plan = await page.evaluate(() => window.__gridatlas!.plan());
  expect(plan).toMatchObject({ id: null, grids: grids.features.length });
  expect(plan!.gridIds).toEqual(grids.features.map((g) => g.properties.id));
  expect(plan!.problems).toBeGreaterThan(0);

  const layers = await page.evaluate(() => window.__gridatlas!.layerIds());
  const edit = EDIT_LAYERS.map((layer) => layer.id);
  expect(edit).toEqual(expect.arrayContaining(['edit-fill', 'edit-line', 'edit-vertex']));
  expect(layers.filter((id) => id.startsWith('edit-'))).toEqual(edit);
  for (const id of edit) expect(layers.indexOf(id)).toBeGreaterThan(layers.indexOf('grids-line'));
  expect(await page.evaluate(() => window.__gridatlas!.editSource())).toEqual({
    type: 'FeatureCollection',
    features: [],
  });
  expect(await page.evaluate(() => window.__gridatlasMaps?.main === window.__gridatlas)).toBe(true);
});

test('a grid-only update re-sends the grids and their labels only, without moving the camera', async ({
  page,
}) => {
  const [removed, renamed] = [grids.features[3]!, grids.features[7]!];
  // Close to the removed grid, so the screenshot shows the hole it leaves.
  const ring = (removed.geometry as Polygon).coordinates[0]!;
  const [lng, lat] = [0, 1].map((k) => ring.reduce((sum, p) => sum + p[k]!, 0) / ring.length);
  await page.evaluate(([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 16), [lng, lat]);
  const before = {
    camera: await camera(page),
    writes: await writes(page),
    drawn: await drawnVersion(page),
  };
  expect(before.camera.moving).toBe(false);
  expect(before.writes.grids).toEqual({ setData: 1, updateData: 0 });

  const order = grids.features
    .map((g) => g.properties.id)
    .filter((id) => id !== removed.properties.id);
  const changed = { ...renamed, properties: { ...renamed.properties, name: '改名网格' } };
  await page.evaluate((changes) => window.__gridatlas!.applyGridChanges(changes), {
    changed: [changed],
    removedIds: [removed.properties.id],
    order,
  });

  await expect.poll(() => sourceFeatures(page, 'grids')).toEqual(order);
  expect(await sourceFeatures(page, 'grid-labels')).toEqual(order);
  expect(await page.evaluate(() => window.__gridatlas!.plan())).toMatchObject({
    grids: order.length,
  });
  await page.evaluate(() => window.__gridatlas!.whenIdle());

  const after = await writes(page);
  const { grids: gridWrites, 'grid-labels': labelWrites, ...others } = after;
  const { grids: gridsBefore, 'grid-labels': labelsBefore, ...othersBefore } = before.writes;
  expect(gridWrites).toEqual({ ...gridsBefore, updateData: gridsBefore!.updateData + 1 });
  expect(labelWrites).toEqual({ ...labelsBefore, setData: labelsBefore!.setData + 1 });
  expect(others).toEqual(othersBefore);
  for (const id of ['basemap', 'buildings', 'work-orders', 'communities', 'coverage-problems'])
    expect(after[id], id).toEqual({ setData: 1, updateData: 0 });

  expect(await camera(page)).toEqual(before.camera);
  expect(await drawnVersion(page)).toBe(before.drawn);
  await page.screenshot({ path: 'test-results/screenshots/plan-state-grid-update.png' });
});
