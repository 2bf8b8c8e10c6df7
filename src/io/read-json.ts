/**
 * Turns a file's text into a JSON value, or into one clear whole-file problem: an empty file, a
 * spreadsheet (CSV/Excel) handed over as GeoJSON, or malformed JSON with the line and column of
 * the syntax error when the JavaScript engine reports where it stopped.
 */
import type { Problem } from '../domain/problems.ts';
import { makeProblem } from './messages.ts';

export type ReadJsonResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/**
 * Parses `text` (a leading byte-order mark is ignored) as JSON.
 * @example
 * readJson('grids.geojson', '{"type":"FeatureCollection","features":[]}'); // { ok: true, value: {…} }
 * readJson('grids.geojson', '{"type": }').ok; // false, problem code 'not-json' at line 1, column 10
 */
export function readJson(name: string, text: string): ReadJsonResult {
  const where = { file: name, featureIndex: null, featureId: null };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, problem: makeProblem(where, 'empty-file', 'error', null) };
  }
  if (/\.xlsx?$/i.test(name) || body.startsWith('PK\u0003\u0004')) {
    return {
      ok: false,
      problem: makeProblem(where, 'table-not-geojson', 'error', null, { format: 'Excel' }),
    };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    if (/\.(csv|tsv)$/i.test(name) || looksLikeCsv(body)) {
      return {
        ok: false,
        problem: makeProblem(where, 'table-not-geojson', 'error', null, { format: 'CSV' }),
      };
    }
    const detail = error instanceof Error ? error.message : String(error);
    const at = syntaxErrorLocation(detail, body);
    return {
      ok: false,
      problem: makeProblem(where, 'not-json', 'error', null, { detail, ...at }),
    };
  }
}

/** A first line with commas or tabs that does not open a JSON object or array. */
function looksLikeCsv(text: string): boolean {
  const trimmed = text.trimStart();
  if (/^[{["]/.test(trimmed)) return false;
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  return /[,\t，]/.test(firstLine);
}

/**
 * Where JSON.parse stopped, from its message: V8 says “at position N” (or “line L column C” in
 * newer versions), Firefox “at line L column C”, and an unexpected end means the end of the text.
 * Safari names no place: then there is no location.
 */
export function syntaxErrorLocation(
  message: string,
  text: string,
): { line: number; column: number } | Record<string, never> {
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/i.exec(message);
  if (position) return lineAndColumn(text, Number(position[1]));
  if (/unexpected end/i.test(message)) return lineAndColumn(text, text.length);
  return {};
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  let line = 1;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
  return { line, column: before.length - lastBreak };
}
