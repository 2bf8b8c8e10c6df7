/**
 * A briefing as one file (JSON, `.gridatlas-briefing.json`), to take to another machine with the
 * same street data: written with its format and version, read back checked slide by slide. What
 * cannot be read is a problem with a code and its reason, put into words by the UI.
 */
import { briefingProblem } from './briefing-checks.ts';
import type { Briefing } from './briefing.ts';

export const BRIEFING_FORMAT = 'gridatlas-briefing';
export const BRIEFING_FILE_VERSION = 1;

export type BriefingFileRead =
  | { ok: true; briefing: Briefing }
  | { ok: false; problem: { code: 'not-json' | 'not-briefing' | 'too-new'; reason: string } };

/**
 * @example
 * downloadText(`${briefing.title}.gridatlas-briefing.json`, briefingFileText(briefing), 'application/json');
 */
export function briefingFileText(briefing: Briefing): string {
  return `${JSON.stringify({ format: BRIEFING_FORMAT, version: BRIEFING_FILE_VERSION, briefing }, null, 2)}\n`;
}

/**
 * @example
 * const read = readBriefingFile(text);
 * read.ok && read.briefing.slides.length; // 3
 */
export function readBriefingFile(text: string): BriefingFileRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { code: 'not-json', reason: String(error) } };
  }
  const file = value as { format?: unknown; version?: unknown; briefing?: unknown } | null;
  if (typeof file !== 'object' || file === null || file.format !== BRIEFING_FORMAT)
    return { ok: false, problem: { code: 'not-briefing', reason: 'no gridatlas-briefing format' } };
  if (typeof file.version !== 'number' || file.version > BRIEFING_FILE_VERSION)
    return { ok: false, problem: { code: 'too-new', reason: `version ${String(file.version)}` } };
  const problem = briefingProblem(file.briefing);
  if (problem !== null) return { ok: false, problem: { code: 'not-briefing', reason: problem } };
  return { ok: true, briefing: file.briefing as Briefing };
}
