/**
 * The app's state: the loaded street and its coverage report, the last load's problems, what the
 * layer panel shows, the grid colouring, the current selection, what the map is asked to focus
 * and the facility type whose coverage is shown. Large data is held in `$state.raw` (never deeply
 * reactive); loading goes through the data worker.
 */
import { bboxOf } from '../analysis/coverage/prepared.ts';
import type { Feature, FeatureCollection } from 'geojson';
import type { CoverageProblem, GridWorkload } from '../analysis/coverage/report.ts';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import type { FacilityType, GridFeature } from '../domain/types.ts';
import type { Problem, SetAsideFeature } from '../domain/problems.ts';
import type { LoadResult } from '../io/load-files.ts';
import { SAMPLE_FILES } from '../io/sample-street.ts';
import type { GroupDisplay } from '../map/layer-controls.ts';
import { gridFocus, problemFocus, type MapFocus } from '../map/map-focus.ts';
import { toMapData, type MapData } from '../map/map-data.ts';
import { fillColorExpression, metricClasses, type GridMetric } from '../map/metric-scale.ts';
import type { Selection } from '../map/selection.ts';
import type { LayerGroup } from '../map/style.ts';
import { proxy } from 'comlink';
import { callDataWorker } from '../workers/data-client.ts';
import type { FileSource } from '../workers/file-source.ts';
import type { LoadStage as WorkerStage } from '../workers/data-api.ts';
import type { LoadedStreet } from '../workers/loaded-street.ts';

export type LoadStage = WorkerStage | 'drawing';

/** The report of the last load: which files, what was wrong, what was kept aside. */
export interface LoadReport {
  files: LoadResult['files'];
  problems: Problem[];
  setAside: SetAsideFeature[];
  /** True when the load brought no usable layer and the previous data stayed. */
  rejected: boolean;
}

const initialGroups = (): Record<LayerGroup, GroupDisplay> => ({
  basemap: { visible: true, opacity: 1 },
  street: { visible: true, opacity: 1 },
  communities: { visible: true, opacity: 1 },
  grids: { visible: true, opacity: 1 },
  buildings: { visible: true, opacity: 1 },
  facilities: { visible: true, opacity: 1 },
  workOrders: { visible: true, opacity: 1 },
});

class AppState {
  street = $state.raw<LoadedStreet | null>(null);
  mapData = $state.raw<MapData | null>(null);
  isSample = $state(false);
  report = $state.raw<LoadReport | null>(null);
  loading = $state<{ stage: LoadStage; files: number } | null>(null);
  loadError = $state<string | null>(null);
  /** Why the work-order heatmap could not be drawn, if it could not. */
  heatmapError = $state<string | null>(null);
  groups = $state(initialGroups());
  metric = $state<GridMetric>('households');
  selection = $state<Selection | null>(null);
  /** What a panel asked the map to fit and outline. */
  focus = $state.raw<MapFocus | null>(null);
  /** The coverage problem whose row was clicked last. */
  activeProblemId = $state<string | null>(null);
  /** The facility type whose service areas and uncovered buildings the map shows. */
  serviceType = $state<FacilityType | null>(null);
  settings = DEFAULT_SETTINGS;

  coverage = $derived(this.street?.report ?? null);
  classes = $derived(metricClasses(this.metric, this.coverage?.grids ?? [], this.settings));
  gridFill = $derived(fillColorExpression(this.metric, this.classes));
  bounds = $derived(this.street?.summary.bounds ?? null);

