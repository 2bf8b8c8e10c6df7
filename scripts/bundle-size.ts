/**
 * Prints the built app's JavaScript sizes (raw and gzip): what the page loads first, what it loads
 * lazily (deck.gl for the heatmap) and the workers. Run after `vite build`: `npm run size`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = join(dist, 'assets');

const rows = readdirSync(assets)
  .filter((name) => /\.(m?js)$/.test(name))
  .map((name) => {
    const bytes = readFileSync(join(assets, name));
    const role = html.includes(name) ? 'initial' : /worker/i.test(name) ? 'worker' : 'lazy';
    return { name, role, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => a.role.localeCompare(b.role) || b.gzip - a.gzip);

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
for (const r of rows)
  console.log(
    `${r.role.padEnd(8)} ${kB(r.gzip).padStart(10)} gzip ${kB(r.raw).padStart(11)}  ${r.name}`,
  );
for (const role of ['initial', 'lazy', 'worker']) {
  const group = rows.filter((r) => r.role === role);
  console.log(
    `total ${role}: ${kB(group.reduce((s, r) => s + r.gzip, 0))} gzip (${kB(group.reduce((s, r) => s + r.raw, 0))} raw)`,
  );
}
