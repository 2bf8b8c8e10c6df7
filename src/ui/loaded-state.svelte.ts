/**
 * What was loaded: the street as the data worker handed it over (layers, labels, work-order
 * points, service areas, the coverage report of the loaded grids), whether it is the bundled
 * sample, and the report of the last load (files, problems, features set aside). It changes only
 * with a new load; the grids being edited live in the plan state.
 */
import type { Feature } from 'geojson';
import type { ProblemGroup, SetAsideFeature } from '../domain/problems.ts';
import type { LoadResult } from '../io/load-files.ts';
import type { LoadStage as WorkerStage } from '../workers/data-api.ts';
import type { LoadedStreet } from '../workers/loaded-street.ts';
import { byId } from './by-id.ts';

export type LoadStage = WorkerStage | 'drawing';

/** The report of the last load: which files, what was wrong, what was kept aside. */
export interface LoadReport {
  files: LoadResult['files'];
  problems: ProblemGroup[];
  setAside: SetAsideFeature[];
  /** True when the load brought no usable layer and the previous data stayed. */
  rejected: boolean;
}

/** The kinds of loaded feature a click or a panel can name; grids come from the plan. */
export type LoadedKind = 'building' | 'facility' | 'workOrder' | 'community';

export class LoadedState {
  street = $state.raw<LoadedStreet | null>(null);
  isSample = $state(false);
  report = $state.raw<LoadReport | null>(null);
  loading = $state<{ stage: LoadStage; files: number } | null>(null);
  loadError = $state<string | null>(null);

  bounds = $derived(this.street?.summary.bounds ?? null);

  /** Every pickable loaded feature by kind and id, built once per load. */
  #index = $derived.by(() => {
    const dataset = this.street?.dataset;
    const index = (features: readonly Feature[] = []) =>
      byId(features, (f) => String(f.properties?.id));
    return {
      building: index(dataset?.buildings?.features),
      facility: index(dataset?.facilities?.features),
      workOrder: index(dataset?.workOrders?.features),
      community: index(dataset?.communities?.features),
    };
  });

  /** A loaded feature by kind and id. */
  featureOf = (kind: LoadedKind, id: string): Feature | null => this.#index[kind].get(id) ?? null;

  /** Takes a load's result: its report always, its street only when it brought a usable layer. */
  accept(loaded: LoadedStreet, sample: boolean): void {
    this.report = {
      files: loaded.files,
      problems: loaded.problems,
      setAside: loaded.setAside,
      rejected: !loaded.usable,
    };
    if (!loaded.usable) return;
    this.street = loaded;
    this.isSample = sample;
  }
}
