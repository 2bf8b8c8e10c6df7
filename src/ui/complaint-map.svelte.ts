/**
 * How the complaint tab draws orders on the map, and its time playback: heatmap or hexagons, the
 * single orders from zoom 16 (a click opens one's details, asked of the worker), and a playback
 * of the filtered orders by day, week or month, moving or cumulative, played, paused or stepped
 * at a chosen speed. A playback draws hexagons whose colour scale is fixed over all its frames
 * (the busiest hexagon of any frame) unless each frame is asked to be scaled on its own.
 */
import { shiftMonth } from '../analysis/complaints/assessment-period.ts';
import type { PlaybackMode, PlaybackStep } from '../analysis/complaints/playback.ts';
import type { HeatmapState, OrderMapMode } from '../map/work-order-overlay.ts';
import type { OrderDetails, PlaybackFrameView, PlaybackPlan } from '../workers/complaint-views.ts';
import { callDataWorker } from '../workers/data-client.ts';
import { complaints } from './complaints.svelte.ts';

/** Frames per second a playback can run at. */
export const PLAYBACK_SPEEDS = [0.5, 1, 2, 4] as const;

export type OrderMap = Pick<HeatmapState, 'mode' | 'hexagons' | 'hexagonTop' | 'orderPoints'>;

class ComplaintMap {
  mode = $state<OrderMapMode>('heatmap');
  /** The order whose details are shown, or null. */
  order = $state.raw<OrderDetails | null>(null);
  step = $state<PlaybackStep>('month');
  playMode = $state<PlaybackMode>('moving');
  /** Months played back: this many up to the month shown. */
  months = $state(3);
  speed = $state<number>(1);
  /** Whether the colour scale is fixed over the frames (off: each frame scaled on its own). */
  fixedScale = $state(true);
  playback = $state.raw<PlaybackPlan | null>(null);
  frame = $state.raw<PlaybackFrameView | null>(null);
  playing = $state(false);
  /** Milliseconds the last frame took from asking the worker to having it. */
  stepMs = $state<number | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #ticket = 0;

  /** What the map draws: the playback's frame, or the month's orders. */
  get drawn(): OrderMap | null {
    const view = complaints.view;
    if (!view) return null;
    if (this.playback && this.frame)
      return {
        mode: 'hexagons',
        hexagons: this.frame.hexagons,
        hexagonTop: this.fixedScale ? this.playback.domain : null,
        orderPoints: null,
      };
    return {
      mode: this.mode,
      hexagons: view.hexagons,
      hexagonTop: null,
      orderPoints: { points: view.points, rows: view.pointRows },
    };
  }

  /** Opens an order's details (by its row in the worker's table). */
  async openOrder(row: number): Promise<void> {
    const asOf = complaints.view?.period.end ?? Date.now();
    this.order = await callDataWorker((w) => w.orderDetails(row, asOf));
  }

  /** Opens the details of the month's order nearest a clicked position, if one is that near. */
  async openOrderNear(position: [number, number], radiusM: number): Promise<void> {
    const view = complaints.view;
    if (!view || this.playback) return;
    const { filter } = complaints;
    const row = await callDataWorker((w) => w.orderNear(view.month, filter, position, radiusM));
    if (row !== null) await this.openOrder(row);
  }

  closeOrder(): void {
    this.order = null;
  }

  /** Prepares a playback of the filtered orders up to the month shown and shows its first frame. */
  async start(): Promise<void> {
    const view = complaints.view;
    if (!view) return;
    this.pause();
    const ticket = ++this.#ticket;
    const plan = await callDataWorker((w) =>
      w.startPlayback({
        first: shiftMonth(view.month, 1 - this.months),
        last: view.month,
        step: this.step,
        mode: this.playMode,
        filter: complaints.filter,
        radiusM: complaints.hexagonM,
      }),
    );
    if (ticket !== this.#ticket) return;
    this.playback = plan;
    await this.show(0);
  }

  /** Shows frame `index` (kept within the frames). */
  async show(index: number): Promise<void> {
    const plan = this.playback;
    if (!plan) return;
    const ticket = this.#ticket;
    const at = Math.max(0, Math.min(plan.frames.length - 1, index));
    const started = performance.now();
    const frame = await callDataWorker((w) => w.playbackFrame(at));
    if (ticket !== this.#ticket || !frame) return;
    this.stepMs = performance.now() - started;
    this.frame = frame;
  }

  /** Steps forward or back by `by` frames. */
  async stepBy(by: number): Promise<void> {
    this.pause();
    await this.show((this.frame?.index ?? 0) + by);
  }

  /** Plays from the frame shown (from the first when at the end) at the chosen speed. */
  play(): void {
    const plan = this.playback;
    if (!plan || this.playing) return;
    this.playing = true;
    if ((this.frame?.index ?? 0) >= plan.frames.length - 1) void this.show(0);
    const tick = async () => {
      if (!this.playing || !this.playback) return;
      const started = performance.now();
      const next = (this.frame?.index ?? -1) + 1;
      if (next >= this.playback.frames.length) {
        this.playing = false;
        return;
      }
      await this.show(next);
      const wait = Math.max(0, 1000 / this.speed - (performance.now() - started));
      this.#timer = setTimeout(() => void tick(), wait);
    };
    this.#timer = setTimeout(() => void tick(), 1000 / this.speed);
  }

  pause(): void {
    this.playing = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Leaves the playback: the map shows the month again. */
  stop(): void {
    this.pause();
    this.#ticket++;
    this.playback = null;
    this.frame = null;
  }

  /** Forgets what belonged to the previous street. */
  clear(): void {
    this.stop();
    this.order = null;
  }
}

export const complaintMap = new ComplaintMap();
