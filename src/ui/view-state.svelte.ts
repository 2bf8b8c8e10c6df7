/**
 * The view: what the user chose to look at, apart from the data. Layer groups, the grid
 * colouring, the selection, what a panel asked the map to focus, the facility type whose coverage
 * is shown, the side-bar tab, whether the grid table is open, and the main map's camera (and a
 * camera it is asked to go to). A new load clears what pointed
 * into the old data (selection, focus, facility type) and keeps the rest.
 */
import type { SlideCamera } from '../briefing/briefing.ts';
import type { FacilityType } from '../domain/types.ts';
import type { GroupDisplay } from '../map/layer-controls.ts';
import type { MapFocus } from '../map/map-focus.ts';
import type { GridMetric } from '../map/metric-scale.ts';
import type { Selection } from '../map/selection.ts';
import type { LayerGroup } from '../map/style.ts';

/** The side-bar tabs. */
export const SIDE_TABS = [
  'map',
  'coverage',
  'facilities',
  'compare',
  'complaints',
  'briefing',
] as const;
export type SideTab = (typeof SIDE_TABS)[number];

const initialGroups = (): Record<LayerGroup, GroupDisplay> => ({
  basemap: { visible: true, opacity: 1 },
  street: { visible: true, opacity: 1 },
  communities: { visible: true, opacity: 1 },
  grids: { visible: true, opacity: 1 },
  buildings: { visible: true, opacity: 1 },
  facilities: { visible: true, opacity: 1 },
  workOrders: { visible: true, opacity: 1 },
});

export class ViewState {
  groups = $state(initialGroups());
  metric = $state<GridMetric>('households');
  selection = $state<Selection | null>(null);
  /** What a panel asked the map to fit and outline. */
  focus = $state.raw<MapFocus | null>(null);
  /** The coverage problem whose row was clicked last. */
  activeProblemId = $state<string | null>(null);
  /** The facility type whose service areas and uncovered buildings the map shows. */
  serviceType = $state<FacilityType | null>(null);
  tab = $state<SideTab>('map');
  tableOpen = $state(false);
  /** Where the main map looks, as of its last move (null before it has drawn). */
  camera = $state.raw<SlideCamera | null>(null);
  /** A camera the main map is asked to go to (a slide shown); a new object goes again. */
  goTo = $state.raw<SlideCamera | null>(null);
  /** Why the work-order heatmap could not be drawn, if it could not. */
  heatmapError = $state<string | null>(null);

  /** Forgets what pointed into the previous data; layers, metric, tab and table stay. */
  clearForNewData(): void {
    this.selection = null;
    this.focus = null;
    this.activeProblemId = null;
    this.serviceType = null;
  }
}
