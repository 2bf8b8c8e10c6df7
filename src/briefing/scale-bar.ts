/**
 * The scale bar of a map picture: the longest round length (1, 2 or 5 × 10ⁿ metres) that fits in
 * a given width at the map's latitude and zoom, and how wide it is drawn. Web Mercator tiles of
 * 512 pixels, as MapLibre draws them; distances on the ellipsoid (geodesy's metres per degree).
 */
import { metresPerDegree } from '../analysis/coverage/geodesy.ts';

export interface ScaleBar {
  /** The length the bar stands for. */
  metres: number;
  /** The bar's width, in the map's CSS pixels. */
  px: number;
}

const TILE_PX = 512;

/** Metres one CSS pixel spans along the parallel at `lat`, at `zoom`. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (metresPerDegree(lat).lng * 360) / (TILE_PX * 2 ** zoom);
}

/**
 * @example
 * scaleBar(39.95, 15, 200); // { metres: 200, px: 109.07… } (1.83 m a pixel at zoom 15)
 */
export function scaleBar(lat: number, zoom: number, maxPx: number): ScaleBar {
  const perPx = metresPerPixel(lat, zoom);
  const longest = maxPx * perPx;
  const power = 10 ** Math.floor(Math.log10(longest));
  const step = [5, 2, 1].find((s) => s * power <= longest) ?? 1;
  const metres = step * power;
  return { metres, px: metres / perPx };
}
