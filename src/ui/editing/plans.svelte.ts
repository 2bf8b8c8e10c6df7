/**
 * The plans (方案) of the street on screen, as the plan bar and the comparison use them: the plan
 * list, creating (from the plan shown), switching, renaming, duplicating, deleting, export and
 * import of a plan's grids, taking up a suggested plan, the backup offered when storage fails, and the view (camera,
 * colouring, tab) saved with the session a second after it last changed, once a load has taken
 * up the last session's plan and view. Calls that change the plan shown go through the plan
 * channel.
 */
import type { ReportLang } from '../../reports/number-format.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { loadProblemGroupText } from '../../io/problem-groups.ts';
import type { PlanImportFailure } from '../../io/plan-geojson.ts';
import type { StorageProblem } from '../../io/storage-problems.ts';
import { callDataWorker } from '../../workers/data-client.ts';
import type { LoadedStreet } from '../../workers/loaded-street.ts';
import type { PlanCompareView } from '../../workers/plan-api.ts';
import type { PlanSummary, PlanSwitch, PlanUpdate } from '../../workers/plan-session.ts';
import { app } from '../app-state.svelte.ts';
import { downloadText } from '../download.ts';
import { planChannel, storageProblemText } from './plan-channel.svelte.ts';
import { copyName, nextPlanName } from './plan-names.ts';
import type { SavedView } from './saved-view.ts';

type Apply = (update: PlanUpdate) => void;
type Failure = { ok: false; storage: StorageProblem };
type Exported = { ok: true; text: string } | Failure;
type Compared = { ok: true; value: PlanCompareView } | Failure;
type Reported = { ok: true; markdown: string; csv: string } | Failure;

/** Why an import was refused, in words, with the loader's problems. */
export interface ImportRefusal {
  reason: string;
  problems: string[];
}

/** The answer of a comparison: the comparison, or why it could not be made. */
export type CompareAnswer = { ok: true; value: PlanCompareView } | { ok: false; text: string };

const VIEW_SAVE_DELAY_MS = 1000;

/** A file name without its extension. */
const baseName = (fileName: string): string => fileName.replace(/\.[^.]+$/, '') || fileName;

/** A name that no plan has yet: `name` itself or `name 2`, `name 3` … */
const uniqueName = (name: string, taken: readonly string[]): string =>
  copyName(name, taken, (n) => n);

class Plans {
  /** The plans of this street, most recently changed first. */
  list = $state.raw<PlanSummary[]>([]);
  /** True once the last session's plan and view are back after a load (views save from then). */
  resumed = $state(false);
  #viewTimer: ReturnType<typeof setTimeout> | null = null;
  #unsavedView: SavedView | null = null;

  /** A plan's name, 现状 for the baseline (null). */
  nameOf = (planId: string | null): string =>
    planId === null
      ? i18n.t('plans.baseline')
      : (this.list.find((p) => p.id === planId)?.name ?? planId);

