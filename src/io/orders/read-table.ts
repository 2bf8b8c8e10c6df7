/**
 * A table file's bytes as rows of text cells, handed over one row at a time so a million rows are
 * never held as strings all at once. CSV: the encoding found from a byte-order mark, else UTF-8
 * when the bytes are valid UTF-8, else GBK (what Excel on a Chinese Windows writes); the delimiter
 * (comma, tab or semicolon) the one the header line uses most; rows cut by d3-dsv (RFC 4180,
 * quoted cells across lines; well-kept, and twice as fast as papaparse on a million rows). XLSX:
 * the first sheet read by read-excel-file (maintained, unlike the `xlsx` 0.18 left on the public
 * registry with known vulnerabilities); its date cells become local times as written in the sheet
 * (read as Beijing time later), numbers and yes/no cells become text.
 */
import { dsvFormat } from 'd3-dsv';
import { readSheet } from 'read-excel-file/universal';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export interface TableRows {
  /** The text encoding of a CSV file; null for a spreadsheet. */
  encoding: TextEncoding | null;
  /** About how many rows there are (lines of a CSV, rows of a sheet), for a progress bar. */
  estimatedRows: number;
  /** Calls `visit` with each row's cells, top to bottom, once; stops when it returns false. */
  forEachRow(visit: (cells: readonly string[]) => boolean | void): void;
}

/** Thrown out of d3-dsv's row callback to stop reading: its parser has no other way out. */
const STOP = Symbol('stop reading');

/**
 * @example
 * detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])); // 'utf-8'
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** The text of the bytes in their encoding, without a byte-order mark. */
export function decodeText(bytes: Uint8Array, encoding = detectEncoding(bytes)): string {
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}

/** The delimiter the first line uses most: comma, tab or semicolon (comma when none). */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best: ',' | '\t' | ';' = ',';
  let most = 0;
  for (const delimiter of [',', '\t', ';'] as const) {
    const count = line.split(delimiter).length - 1;
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

/**
 * @example
 * const table = readCsvRows(bytes);
 * table.forEachRow((cells) => …); // ['工单号', '受理时间', …], then each order's cells
 */
export function readCsvRows(bytes: Uint8Array): TableRows {
  const encoding = detectEncoding(bytes);
  const text = decodeText(bytes, encoding);
  const parser = dsvFormat(detectDelimiter(text));
  return {
    encoding,
    estimatedRows: lineCount(text),
    forEachRow(visit) {
      try {
        parser.parseRows(text, (cells) => {
          const blank = cells.length <= 1 && (cells[0] ?? '').trim() === '';
          if (!blank && visit(cells) === false) throw STOP;
          return null;
        });
      } catch (error) {
        if (error !== STOP) throw error;
      }
    },
  };
}

/** The lines of a text (quoted line breaks count too, so rows are at most this many). */
function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** Whether bytes are an XLSX workbook (a zip archive). */
export function isSpreadsheet(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The first sheet of an XLSX workbook as text cells.
 * @example
 * (await readXlsxRows(bytes)).forEachRow((cells) => …);
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<TableRows> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const sheet = await readSheet(buffer as ArrayBuffer);
  return {
    encoding: null,
    estimatedRows: sheet.length,
    forEachRow(visit) {
      for (const row of sheet) if (visit(row.map(cellText)) === false) return;
    },
  };
}

/**
 * A sheet cell as text. A date cell holds the time written in the sheet as if it were UTC; it
 * is written back as that wall-clock time, to the nearest second (serial day numbers round).
 */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const d = new Date(Math.round(cell.getTime() / 1000) * 1000);
    return d.toISOString().slice(0, 19).replace('T', ' ');
  }
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell);
}

/**
 * A table file's rows, CSV or XLSX told by its bytes.
 * @example
 * (await readTableRows(bytes)).encoding; // 'gbk', or null for a spreadsheet
 */
export async function readTableRows(bytes: Uint8Array): Promise<TableRows> {
  return isSpreadsheet(bytes) ? readXlsxRows(bytes) : readCsvRows(bytes);
}
