/**
 * The plans of the street on screen, kept in the data worker: the baseline (现状) as loaded, the
 * planner's named plans (方案) with their edit histories, and the one plan being edited. Every
 * edit runs as a command (src/editing) that yields a patch; the engine re-checks the plan while
 * the patch is written to the plan store, and the UI sees it only once it is written, so what
 * the UI shows as done is on disk. The coverage engine always reflects exactly one plan:
 * switching, undoing or dragging hands it only the grids that differ, and the UI gets back what
 * changed (grids and a report delta), never the street.
 */
import type { Briefing } from '../briefing/briefing.ts';
import type { Feature, Point, Position } from 'geojson';
import { polygonLabel, type LabelProperties } from '../analysis/label-points.ts';
import type { CoverageEngine } from '../analysis/coverage/engine.ts';
import type { GridChange } from '../analysis/coverage/input.ts';
import type { CoverageReport, ReportDelta } from '../analysis/coverage/report.ts';
import { applyCommand } from '../editing/commands.ts';
import {
  applyPatch,
  invertPatch,
  planGrids,
  type EditCommand,
  type EditContext,
  type EditOp,
  type EditPatch,
  type EditProblem,
  type Plan,
} from '../editing/plan.ts';
import { moveVertex } from '../editing/vertex-edits.ts';
import type { GridFeature } from '../domain/types.ts';
import {
  restorePlan,
  StorageError,
  type HistoryEntryRecord,
  type PlanOrigin,
  type PlanRecord,
  type PlanStore,
  type StorageProblem,
} from '../io/plan-store.ts';

/** The grids that changed on the map: features to set, ids to drop, the new order if it moved. */
export interface GridChanges {
  changed: GridFeature[];
  /** The label points of the changed grids. */
  labels: Feature<Point, LabelProperties>[];
  removedIds: string[];
  /** Every grid id in plan order, when a grid was added or removed; else null. */
  order: string[] | null;
}

/** A plan as the plan list shows it. */
export interface PlanSummary {
  id: string;
  name: string;
  createdFrom: PlanOrigin;
  createdAt: string;
  updatedAt: string;
  /** Edits applied (the history cursor). */
  edits: number;
}

/** Where the plan being edited stands in its history. */
export interface HistoryState {
  /** Null when the baseline is shown (it cannot be edited). */
  planId: string | null;
  cursor: number;
  length: number;
  undo: EditOp | null;
  redo: EditOp | null;
}

/** What every call that changes the plan on screen answers. */
export interface PlanUpdate {
  grids: GridChanges;
  delta: ReportDelta;
  history: HistoryState;
  /** Storage problems met on the way that did not stop the call (e.g. a damaged redo entry). */
  problems: StorageProblem[];
}

/**
 * An edit's answer: applied (with any warnings), refused (with why), or not saved. A refused or
 * unsaved drag still carries the update that puts the map back where the plan stands.
 */
export type EditOutcome =
  | ({ ok: true; warnings: EditProblem[] } & PlanUpdate)
  | { ok: false; problem: EditProblem; revert?: PlanUpdate }
  | { ok: false; storage: StorageProblem; revert?: PlanUpdate };

/** A call that changes which plan is shown: its update, or the storage problem that stopped it. */
export type PlanSwitch = { ok: true; update: PlanUpdate } | { ok: false; storage: StorageProblem };

/** The last session taken up again: the switch to its plan (null: the baseline), and its view. */
export interface ResumedSession {
  switched: PlanSwitch | null;
  view: unknown;
}

type Stored<T> = { ok: true; value: T } | { ok: false; storage: StorageProblem };

interface Current {
  id: string | null;
  /** The plan as its history cursor leaves it. */
  plan: Plan;
  entries: HistoryEntryRecord[];
  cursor: number;
}

function summaryOf(record: PlanRecord): PlanSummary {
  return {
    id: record.id,
    name: record.name,
    createdFrom: record.createdFrom,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    edits: record.cursor,
  };
}

/** The grid changes that turn plan `from` into plan `to` (grids compared by identity). */
export function diffPlans(from: Plan, to: Plan): GridChange[] {
  const changes: GridChange[] = [];
  for (const [gridId] of from.grids)
    if (!to.grids.has(gridId)) changes.push({ gridId, grid: null });
  for (const [gridId, { rank, grid }] of to.grids)
    if (from.grids.get(gridId)?.grid !== grid) changes.push({ gridId, grid, rank });
  return changes;
}

/**
 * The patch that turns the baseline into `plan` (the seed of a plan created from another plan).
 * @example
 * applyPatch(baseline, patchFromBaseline(baseline, plan)); // the grids of plan
 */
