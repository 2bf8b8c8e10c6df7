/**
 * The plan half of the data worker's API: listing, creating, switching and deleting plans,
 * editing the current plan (commands, a vertex drag, undo and redo), snapping, comparing a plan
 * with another or the baseline, the change report, and export and import of a plan's grids.
 * Every answer is plain data; the UI applies the updates in the order they come.
 */
import type { Briefing } from '../briefing/briefing.ts';
import type { BBox, Position } from 'geojson';
import type { FlatPolygon } from '../analysis/coverage/clip-area.ts';
import { CoverageEngine } from '../analysis/coverage/engine.ts';
import type { AnalysisInput } from '../analysis/coverage/input.ts';
import { flatPolygons, geometryContains, bboxOf } from '../analysis/coverage/prepared.ts';
import type { ReportLang } from '../reports/number-format.ts';
import { changeReportCsv, changeReportMarkdown } from '../reports/change-report.ts';
import {
  compareContextOf,
  comparePlans,
  type PlanComparison,
  type PlanFigures,
} from '../analysis/plan-compare.ts';
import type { GridSettings } from '../domain/settings.ts';
import type { BasemapFeature, CommunityFeature, GridFeature } from '../domain/types.ts';
import { planGrids, type EditCommand, type Plan } from '../editing/plan.ts';
import {
  snapPosition,
  snapTargets,
  type SnapResult,
  type SnapTargets,
} from '../editing/snapping.ts';
import { exportPlanGeoJSON, importPlanGeoJSON, type PlanImport } from '../io/plan-geojson.ts';
import type { StorageProblem } from '../io/plan-store.ts';
import type { EditOutcome, PlanSession, PlanSummary, PlanSwitch } from './plan-session.ts';

/** What the plan list shows, with any storage problems met while reading it. */
export interface PlanList {
  plans: PlanSummary[];
  currentPlanId: string | null;
  problems: StorageProblem[];
}

/** The comparison of the plan on screen with another plan or the baseline. */
export interface PlanCompareView {
  comparison: PlanComparison;
  /** The other plan's grids that differ from the plan on screen, for the overlay. */
  otherGrids: GridFeature[];
}

/** The street the plans belong to, as the plan API reads it. */
export interface PlanWorkspace {
  session: PlanSession;
  input: AnalysisInput;
  roads: readonly BasemapFeature[];
  settings: GridSettings;
}

type Failure = { ok: false; storage: StorageProblem };

/**
 * The plan API over the workspace of the street on screen.
 * @example
 * const plans = createPlanApi(() => workspace);
 * await plans.createPlan('方案一', null);
 */
