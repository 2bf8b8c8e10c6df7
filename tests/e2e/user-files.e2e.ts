/**
 * Loading the user's own files: the file picker and drag-and-drop replace the sample layers, bad
 * features are listed with file, feature, field and reason and kept aside, and a malformed file
 * gets one clear error while the map keeps what it had.
 */
import { readFileSync } from 'node:fs';
import { expect, test, waitForDrawn } from './guarded-page.ts';

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname;
const sourceCount = (page: import('@playwright/test').Page, id: string) =>
  page.evaluate((s) => window.__gridatlas!.sourceFeatureCount(s), id);

test('picked files replace the sample; a self-intersecting grid is reported and kept aside', async ({
  page,
}) => {
  await page.goto('/');
  await waitForDrawn(page);
  await page
    .getByTestId('file-input')
    .setInputFiles([
      fixture('context/street.geojson'),
      fixture('context/communities.geojson'),
      fixture('bad/grids-self-intersecting.geojson'),
    ]);
  await waitForDrawn(page, 2);
  await expect(page.getByTestId('loading')).toHaveCount(0);

  expect(await sourceCount(page, 'grids')).toBe(2);
  expect(await sourceCount(page, 'communities')).toBe(3);
  expect(await sourceCount(page, 'buildings')).toBe(0);
  expect(await sourceCount(page, 'work-orders')).toBe(0);
  await expect(page.getByTestId('sample-badge')).toHaveCount(0);

  const problems = page.getByTestId('problem');
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toHaveAttribute('data-code', 'self-intersection');
  await expect(problems.first()).toContainText('grids-self-intersecting.geojson');
  await expect(problems.first()).toContainText('第 2 个要素');
  await expect(problems.first()).toContainText('110106012003002');
  await expect(page.getByTestId('problems-summary')).toContainText('1 个错误');
  await expect(page.getByTestId('export-set-aside')).toContainText('1');

  await page.getByTestId('language-switch').click();
  await expect(problems.first()).toContainText('feature #2');
  await page.screenshot({ path: 'test-results/screenshots/problems.png' });
});

test('a malformed file gets one clear error and the map keeps its data', async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
  const grids = await sourceCount(page, 'grids');
  await page.getByTestId('file-input').setInputFiles([fixture('bad/malformed.geojson')]);

  await expect(page.getByTestId('load-rejected')).toBeVisible();
  const problems = page.getByTestId('problem');
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toHaveAttribute('data-code', 'not-json');
  await expect(problems.first()).toContainText('malformed.geojson');
  expect(await sourceCount(page, 'grids')).toBe(grids);
  await expect(page.getByTestId('sample-badge')).toBeVisible();
});

test('files dropped on the map are loaded like picked ones', async ({ page }) => {
  await page.goto('/');
  await waitForDrawn(page);
  const files = [
    'context/street.geojson',
    'context/communities.geojson',
    'context/buildings.geojson',
  ].map((path) => ({ name: path.split('/')[1]!, text: readFileSync(fixture(path), 'utf8') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list)
      transfer.items.add(new File([f.text], f.name, { type: 'application/geo+json' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
  }, files);
  await waitForDrawn(page, 2);
  expect(await sourceCount(page, 'buildings')).toBe(4);
  expect(await sourceCount(page, 'communities')).toBe(3);
  expect(await sourceCount(page, 'grids')).toBe(0);
});