export function patchFromBaseline(baseline: Plan, plan: Plan): EditPatch {
  return {
    entries: diffPlans(baseline, plan).map(({ gridId, grid }) => ({
      gridId,
      rank: (plan.grids.get(gridId) ?? baseline.grids.get(gridId))!.rank,
      before: baseline.grids.get(gridId)?.grid ?? null,
      after: grid,
    })),
  };
}

/**
 * An imported plan laid over the baseline: grids identical to the baseline's are the baseline's
 * own objects with their ranks, other grids of a baseline id keep its rank, and new grids follow
 * in file order; so a plan exported and imported again is the same plan.
 * @example
 * patchFromBaseline(baseline, alignWithBaseline(baseline, imported)).entries.length; // grids changed
 */
export function alignWithBaseline(baseline: Plan, imported: Plan): Plan {
  const grids = new Map<string, { rank: number; grid: GridFeature }>();
  let nextRank = baseline.nextRank;
  for (const grid of planGrids(imported)) {
    const gridId = grid.properties.id;
    const known = baseline.grids.get(gridId);
    const same = known && JSON.stringify(known.grid) === JSON.stringify(grid);
    grids.set(gridId, { rank: known?.rank ?? nextRank++, grid: same ? known.grid : grid });
  }
  return { grids, nextRank };
}

export interface PlanSessionOptions {
  baseline: Plan;
  context: EditContext;
  engine: CoverageEngine;
  datasetKey: string;
  store: PlanStore | null;
  /** Why the store could not be opened, when it could not. */
  storageProblem: StorageProblem | null;
}

export class PlanSession {
  readonly #baseline: Plan;
  readonly #context: EditContext;
  readonly #engine: CoverageEngine;
  readonly #datasetKey: string;
  readonly #store: PlanStore | null;
  readonly #storeProblem: StorageProblem | null;
  /** The plan the engine reflects (the current plan, or a drag preview of it). */
  #enginePlan: Plan;
  #current: Current;
  #drag: { from: Position; plan: Plan } | null = null;

  constructor(options: PlanSessionOptions) {
    this.#baseline = options.baseline;
    this.#context = options.context;
    this.#engine = options.engine;
    this.#datasetKey = options.datasetKey;
    this.#store = options.store;
    this.#storeProblem = options.storageProblem;
    this.#enginePlan = this.#baseline;
    this.#current = { id: null, plan: this.#baseline, entries: [], cursor: 0 };
  }

  get baseline(): Plan {
    return this.#baseline;
  }

  get context(): EditContext {
    return this.#context;
  }

  /** The plan being edited (or the baseline). */
  get plan(): Plan {
    return this.#current.plan;
  }

  get history(): HistoryState {
    const { id, cursor, entries } = this.#current;
    return {
      planId: id,
      cursor,
      length: entries.length,
      undo: cursor > 0 ? entries[cursor - 1]!.command.op : null,
      redo: cursor < entries.length ? entries[cursor]!.command.op : null,
    };
  }

