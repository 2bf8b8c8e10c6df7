/**
 * The editor: which tool is chosen and how it paints, the grid the tools act on, and the calls
 * that edit the plan shown (commands, a vertex drag, undo and redo). Every call goes through the
 * plan channel, so the worker sees them one at a time and the UI applies their answers in order.
 * An edit on the baseline (现状) first creates a plan named “方案 N” and edits that. During a drag
 * at most one preview is in flight; the newest position is sent when it returns.
 */
import type { Position } from 'geojson';
import type { EditCommand } from '../../editing/plan.ts';
import type { SnapResult } from '../../editing/snapping.ts';
import { callDataWorker } from '../../workers/data-client.ts';
import type { EditOutcome, HistoryState, PlanUpdate } from '../../workers/plan-session.ts';
import { app } from '../app-state.svelte.ts';
import { LatestOnly } from './plan-client.ts';
import { editProblemText, planChannel, type PlanMessage } from './plan-channel.svelte.ts';
import { plans } from './plans.svelte.ts';

export type EditTool = 'select' | 'reshape' | 'split' | 'merge' | 'draw' | 'paint' | 'delete';
export type PaintMode = 'click' | 'box' | 'lasso' | 'brush';

type Apply = (update: PlanUpdate) => void;

/** Applies an edit's answer; true when it was applied (`stored`: it was an edit to store). */
function settle(outcome: EditOutcome, apply: Apply, stored = true): boolean {
  if (outcome.ok) {
    apply(outcome);
    planChannel.saved = stored;
    if (outcome.warnings.length > 0)
      planChannel.info(outcome.warnings.map(editProblemText).join(' '));
    else if (planChannel.message?.kind !== 'storage') planChannel.message = null;
    return true;
  }
  if (outcome.revert) apply(outcome.revert);
  if ('problem' in outcome) planChannel.problem(outcome.problem);
  else planChannel.storageProblem([outcome.storage]);
  return false;
}

class Editor {
  tool = $state<EditTool>('select');
  paintMode = $state<PaintMode>('brush');
  brushRadiusPx = $state(24);

  /** The grid the tools act on: the selected grid. */
  get activeGridId(): string | null {
    const selection = app.view.selection;
    return selection?.kind === 'grid' ? selection.id : null;
  }

  /** The plan shown; null for the baseline (现状), which is read-only. */
  get planId(): string | null {
    return app.plan.planId;
  }

  get history(): HistoryState | null {
    return planChannel.history;
  }

  /** An edit is waiting or in flight. */
  get busy(): boolean {
    return planChannel.busy;
  }

  /** True once the last edit (or undo, redo) was stored. */
  get saved(): boolean {
    return planChannel.saved;
  }

  /** The last refusal or storage problem, in words; null when none. */
  get message(): PlanMessage | null {
    return planChannel.message;
  }
  set message(message: PlanMessage | null) {
    planChannel.message = message;
  }

  #dragging = false;
  readonly #moves = new LatestOnly<Position>((to) =>
    planChannel.run(async (apply) => {
      const outcome = await callDataWorker<EditOutcome>((w) => w.dragTo(to));
      // A refused preview changes nothing in the worker; the map keeps the last good one.
      if (outcome.ok) apply(outcome);
    }),
  );

  /**
   * Runs an edit; on the baseline it first creates a plan named 方案 N and switches to it.
   * @example
   * await editor.run({ op: 'merge', gridIds: [a, b] }); // true when applied
   */
  async run(command: EditCommand): Promise<boolean> {
    const applied = await planChannel.run(async (apply) => {
      planChannel.saved = false;
      if (!(await plans.ensurePlan(apply))) return false;
      return settle(await callDataWorker<EditOutcome>((w) => w.edit(command)), apply);
    });
    return applied === true;
  }

  /** Starts a vertex drag at `from` (creating a plan first on the baseline). */
  async startDrag(from: Position): Promise<void> {
    this.#dragging = true;
    await planChannel.run(async (apply) => {
      planChannel.saved = false;
      if (await plans.ensurePlan(apply)) await callDataWorker((w) => w.startDrag(from));
    });
  }

  /** A drag preview at `to`: throttled, at most one in flight, the newest position wins. */
  dragTo(to: Position): void {
    if (this.#dragging) this.#moves.push(to);
  }

  /** Ends the drag at `to` (one history entry), or cancels it (null); true when applied. */
  async endDrag(to: Position | null): Promise<boolean> {
    this.#dragging = false;
    this.#moves.cancel();
    const applied = await planChannel.run(async (apply) =>
      settle(await callDataWorker<EditOutcome>((w) => w.endDrag(to)), apply, to !== null),
    );
    return applied === true && to !== null;
  }

  /** Snaps a position to the grids and border of its community and to road centre lines. */
  snap(position: Position, toleranceM: number, ignore?: Position): Promise<SnapResult> {
    return callDataWorker((w) => w.snap(position, toleranceM, ignore));
  }

  undo(): Promise<void> {
    return this.#step('undo');
  }

  redo(): Promise<void> {
    return this.#step('redo');
  }

  async #step(direction: 'undo' | 'redo'): Promise<void> {
    await planChannel.run(async (apply) => {
      const outcome = await callDataWorker<EditOutcome | null>((w) =>
        direction === 'undo' ? w.undo() : w.redo(),
      );
      if (!outcome) return;
      planChannel.saved = false;
      settle(outcome, apply);
    });
  }
}

export const editor = new Editor();
