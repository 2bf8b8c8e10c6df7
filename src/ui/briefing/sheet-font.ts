/**
 * The font of the exported pages (WenQuanYi Micro Hei, shipped in `public/fonts/`, Apache 2.0):
 * fetched from the app's own server on the first export, registered with the page so the PNG
 * and the printed page draw with it, parsed with fontkit to measure text for the layout, and
 * handed whole to the PDF writer, which embeds the glyphs used. Works offline.
 */
import type { Measure } from '../../briefing/text-fit.ts';

export const SHEET_FONT_FAMILY = 'GridAtlas Sheet';
const FONT_URL = `${import.meta.env.BASE_URL}fonts/wqy-microhei.ttf`;

export interface SheetFont {
  bytes: Uint8Array;
  measure: Measure;
}

let loading: Promise<SheetFont> | null = null;

/** The font, loaded once. */
export function sheetFont(): Promise<SheetFont> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<SheetFont> {
  const response = await fetch(FONT_URL);
  if (!response.ok) throw new Error(`${FONT_URL}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const face = new FontFace(SHEET_FONT_FAMILY, bytes.slice().buffer);
  document.fonts.add(await face.load());
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  const font = fontkit.create(bytes);
  const widths = new Map<string, number>();
  const measure: Measure = (text, size) => {
    let em = widths.get(text);
    if (em === undefined) {
      em = font.layout(text).advanceWidth / font.unitsPerEm;
      widths.set(text, em);
    }
    return em * size;
  };
  return { bytes, measure };
}
