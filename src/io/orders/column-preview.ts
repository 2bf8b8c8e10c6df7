/**
 * A first look at a work-order table before it is imported, for the column dialog: the header as
 * the import finds it and the first data rows below it, so the user sees what each column holds.
 * Reading stops after those rows.
 */
import { HEADER_ROWS_TRIED } from './import-orders.ts';
import { findHeader, type HeaderFound } from './order-columns.ts';
import type { TableRows } from './read-table.ts';

/** Data rows shown under each column. */
export const SAMPLE_ROWS = 5;

export interface ColumnsPreview extends HeaderFound {
  /** The cells of the first data rows, below the header. */
  samples: string[][];
}

/**
 * @example
 * const preview = previewColumns(readCsvRows(bytes));
 * preview.headers; // ['Ticket', 'Opened', 'Type', …]
 * preview.samples[0]; // ['EN1', '2026-10-01 09:30:00', '供水', …]
 */
export function previewColumns(table: TableRows, sampleRows = SAMPLE_ROWS): ColumnsPreview {
  const rows: string[][] = [];
  const wanted = HEADER_ROWS_TRIED + sampleRows;
  table.forEachRow((cells) => rows.push([...cells]) < wanted);
  const header = findHeader(rows, HEADER_ROWS_TRIED);
  return { ...header, samples: rows.slice(header.headerRows, header.headerRows + sampleRows) };
}
