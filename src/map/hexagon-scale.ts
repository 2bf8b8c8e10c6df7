/**
 * The colour classes of the order hexagons: six equal classes from one order to the top of the
 * scale, which is either fixed (a playback's busiest hexagon over all its frames, so a colour
 * means the same count on every frame) or the busiest hexagon of what is shown. Pure: the map
 * layer and the legend read the same classes.
 */
import { HEATMAP_COLORS } from './palette.ts';

export interface HexagonClass {
  /** Counts from (included) … to (included). */
  from: number;
  to: number;
  color: [number, number, number];
}

/**
 * Up to six classes of (nearly) equal width; with fewer classes than colours, the colours are
 * spread over the whole ramp so the busiest class is always the darkest.
 * @example
 * hexagonClasses(12).map((c) => [c.from, c.to]); // [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12]]
 */
export function hexagonClasses(top: number): HexagonClass[] {
  const steps = HEATMAP_COLORS.length;
  const ranges: [number, number][] = [];
  for (let i = 0, from = 1; i < steps && from <= Math.max(top, 1); i++) {
    const to = Math.max(from, Math.round((Math.max(top, 1) * (i + 1)) / steps));
    ranges.push([from, to]);
    from = to + 1;
  }
  return ranges.map(([from, to], i) => ({
    from,
    to,
    color:
      HEATMAP_COLORS[
        ranges.length === 1 ? steps - 1 : Math.round((i * (steps - 1)) / (ranges.length - 1))
      ]!,
  }));
}

/** The colour of a hexagon holding `count` orders (counts past the top take the last class). */
export function hexagonColor(
  classes: readonly HexagonClass[],
  count: number,
): [number, number, number] {
  for (const c of classes) if (count <= c.to) return c.color;
  return classes.at(-1)!.color;
}
