/**
 * Exports of the current briefing: one slide as a PNG (1920 × 1080 or 3840 × 2160), the whole
 * briefing as a PDF (one page a slide, 16:9 or landscape A4) or printed in the same layout. Each
 * slide's view is put back on the app (so its figures and legends are of today's data), its map
 * drawn again by a map of its own at the page's map size (ExportMap), and its page laid out once
 * (sheet-layout) and drawn by the PNG, PDF or print renderer. The view from before comes back
 * afterwards. Progress, the time each export took and any problem are shown in the panel.
 */
import type { Briefing } from '../../briefing/briefing.ts';
import { layoutSheet, type Paper, type SheetLayout } from '../../briefing/sheet-layout.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { app } from '../app-state.svelte.ts';
import { downloadBlob } from '../download.ts';
import { drawSheet } from './sheet-canvas.ts';
import { sheetContent } from './sheet-content.ts';
import { sheetFont, type SheetFont } from './sheet-font.ts';
import { applyView, captureView } from './slide-view.svelte.ts';

/** PNG sizes: output pixels per design unit of a 1920-wide page. */
export const PNG_SCALES = { 1080: 1, 2160: 2 } as const;
export type PngHeight = keyof typeof PNG_SCALES;

/** What the export map draws: the slide's camera at the page's map size. */
export interface ExportTarget {
  load: NonNullable<typeof app.mapLoad>;
  width: number;
  height: number;
  pixelRatio: number;
}

/** A page ready to print: its layout and its map picture (an object URL). */
export interface PrintPage {
  layout: SheetLayout;
  mapUrl: string;
}

export interface ExportTiming {
  kind: 'png' | 'pdf' | 'print';
  detail: string;
  pages: number;
  ms: number;
  bytes: number;
}

/** How long a map may take to draw before the export gives up. */
const DRAW_TIMEOUT_MS = 90_000;
const JPEG_QUALITY = 0.9;

const fileSafe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

class SheetExporter {
  target = $state.raw<ExportTarget | null>(null);
  progress = $state<{ done: number; total: number } | null>(null);
  paper = $state<Paper>('16:9');
  notice = $state<string | null>(null);
  problem = $state<string | null>(null);
  timings = $state.raw<ExportTiming[]>([]);
  printPages = $state.raw<PrintPage[]>([]);
  #drawn: ((canvas: HTMLCanvasElement) => void) | null = null;

  get busy(): boolean {
    return this.progress !== null;
  }

  /** Called by the export map once the asked view is drawn. */
  drawn(canvas: HTMLCanvasElement): void {
    this.#drawn?.(canvas);
  }

