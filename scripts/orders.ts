/**
 * CLI: `npm run orders -- <street folder or layer files…> [order files…] [--month YYYY-MM]
 * [--system auto|wgs84|gcj02|bd09] [--out DIR] [--lang zh|en]` imports 12345 work orders with the
 * app's importer (CSV in UTF-8 or GBK, XLSX, or GeoJSON; without order files, the street's own
 * work-order layer), places them at buildings and grids of the street's plan (checked by the
 * coverage engine), and analyses the assessment month (src/analysis/complaints/). It prints the
 * street's figures and writes orders.json (per street, community and grid: counts, visits, the
 * three rates, the composite score, overdue orders, times to close; the repeat-complaint
 * buildings; every row left out or not placed with its reason) and orders.md. Exit code 0 when
 * every row was imported and placed, 1 when some were not, 2 when the analysis cannot run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMonth } from '../src/analysis/complaints/assessment-period.ts';
import { orderMonths } from '../src/analysis/complaints/monthly-orders.ts';
import {
  complaintConsoleText,
  complaintMarkdown,
  type ComplaintReportContext,
} from '../src/reports/complaint-report.ts';
import type { CoordinateSystem } from '../src/analysis/complaints/coordinate-systems.ts';
import { orderSummary } from '../src/analysis/complaints/order-summary.ts';
import { OrderTableBuilder } from '../src/analysis/complaints/order-table.ts';
import {
  analyseMonth,
  complaintGrids,
  gridBreakdowns,
  orderPlacerFor,
} from '../src/analysis/complaints/street-orders.ts';
import { CoverageEngine, inputFromLoad } from '../src/analysis/coverage/engine.ts';
import { loadProblemLine } from '../src/reports/report-markdown.ts';
import { DEFAULT_SETTINGS } from '../src/domain/settings.ts';
import { loadFiles } from '../src/io/load-files.ts';
import { layerLabel } from '../src/io/messages.ts';
import {
  importOrderFeatures,
  importOrderRows,
  type OrderImport,
} from '../src/io/orders/import-orders.ts';
import { importSummaryText } from '../src/io/orders/import-summary.ts';
import { orderProblemGroupText, orderProblemText } from '../src/io/orders/order-problems.ts';
import { readTableRows } from '../src/io/orders/read-table.ts';
import { parseCheckArgs } from './check/args.ts';
import { cliMessage, systemReason, type CliMessage } from './check/messages.ts';
import { readInputs } from './check/read-inputs.ts';
import { writeJsonLines } from './check/write-json.ts';

const EXIT = { placed: 0, leftOut: 1, cannotRun: 2 } as const;
const DEFAULT_OUT_DIR = 'gridatlas-orders';
const REQUIRED_LAYERS = ['communities', 'grids', 'buildings'] as const;
const TABLE_FILE = /\.(csv|tsv|txt|xlsx)$/i;
const SYSTEMS: Record<string, CoordinateSystem | 'auto'> = {
  auto: 'auto',
  wgs84: 'WGS84',
  gcj02: 'GCJ02',
  bd09: 'BD09',
};

async function run(argv: readonly string[]): Promise<number> {
  const args = parseCheckArgs(argv, DEFAULT_OUT_DIR, ['--month', '--system']);
  if (args.kind === 'help') {
    console.log(cliMessage('orders-usage')[args.lang]);
    return EXIT.placed;
  }
  const { lang } = args;
  const usageError = (message: CliMessage) => {
    console.error(`${message[lang]}\n\n${cliMessage('orders-usage')[lang]}`);
    return EXIT.cannotRun;
  };
  if (args.kind === 'error') return usageError(args.message);
  const month = args.options['--month'];
  if (month !== undefined && !isMonth(month))
    return usageError(cliMessage('bad-month', { value: month }));
  const system = SYSTEMS[(args.options['--system'] ?? 'auto').toLowerCase()];
  if (!system)
    return usageError(cliMessage('bad-system', { value: args.options['--system'] ?? '' }));

  const tables = args.paths.filter((p) => TABLE_FILE.test(p));
  const inputs = readInputs(args.paths.filter((p) => !TABLE_FILE.test(p)));
  for (const error of inputs.errors) console.error(error[lang]);
  if (inputs.errors.length > 0) return EXIT.cannotRun;

  const settings = DEFAULT_SETTINGS;
  const loaded = loadFiles(inputs.files, settings);
  for (const g of loaded.problems) console.error(loadProblemLine(g, lang));
  const { dataset } = loaded;
  const missing = REQUIRED_LAYERS.filter((layer) => !dataset[layer]);
  if (missing.length > 0) {
    const labels = missing.map((layer) => layerLabel(layer));
    console.error(
      cliMessage('orders-missing-layers', {
        layersZh: labels.map((l) => l.zh).join('、'),
        layersEn: labels.map((l) => l.en).join(' and '),
      })[lang],
    );
    return EXIT.cannotRun;
  }
  const buildings = dataset.buildings!.features;
  const grids = dataset.grids!.features;
  const report = new CoverageEngine(inputFromLoad(loaded), settings).report();
  const placer = orderPlacerFor(buildings, grids, report);

  // Each file in turn into one table; an order number met in an earlier file is not imported again.
  const builder = new OrderTableBuilder();
  const known = new Map<string, number>();
  const imports: { imported: OrderImport; encoding: string | null }[] = [];
  const options = { settings, system, known };
  for (const path of tables) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      console.error(cliMessage('unreadable', { path, ...systemReason(error) })[lang]);
      return EXIT.cannotRun;
    }
    const rows = await readTableRows(bytes);
    const imported = importOrderRows(path, rows, placer, builder, options);
    imports.push({ imported, encoding: rows.encoding });
    for (const [id, row] of imported.ids) known.set(id, row);
  }
  const layerFile = loaded.files.find((f) => f.layer === 'workOrders');
  if (tables.length === 0 && dataset.workOrders && layerFile) {
    const features = dataset.workOrders.features;
    imports.push({
      imported: importOrderFeatures(layerFile.name, features, placer, builder, options),
      encoding: null,
    });
  }
  const orderGrid = Int32Array.from(imports.flatMap(({ imported }) => imported.grids));
  const table = builder.build();
  if (table.size === 0) {
    console.error(cliMessage('orders-none')[lang]);
    return EXIT.cannotRun;
  }
  const chosen = month ?? orderMonths(table, settings)!.lastComplete;
  const analysis = analyseMonth(table, orderGrid, complaintGrids(grids, report), chosen, settings);

  const breakdowns = gridBreakdowns(table, orderGrid, grids.length, analysis.period);
  const gridOfBuilding = new Map(report.assignments.map((a) => [a.buildingId, a.gridId]));
  const repeats = analysis.repeats.map((r) => {
    const building = buildings[r.building]!.properties;
    const inMonth = r.orders.length;
    return {
      buildingId: building.id,
      building: building.name ?? building.address ?? building.id,
      address: building.address ?? null,
      gridId: gridOfBuilding.get(building.id) ?? null,
      category2: table.dictionaries.category2[r.category2]!,
      peak: r.peak,
      orders: inMonth,
      orderIds: r.orders.map((row) => table.ids[row]!),
    };
  });
  const communityNames = new Map(
    (dataset.communities?.features ?? []).map((c) => [c.properties.id, c.properties.name]),
  );
  const context: ComplaintReportContext = {
    streetName: dataset.street?.features[0]?.properties.name,
    communityName: (id) => communityNames.get(id),
    repeats,
    fileLines: imports.map(({ imported, encoding }) => importSummaryText(imported, encoding, lang)),
    importLines: imports.flatMap(({ imported }) =>
      imported.problems.map((g) => orderProblemGroupText(g, lang)),
    ),
  };
  console.log(complaintConsoleText(analysis, lang, context));

  const rowProblems = imports.flatMap(({ imported }) => imported.rowProblems);
  try {
    mkdirSync(args.outDir, { recursive: true });
    writeJsonLines(join(args.outDir, 'orders.json'), {
      month: chosen,
      period: {
        start: new Date(analysis.period.start).toISOString(),
        end: new Date(analysis.period.end).toISOString(),
      },
      files: imports.map(({ imported, encoding }) => ({
        file: imported.file,
        encoding,
        system: imported.system,
        fit: imported.fit,
        counts: imported.counts,
      })),
      street: {
        ...analysis.current.street,
        outsideGrids: analysis.current.outsideGrids,
        previousMonthOrders: analysis.previous.street.orders,
        lastYearOrders: analysis.lastYear.street.orders,
      },
      breakdown: analysis.breakdown,
      communities: analysis.current.communities,
      grids: analysis.current.grids.map((grid, i) => ({ ...grid, breakdown: breakdowns[i]! })),
      repeatComplaints: repeats,
      overdueOrders: {
        count: analysis.overdue.count,
        latest: analysis.overdue.rows.map((row) =>
          orderSummary(table, row, (b) => buildings[b]?.properties.id, analysis.period.end),
        ),
      },
      problems: imports.flatMap(({ imported }) => imported.problems),
      rowProblems: rowProblems.map((p) => ({ ...p, text: orderProblemText(p, lang) })),
    });
    writeFileSync(join(args.outDir, 'orders.md'), complaintMarkdown(analysis, lang, context));
  } catch (error) {
    console.error(cliMessage('unwritable', { path: args.outDir, ...systemReason(error) })[lang]);
    return EXIT.cannotRun;
  }
  console.log(`\n${cliMessage('orders-written', { dir: args.outDir })[lang]}`);
  return rowProblems.length === 0 ? EXIT.placed : EXIT.leftOut;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  const lang = parseCheckArgs(process.argv.slice(2)).lang;
  console.error(cliMessage('internal-error', { reason })[lang]);
  process.exitCode = EXIT.cannotRun;
}
