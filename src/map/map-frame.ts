/** A fixed size for a map drawing a picture: CSS pixels, and device pixels per CSS pixel. */
export interface MapFrame {
  width: number;
  height: number;
  pixelRatio: number;
}
