// The browser probes of `npm run bench -- --browser` (editing a generated district; a million
// orders imported and played back; a ten-slide briefing exported): the end-to-end setup (Debian's Chromium, the built app) with
// long runs on large generated data, kept out of `npm test`'s time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import e2e from '../../playwright.config.ts';

export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: '**/*.probe.ts',
  timeout: 900_000,
  outputDir: '../../test-results/probes',
  webServer: { ...e2e.webServer!, cwd: fileURLToPath(new URL('../..', import.meta.url)) },
});
