/**
 * A sheet layout drawn on a 2D canvas (the PNG export): the map picture in its box, then the
 * legend, scale bar, north arrow and texts over and around it, in the shipped font, at `scale`
 * output pixels per design unit.
 */
import type { SheetLayout } from '../../briefing/sheet-layout.ts';
import { SHEET_FONT_FAMILY } from './sheet-font.ts';

/**
 * @example
 * const canvas = drawSheet(layout, mapCanvas, 2); // 3840 × 2160
 */
export function drawSheet(
  layout: SheetLayout,
  map: CanvasImageSource,
  scale: number,
): OffscreenCanvas {
  // Off the page and in memory (willReadFrequently): encoding it needs no copy from the GPU.
  const canvas = new OffscreenCanvas(
    Math.round(layout.width * scale),
    Math.round(layout.height * scale),
  );
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  for (const item of layout.items) {
    ctx.save();
    switch (item.kind) {
      case 'map':
        ctx.drawImage(map, item.x, item.y, item.w, item.h);
        break;
      case 'rect':
        if (item.fill) {
          ctx.globalAlpha = item.opacity ?? 1;
          ctx.fillStyle = item.fill;
          ctx.fillRect(item.x, item.y, item.w, item.h);
          ctx.globalAlpha = 1;
        }
        if (item.stroke) {
          ctx.strokeStyle = item.stroke;
          ctx.lineWidth = item.lineWidth ?? 1;
          ctx.strokeRect(item.x, item.y, item.w, item.h);
        }
        break;
      case 'line':
        ctx.strokeStyle = item.color;
        ctx.lineWidth = item.width;
        ctx.beginPath();
        ctx.moveTo(item.x1, item.y1);
        ctx.lineTo(item.x2, item.y2);
        ctx.stroke();
        break;
      case 'polygon':
        ctx.fillStyle = item.fill;
        ctx.beginPath();
        item.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
        ctx.closePath();
        ctx.fill();
        break;
      case 'text':
        ctx.font = `${item.size}px "${SHEET_FONT_FAMILY}"`;
        ctx.fillStyle = item.color;
        ctx.textAlign = item.align;
        ctx.textBaseline = 'alphabetic';
        ctx.fillText(item.text, item.x, item.y);
        break;
    }
    ctx.restore();
  }
  return canvas;
}
