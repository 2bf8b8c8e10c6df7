/**
 * The app on the bundled sample street, in real Chromium: every layer is on the map with as many
 * features as its file, the map holds exactly the expected sources, deck.gl's heatmap holds every
 * work order, a grid click opens its details, the layer panel and metric switch change the map,
 * the language switch works, and a screenshot is saved.
 */
import { readFileSync } from 'node:fs';
import { centroid, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { Page } from '@playwright/test';
import { expect, screenPoint, test, waitForDrawn } from './guarded-page.ts';

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'),
  ) as FeatureCollection;

const FILES = {
  street: 'street.geojson',
  communities: 'communities.geojson',
  grids: 'grids.geojson',
  buildings: 'buildings.geojson',
  facilities: 'facilities.geojson',
  'work-orders': 'work-orders.geojson',
  basemap: 'basemap.geojson',
} as const;

/** Every source the map holds: the style's, and the edit source the edit layers add. */
const MAP_SOURCES = [
  ...Object.keys(FILES),
  'community-labels',
  'grid-labels',
  'coverage-problems',
  'service-areas',
  'edit',
] as const;

const sourceCount = (page: Page, id: string) =>
  page.evaluate((s) => window.__gridatlas!.sourceFeatureCount(s), id);

test('the sample street loads with every layer, counts equal to the files', async ({
  page,
  guard,
}) => {
  await page.goto('/');
  await waitForDrawn(page);
  await expect(page.getByTestId('loading')).toHaveCount(0);
  expect(guard.errors).toEqual([]);

  // Every source the map has, exactly: one missing or one too many fails.
  expect(await page.evaluate(() => window.__gridatlas!.sourceIds())).toEqual(
    [...MAP_SOURCES].sort(),
  );
  const communities = read(FILES.communities).features.length;
  const grids = read(FILES.grids).features.length;
  expect(await sourceCount(page, 'community-labels')).toBe(communities);
  expect(await sourceCount(page, 'grid-labels')).toBe(grids);
  for (const [source, file] of Object.entries(FILES))
    expect(await sourceCount(page, source), source).toBe(read(file).features.length);
  // The sample's two gaps and one overlap; no facility type chosen; nothing being edited.
  expect(await sourceCount(page, 'coverage-problems')).toBe(3);
  expect(await sourceCount(page, 'service-areas')).toBe(0);
  expect(await sourceCount(page, 'edit')).toBe(0);

  // The heatmap as deck.gl holds it: every work order, from the first to the last position.
  const orders = read(FILES['work-orders']) as FeatureCollection<Point>;
  const position = (i: number) => orders.features.at(i)!.geometry.coordinates;
  await expect
    .poll(() => page.evaluate(() => window.__gridatlas!.heatmap()))
    .toMatchObject({
      points: orders.features.length,
      visible: true,
      first: position(0),
      last: position(-1),
    });
  await expect(page.getByTestId('sample-badge')).toHaveText('示例数据');
  await expect(page.getByTestId('summary-workOrders')).toContainText(
    orders.features.length.toLocaleString('zh-CN'),
  );

  const timing = await page.evaluate(() => ({
    vectorIdle: window.__gridatlas!.firstIdleMs,
    heatmapIdle: window.__gridatlas!.heatmapIdleMs,
  }));
  expect(timing.vectorIdle).toBeGreaterThan(0);
  expect(timing.heatmapIdle).toBeGreaterThanOrEqual(timing.vectorIdle!);
  console.log(
    `first map idle after navigation start: ${timing.vectorIdle} ms (vector layers), ${timing.heatmapIdle} ms (with heatmap)`,
  );
  await page.screenshot({ path: 'test-results/screenshots/sample-street.png' });
});

test('clicking a grid opens its details; hovering shows a tooltip', async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
  // With buildings and facilities hidden, a point inside the grid can only pick the grid.
  await page.getByTestId('layer-toggle-buildings').uncheck();
  await page.getByTestId('layer-toggle-facilities').uncheck();
  const grids = read(FILES.grids) as FeatureCollection<Polygon>;
  const target = grids.features.find((g) => g.properties?.type === 'comprehensive')!;
  const inside = pointOnFeature(target).geometry.coordinates as [number, number];
  const point = await screenPoint(page, inside[0], inside[1]);

  await page.mouse.move(point.x, point.y);
  await expect(page.getByTestId('tooltip')).toContainText(String(target.properties!.name));
  await page.mouse.click(point.x, point.y);
  const details = page.getByTestId('details');
  await expect(details).toHaveAttribute('data-kind', 'grid');
  await expect(details).toHaveAttribute('data-id', target.properties!.id);
  await expect(details).toContainText(String(target.properties!.name));
  await expect(details).toContainText('网格编码');
  await expect(details).toContainText('户数');
  await expect(details).toContainText('面积');
  await page.getByTestId('layer-toggle-buildings').check();
  await page.getByTestId('layer-toggle-facilities').check();
  await page.screenshot({ path: 'test-results/screenshots/details.png' });
});

