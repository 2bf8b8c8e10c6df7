/** CLI: `npx tsx scripts/generate-sample.ts [outDir]` writes the sample street (default data/). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSample, SAMPLE_SEED } from './sample/generate.ts';
import { thousands } from './sample/readme.ts';

const outDir = process.argv[2] ?? 'data/';
const started = performance.now();
const { files, figures: f, faults } = buildSample(SAMPLE_SEED);
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);

const b = f.buildings;
const w = f.workOrders;
console.log(`${f.street.name} ${f.street.id} (seed ${f.seed}) → ${outDir}`);
console.log(`  area          ${f.street.areaKm2.toFixed(2)} km²`);
console.log(`  communities   ${f.communities.length}`);
console.log(
  `  grids         ${f.grids.total} (${f.grids.comprehensive} comprehensive, ${f.grids.dedicated} dedicated; households ${f.grids.minHouseholds}–${f.grids.maxHouseholds})`,
);
console.log(
  `  buildings     ${thousands(b.total)} (${b.cutByGridBoundary} cut by a grid boundary)`,
);
console.log(`  households    ${thousands(b.households)}, residents ${thousands(b.residents)}`);
console.log(
  `  facilities    ${Object.entries(f.facilities)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
console.log(`  work orders   ${thousands(w.total)} (${thousands(w.open)} open)`);
for (const x of f.files)
  console.log(
    `  ${x.name.padEnd(22)} ${String(x.features).padStart(6)} features ${(x.bytes / 1024).toFixed(0).padStart(6)} KB`,
  );
for (const x of faults) {
  const area = x.areaM2 === undefined ? '' : ` ${x.areaM2} m²`;
  const hh = x.households === undefined ? '' : ` ${x.households} households`;
  console.log(
    `  fault ${x.number} ${x.kind}: ${x.gridIds.join(', ')}${x.buildingId ? ` ${x.buildingId}` : ''}${area}${hh}`,
  );
}
console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
