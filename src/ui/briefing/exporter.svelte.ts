/**
 * Exports of the current briefing: one slide as a PNG (1920 × 1080 or 3840 × 2160), the whole
 * briefing as a PDF (one page a slide, 16:9 or landscape A4) or printed in the same layout. Each
 * slide's view is put back on the app (so its figures and legends are of today's data), the map
 * draws it again at the page's map size and pixel ratio under a cover (ExportCover), and its page
 * is laid out once (sheet-layout) and drawn by the PNG, PDF or print renderer. The map and the
 * view from before come back afterwards. Progress, the time an export took and any problem are
 * shown.
 */
import type { Briefing } from '../../briefing/briefing.ts';
import { layoutSheet, type Paper, type SheetLayout } from '../../briefing/sheet-layout.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import type { MapFrame } from '../../map/map-frame.ts';
import { downloadBlob } from '../download.ts';
import { mapPicture } from './map-picture.ts';
import { drawSheet } from './sheet-canvas.ts';
import { sheetContent } from './sheet-content.ts';
import { sheetFont, type SheetFont } from './sheet-font.ts';
import { applyView, captureView } from './slide-view.svelte.ts';

/** PNG sizes: output pixels per design unit of a 1920-wide page. */
export const PNG_SCALES = { 1080: 1, 2160: 2 } as const;
export type PngHeight = keyof typeof PNG_SCALES;

/** A page ready to print: its layout and its map picture (an object URL). */
export interface PrintPage {
  layout: SheetLayout;
  mapUrl: string;
}

/** How long a map may take to draw before the export gives up. */
const DRAW_TIMEOUT_MS = 90_000;
const JPEG_QUALITY = 0.9;

const fileSafe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

class SheetExporter {
  /** The map's size while it draws a page's picture, and a request for the picture. */
  frame = $state.raw<MapFrame | null>(null);
  capture = $state.raw<object | null>(null);
  progress = $state<{ done: number; total: number } | null>(null);
  paper = $state<Paper>('16:9');
  notice = $state<string | null>(null);
  problem = $state<string | null>(null);
  printPages = $state.raw<PrintPage[]>([]);
  #drawn: ((canvas: HTMLCanvasElement) => void) | null = null;

  get busy(): boolean {
    return this.progress !== null;
  }

  /** Called by the map once the asked picture is drawn. */
  drawn(canvas: HTMLCanvasElement): void {
    this.#drawn?.(canvas);
  }

  /** Slide `index` as a PNG of 1920 × 1080 or 3840 × 2160 pixels. */
  async png(briefing: Briefing, index: number, height: PngHeight): Promise<void> {
    const scale = PNG_SCALES[height];
    await this.#run([index], briefing, '16:9', scale, async (pages) => {
      const [{ layout, map }] = pages;
      const canvas = drawSheet(layout, map, scale);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const name = `${fileSafe(briefing.title)}-${index + 1}-${1920 * scale}x${height}.png`;
      downloadBlob(name, blob);
      return name;
    });
  }

  /** The whole briefing as a PDF, one page a slide. */
  async pdf(briefing: Briefing): Promise<void> {
    const paper = this.paper;
    const all = briefing.slides.map((_, i) => i);
    await this.#run(all, briefing, paper, 1, async (pages, font) => {
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
      return name;
    });
  }

  /** Lays the briefing out for print (PrintSheets) and opens the browser's print dialog. */
  async print(briefing: Briefing): Promise<void> {
    const paper = this.paper;
    const all = briefing.slides.map((_, i) => i);
    await this.#run(all, briefing, paper, 1, async (pages) => {
      for (const page of this.printPages) URL.revokeObjectURL(page.mapUrl);
      this.printPages = await Promise.all(
        pages.map(async ({ layout, map }) => ({
          layout,
          mapUrl: URL.createObjectURL(new Blob([await jpegBytes(map)], { type: 'image/jpeg' })),
        })),
      );
      // Let the pictures decode and the print pages mount before the dialog opens.
      await Promise.all(
        this.printPages.map(({ mapUrl }) => {
          const picture = new Image();
          picture.src = mapUrl;
          return picture.decode().catch(() => undefined);
        }),
      );
      await new Promise((resolve) => requestAnimationFrame(resolve));
      window.print();
      return '';
    });
  }

  /**
   * Draws the pages of `indexes` (each slide's view put back, its map drawn, its page laid out),
   * hands them to `finish`, then puts back the view from before.
   */
  async #run(
    indexes: readonly number[],
    briefing: Briefing,
    paper: Paper,
    scale: number,
    finish: (
      pages: [
        { layout: SheetLayout; map: OffscreenCanvas },
        ...{ layout: SheetLayout; map: OffscreenCanvas }[],
      ],
      font: SheetFont,
    ) => Promise<string>,
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
      const pages: { layout: SheetLayout; map: OffscreenCanvas }[] = [];
      for (const index of indexes) {
        await applyView(briefing.slides[index]!.view);
        const layout = layoutSheet(sheetContent(briefing, index, now), paper, font.measure);
        if (layout.cut.includes('note')) cut.push(index + 1);
        pages.push({ layout, map: await this.#drawMap(layout, scale) });
        this.progress = { done: pages.length, total: indexes.length };
      }
      const name = await finish(pages as Parameters<typeof finish>[0], font);
      const ms = Math.round(performance.now() - started);
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
      this.frame = this.capture = null;
      this.#drawn = null;
      this.progress = null;
      if (before) await applyView(before);
    }
  }

  /** The map of the slide put back, drawn at its page's map size and copied off the map. */
  #drawMap(layout: SheetLayout, scale: number): Promise<OffscreenCanvas> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(i18n.t('export.timeout', { seconds: DRAW_TIMEOUT_MS / 1000 }))),
        DRAW_TIMEOUT_MS,
      );
      this.#drawn = (canvas) => {
        clearTimeout(timer);
        this.#drawn = null;
        try {
          resolve(mapPicture(canvas));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      this.frame = { width: layout.map.w, height: layout.map.h, pixelRatio: scale };
      this.capture = {};
    });
  }
}

async function jpegBytes(canvas: OffscreenCanvas): Promise<Uint8Array<ArrayBuffer>> {
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return new Uint8Array(await blob.arrayBuffer());
}

export const exporter = new SheetExporter();