test('clicking a building or a work order shows its own fields', async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
  const orders = read(FILES['work-orders']) as FeatureCollection<Point>;
  const buildings = read(FILES.buildings) as FeatureCollection<Polygon>;
  const order = orders.features.find((o) => o.properties!.buildingId === undefined)!;
  const [lng, lat] = order.geometry.coordinates as [number, number];

  await page.evaluate(([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 19), [lng, lat]);
  let point = await screenPoint(page, lng, lat);
  await page.mouse.click(point.x, point.y);
  const details = page.getByTestId('details');
  await expect(details).toHaveAttribute('data-kind', 'workOrder');
  const clickedId = await details.getAttribute('data-id');
  const clicked = orders.features.find((o) => o.properties!.id === clickedId)!;
  await expect(details).toContainText(String(clicked.properties!.category3));
  await expect(details).toContainText(String(clicked.properties!.source));
  await expect(details).toContainText('受理时间');
  await page.screenshot({ path: 'test-results/screenshots/work-order.png' });

  // Below zoom 16.5 work orders are only heat, so the click reaches the building under them.
  const building = buildings.features.find((b) => b.properties!.households > 100)!;
  const [bx, by] = centroid(building).geometry.coordinates as [number, number];
  await page.evaluate(([x, y]) => window.__gridatlas!.jumpTo(x!, y!, 16), [bx, by]);
  point = await screenPoint(page, bx, by);
  await page.mouse.click(point.x, point.y);
  await expect(details).toHaveAttribute('data-kind', 'building');
  await expect(details).toHaveAttribute('data-id', building.properties!.id);
  await expect(details).toContainText(String(building.properties!.name));
  await expect(details).toContainText(building.properties!.households.toLocaleString('zh-CN'));
});

test('the layer panel hides and fades layers; the metric recolours grids', async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
  const visibility = (id: string) =>
    page.evaluate((l) => window.__gridatlas!.layerVisibility(l), id);

  await page.getByTestId('layer-toggle-buildings').uncheck();
  await expect.poll(() => visibility('buildings-fill')).toBe('none');
  await page.getByTestId('layer-toggle-buildings').check();
  await expect.poll(() => visibility('buildings-fill')).toBe('visible');

  await page.getByTestId('layer-toggle-workOrders').uncheck();
  await expect.poll(() => page.evaluate(() => window.__gridatlas!.heatmap()?.visible)).toBe(false);

  await page.getByTestId('layer-opacity-grids').fill('0.5');
  await expect
    .poll(() =>
      page.evaluate(() => window.__gridatlas!.paintProperty('grids-fill', 'fill-opacity')),
    )
    .toBeCloseTo(0.275, 3);

  const before = JSON.stringify(
    await page.evaluate(() => window.__gridatlas!.paintProperty('grids-fill', 'fill-color')),
  );
  await page.getByTestId('metric-select').selectOption('residents');
  await expect
    .poll(async () =>
      JSON.stringify(
        await page.evaluate(() => window.__gridatlas!.paintProperty('grids-fill', 'fill-color')),
      ),
    )
    .not.toBe(before);
  await expect(page.getByTestId('legend').locator('li')).not.toHaveCount(1);
});

test('the language switch turns the UI to English and back', async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
  await expect(page.locator('h1')).toHaveText('网格治理地图');
  await expect(page.getByTestId('layer-grids')).toContainText('网格');

  await page.getByTestId('language-switch').click();
  await expect(page.locator('h1')).toHaveText('GridAtlas');
  await expect(page.getByTestId('layer-grids')).toContainText('Grids');
  await expect(page.getByTestId('sample-badge')).toHaveText('Sample data');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.screenshot({ path: 'test-results/screenshots/english.png' });

  await page.getByTestId('language-switch').click();
  await expect(page.locator('h1')).toHaveText('网格治理地图');
});

test('the heatmap follows the map when the window is resized', async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
  // The map canvas's drawing buffer, in device pixels, which deck.gl's heat must be drawn into.
  const mapBuffer = () =>
    page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      return { width: canvas.width, height: canvas.height };
    });
  const drawnInto = () => page.evaluate(() => window.__gridatlas!.heatmap()?.framebuffer ?? null);
  await expect.poll(drawnInto).toEqual(await mapBuffer());
  // As a leader's screen goes full screen, or a window is dragged larger.
  await page.setViewportSize({ width: 1600, height: 1200 });
  await expect.poll(async () => (await mapBuffer()).height).toBeGreaterThan(900);
  await expect.poll(drawnInto, { timeout: 10_000 }).toEqual(await mapBuffer());
  await expect.poll(() => page.evaluate(() => window.__gridatlas!.heatmap()?.points)).toBe(25005);
});
