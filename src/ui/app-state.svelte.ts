/**
 * The app's state in three parts, with the map data derived from them:
 * - `loaded`: what the last usable load brought (immutable until the next load);
 * - `plan`: the plan being edited (its grids, their report, which plan it is);
 * - `view`: what the user looks at (layers, colouring, selection, focus, tab …).
 * Loading goes through the data worker and resets the plan to the loaded grids (the baseline).
 * The properties the panels read (`street`, `coverage`, `selection` …) are kept here as short
 * ways into the parts. Large data is held in `$state.raw` (never deeply reactive).
 */
import { bboxOf } from '../analysis/coverage/prepared.ts';
import type { Feature, FeatureCollection } from 'geojson';
import type { CoverageProblem, GridWorkload } from '../analysis/coverage/report.ts';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import type { BuildingFeature, FacilityType } from '../domain/types.ts';
import { SAMPLE_FILES } from '../io/sample-street.ts';
import { buildingFocus, gridFocus, problemFocus, type MapFocus } from '../map/map-focus.ts';
import {
  createGridCollection,
  createGridFigures,
  gridLabelCollection,
  labelsOf,
  problemFeatures,
  staticCollections,
} from '../map/map-data.ts';
import {
  fillColorExpression,
  gridComplaintFigures,
  metricClasses,
  type GridMetric,
} from '../map/metric-scale.ts';
import type { Selection } from '../map/selection.ts';
import { registerPlanHooks } from '../map/test-hooks.ts';
import { proxy, type Remote } from 'comlink';
import { callDataWorker } from '../workers/data-client.ts';
import type { LoadStage as WorkerStage, DataWorkerApi } from '../workers/data-api.ts';
import type { LoadedStreet } from '../workers/loaded-street.ts';
import { LoadedState } from './loaded-state.svelte.ts';
import { PlanState } from './plan-state.svelte.ts';
import { readSavedView } from './editing/saved-view.ts';
import { SIDE_TABS, ViewState } from './view-state.svelte.ts';
import { complaints } from './complaints.svelte.ts';

export type { LoadReport, LoadStage } from './loaded-state.svelte.ts';

class AppState {
  readonly loaded = new LoadedState();
  readonly plan = new PlanState();
  readonly view = new ViewState();
  settings = DEFAULT_SETTINGS;

  // Short ways into the parts, for the panels.
  get street() {
    return this.loaded.street;
  }
  get isSample() {
    return this.loaded.isSample;
  }
  get report() {
    return this.loaded.report;
  }
  get loading() {
    return this.loaded.loading;
  }
  get loadError() {
    return this.loaded.loadError;
  }
  get bounds() {
    return this.loaded.bounds;
  }
  /** The coverage and workload report of the plan shown. */
  get coverage() {
    return this.plan.report;
  }
  get groups() {
    return this.view.groups;
  }
  get metric(): GridMetric {
    return this.view.metric;
  }
  set metric(metric: GridMetric) {
    this.view.metric = metric;
  }
  get selection(): Selection | null {
    return this.view.selection;
  }
  set selection(selection: Selection | null) {
    this.view.selection = selection;
  }
  get focus(): MapFocus | null {
    return this.view.focus;
  }
  get activeProblemId() {
    return this.view.activeProblemId;
  }
  get serviceType(): FacilityType | null {
    return this.view.serviceType;
  }
  set serviceType(type: FacilityType | null) {
    this.view.serviceType = type;
  }
  get heatmapError(): string | null {
    return this.view.heatmapError;
  }
  set heatmapError(reason: string | null) {
    this.view.heatmapError = reason;
  }

  #gridFigures = createGridFigures();
  /** Each grid's workload, with its complaint figures of the month on the complaint tab. */
  gridFigures = $derived.by(() => {
    const month = complaints.view;
    const byGrid = month
      ? new Map(month.current.grids.map((g) => [g.id, gridComplaintFigures(g)]))
      : null;
    return this.#gridFigures(this.plan.report?.grids ?? [], byGrid);
  });
  classes = $derived(metricClasses(this.view.metric, this.gridFigures, this.settings));
  gridFill = $derived(fillColorExpression(this.view.metric, this.classes));

  /** The map sources that change only with a load. */
  staticSources = $derived.by(() => {
    const street = this.loaded.street;
    return street ? staticCollections(street.dataset, street.labels, street.workOrderPoints) : null;
  });
  #gridCollection = createGridCollection();
  /** The grids source: the plan's grids with their workload figures. */
  gridSource = $derived.by(() =>
    this.loaded.street ? this.#gridCollection(this.plan.grids, this.gridFigures) : null,
  );
  gridLabelSource = $derived(this.loaded.street ? gridLabelCollection(this.plan.gridLabels) : null);
  problemSource = $derived(this.plan.report ? problemFeatures(this.plan.report.problems) : null);
  /** The view the last session on the street on screen saved (its valid fields). */
  #savedView = $derived(readSavedView(this.loaded.street?.resumed?.view, SIDE_TABS));
  /**
   * What the map fits and draws once per load: the street's extent (or the camera the last
   * session left) and the work orders.
   */
  mapLoad = $derived.by(() => {
    const street = this.loaded.street;
    return street
      ? {
          bounds: street.summary.bounds,
          camera: this.#savedView.camera ?? null,
          workOrderPositions: street.workOrderPoints.positions,
        }
      : null;
  });

