/**
 * The complaint analysis on its tab: a month's figures for the plan on screen, asked of the data
 * worker (which holds the orders), and the imports of 12345 exports with what each brought. A
 * file whose header lacks a required field (or any file, when the user asks) is imported with
 * the columns the user maps in a dialog, remembered for the next file with the same columns. A
 * newer request makes an older answer that comes later count for nothing.
 */
import type { CoordinateSystem } from '../analysis/complaints/coordinate-systems.ts';
import { DEFAULT_HEXAGON_M } from '../analysis/complaints/hex-bins.ts';
import { NO_FILTER, type OrderFilter } from '../analysis/complaints/order-filter.ts';
import { proxy } from 'comlink';
import { i18n } from '../i18n/i18n.svelte.ts';
import { rememberedMapping, rememberMapping } from '../io/order-mappings.ts';
import type { ColumnsPreview } from '../io/orders/column-preview.ts';
import type { OrderImportOptions } from '../io/orders/import-orders.ts';
import type { ColumnMapping } from '../io/orders/order-columns.ts';
import { orderProblemText } from '../io/orders/order-problems.ts';
import { headerSignature, rememberedHeader } from '../io/orders/remembered-columns.ts';
import type { OrderImportView } from '../workers/complaints-api.ts';
import type { ComplaintMonthView } from '../workers/complaint-views.ts';
import { callDataWorker } from '../workers/data-client.ts';
import { downloadText } from './download.ts';

/** A file whose columns the user is asked to map. */
export interface ColumnsQuestion {
  file: string;
  preview: ColumnsPreview;
  /** The mapping the dialog starts from: the one remembered for these columns, or the one found. */
  mapping: ColumnMapping;
}

class Complaints {
  view = $state.raw<ComplaintMonthView | null>(null);
  /** The month asked for; null for the latest complete one. */
  month = $state<string | null>(null);
  /** Which orders the figures, charts and map look at. */
  filter = $state.raw<OrderFilter>(NO_FILTER);
  /** The size of the map's hexagons, metres from centre to corner. */
  hexagonM = $state(DEFAULT_HEXAGON_M);
  loading = $state(false);
  importing = $state(false);
  /** Rows read of the file being imported, and about how many it has. */
  progress = $state<{ file: string; rows: number; estimated: number } | null>(null);
  imports = $state.raw<OrderImportView[]>([]);
  system = $state<CoordinateSystem | 'auto'>('auto');
  error = $state<string | null>(null);
  /** The file whose columns the dialog asks about, or null. */
  columns = $state.raw<ColumnsQuestion | null>(null);
  #answerColumns: ((mapping: ColumnMapping | null) => void) | null = null;
  #ticket = 0;
  /** The last refresh started. */
  #latest: Promise<void> = Promise.resolve();

  /** Asks for the month's figures of the plan on screen. */
  refresh(): Promise<void> {
    const run = this.#load(++this.#ticket);
    this.#latest = run;
    return this.settled();
  }

  /** Resolves once the latest refresh asked for has shown its view (or failed). */
  async settled(): Promise<void> {
    let current: Promise<void> | null = null;
    while (current !== this.#latest) {
      current = this.#latest;
      await current;
    }
  }

  async #load(ticket: number): Promise<void> {
    this.loading = true;
    try {
      const { month, filter, hexagonM } = this;
      const view = await callDataWorker((w) => w.complaintMonth(month, filter, hexagonM));
      if (ticket !== this.#ticket) return;
      this.view = view;
      this.error = null;
    } catch (error) {
      if (ticket === this.#ticket)
        this.error = i18n.t('orders.failed', { reason: reasonOf(error) });
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  /** Shows another month. */
  async show(month: string): Promise<void> {
    this.month = month;
    await this.refresh();
  }

  /** Changes part of the filter (categories, sources, statuses, overdue, dates, area). */
  async narrow(patch: Partial<OrderFilter>): Promise<void> {
    this.filter = { ...this.filter, ...patch };
    await this.refresh();
  }

  /** Draws the hexagons at another size. */
  async resize(hexagonM: number): Promise<void> {
    this.hexagonM = hexagonM;
    await this.refresh();
  }

  /**
   * Imports CSV or XLSX exports, one after another, then shows the figures with them.
   * `mapColumns`: the user maps every file's columns, not only those whose header lacks a field.
   */
  async importFiles(files: readonly File[], mapColumns = false): Promise<void> {
    this.importing = true;
    this.error = null;
    try {
      for (const file of files) {
        const system = this.system;
        this.progress = { file: file.name, rows: 0, estimated: 0 };
        const mapping = await this.#mappingFor(file, mapColumns);
        if (!mapping) continue;
        const onProgress = proxy((rows: number, estimated: number) => {
          this.progress = { file: file.name, rows, estimated };
        });
        const imported = await callDataWorker((w) =>
          w.importOrders(file.name, file, system, onProgress, mapping),
        );
        this.imports = [...this.imports, imported];
      }
      await this.refresh();
    } catch (error) {
      this.error = i18n.t('orders.failed', { reason: reasonOf(error) });
    } finally {
      this.importing = false;
      this.progress = null;
    }
  }

  /**
   * The columns to import `file` with: those remembered for its header, else those found; asked
   * of the user when they lack a required field or `ask`. Null when the user cancels.
   */
  async #mappingFor(file: File, ask: boolean): Promise<OrderImportOptions['mapping'] | null> {
    const preview = await callDataWorker((w) => w.previewOrderColumns(file));
    const signature = headerSignature(preview.headers);
    const header = rememberedHeader(preview, rememberedMapping(signature));
    let { mapping } = header;
    if (ask || header.missing.length > 0) {
      const chosen = await new Promise<ColumnMapping | null>((resolve) => {
        this.#answerColumns = resolve;
        this.columns = { file: file.name, preview, mapping };
      });
      if (!chosen) return null;
      rememberMapping(signature, chosen);
      mapping = chosen;
    }
    return { headerRows: header.headerRows, mapping };
  }

  /** The dialog's answer: the columns as the user mapped them, or null to import nothing. */
  answerColumns(mapping: ColumnMapping | null): void {
    const answer = this.#answerColumns;
    this.#answerColumns = null;
    this.columns = null;
    answer?.(mapping);
  }

  /** Downloads every row an import left out or could not place, with the reason, as CSV. */
  downloadRowProblems(imported: OrderImportView): void {
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const lines = [
      [i18n.t('orders.rows.row'), i18n.t('orders.rows.id'), i18n.t('orders.rows.reason')].join(','),
      ...imported.rowProblems.map((p) =>
        [p.row ?? '', quote(p.orderId ?? ''), quote(orderProblemText(p, i18n.lang))].join(','),
      ),
    ];
    const name = `${imported.file}.${i18n.t('orders.rows.file')}.csv`;
    downloadText(name, `\ufeff${lines.join('\r\n')}\r\n`, 'text/csv');
  }

  /** Forgets what belonged to the previous street. */
  clear(): void {
    this.#ticket++;
    this.view = null;
    this.month = null;
    this.filter = NO_FILTER;
    this.imports = [];
    this.error = null;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const complaints = new Complaints();
