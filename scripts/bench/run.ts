/**
 * `npm run bench [-- --scale street|district|beijing ...] [-- --profile]`: generates each scale
 * in memory and runs it in its own node process (so peak memory is per scale), then prints one
 * Markdown table with the targets. With --profile each scale writes CPU profiles of the engine to
 * .bench/ and prints the functions with the most self time instead. `npm run bench -- --editing`
 * runs the editing benchmark (editing-run.ts) instead, `-- --suggest` the suggested plan's
 * (suggest-run.ts), `-- --orders` the work-order import and aggregation's (orders-run.ts),
 * `-- --browser` the browser probes in Debian's Chromium (tests/probes: editing a generated
 * district, a million orders imported and played back in the page, a ten-slide briefing exported;
 * Chromium installed first when missing). The
 * orders benchmark runs bundled ahead of time by esbuild, as `npm run orders` does, with the same
 * Node flags: tsx's compiled code names every function it makes, which a loop over a million rows
 * would pay for.
 */
import { spawnSync } from 'node:child_process';
import { bundleScript } from '../bundle-script.mjs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ScaleResult } from './result.ts';
import { SCALE_NAMES, scaleByName } from './scales.ts';
import { benchTable } from './table.ts';

const CHILD = fileURLToPath(new URL('./scale-run.ts', import.meta.url));
const EDITING = fileURLToPath(new URL('./editing-run.ts', import.meta.url));
const SUGGEST = fileURLToPath(new URL('./suggest-run.ts', import.meta.url));
const ORDERS = fileURLToPath(new URL('./orders-run.ts', import.meta.url));
const NODE_FLAGS = ['--max-old-space-size=6144', '--expose-gc', '--import', 'tsx'];

const args = process.argv.slice(2);
if (args.includes('--browser')) {
  const run = (command: string, list: string[]) =>
    spawnSync(command, list, { stdio: 'inherit' }).status ?? 1;
  const status =
    run('bash', ['scripts/ensure-chromium.sh']) ||
    run('npx', ['playwright', 'test', '-c', 'tests/probes/playwright.config.ts']);
  process.exit(status);
}
if (args.includes('--orders')) {
  const bundle = fileURLToPath(
    new URL('../../node_modules/.cache/gridatlas-bench/orders-run.mjs', import.meta.url),
  );
  await bundleScript(ORDERS, bundle);
  const flags = ['--max-old-space-size=6144', '--max-semi-space-size=64'];
  const child = spawnSync(process.execPath, [...flags, bundle], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
const separate = args.includes('--editing') ? EDITING : args.includes('--suggest') ? SUGGEST : null;
if (separate) {
  const child = spawnSync(process.execPath, [...NODE_FLAGS, separate], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
const profile = args.includes('--profile');
const asked = args.flatMap((arg, k) => (args[k - 1] === '--scale' ? arg.split(',') : []));
const scales = (asked.length ? asked : [...SCALE_NAMES]).map((name) => scaleByName(name).name);

const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
const results: ScaleResult[] = [];
for (const name of scales) {
  const child = spawnSync(
    process.execPath,
    [...NODE_FLAGS, CHILD, name, ...(profile ? ['--profile'] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  if (child.status !== 0) {
    process.stdout.write(child.stdout ?? '');
    throw new Error(`scale ${name} failed (exit ${child.status ?? child.signal})`);
  }
  if (profile) process.stdout.write(child.stdout);
  else results.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as ScaleResult);
}
if (!profile) console.log(`\n${benchTable(results)}`);
// Other work on the machine skews the figures; say how busy it was.
console.log(
  `\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, node ${process.version}; 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`,
);
