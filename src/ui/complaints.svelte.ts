/**
 * The complaint analysis on its tab: a month's figures for the plan on screen, asked of the data
 * worker (which holds the orders), and the imports of 12345 exports with what each brought. A
 * newer request makes an older answer that comes later count for nothing.
 */
import type { CoordinateSystem } from '../analysis/complaints/coordinate-systems.ts';
import { proxy } from 'comlink';
import { i18n } from '../i18n/i18n.svelte.ts';
import { orderProblemText } from '../io/orders/order-problems.ts';
import type { ComplaintMonthView, OrderImportView } from '../workers/complaints-api.ts';
import { callDataWorker } from '../workers/data-client.ts';
import { downloadText } from './download.ts';

class Complaints {
  view = $state.raw<ComplaintMonthView | null>(null);
  /** The month asked for; null for the latest complete one. */
  month = $state<string | null>(null);
  /** The second-level category the figures are narrowed to; null for all. */
  category = $state<string | null>(null);
  loading = $state(false);
  importing = $state(false);
  /** Rows read of the file being imported, and about how many it has. */
  progress = $state<{ file: string; rows: number; estimated: number } | null>(null);
  imports = $state.raw<OrderImportView[]>([]);
  system = $state<CoordinateSystem | 'auto'>('auto');
  error = $state<string | null>(null);
  #ticket = 0;

  /** Asks for the month's figures of the plan on screen. */
  async refresh(): Promise<void> {
    const ticket = ++this.#ticket;
    this.loading = true;
    try {
      const { month, category } = this;
      const view = await callDataWorker((w) => w.complaintMonth(month, category));
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

  /** Narrows the figures, the trend and the heatmap to one category (null: all). */
  async narrow(category: string | null): Promise<void> {
    this.category = category;
    await this.refresh();
  }

  /** Imports CSV or XLSX exports, one after another, then shows the figures with them. */
  async importFiles(files: readonly File[]): Promise<void> {
    this.importing = true;
    this.error = null;
    try {
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const system = this.system;
        this.progress = { file: file.name, rows: 0, estimated: 0 };
        const onProgress = proxy((rows: number, estimated: number) => {
          this.progress = { file: file.name, rows, estimated };
        });
        const imported = await callDataWorker((w) =>
          w.importOrders(file.name, bytes, system, onProgress),
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
    this.category = null;
    this.imports = [];
    this.error = null;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const complaints = new Complaints();