  /** Loads the bundled sample street. */
  loadSample = async (): Promise<void> => {
    const base = document.baseURI;
    await this.#load(
      SAMPLE_FILES.map(({ name, url }) => ({ name, url: new URL(url, base).href })),
      true,
    );
  };

  /** Loads the user's files; they replace the current layers unless none of them is usable. */
  loadUserFiles = async (files: File[]): Promise<void> => {
    await this.#load(
      files.map((file) => ({ name: file.name, blob: file })),
      false,
    );
  };

  #generation = 0;

  async #load(sources: FileSource[], sample: boolean): Promise<void> {
    // The newest load wins: an older one that finishes later changes nothing.
    const ticket = ++this.#generation;
    const current = () => ticket === this.#generation;
    this.loadError = null;
    const files = sources.length;
    try {
      this.loading = { stage: 'reading', files };
      // Stage reports travel on their own channel and may arrive after the result: drop those.
      let done = false;
      const onStage = (stage: WorkerStage) => {
        if (!done && current()) this.loading = { stage, files };
      };
      const loaded = await callDataWorker((worker) =>
        worker.load(sources, proxy(onStage), this.settings),
      );
      done = true;
      if (!current()) return;
      this.report = {
        files: loaded.files,
        problems: loaded.problems,
        setAside: loaded.setAside,
        rejected: !loaded.usable,
      };
      if (loaded.usable) {
        this.loading = { stage: 'drawing', files };
        this.selection = null;
        this.focus = null;
        this.activeProblemId = null;
        this.serviceType = null;
        this.street = loaded;
        this.isSample = sample;
        this.mapData = toMapData(
          loaded.dataset,
          loaded.report,
          loaded.labels,
          loaded.workOrderPoints,
        );
      }
    } catch (error) {
      if (current()) this.loadError = error instanceof Error ? error.message : String(error);
    } finally {
      if (current()) this.loading = null;
    }
  }

  /** Every pickable feature by kind and id, built once per load. */
  #index = $derived.by(() => {
    const dataset = this.street?.dataset;
    const byId = (features: readonly Feature[] = []) =>
      new Map(features.map((f) => [String(f.properties?.id), f]));
    return {
      grid: byId(dataset?.grids?.features),
      building: byId(dataset?.buildings?.features),
      facility: byId(dataset?.facilities?.features),
      workOrder: byId(dataset?.workOrders?.features),
      community: byId(dataset?.communities?.features),
    };
  });

  /** The loaded feature behind a selection, if it is still there. */
  featureOf = (selection: Selection): Feature | null =>
    this.#index[selection.kind].get(selection.id) ?? null;

  /** A community's name from its code, or undefined when the community or its name is missing. */
  communityNameOf = (id: string): string | undefined => {
    const name = this.#index.community.get(id)?.properties?.name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  };

  /** A community's name from its code, or the code when the community is not loaded. */
  communityName = (id: string): string => this.communityNameOf(id) ?? id;

  #workloadById = $derived(new Map(this.coverage?.grids.map((g) => [g.gridId, g]) ?? []));

  /** The workload figures of a grid. */
  workloadOf = (id: string): GridWorkload | null => this.#workloadById.get(id) ?? null;

  /** Fits the map to a coverage problem and outlines it. */
  focusProblem = (problem: CoverageProblem): void => {
    this.activeProblemId = problem.id;
    this.focus = problemFocus(problem);
  };

  /** Selects a grid, as a click on the map would, and fits the map to it. */
  selectGrid = (id: string): void => {
    const grid = this.#index.grid.get(id);
    this.selection = { kind: 'grid', id };
    this.activeProblemId = null;
    if (grid) this.focus = gridFocus(bboxOf(grid.geometry as GridFeature['geometry']));
  };

  /** The service circles of the chosen facility type. */
  serviceAreas = $derived.by((): FeatureCollection => {
    const type = this.serviceType;
    const features = this.street?.serviceAreas.features ?? [];
    return {
      type: 'FeatureCollection',
      features: type === null ? [] : features.filter((f) => f.properties.type === type),
    };
  });

  /** The buildings the chosen facility type leaves uncovered. */
  uncoveredBuildingIds = $derived(
    this.coverage?.facilities.find((f) => f.type === this.serviceType)?.uncoveredBuildingIds ?? [],
  );
}

export const app = new AppState();