  /** Runs a store call; storage failures come back as data, anything else is a bug and throws. */
  async #stored<T>(call: (store: PlanStore) => Promise<T>): Promise<Stored<T>> {
    if (!this.#store)
      return { ok: false, storage: this.#storeProblem ?? { code: 'unavailable', params: {} } };
    try {
      return { ok: true, value: await call(this.#store) };
    } catch (error) {
      if (error instanceof StorageError) return { ok: false, storage: error.problem };
      throw error;
    }
  }

  /** Makes the engine reflect `plan` and says what changed. */
  #update(plan: Plan, problems: StorageProblem[] = []): PlanUpdate {
    const changes = diffPlans(this.#enginePlan, plan);
    const membership = changes.some(
      (c) => c.grid === null || !this.#enginePlan.grids.has(c.gridId),
    );
    const delta = this.#engine.updateGrids(changes);
    this.#enginePlan = plan;
    return {
      grids: {
        changed: changes.flatMap((c) => (c.grid ? [c.grid] : [])),
        labels: changes.flatMap((c) => (c.grid ? [polygonLabel('grids', c.grid)] : [])),
        removedIds: changes.filter((c) => c.grid === null).map((c) => c.gridId),
        order: membership ? planGrids(plan).map((g) => g.properties.id) : null,
      },
      delta,
      history: this.history,
      problems,
    };
  }

  /**
   * The coverage figures of the plan being edited, read from the engine that already holds it;
   * null while a drag preview holds the engine elsewhere.
   */
  currentFigures(): Pick<CoverageReport, 'grids' | 'assignments'> | null {
    if (this.#enginePlan !== this.#current.plan) return null;
    const { grids, assignments } = this.#engine.report();
    return { grids, assignments };
  }

  /** The plans of this street, most recently changed first; unreadable ones are reported. */
  async listPlans(): Promise<{ plans: PlanSummary[]; problems: StorageProblem[] }> {
    const listed = await this.#stored((store) => store.listPlans(this.#datasetKey));
    if (!listed.ok) return { plans: [], problems: [listed.storage] };
    return {
      plans: listed.value.plans
        .map(summaryOf)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
      problems: listed.value.problems,
    };
  }

  /** Shows the baseline (null) or a stored plan, restored to its history cursor. */
  async switchTo(planId: string | null): Promise<PlanSwitch> {
    this.#drag = null;
    let problems: StorageProblem[] = [];
    if (planId === null) {
      this.#current = { id: null, plan: this.#baseline, entries: [], cursor: 0 };
    } else {
      const loaded = await this.#stored((store) => store.loadPlan(planId));
      if (!loaded.ok) return loaded;
      const { plan, entries } = loaded.value;
      problems = loaded.value.problems;
      this.#current = {
        id: planId,
        plan: restorePlan(this.#baseline, plan, entries),
        entries,
        cursor: plan.cursor,
      };
    }
    const saved = await this.#stored((store) =>
      store.saveSession({ datasetKey: this.#datasetKey, currentPlanId: planId }),
    );
    if (!saved.ok) problems = [...problems, saved.storage];
    return { ok: true, update: this.#update(this.#current.plan, problems) };
  }

  /**
   * Goes back to the plan the last session was on (after a reload), if it was on one, and gives
   * the view it saved; `switched` is null when the baseline stays.
   */
  async resume(): Promise<ResumedSession> {
    const session = await this.#stored((store) => store.loadSession(this.#datasetKey));
    if (!session.ok || !session.value) return { switched: null, view: null };
    const { currentPlanId, view } = session.value;
    return { switched: currentPlanId === null ? null : await this.switchTo(currentPlanId), view };
  }

  /** The street's briefings, oldest first; unreadable ones are reported. */
  async listBriefings(): Promise<{ briefings: Briefing[]; problems: StorageProblem[] }> {
    const listed = await this.#stored((store) => store.listBriefings(this.#datasetKey));
    if (!listed.ok) return { briefings: [], problems: [listed.storage] };
    return {
      briefings: listed.value.briefings.map(({ schemaVersion: _, ...briefing }) => briefing),
      problems: listed.value.problems,
    };
  }

  /** Stores a briefing of this street as it now stands. */
  async saveBriefing(briefing: Briefing): Promise<StorageProblem | null> {
    const saved = await this.#stored((store) =>
      store.saveBriefing({ ...briefing, datasetKey: this.#datasetKey }),
    );
    return saved.ok ? null : saved.storage;
  }

  async deleteBriefing(briefingId: string): Promise<StorageProblem | null> {
    const deleted = await this.#stored((store) => store.deleteBriefing(briefingId));
    return deleted.ok ? null : deleted.storage;
  }

  /** Saves the UI's view state (camera, metric, tab …) with the session. */
  async saveView(view: unknown): Promise<StorageProblem | null> {
    const saved = await this.#stored((store) =>
      store.saveSession({ datasetKey: this.#datasetKey, view }),
    );
    return saved.ok ? null : saved.storage;
  }

  /** The plan as stored, restored (without showing it). */
  async #restored(planId: string): Promise<Stored<{ record: PlanRecord; plan: Plan }>> {
    if (planId === this.#current.id) {
      const record = await this.#stored((store) => store.loadPlan(planId));
      if (!record.ok) return record;
      return { ok: true, value: { record: record.value.plan, plan: this.#current.plan } };
    }
    const loaded = await this.#stored((store) => store.loadPlan(planId));
    if (!loaded.ok) return loaded;
    const { plan, entries } = loaded.value;
    return { ok: true, value: { record: plan, plan: restorePlan(this.#baseline, plan, entries) } };
  }

  /** The grids of the baseline (null) or of a stored plan, without switching to it. */
  async planOf(planId: string | null): Promise<Stored<Plan>> {
    if (planId === null) return { ok: true, value: this.#baseline };
    const restored = await this.#restored(planId);
    return restored.ok ? { ok: true, value: restored.value.plan } : restored;
  }

  /** A new plan from the baseline (null), another plan, or given grids; shown at once. */
  async createPlan(
    name: string,
    from: string | null | { imported: Plan; fileName: string },
  ): Promise<PlanSwitch> {
    let seed: EditPatch = { entries: [] };
    let createdFrom: PlanOrigin = { kind: 'baseline' };
    if (typeof from === 'string') {
      const restored = await this.#restored(from);
      if (!restored.ok) return restored;
      seed = patchFromBaseline(this.#baseline, restored.value.plan);
      createdFrom = { kind: 'plan', planId: from, name: restored.value.record.name };
    } else if (from !== null) {
      seed = patchFromBaseline(this.#baseline, alignWithBaseline(this.#baseline, from.imported));
    }
    const record = await this.#stored((store) =>
      store.createPlan({ datasetKey: this.#datasetKey, name, createdFrom, seed }),
    );
    if (!record.ok) return record;
    return this.switchTo(record.value.id);
  }

  async renamePlan(planId: string, name: string): Promise<StorageProblem | null> {
    const done = await this.#stored((store) => store.renamePlan(planId, name));
    return done.ok ? null : done.storage;
  }

  async duplicatePlan(planId: string, name: string): Promise<PlanSwitch> {
    const record = await this.#stored((store) => store.duplicatePlan(planId, name));
    if (!record.ok) return record;
    return this.switchTo(record.value.id);
  }

  /** Deletes a plan; when it is the one shown, the baseline is shown instead. */
  async deletePlan(planId: string): Promise<PlanSwitch | null> {
    const done = await this.#stored((store) => store.deletePlan(planId));
    if (!done.ok) return done;
    return this.#current.id === planId ? this.switchTo(null) : null;
  }

  /** Applies an edit to the current plan: stored (while the engine re-checks), then answered. */
  async edit(command: EditCommand): Promise<EditOutcome> {
    const { id, plan, cursor } = this.#current;
    if (id === null) return { ok: false, problem: { code: 'baseline-read-only', params: {} } };
    const result = applyCommand(plan, this.#context, command);
    if (!result.ok) return result;
    const next = applyPatch(plan, result.patch);
    const stored = await this.#whileStoring(
      this.#stored((store) => store.appendEdit(id, { command, patch: result.patch })),
      next,
    );
    if (!stored.ok) return stored;
    const entries = [...this.#current.entries.slice(0, cursor), stored.value.stored];
    this.#current = { id, plan: next, entries, cursor: cursor + 1 };
    return { ok: true, warnings: result.warnings, ...stored.value.update, history: this.history };
  }

  /** Moves the history cursor one step back (undo) or forward (redo); null when it cannot. */
  async step(direction: 'undo' | 'redo'): Promise<EditOutcome | null> {
    const { id, plan, entries, cursor } = this.#current;
    const entry = direction === 'undo' ? entries[cursor - 1] : entries[cursor];
    if (id === null || !entry) return null;
    const target = direction === 'undo' ? cursor - 1 : cursor + 1;
    const next = applyPatch(plan, direction === 'undo' ? invertPatch(entry.patch) : entry.patch);
    const stored = await this.#whileStoring(
      this.#stored((store) => store.setCursor(id, target)),
      next,
    );
    if (!stored.ok) return stored;
    this.#current = { id, plan: next, entries, cursor: target };
    return { ok: true, warnings: [], ...stored.value.update, history: this.history };
  }

  /**
   * Brings the engine to `next` while the store writes, so the two overlap; when the write
   * fails, the engine goes back to the plan as it stands and the failure is the answer. The
   * update's history is the caller's to fill in once the plan has moved on.
   */
  async #whileStoring<T>(
    storing: Promise<Stored<T>>,
    next: Plan,
  ): Promise<Stored<{ stored: T; update: PlanUpdate }>> {
    const update = this.#update(next);
    const stored = await storing;
    if (stored.ok) return { ok: true, value: { stored: stored.value, update } };
    this.#update(this.#current.plan);
    return stored;
  }

  /** A vertex drag starts: moves are previews until `endDrag` makes one history entry. */
  startDrag(from: Position): void {
    this.#drag = { from, plan: this.#current.plan };
  }

  /** A drag preview: the engine and the answer reflect the moved vertex; nothing is stored. */
  dragTo(to: Position): EditOutcome {
    const drag = this.#drag;
    if (!drag) return { ok: false, problem: { code: 'vertex-not-found', params: {} } };
    if (this.#current.id === null)
      return { ok: false, problem: { code: 'baseline-read-only', params: {} } };
    const result = moveVertex(drag.plan, this.#context, drag.from, to);
    if (!result.ok) return result;
    return {
      ok: true,
      warnings: result.warnings,
      ...this.#update(applyPatch(drag.plan, result.patch)),
    };
  }

  /** Ends a drag at `to` (one history entry), or cancels it (null) back to where it started. */
  async endDrag(to: Position | null): Promise<EditOutcome> {
    const drag = this.#drag;
    this.#drag = null;
    const outcome = drag && to ? await this.edit({ op: 'move-vertex', from: drag.from, to }) : null;
    if (outcome?.ok) return outcome;
    // Refused, cancelled or not saved: the engine and the map go back to the plan as it stands.
    const revert = this.#update(this.#current.plan);
    return outcome ? { ...outcome, revert } : { ok: true, warnings: [], ...revert };
  }

  /** Every plan and history entry of this street, for the user to keep when storage fails. */
  async backup(): Promise<Stored<unknown>> {
    return this.#stored((store) => store.exportAll(this.#datasetKey));
  }
}