  /** Slide `index` as a PNG of 1920 × 1080 or 3840 × 2160 pixels. */
  async png(briefing: Briefing, index: number, height: PngHeight): Promise<void> {
    const scale = PNG_SCALES[height];
    await this.#run(
      'png',
      `${1920 * scale}×${height}`,
      [index],
      briefing,
      '16:9',
      scale,
      async (pages) => {
        const [{ layout, map }] = pages;
        const canvas = drawSheet(layout, map, scale);
        const blob = await new Promise<Blob>((resolve, reject) =>
          canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'),
        );
        const name = `${fileSafe(briefing.title)}-${index + 1}-${1920 * scale}x${height}.png`;
        downloadBlob(name, blob);
        return { name, bytes: blob.size };
      },
    );
  }

  /** The whole briefing as a PDF, one page a slide. */
  async pdf(briefing: Briefing): Promise<void> {
    const paper = this.paper;
    const all = briefing.slides.map((_, i) => i);
    await this.#run('pdf', paper, all, briefing, paper, 1, async (pages, font) => {
      const { sheetsPdf } = await import('../../briefing/sheet-pdf.ts');
      const pdfPages = await Promise.all(
        pages.map(async ({ layout, map }) => ({ layout, mapJpeg: await jpegBytes(map) })),
      );
      const bytes = await sheetsPdf(pdfPages, paper, font.bytes, {
        title: briefing.title,
        lang: i18n.locale,
        creator: i18n.t('app.title'),
      });
      const name = `${fileSafe(briefing.title)}.pdf`;
      downloadBlob(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
      return { name, bytes: bytes.length };
    });
  }

  /** Lays the briefing out for print (PrintSheets) and opens the browser's print dialog. */
  async print(briefing: Briefing): Promise<void> {
    const paper = this.paper;
    const all = briefing.slides.map((_, i) => i);
    await this.#run('print', paper, all, briefing, paper, 1, async (pages) => {
      for (const page of this.printPages) URL.revokeObjectURL(page.mapUrl);
      this.printPages = await Promise.all(
        pages.map(async ({ layout, map }) => ({
          layout,
          mapUrl: URL.createObjectURL(new Blob([await jpegBytes(map)], { type: 'image/jpeg' })),
        })),
      );
      // Let the print pages mount and their pictures decode before the dialog opens.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
      window.print();
      return { name: '', bytes: 0 };
    });
  }

  /**
   * Draws the pages of `indexes` (each slide's view put back, its map drawn, its page laid out),
   * hands them to `finish`, then puts back the view from before.
   */
  async #run(
    kind: ExportTiming['kind'],
    detail: string,
    indexes: readonly number[],
    briefing: Briefing,
    paper: Paper,
    scale: number,
    finish: (
      pages: [
        { layout: SheetLayout; map: HTMLCanvasElement },
        ...{ layout: SheetLayout; map: HTMLCanvasElement }[],
      ],
      font: SheetFont,
    ) => Promise<{ name: string; bytes: number }>,
  ): Promise<void> {
    if (this.busy || indexes.length === 0) return;
    const started = performance.now();
    const before = captureView();
    this.problem = this.notice = null;
    this.progress = { done: 0, total: indexes.length };
    const cut: number[] = [];
    try {
      const font = await sheetFont();
      const now = new Date();
      const pages: { layout: SheetLayout; map: HTMLCanvasElement }[] = [];
      for (const index of indexes) {
        await applyView(briefing.slides[index]!.view);
        const layout = layoutSheet(sheetContent(briefing, index, now), paper, font.measure);
        if (layout.cut.includes('note')) cut.push(index + 1);
        pages.push({ layout, map: await this.#drawMap(briefing, index, layout, scale) });
        this.progress = { done: pages.length, total: indexes.length };
      }
      const { name, bytes } = await finish(pages as Parameters<typeof finish>[0], font);
      const ms = Math.round(performance.now() - started);
      this.timings = [...this.timings, { kind, detail, pages: pages.length, ms, bytes }];
      this.notice = [
        name ? i18n.t('export.done', { file: name, seconds: i18n.number(ms / 1000, 1) }) : '',
        ...cut.map((page) => i18n.t('export.cut', { page })),
      ]
        .filter(Boolean)
        .join(' ');
    } catch (error) {
      this.problem = i18n.t('export.failed', {
        reason: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.target = null;
      this.#drawn = null;
      this.progress = null;
      if (before) await applyView(before);
    }
  }

  /** The map of a slide drawn at its page's map size, copied off the export map's canvas. */
  #drawMap(
    briefing: Briefing,
    index: number,
    layout: SheetLayout,
    scale: number,
  ): Promise<HTMLCanvasElement> {
    const load = app.mapLoad;
    if (!load) return Promise.reject(new Error('no street loaded'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(i18n.t('export.timeout', { seconds: DRAW_TIMEOUT_MS / 1000 }))),
        DRAW_TIMEOUT_MS,
      );
      this.#drawn = (canvas) => {
        clearTimeout(timer);
        this.#drawn = null;
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        copy.getContext('2d')!.drawImage(canvas, 0, 0);
        resolve(copy);
      };
      this.target = {
        load: { ...load, camera: { ...briefing.slides[index]!.view.camera } },
        width: layout.map.w,
        height: layout.map.h,
        pixelRatio: scale,
      };
    });
  }
}

function jpegBytes(canvas: HTMLCanvasElement): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? void blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject)
          : reject(new Error('toBlob')),
      'image/jpeg',
      JPEG_QUALITY,
    ),
  );
}

export const exporter = new SheetExporter();
