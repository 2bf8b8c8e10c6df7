/**
 * The plan being edited: the grids shown on the map in plan order, their label points, the
 * coverage and workload report of those grids, and which plan it is (null for the baseline
 * 现状, the grids as loaded). A load starts it from the loaded grids; afterwards only the changes
 * the data worker answers come in (`applyUpdate`), so the grids an update did not touch keep
 * their objects and the map re-sends only the touched ones.
 */
import type { Feature, Point } from 'geojson';
import { applyReportDelta } from '../analysis/coverage/report-delta.ts';
import type { GridWorkload, UiReport } from '../analysis/coverage/report.ts';
import type { LabelProperties } from '../analysis/label-points.ts';
import type { GridFeature } from '../domain/types.ts';
import type { PlanUpdate } from '../workers/plan-session.ts';
import { byId } from './by-id.ts';
import { applyGridChangeSet, applyLabelChangeSet, type GridChangeSet } from './plan-changes.ts';

type LabelFeature = Feature<Point, LabelProperties>;

/** What a new load or a plan switch starts the plan state from. */
export interface PlanStart {
  planId: string | null;
  grids: readonly GridFeature[];
  gridLabels: readonly LabelFeature[];
  report: UiReport;
}

export class PlanState {
  /** Null while the baseline (现状) is shown. */
  planId = $state<string | null>(null);
  /** The grids currently shown, in plan order. */
  grids = $state.raw<readonly GridFeature[]>([]);
  gridLabels = $state.raw<readonly LabelFeature[]>([]);
  /** The coverage and workload report of `grids`; null before the first load. */
  report = $state.raw<UiReport | null>(null);

  #gridById = $derived(byId(this.grids, (g) => g.properties.id));
  #workloadById = $derived(byId(this.report?.grids ?? [], (g) => g.gridId));

  /** Shows a plan (or the baseline) from scratch: after a load, or to replace everything. */
  start(start: PlanStart): void {
    this.startedAt = performance.now();
    this.planId = start.planId;
    this.grids = start.grids;
    this.gridLabels = start.gridLabels;
    this.report = start.report;
  }

  /**
   * Applies the grids an edit, undo, redo or plan switch changed; the report comes separately
   * (`applyReport`). Throws when the changes do not fit the grids held (a missed update).
   */
  applyGridChanges = (changes: GridChangeSet): void => {
    const grids = applyGridChangeSet(this.grids, changes);
    this.gridLabels = applyLabelChangeSet(
      this.gridLabels,
      changes,
      grids.map((g) => g.properties.id),
    );
    this.grids = grids;
  };

  /** When the last load started this plan state (performance.now). */
  startedAt: number | null = null;
  /** How many reports were applied since the page opened, and when the last one was (performance.now). */
  reportUpdates = 0;
  reportUpdatedAt: number | null = null;

  /** Replaces the coverage and workload report of the grids shown. */
  applyReport = (report: UiReport): void => {
    this.report = report;
    this.reportUpdates += 1;
    this.reportUpdatedAt = performance.now();
  };

  /**
   * Applies what an edit, undo, redo or plan switch changed: the grids, the report (the delta
   * is relative to the report held) and which plan is shown. Throws before the first start.
   */
  applyUpdate = (update: PlanUpdate): void => {
    const report = this.report;
    if (!report) throw new Error('a plan update came before the plan was loaded');
    this.applyGridChanges(update.grids);
    this.applyReport(applyReportDelta(report, update.delta));
    this.planId = update.history.planId;
  };

  /** A grid of the plan shown. */
  gridOf = (id: string): GridFeature | null => this.#gridById.get(id) ?? null;

  /** The workload figures of a grid of the plan shown. */
  workloadOf = (id: string): GridWorkload | null => this.#workloadById.get(id) ?? null;
}
