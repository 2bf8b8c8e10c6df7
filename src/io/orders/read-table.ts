/**
 * A table file's bytes as rows of text cells. CSV: the encoding found from a byte-order mark, else
 * UTF-8 when the bytes are valid UTF-8, else GBK (what Excel on a Chinese Windows writes); the
 * delimiter (comma, tab, semicolon) found by papaparse, a well-kept and fast CSV parser that
 * handles quoted cells across lines. XLSX: the first sheet read by read-excel-file (maintained,
 * unlike the `xlsx` 0.18 left on the public registry with known vulnerabilities); its date cells
 * become local times as written in the sheet (read as Beijing time later), numbers and yes/no
 * cells become text.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export interface TableRows {
  /** The text encoding of a CSV file; null for a spreadsheet. */
  encoding: TextEncoding | null;
  rows: string[][];
  /** Rows papaparse could not read cleanly (1-based row numbers), with its reason. */
  syntaxErrors: { row: number; reason: string }[];
}

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

/**
 * @example
 * readCsvRows(bytes).rows[0]; // ['工单号', '受理时间', …]
 */
export function readCsvRows(bytes: Uint8Array): TableRows {
  const encoding = detectEncoding(bytes);
  const parsed = Papa.parse<string[]>(decodeText(bytes, encoding), { skipEmptyLines: 'greedy' });
  return {
    encoding,
    rows: parsed.data,
    syntaxErrors: parsed.errors
      .filter((e) => e.code !== 'UndetectableDelimiter')
      .map((e) => ({ row: (e.row ?? 0) + 1, reason: e.message })),
  };
}

/** Whether bytes are an XLSX workbook (a zip archive). */
export function isSpreadsheet(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The first sheet of an XLSX workbook as text cells.
 * @example
 * (await readXlsxRows(bytes)).rows[2]; // ['工单号', '受理时间', …]
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<TableRows> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const sheet = await readSheet(buffer as ArrayBuffer);
  return { encoding: null, rows: sheet.map((row) => row.map(cellText)), syntaxErrors: [] };
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
