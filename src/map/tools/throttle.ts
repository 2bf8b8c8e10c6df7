/**
 * Pacing pointer work to the screen: a painting stroke or a drag reports dozens of moves per
 * frame on a fast mouse, and only the newest position matters once a frame is drawn.
 */

/** Runs a callback at the next frame (requestAnimationFrame in the browser). */
export type Schedule = (callback: () => void) => void;

/** A throttled callback: `push` a value, it runs once per frame with the newest one. */
export interface FrameThrottle<T> {
  push(value: T): void;
  /** Drops the value waiting, if any. */
  cancel(): void;
}

const nextFrame: Schedule = (callback) => {
  requestAnimationFrame(callback);
};

/**
 * `run` at most once per frame, with the newest value pushed since the last run.
 * @example
 * const paint = frameThrottle((point: ScreenPoint) => addBrushDab(point));
 * map.on('mousemove', (e) => paint.push([e.point.x, e.point.y]));
 */
export function frameThrottle<T>(
  run: (value: T) => void,
  schedule: Schedule = nextFrame,
): FrameThrottle<T> {
  let waiting: { value: T } | null = null;
  let scheduled = false;
  return {
    push(value) {
      waiting = { value };
      if (scheduled) return;
      scheduled = true;
      schedule(() => {
        scheduled = false;
        const next = waiting;
        waiting = null;
        if (next) run(next.value);
      });
    },
    cancel() {
      waiting = null;
    },
  };
}
