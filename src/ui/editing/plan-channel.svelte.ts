/**
 * The one way the UI changes the plan shown: every data-worker call that changes it runs through
 * one queue, strictly one after another, and its update (grid changes, report delta, history) is
 * applied to the app state before the next call starts, because each delta is relative to the
 * one before. It also holds what the plan bar and the editor show about those calls: the history
 * of the plan shown, whether a call is in flight, whether the last edit was stored, and the last
 * refusal or storage problem in words.
 */
import type { EditProblem } from '../../editing/plan.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import type { MessageKey } from '../../i18n/zh.ts';
import type { StorageProblem } from '../../io/storage-problems.ts';
import type { LoadedStreet } from '../../workers/loaded-street.ts';
import type { HistoryState, PlanUpdate } from '../../workers/plan-session.ts';
import { app } from '../app-state.svelte.ts';
import { SerialQueue } from './plan-client.ts';

/** A message for the user about the last plan call. */
export interface PlanMessage {
  kind: 'problem' | 'storage' | 'info';
  text: string;
}

/** Parameters that name a community are shown with its name. */
const COMMUNITY_PARAM = /communityid$/i;

function withNames(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      COMMUNITY_PARAM.test(key) && typeof value === 'string' ? app.communityName(value) : value,
    ]),
  );
}

/** An edit refusal in words. */
export function editProblemText(problem: EditProblem): string {
  return i18n.t(`edit.problem.${problem.code}` as MessageKey, withNames(problem.params));
}

/** A storage problem in words. */
export function storageProblemText(problem: StorageProblem): string {
  return i18n.t(`storage.problem.${problem.code}` as MessageKey, problem.params);
}

class PlanChannel {
  /** The history of the plan shown; null until the first answer after a load. */
  history = $state.raw<HistoryState | null>(null);
  message = $state.raw<PlanMessage | null>(null);
  /** True from a stored edit (or history step) until the next call that changes the plan. */
  saved = $state(false);
  #calls = $state(0);
  /** A call that changes the plan is waiting or in flight. */
  busy = $derived(this.#calls > 0);
  readonly #queue = new SerialQueue((size) => (this.#calls = size));

  /**
   * Runs `task` after every plan call before it. The task applies its updates with the `apply`
   * it is given, which drops them if another street was loaded meanwhile (the plan state then
   * belongs to that street). A task that throws (a worker failure: a bug, not a refusal) leaves a
   * message and resolves to null.
   * @example
   * await planChannel.run(async (apply) => apply((await callDataWorker((w) => w.undo()))!));
   */
  run<T>(task: (apply: (update: PlanUpdate) => void) => Promise<T>): Promise<T | null> {
    const street = app.loaded.street;
    const apply = (update: PlanUpdate) => {
      if (app.loaded.street === street) this.#apply(update);
    };
    return this.#queue
      .run(() => task(apply))
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        this.message = { kind: 'problem', text: i18n.t('plans.failed', { reason }) };
        return null;
      });
  }

  /** Resolves once every plan call given so far has settled. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  #apply(update: PlanUpdate): void {
    app.plan.applyUpdate(update);
    this.history = update.history;
    if (update.problems.length > 0) this.storageProblem(update.problems);
  }

  /** Shows a refusal. */
  problem(problem: EditProblem): void {
    this.message = { kind: 'problem', text: editProblemText(problem) };
  }

  /** Shows storage problems (the export-backup offer comes with them). */
  storageProblem(problems: readonly StorageProblem[]): void {
    if (problems.length === 0) return;
    this.saved = false;
    this.message = { kind: 'storage', text: problems.map(storageProblemText).join(' ') };
  }

  info(text: string): void {
    this.message = { kind: 'info', text };
  }

  /**
   * A new street was loaded: its session starts where the worker resumed it (the last session's
   * plan, already applied to the plan state with the load), else on the baseline with no history.
   */
  reset(street: LoadedStreet): void {
    const switched = street.resumed?.switched;
    this.history = switched?.ok
      ? switched.update.history
      : { planId: null, cursor: 0, length: 0, undo: null, redo: null };
    this.saved = false;
    this.message = null;
    if (street.storageProblem) this.storageProblem([street.storageProblem]);
    if (switched?.ok) this.storageProblem(switched.update.problems);
    else if (switched) this.storageProblem([switched.storage]);
  }
}

export const planChannel = new PlanChannel();
