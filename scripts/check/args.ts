/**
 * The command line of the CLIs, parsed without touching the disk: paths to read, the output
 * language (--lang zh|en or --lang=en), the output folder (--out, by default ./gridatlas-report
 * for the check) and any options of the tool's own (--month for the orders), or a request for
 * help, or a usage error in both languages.
 */
import type { ReportLang } from '../../src/reports/number-format.ts';
import { cliMessage, type CliMessage } from './messages.ts';

export const DEFAULT_OUT_DIR = 'gridatlas-report';

export type CheckArgs =
  | {
      kind: 'run';
      paths: string[];
      lang: ReportLang;
      outDir: string;
      /** Values of the tool's own options, by option name (`--month` → '2026-10'). */
      options: Readonly<Record<string, string>>;
    }
  | { kind: 'help'; lang: ReportLang }
  | { kind: 'error'; lang: ReportLang; message: CliMessage };

const LANGS: readonly string[] = ['zh', 'en'];

/**
 * Parses the arguments after the script name.
 * @example
 * parseCheckArgs(['data', '--lang=en']); // { kind: 'run', paths: ['data'], lang: 'en', outDir: 'gridatlas-report', options: {} }
 * parseCheckArgs(['--lang', 'fr']).kind; // 'error'
 */
export function parseCheckArgs(
  argv: readonly string[],
  defaultOutDir = DEFAULT_OUT_DIR,
  ownOptions: readonly string[] = [],
): CheckArgs {
  const paths: string[] = [];
  const options: Record<string, string> = {};
  let lang: ReportLang = 'zh';
  let outDir = defaultOutDir;
  let help = false;
  let error: CliMessage | null = null;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [option, inline] = splitOption(arg);
    if (option !== '--lang' && option !== '--out' && !ownOptions.includes(option)) {
      error ??= cliMessage('unknown-option', { option: arg });
      continue;
    }
    const next = argv[i + 1];
    const value = inline ?? (next?.startsWith('--') ? undefined : next);
    if (inline === undefined && value !== undefined) i++;
    if (value === undefined || value === '') {
      error ??= cliMessage('missing-value', { option });
      continue;
    }
    if (ownOptions.includes(option)) options[option] = value;
    else if (option === '--out') outDir = value;
    else if (LANGS.includes(value)) lang = value as ReportLang;
    else error ??= cliMessage('bad-lang', { value });
  }

  if (help) return { kind: 'help', lang };
  if (error) return { kind: 'error', lang, message: error };
  if (paths.length === 0) return { kind: 'error', lang, message: cliMessage('no-paths') };
  return { kind: 'run', paths, lang, outDir, options };
}

/** `--lang=en` → ['--lang', 'en']; `--lang` → ['--lang', undefined]. */
function splitOption(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return at < 0 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)];
}
