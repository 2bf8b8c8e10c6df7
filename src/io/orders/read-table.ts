/**
 * A CSV file's bytes as rows of cells: the encoding found from a byte-order mark, else UTF-8 when
 * the bytes are valid UTF-8, else GBK (what Excel on a Chinese Windows writes); the delimiter
 * (comma, tab, semicolon) found by papaparse, a well-kept and fast CSV parser that handles quoted
 * cells across lines.
 */
import Papa from 'papaparse';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export interface TableRows {
  encoding: TextEncoding;
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
