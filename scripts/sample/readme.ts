/** Writes data/README.md from the figures and faults of a generated sample. */
import type { FaultRecord, SampleFigures } from './generate.ts';
import { ROW_BAND_DEG } from '../../src/editing/numbering.ts';

/** 12345 → "12,345" without depending on the machine's locale. */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)} %`;

const FAULT_TITLES: Record<FaultRecord['kind'], string> = {
  gap: 'gap between two grids (缺口)',
  overlap: 'overlap between two grids (重叠)',
  'oversized-grid': 'grid far above the household band',
  'uncovered-building': 'building outside every grid (未入格楼栋)',
};

/**
 * The README of the data folder.
 * @example
 * renderReadme(sample.figures, sample.faults).startsWith('# 示例数据'); // true
 */
export function renderReadme(f: SampleFigures, faults: readonly FaultRecord[]): string {
  const b = f.buildings;
  const w = f.workOrders;
  const lines: string[] = [];
  const push = (...xs: string[]): void => {
    lines.push(...xs);
  };
  push(
    `# 示例数据 — sample street ${f.street.name}`,
    '',
    `**Synthetic data.** Everything in this folder is invented by \`scripts/generate-sample.ts\` from seed`,
    `${f.seed}: the street, its code ${f.street.id}, its communities, grids, buildings, household and`,
    'resident counts, facilities and work orders. All names (street, roads, river, communities,',
    'institutions, people) are fictional; the street is placed in WGS-84 near 116.32°E 39.84°N',
    `(${f.street.district}) only so that it looks like a Beijing street on the map.`,
    '',
    'Regenerate with `npm run generate` (or `npx tsx scripts/generate-sample.ts [outDir]`, default',
    '`data/`). The same seed always gives byte-identical files; `tests/unit/generator.test.ts` checks',
    'that the committed files are exactly what the generator writes.',
    '',
    '## Files',
    '',
    '| file | features | size |',
    '|---|---:|---:|',
    ...f.files.map(
      (x) =>
        `| \`${x.name}\` | ${thousands(x.features)} | ${thousands(Math.round(x.bytes / 1024))} KB |`,
    ),
    '',
    'Every layer is an RFC 7946 FeatureCollection in WGS-84 longitude/latitude, coordinates rounded to',
    '6 decimals (≈0.1 m), one feature per line, keys in a fixed order, with the foreign members `name`',
    '(the layer), `synthetic: true` and `seed`. Every feature has a top-level `id` equal to',
    '`properties.id`; properties are exactly those of `src/domain/types.ts`.',
    '',
    '## The street in figures',
    '',
    `| | |`,
    `|---|---|`,
    `| street | ${f.street.name}, ${f.street.district}, code ${f.street.id} |`,
    `| area | ${f.street.areaKm2.toFixed(2)} km² (WGS-84 ellipsoid, as the coverage engine measures) |`,
    `| communities (社区) | ${f.communities.length} |`,
    `| grids (网格) | ${f.grids.total}: ${f.grids.comprehensive} comprehensive (综合网格), ${f.grids.dedicated} dedicated (专属网格) |`,
    `| households per comprehensive grid | ${f.grids.minHouseholds}–${f.grids.maxHouseholds}; ${f.grids.inBand} of ${f.grids.comprehensive} inside the 300–500 band (the one outside is fault 3) |`,
    `| buildings (楼栋) | ${thousands(b.total)} |`,
    `| households (户) | ${thousands(b.households)} |`,
    `| residents | ${thousands(b.residents)} (${(b.residents / b.households).toFixed(2)} per household) |`,
    `| households in difficulty (低保, 残疾) | ${thousands(b.difficult)} (${pct(b.difficult, b.households)}) |`,
    `| special-hardship households (独居/孤寡老人 …) | ${thousands(b.special)} (${pct(b.special, b.households)}) |`,
    `| facilities | ${Object.entries(f.facilities)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
    `| work orders (诉求工单) | ${thousands(w.total)}, 2024-11-01 to 2026-10-31 |`,
    `| base map | ${f.basemap.roads} roads and lanes, ${f.basemap.water} water, ${f.basemap.green} green areas |`,
    '',
    '### Communities',
    '',
    '| code | name | grids | buildings | households | residents | area km² |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...f.communities.map(
      (c) =>
        `| ${c.id} | ${c.name} | ${c.grids} | ${c.buildings} | ${thousands(c.households)} | ${thousands(c.residents)} | ${c.areaKm2.toFixed(3)} |`,
    ),
    '',
    '### Buildings',
    '',
    'Buildings stand in compounds (小区/院) between roads and lanes, set back from road centre lines',
    '(24 m from primary roads, 14 m from secondary roads, 7 m from lanes), in east–west rows turned',
    'by a few degrees at most: 1980s–90s walk-ups of mostly six storeys (13–14.5 m per unit, 2–5 units,',
    'mostly 40–70 m × 10–12 m, 2 households per unit and floor), 2000s–2010s towers of 18–28 storeys',
    '(25–40 m × 15–20 m, 1–3 units, 4–8',
    'households per unit and floor), 2–4-storey low-rise blocks, one-storey courtyards (平房, 1950s–70s)',
    'along hutongs, and non-residential buildings with no households (schools, a hospital, offices,',
    'markets, warehouses, park buildings, service stations, kindergartens, boiler houses).',
    '',
    '| type | buildings |',
    '|---|---:|',
    ...Object.entries(b.byType).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '| management (物业) | buildings | households |',
    '|---|---:|---:|',
    ...Object.entries(b.byProperty).map(
      ([k, v]) => `| ${k} | ${v.buildings} | ${thousands(v.households)} |`,
    ),
    '',
    `Buildings cut by a grid boundary: ${b.cutByGridBoundary}. Apart from the building of fault 4, every`,
    'building lies inside exactly one grid.',
    '',
    '### Work orders',
    '',
    `${thousands(w.total)} orders, ${thousands(w.atBuildings)} of them at a building (with \`buildingId\`, the point inside`,
    'the footprint) and the rest on roads and lanes. Identifiers (工单号) are the creation date yymmdd plus a',
    'six-digit daily serial. `dueAt` follows the time limits of `DEFAULT_SETTINGS` (urgent 2 h; water,',
    `heating, gas 24 h; general 7 days; complex 15 days); ${thousands(w.overdue)} orders were or are overdue. ${thousands(w.open)}`,
    'recent orders are still open (`closedAt` null, status before 办结).',
    '',
    `Sources: ${Object.entries(w.bySource)
      .map(([k, v]) => `${k} ${thousands(v)}`)
      .join(', ')}.`,
    '',
    '| category1/category2 | orders |',
    '|---|---:|',
    ...Object.entries(w.byCategory)
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => `| ${k} | ${thousands(v)} |`),
    '',
    'Heating (供暖) calls peak in November and December after heating starts on 15 November and fade',
    'by mid-March; leaks and waterlogging peak in July and August, with bursts on ten storm days.',
    'Orders per household are highest in compounds without property management:',
    Object.entries(w.perHouseholdByProperty)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ') + ' orders per household over the two years.',
    '',
    `Follow-up visits (回访): ${thousands(w.followedUp)} orders; over them the response rate is`,
    `${pct(w.contacted, w.followedUp)}, the resolution rate ${pct(w.resolved, w.followedUp)} and the satisfaction rate`,
    `${pct(w.satisfied + 0.9 * w.basicallySatisfied, w.followedUp)} (满意 + 0.9 × 基本满意).`,
    '',
    '## Grid numbering rule',
    '',
    'Grid codes are 15 digits: community code (12) + a 3-digit sequence numbered west → east, north →',
    'south inside the community (DB11/T 2157-2023), computed like this:',
    '',
    '1. Take each grid centroid with `turf.centerOfMass` of the polygon as written in `grids.geojson`.',
    '2. Sort the grids by centroid latitude, north first.',
    `3. Walk that list: a grid joins the current row when its centroid is at most ${ROW_BAND_DEG}° of latitude`,
    '   (≈100 m) south of the first (northernmost) grid of the row; otherwise it starts a new row.',
    '4. Within each row sort west → east by centroid longitude; number rows in order from 1.',
    '',
    'Community codes are the street code + 001…010 in plan order (north-west to south-east).',
    '',
    '## Deliberate faults',
    '',
    'The plan is correct except for these faults, planted for a planner (and the coverage engine) to',
    'find. Areas are geodesic (`turf.area`); the point lies inside the fault.',
    '',
    '| # | fault | community | grids | building | area m² | households | point (lon, lat) | where |',
    '|---|---|---|---|---|---:|---:|---|---|',
    ...faults.map(
      (x) =>
        `| ${x.number} | ${FAULT_TITLES[x.kind]} | ${x.communityId} | ${x.gridIds.join(', ')} | ${x.buildingId ?? ''} | ` +
        `${x.areaM2 ?? ''} | ${x.households ?? ''} | ${x.point.map((v) => v.toFixed(6)).join(', ')} | ${x.where} |`,
    ),
    '',
    'Fault 4 is also a gap: the uncovered corner belongs to its community but to no grid, so a',
    'coverage check finds two gaps in total (faults 1 and 4), one overlap (fault 2), one grid above',
    'the band (fault 3) and one unassigned building (fault 4). There is nothing else: no other gaps or',
    'overlaps (shared boundaries have identical vertices), every grid lies inside its community, every',
    'code is valid, every grid is one polygon.',
    '',
    '## How it is built',
    '',
    '`scripts/sample/` holds one module per job: a seeded mulberry32 generator (`random.ts`, no',
    '`Math.random`), a local metre frame converted to WGS-84 with the ellipsoid scales at 39.84°N',
    '(`frame.ts`), the hand-drawn plan of roads, blocks and compounds (`plan.ts`, `layout.ts`), exact',
    'tiling of communities and grids from compound pieces (`topology.ts`, `territory.ts`), grids and',
    'their numbering (`grids.ts`), buildings (`building-types.ts`, `rows.ts`, `buildings.ts`), facilities,',
    'work orders (`work-order-categories.ts`, `work-orders.ts`), the base map, the faults (`faults.ts`)',
    'and the writer (`write.ts`). Households are planned per grid (340–470, the faulty grid 960) and',
    'compounds are filled with buildings until their share is reached.',
  );
  return `${lines.join('\n')}\n`;
}
