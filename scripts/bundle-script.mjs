/**
 * Bundles a Node script and what it imports into one ES module with esbuild, as the CLIs
 * (scripts/cli.mjs) and the benchmarks that time production code (scripts/bench/run.ts) run it.
 * `await bundleScript('scripts/check.ts', 'node_modules/.cache/gridatlas-cli/check.mjs')`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {string} entry @param {string} outfile @returns {Promise<void>} */
export async function bundleScript(entry, outfile) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies bundled into an ES module still call require for Node's own modules.
    banner: {
      js: "import { createRequire as gridatlasCreateRequire } from 'node:module'; const require = gridatlasCreateRequire(import.meta.url);",
    },
  });
}
