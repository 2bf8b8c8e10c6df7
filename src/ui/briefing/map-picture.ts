/**
 * The picture a map has drawn, copied off its WebGL drawing buffer with `readPixels` (the map
 * keeps its buffer: `preserveDrawingBuffer`). Drawing the WebGL canvas onto a 2D canvas would
 * give the same picture, but waits for the browser to snapshot the canvas: 0.2–0.4 s on the main
 * map and several seconds on the export map in headless Chromium, against about 10 ms here.
 */
export function mapPicture(canvas: HTMLCanvasElement): OffscreenCanvas {
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as
    WebGL2RenderingContext | WebGLRenderingContext | null;
  if (!gl) throw new Error('the map has no WebGL context');
  const width = gl.drawingBufferWidth;
  const height = gl.drawingBufferHeight;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const bound = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  gl.bindFramebuffer(gl.FRAMEBUFFER, bound);
  // WebGL's rows run bottom up; an image's top down.
  const rowBytes = width * 4;
  const flipped = new Uint8ClampedArray(pixels.length);
  for (let row = 0; row < height; row++)
    flipped.set(
      pixels.subarray(row * rowBytes, (row + 1) * rowBytes),
      (height - 1 - row) * rowBytes,
    );
  const picture = new OffscreenCanvas(width, height);
  picture.getContext('2d')!.putImageData(new ImageData(flipped, width, height), 0, 0);
  return picture;
}
