/**
 * A Playwright fixture around `page` that fails the test when the page requests anything off
 * localhost or logs a console error or an uncaught exception, and helpers that wait for map state.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type {} from '../../src/map/test-hooks.ts';

const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;

export interface Guard {
  offsite: string[];
  errors: string[];
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page }, use) => {
      const guard: Guard = { offsite: [], errors: [] };
      page.on('request', (request) => {
        if (!LOCAL.test(request.url())) guard.offsite.push(request.url());
      });
      page.on('console', (message) => {
        if (message.type() === 'error') guard.errors.push(message.text());
      });
      page.on('pageerror', (error) => guard.errors.push(`uncaught: ${error.message}`));
      await use(guard);
      expect(guard.offsite, 'requests that left localhost').toEqual([]);
      expect(guard.errors, 'console errors').toEqual([]);
    },
    // Every test is guarded, whether or not it names the fixture.
    { auto: true },
  ],
});

export { expect };

/** Waits until the map has drawn loaded data `version` times and gone idle. */
export async function waitForDrawn(page: Page, version = 1): Promise<void> {
  await page.waitForFunction((v) => (window.__gridatlas?.drawnVersion ?? 0) >= v, version, {
    timeout: 60_000,
  });
}

/** The page position of a longitude/latitude on the map. */
export async function screenPoint(
  page: Page,
  lng: number,
  lat: number,
): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('map').boundingBox();
  const point = await page.evaluate(([x, y]) => window.__gridatlas!.project(x!, y!), [lng, lat]);
  return { x: box!.x + point.x, y: box!.y + point.y };
}