  #names(): string[] {
    return this.list.map((p) => p.name);
  }

  async #refresh(): Promise<void> {
    const listed = await callDataWorker((w) => w.listPlans());
    this.list = listed.plans;
    planChannel.storageProblem(listed.problems);
  }

  /** Applies a plan switch and refreshes the list; false when storage stopped it. */
  async #switched(switched: PlanSwitch | null, apply: Apply): Promise<boolean> {
    if (switched && !switched.ok) {
      planChannel.storageProblem([switched.storage]);
      return false;
    }
    if (switched) apply(switched.update);
    await this.#refresh();
    return true;
  }

  /**
   * Inside a plan-channel task: when the baseline is shown, creates “方案 N” from it and shows
   * it; false when it could not be created.
   * @example
   * await planChannel.run(async (apply) => (await plans.ensurePlan(apply)) && edit());
   */
  async ensurePlan(apply: Apply): Promise<boolean> {
    if (app.plan.planId !== null) return true;
    const name = nextPlanName(this.#names(), (n) => i18n.t('plans.defaultName', { n: String(n) }));
    return this.#switched(await callDataWorker<PlanSwitch>((w) => w.createPlan(name, null)), apply);
  }

  /** A new plan from the plan shown (or the baseline), shown at once. */
  async create(): Promise<void> {
    await planChannel.run(async (apply) => {
      const name = nextPlanName(this.#names(), (n) =>
        i18n.t('plans.defaultName', { n: String(n) }),
      );
      const from = app.plan.planId;
      await this.#switched(
        await callDataWorker<PlanSwitch>((w) => w.createPlan(name, from)),
        apply,
      );
    });
  }

  /** Shows another plan, or the baseline (null). */
  async show(planId: string | null): Promise<void> {
    await planChannel.run(async (apply) => {
      await this.#switched(await callDataWorker<PlanSwitch>((w) => w.switchPlan(planId)), apply);
    });
  }

  async rename(planId: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed === this.nameOf(planId)) return;
    await planChannel.run(async () => {
      const problem = await callDataWorker((w) => w.renamePlan(planId, trimmed));
      if (problem) planChannel.storageProblem([problem]);
      await this.#refresh();
    });
  }

  /** A copy of a plan, history included, shown at once. */
  async duplicate(planId: string): Promise<void> {
    await planChannel.run(async (apply) => {
      const name = copyName(this.nameOf(planId), this.#names(), (n) =>
        i18n.t('plans.copyName', { name: n }),
      );
      await this.#switched(
        await callDataWorker<PlanSwitch>((w) => w.duplicatePlan(planId, name)),
        apply,
      );
    });
  }

  /** Deletes a plan; when it is shown, the baseline is shown instead. */
  async remove(planId: string): Promise<void> {
    await planChannel.run(async (apply) => {
      await this.#switched(
        await callDataWorker<PlanSwitch | null>((w) => w.deletePlan(planId)),
        apply,
      );
    });
  }

  /** Downloads a plan's grids (or the baseline's) as `<plan name>.geojson`. */
  async exportGeoJSON(planId: string | null): Promise<void> {
    const name = this.nameOf(planId);
    const exported = await planChannel.run(() =>
      callDataWorker<Exported>((w) => w.exportPlan(planId, name)),
    );
    if (!exported) return;
    if (exported.ok) downloadText(`${name}.geojson`, exported.text);
    else planChannel.storageProblem([exported.storage]);
  }

  /** Imports a grids file as a new plan and shows it; the refusal in words when it fails. */
  async importFile(file: File): Promise<ImportRefusal | null> {
    const text = await file.text();
    const refusal = await planChannel.run(async (apply): Promise<ImportRefusal | null> => {
      const name = uniqueName(baseName(file.name), this.#names());
      const { imported, switched } = await callDataWorker((w) =>
        w.importPlan(file.name, text, name),
      );
      if (!imported.ok) {
        const reason: `plans.importReason.${PlanImportFailure}` = `plans.importReason.${imported.reason}`;
        return {
          reason: i18n.t(reason),
          problems: imported.problems.map((g) => loadProblemGroupText(g, i18n.lang)),
        };
      }
      await this.#switched(switched, apply);
      return null;
    });
    return refusal ?? null;
  }

  /** Stores the suggestion on screen as a new plan (建议方案, 建议方案 2 …) and shows it. */
  async acceptSuggestion(): Promise<boolean> {
    return (
      (await planChannel.run(async (apply) => {
        const name = uniqueName(i18n.t('suggest.planName'), this.#names());
        return this.#switched(
          await callDataWorker<PlanSwitch | null>((w) => w.acceptSuggestion(name)),
          apply,
        );
      })) ?? false
    );
  }

  /** Downloads every plan and history entry of this street as JSON, for safe keeping. */
  async backup(): Promise<void> {
    const stored = await callDataWorker<{ ok: true; value: unknown } | Failure>((w) => w.backup());
    if (!stored.ok) {
      planChannel.message = { kind: 'storage', text: storageProblemText(stored.storage) };
      return;
    }
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    downloadText(
      `gridatlas-plans-${stamp}.json`,
      JSON.stringify(stored.value, null, 1),
      'application/json',
    );
  }

  /** The plan shown compared with another plan, or with the baseline (null). */
  async compare(otherId: string | null): Promise<CompareAnswer> {
    const compared = await planChannel.run(() =>
      callDataWorker<Compared>((w) => w.compare(otherId)),
    );
    if (!compared) return { ok: false, text: i18n.t('compare.failed') };
    return compared.ok ? compared : { ok: false, text: storageProblemText(compared.storage) };
  }

  /** Downloads the change report (调整说明) from another plan (or the baseline) to the shown one. */
  async downloadChangeReport(otherId: string | null, format: 'markdown' | 'csv'): Promise<void> {
    const names = { before: this.nameOf(otherId), after: this.nameOf(app.plan.planId) };
    const lang: ReportLang = i18n.lang;
    const report = await planChannel.run(() =>
      callDataWorker<Reported>((w) => w.changeReport(otherId, names, lang)),
    );
    if (!report) return;
    if (!report.ok) {
      planChannel.storageProblem([report.storage]);
      return;
    }
    const fileName = `${i18n.t('compare.reportFile', names)}`;
    if (format === 'markdown') downloadText(`${fileName}.md`, report.markdown, 'text/markdown');
    else downloadText(`${fileName}.csv`, report.csv, 'text/csv');
  }

  /**
   * After a load (which took up the last session's plan and view): lists the plans, and from
   * then on saves the view.
   * @example
   * $effect(() => { if (app.loaded.street) void plans.afterLoad(app.loaded.street); });
   */
  async afterLoad(street: LoadedStreet): Promise<void> {
    this.resumed = false;
    this.list = [];
    planChannel.reset(street);
    await planChannel.run(() => this.#refresh());
    if (app.loaded.street === street) this.resumed = true;
  }

  /** Saves the view a second after the last call (each call restarts the wait). */
  saveViewSoon(view: SavedView): void {
    if (!this.resumed) return;
    if (this.#viewTimer !== null) clearTimeout(this.#viewTimer);
    this.#unsavedView = view;
    this.#viewTimer = setTimeout(() => this.flushView(), VIEW_SAVE_DELAY_MS);
  }

  /** Saves a view still waiting for its second at once (the page is being hidden or left). */
  flushView = (): void => {
    if (this.#viewTimer !== null) clearTimeout(this.#viewTimer);
    this.#viewTimer = null;
    const view = this.#unsavedView;
    this.#unsavedView = null;
    if (view) void this.#saveView(view);
  };

  async #saveView(view: SavedView): Promise<void> {
    const problem = await callDataWorker((w) => w.saveView(view));
    if (problem) planChannel.storageProblem([problem]);
  }
}

export const plans = new Plans();