export function createPlanApi(workspace: () => PlanWorkspace) {
  const session = () => workspace().session;
  let snapCache: { plan: Plan; communityId: string; targets: SnapTargets } | null = null;

  /** The figures of a plan: the engine's own for the plan being edited, else a fresh report. */
  const figuresOf = (plan: Plan): PlanFigures => {
    const current = plan === session().plan ? session().currentFigures() : null;
    if (current) return current;
    const { input, settings } = workspace();
    const report = new CoverageEngine({ ...input, grids: planGrids(plan) }, settings).report();
    return { grids: report.grids, assignments: report.assignments };
  };

  // Communities flattened once per street, not on every snap of a drag.
  const flatCommunities = new WeakMap<
    AnalysisInput,
    { feature: CommunityFeature; flat: FlatPolygon[]; bbox: BBox }[]
  >();
  const communityAt = (position: Position): CommunityFeature | null => {
    const { input } = workspace();
    let prepared = flatCommunities.get(input);
    if (!prepared) {
      prepared = input.communities.map((feature) => ({
        feature,
        flat: flatPolygons(feature.geometry),
        bbox: bboxOf(feature.geometry),
      }));
      flatCommunities.set(input, prepared);
    }
    return prepared.find((c) => geometryContains(c.flat, c.bbox, position))?.feature ?? null;
  };

  const comparison = async (
    otherId: string | null,
  ): Promise<{ ok: true; value: PlanCompareView } | Failure> => {
    const other = await session().planOf(otherId);
    if (!other.ok) return other;
    const current = session().plan;
    const value = comparePlans(
      figuresOf(other.value),
      figuresOf(current),
      compareContextOf(workspace().input),
    );
    const otherGrids = planGrids(other.value).filter(
      (g) => current.grids.get(g.properties.id)?.grid !== g,
    );
    return { ok: true, value: { comparison: value, otherGrids } };
  };

  return {
    async listPlans(): Promise<PlanList> {
      const { plans, problems } = await session().listPlans();
      return { plans, currentPlanId: session().history.planId, problems };
    },
    switchPlan: (planId: string | null): Promise<PlanSwitch> => session().switchTo(planId),
    createPlan: (name: string, from: string | null): Promise<PlanSwitch> =>
      session().createPlan(name, from),
    duplicatePlan: (planId: string, name: string): Promise<PlanSwitch> =>
      session().duplicatePlan(planId, name),
    renamePlan: (planId: string, name: string) => session().renamePlan(planId, name),
    deletePlan: (planId: string): Promise<PlanSwitch | null> => session().deletePlan(planId),
    saveView: (view: unknown) => session().saveView(view),
    listBriefings: () => session().listBriefings(),
    saveBriefing: (briefing: Briefing) => session().saveBriefing(briefing),
    deleteBriefing: (briefingId: string) => session().deleteBriefing(briefingId),
    edit: (command: EditCommand): Promise<EditOutcome> => session().edit(command),
    undo: () => session().step('undo'),
    redo: () => session().step('redo'),
    startDrag: (from: Position): void => session().startDrag(from),
    dragTo: (to: Position): EditOutcome => session().dragTo(to),
    endDrag: (to: Position | null): Promise<EditOutcome> => session().endDrag(to),
    backup: () => session().backup(),

    /** Snaps a position to the grids and border of its community and to road centre lines. */
    snap(position: Position, toleranceM: number, ignore?: Position): SnapResult {
      const plan = session().plan;
      const community = communityAt(position);
      if (!community) return { position, snap: null };
      const communityId = community.properties.id;
      if (snapCache?.plan !== plan || snapCache.communityId !== communityId) {
        const grids = planGrids(plan).filter((g) => g.properties.communityId === communityId);
        snapCache = {
          plan,
          communityId,
          targets: snapTargets(grids, community, workspace().roads),
        };
      }
      return snapPosition(position, snapCache.targets, toleranceM, ignore ? { ignore } : {});
    },

    /** The plan on screen compared with another plan, or with the baseline (null). */
    compare: (otherId: string | null) => comparison(otherId),

    /** The change report (调整说明) from another plan or the baseline to the plan on screen. */
    async changeReport(
      otherId: string | null,
      names: { before: string; after: string },
      lang: ReportLang,
    ): Promise<{ ok: true; markdown: string; csv: string } | Failure> {
      const compared = await comparison(otherId);
      if (!compared.ok) return compared;
      const { comparison: result } = compared.value;
      return {
        ok: true,
        markdown: changeReportMarkdown(result, {
          lang,
          beforeName: names.before,
          afterName: names.after,
        }),
        csv: changeReportCsv(result, { lang }),
      };
    },

    /** A plan's grids layer as GeoJSON (RFC 7946), which `npm run check` accepts. */
    async exportPlan(
      planId: string | null,
      name: string,
    ): Promise<{ ok: true; text: string } | Failure> {
      const plan = await session().planOf(planId);
      if (!plan.ok) return plan;
      return { ok: true, text: exportPlanGeoJSON(planGrids(plan.value), { name }) };
    },

    /** Reads a grids file as a new plan and shows it; the file's problems come back as they are. */
    async importPlan(
      fileName: string,
      text: string,
      name: string,
    ): Promise<{ imported: PlanImport; switched: PlanSwitch | null }> {
      const imported = importPlanGeoJSON(text, fileName, workspace().settings);
      if (!imported.ok) return { imported, switched: null };
      const switched = await session().createPlan(name, { imported: imported.plan, fileName });
      return { imported, switched };
    },
  };
}

export type PlanApi = ReturnType<typeof createPlanApi>;
