/**
 * CLI: `npm run suggest -- <folder or files…> [--out <dir>] [--lang zh|en]` suggests a plan for a
 * street from its GeoJSON layer files, read with the app's loader and checked by the app's
 * coverage engine before and after: every community's comprehensive grids within the norms,
 * moving as few households as it can (src/analysis/suggest/). It prints the summary and writes
 * grids.geojson (the suggested grids layer), changes.md and changes.csv (the change report,
 * 调整说明) and suggestion.json (the figures). Exit code 0 when every community meets the
 * norms, 1 when some community cannot (each named, with the reason) or the input has errors, 2
 * when the suggestion cannot run (usage error, unreadable path, missing layers).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changeReportCsv, changeReportMarkdown } from '../src/reports/change-report.ts';
import { inputFromLoad } from '../src/analysis/coverage/engine.ts';
import { loadProblemLine } from '../src/reports/report-markdown.ts';
import { runSuggestion } from '../src/analysis/suggest/suggestion-run.ts';
import { suggestionSummary } from '../src/analysis/suggest/suggestion-text.ts';
import { DEFAULT_SETTINGS } from '../src/domain/settings.ts';
import { loadFiles } from '../src/io/load-files.ts';
import { layerLabel } from '../src/io/messages.ts';
import { exportPlanGeoJSON } from '../src/io/plan-geojson.ts';
import { parseCheckArgs } from './check/args.ts';
import { cliMessage, systemReason } from './check/messages.ts';
import { readInputs } from './check/read-inputs.ts';
import { writeJsonLines } from './check/write-json.ts';

const EXIT = { met: 0, shortfall: 1, cannotRun: 2 } as const;
const DEFAULT_OUT_DIR = 'gridatlas-suggestion';
const REQUIRED_LAYERS = ['communities', 'grids', 'buildings'] as const;
const PLAN_NAMES = {
  zh: { before: '现状', after: '建议方案' },
  en: { before: 'Today', after: 'Suggested plan' },
};

function run(argv: readonly string[]): number {
  const args = parseCheckArgs(argv, DEFAULT_OUT_DIR);
  if (args.kind === 'help') {
    console.log(cliMessage('suggest-usage')[args.lang]);
    return EXIT.met;
  }
  const { lang } = args;
  if (args.kind === 'error') {
    console.error(`${args.message[lang]}\n\n${cliMessage('suggest-usage')[lang]}`);
    return EXIT.cannotRun;
  }
  const inputs = readInputs(args.paths);
  for (const error of inputs.errors) console.error(error[lang]);
  if (inputs.errors.length > 0) return EXIT.cannotRun;

  const settings = DEFAULT_SETTINGS;
  const loaded = loadFiles(inputs.files, settings);
  for (const g of loaded.problems) console.error(loadProblemLine(g, lang));
  const missing = REQUIRED_LAYERS.filter((layer) => !loaded.dataset[layer]);
  if (missing.length > 0) {
    const labels = missing.map((layer) => layerLabel(layer));
    const message = cliMessage('suggest-missing-layers', {
      layersZh: labels.map((l) => l.zh).join('、'),
      layersEn: labels.map((l) => l.en).join(' and '),
    });
    console.error(message[lang]);
    return EXIT.cannotRun;
  }

  const input = inputFromLoad(loaded);
  const { suggestion, comparison, figures } = runSuggestion(input, settings);
  console.log(suggestionSummary(figures, lang).join('\n'));

  const gridNames = new Map<string, string>();
  for (const grid of [...input.grids, ...suggestion.grids])
    if (grid.properties.name) gridNames.set(grid.properties.id, grid.properties.name);
  const names = PLAN_NAMES[lang];
  try {
    mkdirSync(args.outDir, { recursive: true });
    const write = (file: string, text: string) => writeFileSync(join(args.outDir, file), text);
    write('grids.geojson', exportPlanGeoJSON(suggestion.grids, { name: names.after }));
    write(
      'changes.md',
      changeReportMarkdown(comparison, {
        lang,
        beforeName: names.before,
        afterName: names.after,
        gridNames,
      }),
    );
    write('changes.csv', changeReportCsv(comparison, { lang, gridNames }));
    const sourceFiles = inputs.files.map((f) => f.name);
    writeJsonLines(join(args.outDir, 'suggestion.json'), { sourceFiles, ...figures });
  } catch (error) {
    console.error(cliMessage('unwritable', { path: args.outDir, ...systemReason(error) })[lang]);
    return EXIT.cannotRun;
  }
  console.log(`\n${cliMessage('suggest-written', { dir: args.outDir })[lang]}`);
  const loadErrors = loaded.problems.some((p) => p.severity === 'error');
  return figures.meetsNorms && !loadErrors ? EXIT.met : EXIT.shortfall;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  const lang = parseCheckArgs(process.argv.slice(2)).lang;
  console.error(cliMessage('internal-error', { reason })[lang]);
  process.exitCode = EXIT.cannotRun;
}
