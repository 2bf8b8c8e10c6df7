/**
 * A slide's view taken from the app as it stands (camera, layers, colouring, tab, plan, and on the
 * complaint side the month, filter, map mode and playback settings), and put back: the app then
 * looks as it did, drawn from today's data.
 */
import { tick } from 'svelte';
import type { SlideView } from '../../briefing/briefing.ts';
import { NO_FILTER, type OrderFilter } from '../../analysis/complaints/order-filter.ts';
import type { PlaybackMode, PlaybackStep } from '../../analysis/complaints/playback.ts';
import { GRID_METRICS, type GridMetric } from '../../map/metric-scale.ts';
import type { LayerGroup } from '../../map/style.ts';
import { app } from '../app-state.svelte.ts';
import { complaintMap } from '../complaint-map.svelte.ts';
import { complaints } from '../complaints.svelte.ts';
import { plans } from '../editing/plans.svelte.ts';
import { SIDE_TABS, type SideTab } from '../view-state.svelte.ts';

/**
 * The view on screen, or null before the map has a camera.
 * @example
 * const view = captureView(); // { camera: { center: [116.31, 39.85], zoom: 14.2, … }, tab: 'complaints', … }
 */
export function captureView(): SlideView | null {
  const camera = app.view.camera;
  if (!camera) return null;
  const { playback } = complaintMap;
  return {
    camera: structuredClone(camera),
    layers: $state.snapshot(app.view.groups),
    metric: app.view.metric,
    tab: app.view.tab,
    planId: app.plan.planId,
    complaints: {
      month: complaints.view?.month ?? complaints.month,
      filter: $state.snapshot(complaints.filter) as unknown as Record<string, unknown>,
      mapMode: complaintMap.mode,
      hexagonM: complaints.hexagonM,
      playback: playback
        ? { step: complaintMap.step, mode: complaintMap.playMode, months: complaintMap.months }
        : null,
    },
  };
}

/** Puts a slide's view back: plan, tab, colouring, layers, camera and the complaint side. */
export async function applyView(view: SlideView): Promise<void> {
  if (view.planId !== app.plan.planId) await plans.show(view.planId);
  if ((SIDE_TABS as readonly string[]).includes(view.tab)) app.view.tab = view.tab as SideTab;
  if ((GRID_METRICS as readonly string[]).includes(view.metric))
    app.view.metric = view.metric as GridMetric;
  for (const [group, display] of Object.entries(view.layers)) {
    if (group in app.view.groups) app.view.groups[group as LayerGroup] = { ...display };
  }
  app.view.goTo = { ...view.camera };
  const side = view.complaints;
  if (side) await applyComplaints(side);
  // Panels react to the view put back (and may ask for the month again): wait for them.
  await tick();
  await complaints.settled();
}

async function applyComplaints(side: NonNullable<SlideView['complaints']>): Promise<void> {
  complaintMap.stop();
  complaintMap.mode = side.mapMode;
  complaints.month = side.month;
  complaints.hexagonM = side.hexagonM;
  await complaints.narrow({ ...NO_FILTER, ...(side.filter as Partial<OrderFilter>) });
  if (side.playback) {
    complaintMap.step = side.playback.step as PlaybackStep;
    complaintMap.playMode = side.playback.mode as PlaybackMode;
    complaintMap.months = side.playback.months;
    await complaintMap.start();
    // The slide opens on its own month, the last frame; playing starts from the first.
    await complaintMap.show((complaintMap.playback?.frames.length ?? 1) - 1);
  }
}
