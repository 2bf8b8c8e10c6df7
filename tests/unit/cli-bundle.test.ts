// The command-line tools as `npm run check` and `npm run suggest` start them: scripts/cli.mjs
// bundles the TypeScript script once with esbuild and runs the bundle with plain Node. The
// bundle checks the sample street (its 5 rule violations: exit 1) and suggests its plan (exit
// 0); an unknown tool is a usage error (exit 2).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'gridatlas-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const cli = (args: string[]) => {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe('scripts/cli.mjs', () => {
  it('runs the bundled check, suggest and orders on the sample street', () => {
    const check = cli(['check', 'data', '--lang', 'en', '--out', join(TMP, 'check')]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Verdict: 5 rule violations');
    expect(existsSync(join(ROOT, 'node_modules', '.cache', 'gridatlas-cli', 'check.mjs'))).toBe(
      true,
    );
    const suggest = cli(['suggest', 'data', '--out', join(TMP, 'suggest')]);
    expect(suggest.code).toBe(0);
    expect(existsSync(join(TMP, 'suggest', 'grids.geojson'))).toBe(true);
    const xlsx = join('tests', 'fixtures', 'orders', 'orders-two-row-header.xlsx');
    const orders = cli([
      'orders',
      'data',
      xlsx,
      '--month',
      '2026-10',
      '--out',
      join(TMP, 'orders'),
    ]);
    expect(orders.code).toBe(0);
    expect(existsSync(join(TMP, 'orders', 'orders.json'))).toBe(true);
  });

  it('refuses a tool it does not have', () => {
    const run = cli(['render']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: node scripts/cli.mjs <check|suggest|orders>');
  });
});