  /** Opens the street the user last opened from their own files, else the sample street. */
  start = async (): Promise<void> => {
    const reopened = await this.#load(
      (worker, onStage) => worker.loadLast(onStage, this.settings),
      1,
      false,
    );
    if (!reopened) await this.loadSample();
  };

  /** Loads the bundled sample street. */
  loadSample = async (): Promise<void> => {
    const base = document.baseURI;
    const sources = SAMPLE_FILES.map(({ name, url }) => ({ name, url: new URL(url, base).href }));
    await this.#load(
      (worker, onStage) => worker.load(sources, onStage, this.settings),
      sources.length,
      true,
    );
  };

  /** Loads the user's files; they replace the current layers unless none of them is usable. */
  loadUserFiles = async (files: File[]): Promise<void> => {
    const sources = files.map((file) => ({ name: file.name, blob: file }));
    await this.#load(
      (worker, onStage) => worker.load(sources, onStage, this.settings),
      sources.length,
      false,
    );
  };

  #generation = 0;

  /** Runs a load in the worker and shows its street; false when there was nothing to load. */
  async #load(
    call: (
      worker: Remote<DataWorkerApi>,
      onStage: (stage: WorkerStage) => void,
    ) => Promise<LoadedStreet | null>,
    files: number,
    sample: boolean,
  ): Promise<boolean> {
    // The newest load wins: an older one that finishes later changes nothing.
    const ticket = ++this.#generation;
    const current = () => ticket === this.#generation;
    const { loaded } = this;
    loaded.loadError = null;
    try {
      loaded.loading = { stage: 'reading', files };
      // Stage reports travel on their own channel and may arrive after the result: drop those.
      let done = false;
      const onStage = (stage: WorkerStage) => {
        if (!done && current()) loaded.loading = { stage, files };
      };
      const street = await callDataWorker((worker) => call(worker, proxy(onStage)));
      done = true;
      if (!street) return false;
      if (!current()) return true;
      loaded.accept(street, sample);
      if (street.usable) {
        loaded.loading = { stage: 'drawing', files };
        this.#show(street);
      }
      return true;
    } catch (error) {
      if (current()) loaded.loadError = error instanceof Error ? error.message : String(error);
      return true;
    } finally {
      if (current()) loaded.loading = null;
    }
  }

  /**
   * Shows the street just accepted: its grids, with the last session's plan (resumed in the
   * worker during the load, so the map draws once) and the colouring and tab it left; the camera
   * goes with the map's load.
   */
  #show(street: LoadedStreet): void {
    this.view.clearForNewData();
    this.plan.start({
      planId: null,
      grids: street.dataset.grids?.features ?? [],
      gridLabels: labelsOf(street.labels, 'grids'),
      report: street.report,
    });
    const resumed = street.resumed?.switched;
    if (resumed?.ok) this.plan.applyUpdate(resumed.update);
    const saved = this.#savedView;
    if (saved.metric) this.view.metric = saved.metric;
    if (saved.tab) this.view.tab = saved.tab;
  }

  /** The feature behind a selection (a grid of the plan shown, or a loaded feature). */
  featureOf = (selection: Selection): Feature | null =>
    selection.kind === 'grid'
      ? this.plan.gridOf(selection.id)
      : this.loaded.featureOf(selection.kind, selection.id);

  /** A community's name from its code, or undefined when the community or its name is missing. */
  communityNameOf = (id: string): string | undefined => {
    const name = this.loaded.featureOf('community', id)?.properties?.name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  };

  /** A community's name from its code, or the code when the community is not loaded. */
  communityName = (id: string): string => this.communityNameOf(id) ?? id;

  /** The workload figures of a grid. */
  workloadOf = (id: string): GridWorkload | null => this.plan.workloadOf(id);

  /** Fits the map to a coverage problem and outlines it. */
  focusProblem = (problem: CoverageProblem): void => {
    this.view.activeProblemId = problem.id;
    this.view.focus = problemFocus(problem);
  };

  /** Selects a grid, as a click on the map would, and fits the map to it. */
  selectGrid = (id: string): void => {
    const grid = this.plan.gridOf(id);
    this.view.selection = { kind: 'grid', id };
    this.view.activeProblemId = null;
    if (grid) this.view.focus = gridFocus(bboxOf(grid.geometry));
  };

  /** Selects a building, as a click on the map would, fits the map to it and outlines it. */
  selectBuilding = (id: string): void => {
    const building = this.loaded.featureOf('building', id) as BuildingFeature | null;
    this.view.selection = { kind: 'building', id };
    this.view.activeProblemId = null;
    if (building) this.view.focus = buildingFocus(id, bboxOf(building.geometry));
  };

  /** The service circles of the chosen facility type. */
  serviceAreas = $derived.by((): FeatureCollection => {
    const type = this.view.serviceType;
    const features = this.loaded.street?.serviceAreas.features ?? [];
    return {
      type: 'FeatureCollection',
      features: type === null ? [] : features.filter((f) => f.properties.type === type),
    };
  });

  /** The buildings the chosen facility type leaves uncovered. */
  uncoveredBuildingIds = $derived(
    this.plan.report?.facilities.find((f) => f.type === this.view.serviceType)
      ?.uncoveredBuildingIds ?? [],
  );
}

export const app = new AppState();

// Read-only views of the plan for the end-to-end tests, plus the one test-only way to feed it.
registerPlanHooks({
  view: () => ({
    id: app.plan.planId,
    grids: app.plan.grids.length,
    gridIds: app.plan.grids.map((g) => g.properties.id),
    problems: app.plan.report?.problems.length ?? 0,
    reportUpdates: app.plan.reportUpdates,
    reportUpdatedAt: app.plan.reportUpdatedAt,
    startedAt: app.plan.startedAt,
  }),
  applyGridChanges: app.plan.applyGridChanges,
});
