/**
 * A briefing as a PDF: one page per slide, 16:9 (960 × 540 pt) or landscape A4, each page the
 * slide's sheet layout with its map picture (JPEG) and every text drawn as text in the font that
 * ships with the app, embedded as a subset of the glyphs used, so a reader can search and copy
 * the Chinese. Runs anywhere (pdf-lib and fontkit, no DOM).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Paper, SheetLayout } from './sheet-layout.ts';

/** Page sizes in PostScript points. */
const PAGE_POINTS: Record<Paper, [number, number]> = {
  '16:9': [960, 540],
  a4: [841.89, 595.28],
};

export interface PdfPage {
  layout: SheetLayout;
  /** The map picture, a JPEG of the layout's map box. */
  mapJpeg: Uint8Array;
}

export interface PdfDocumentInfo {
  title: string;
  /** BCP 47, for screen readers and search ("zh-CN"). */
  lang: string;
  creator: string;
}

/**
 * @example
 * const bytes = await sheetsPdf(pages, 'a4', fontBytes, { title: '10月接诉即办汇报', lang: 'zh-CN', creator: '网格治理地图' });
 */
export async function sheetsPdf(
  pages: readonly PdfPage[],
  paper: Paper,
  fontBytes: Uint8Array,
  info: PdfDocumentInfo,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setLanguage(info.lang);
  doc.setCreator(info.creator);
  doc.setProducer(info.creator);
  for (const { layout, mapJpeg } of pages) {
    const page = doc.addPage(PAGE_POINTS[paper]);
    const image = await doc.embedJpg(mapJpeg);
    drawSheet(page, layout, font, (box, y) => {
      page.drawImage(image, { x: box.x, y, width: box.w, height: box.h });
    });
  }
  return doc.save();
}

function color(hex: string): RGB {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** Draws a layout on a page, design units scaled to the page and y turned upwards. */
function drawSheet(
  page: PDFPage,
  layout: SheetLayout,
  font: PDFFont,
  drawMap: (box: { x: number; w: number; h: number }, y: number) => void,
): void {
  const k = page.getWidth() / layout.width;
  const top = page.getHeight();
  const up = (y: number) => top - y * k;
  for (const item of layout.items) {
    switch (item.kind) {
      case 'map':
        drawMap({ x: item.x * k, w: item.w * k, h: item.h * k }, up(item.y + item.h));
        break;
      case 'rect':
        page.drawRectangle({
          x: item.x * k,
          y: up(item.y + item.h),
          width: item.w * k,
          height: item.h * k,
          ...(item.fill ? { color: color(item.fill), opacity: item.opacity ?? 1 } : {}),
          ...(item.stroke
            ? { borderColor: color(item.stroke), borderWidth: (item.lineWidth ?? 1) * k }
            : {}),
        });
        break;
      case 'line':
        page.drawLine({
          start: { x: item.x1 * k, y: up(item.y1) },
          end: { x: item.x2 * k, y: up(item.y2) },
          thickness: item.width * k,
          color: color(item.color),
        });
        break;
      case 'polygon':
        page.drawSvgPath(`M ${item.points.map(([x, y]) => `${x} ${y}`).join(' L ')} Z`, {
          x: 0,
          y: top,
          scale: k,
          color: color(item.fill),
          borderWidth: 0,
        });
        break;
      case 'text': {
        const size = item.size * k;
        const width = font.widthOfTextAtSize(item.text, size);
        const shift = item.align === 'right' ? width : item.align === 'center' ? width / 2 : 0;
        page.drawText(item.text, {
          x: item.x * k - shift,
          y: up(item.y),
          size,
          font,
          color: color(item.color),
        });
        break;
      }
    }
  }
}
