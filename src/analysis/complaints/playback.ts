/**
 * The frames of a time playback: days, weeks (Monday to Sunday) or assessment months, Beijing
 * time, over a span of months; each frame shows its own orders (a moving window) or every order
 * since the first frame (cumulative). The colour scale of a playback is fixed from the busiest
 * bin of any frame (`playbackDomain`), so colours mean the same count on every frame, unless the
 * viewer asks each frame to be scaled on its own.
 */
import type { GridSettings } from '../../domain/settings.ts';
import { assessmentPeriod, beijingDate, shiftMonth, type Period } from './assessment-period.ts';
import { countBins, type OrderBins } from './hex-bins.ts';
import { beijingDayStart } from './order-filter.ts';
import type { TimeIndex } from './time-index.ts';

export const PLAYBACK_STEPS = ['day', 'week', 'month'] as const;
export type PlaybackStep = (typeof PLAYBACK_STEPS)[number];
export const PLAYBACK_MODES = ['moving', 'cumulative'] as const;
export type PlaybackMode = (typeof PLAYBACK_MODES)[number];

const DAY_MS = 86_400_000;

export interface Frame extends Period {
  /** The frame's first Beijing date, or its assessment month "YYYY-MM". */
  label: string;
}

/**
 * The frames from the assessment month `first` to `last`, both included.
 * @example
 * playbackFrames('2026-08', '2026-10', 'month', settings).map((f) => f.label); // ['2026-08', '2026-09', '2026-10']
 */
export function playbackFrames(
  first: string,
  last: string,
  step: PlaybackStep,
  settings: Pick<GridSettings, 'assessmentMonthStartDay'>,
): Frame[] {
  const frames: Frame[] = [];
  if (step === 'month') {
    for (let m = first; m <= last; m = shiftMonth(m, 1))
      frames.push({ ...assessmentPeriod(m, settings), label: m });
    return frames;
  }
  const start = assessmentPeriod(first, settings).start;
  const end = assessmentPeriod(last, settings).end;
  // Weeks start on the Monday on or before the span's first day (1970-01-01 was a Thursday).
  const days = step === 'day' ? 1 : 7;
  let t =
    step === 'day'
      ? start
      : start - ((Math.floor((start + 8 * 3_600_000) / DAY_MS) + 3) % 7) * DAY_MS;
  for (; t < end; t += days * DAY_MS) {
    const label = beijingDate(t);
    frames.push({
      start: beijingDayStart(label),
      end: beijingDayStart(label) + days * DAY_MS,
      label,
    });
  }
  return frames;
}

/** The window of orders frame `i` shows. */
export function frameWindow(frames: readonly Frame[], i: number, mode: PlaybackMode): Period {
  const frame = frames[i]!;
  return { start: mode === 'cumulative' ? frames[0]!.start : frame.start, end: frame.end };
}

/**
 * The largest bin count of any frame: the top of a fixed colour scale. A cumulative playback's
 * largest bins are in its last frame; a moving one is counted frame by frame (each order once).
 * @example
 * playbackDomain(frames, 'moving', bins, index, mask); // 14
 */
export function playbackDomain(
  frames: readonly Frame[],
  mode: PlaybackMode,
  bins: OrderBins,
  index: TimeIndex,
  mask: Uint8Array | null,
): number {
  const scratch = new Float32Array(bins.centers.length / 2);
  const shown = mode === 'cumulative' ? [frames.length - 1] : frames.map((_, i) => i);
  let max = 0;
  for (const i of shown) {
    const { start, end } = frameWindow(frames, i, mode);
    const [lo, hi] = index.range(start, end);
    max = Math.max(max, countBins(bins, index.rows, lo, hi, mask, scratch).max);
  }
  return max;
}
