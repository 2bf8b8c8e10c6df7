/**
 * CLI: `npm run check -- <folder or files…> [--lang zh|en] [--out <dir>]` checks a street's grid
 * plan from its GeoJSON layer files the way the app does (same loader, same coverage engine),
 * prints the verdict, street totals and every problem, and writes report.json and report.md.
 * Exit code 0 when every rule holds, 1 when a rule is violated or the input has errors, 2 when the
 * check cannot run (usage error, unreadable path, no usable communities or grids).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoverageEngine, inputFromLoad } from '../src/analysis/coverage/engine.ts';
import {
  loadProblemLine,
  reportConsoleText,
  reportMarkdown,
  type ReportContext,
} from '../src/reports/report-markdown.ts';
import { checkVerdict } from '../src/reports/verdict.ts';
import { DEFAULT_SETTINGS } from '../src/domain/settings.ts';
import { loadFiles, type LoadResult } from '../src/io/load-files.ts';
import { layerLabel } from '../src/io/messages.ts';
import { parseCheckArgs } from './check/args.ts';
import { cliMessage, systemReason } from './check/messages.ts';
import { readInputs } from './check/read-inputs.ts';
import { writeJsonLines } from './check/write-json.ts';

const EXIT = { passed: 0, violated: 1, cannotRun: 2 } as const;

/** Layers without which there is nothing to check. */
const REQUIRED_LAYERS = ['communities', 'grids'] as const;

function run(argv: readonly string[]): number {
  const args = parseCheckArgs(argv);
  if (args.kind === 'help') {
    console.log(cliMessage('usage')[args.lang]);
    return EXIT.passed;
  }
  const { lang } = args;
  if (args.kind === 'error') {
    console.error(`${args.message[lang]}\n\n${cliMessage('usage')[lang]}`);
    return EXIT.cannotRun;
  }

  const inputs = readInputs(args.paths);
  for (const error of inputs.errors) console.error(error[lang]);
  if (inputs.errors.length > 0) return EXIT.cannotRun;

  const settings = DEFAULT_SETTINGS;
  const result = loadFiles(inputs.files, settings);
  const missing = REQUIRED_LAYERS.filter((layer) => !result.dataset[layer]);
  if (missing.length > 0) {
    for (const g of result.problems) console.error(loadProblemLine(g, lang));
    const labels = missing.map((layer) => layerLabel(layer));
    const message = cliMessage('missing-layers', {
      layersZh: labels.map((l) => l.zh).join('、'),
      layersEn: labels.map((l) => l.en).join(' and '),
    });
    console.error(message[lang]);
    return EXIT.cannotRun;
  }

  const report = new CoverageEngine(inputFromLoad(result), settings).report();
  const verdict = checkVerdict(report, result.problems);
  const sourceFiles = inputs.files.map((f) => f.name);
  const context = reportContext(result, { sourceFiles, settings, verdict });
  console.log(reportConsoleText(report, lang, context));

  try {
    mkdirSync(args.outDir, { recursive: true });
    const json = {
      sourceFiles,
      verdict,
      ...report,
      // The same problem on many features is one group with its count and a few examples.
      loadProblems: result.problems,
    };
    writeJsonLines(join(args.outDir, 'report.json'), json);
    writeFileSync(join(args.outDir, 'report.md'), reportMarkdown(report, lang, context));
  } catch (error) {
    console.error(cliMessage('unwritable', { path: args.outDir, ...systemReason(error) })[lang]);
    return EXIT.cannotRun;
  }
  console.log(`\n${cliMessage('written', { dir: args.outDir })[lang]}`);
  return verdict.passed ? EXIT.passed : EXIT.violated;
}

/** The written report's context: what the run already has, and names from what was loaded. */
function reportContext(
  result: LoadResult,
  given: Pick<ReportContext, 'sourceFiles' | 'settings' | 'verdict'>,
): ReportContext {
  const names = new Map(
    (result.dataset.communities?.features ?? []).map((c) => [c.properties.id, c.properties.name]),
  );
  const streetName = result.dataset.street?.features[0]?.properties.name;
  const context: ReportContext = {
    ...given,
    loadProblems: result.problems,
    communityName: (id) => names.get(id),
  };
  if (streetName) context.streetName = streetName;
  return context;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  const lang = parseCheckArgs(process.argv.slice(2)).lang;
  console.error(cliMessage('internal-error', { reason })[lang]);
  process.exitCode = EXIT.cannotRun;
}
