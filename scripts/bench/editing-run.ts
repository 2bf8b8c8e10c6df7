/**
 * `npm run bench -- --editing`: the editing tools on the editing district (about 300 grids and
 * 10,000 buildings), through the data worker's own API with plans stored in fake-indexeddb: a
 * shared-vertex drag step, a brush stroke that reassigns about 100 buildings, undo, and restoring
 * a plan with 200 edits in its history. The baseline, measured in the same run, is what a tool
 * without the incremental engine does after each edit: a full coverage report of the new plan.
 * Prints a Markdown table and one JSON line.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { booleanIntersects, booleanWithin, buffer } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { loadFiles } from '../../src/io/load-files.ts';
import { openPlanStore } from '../../src/io/plan-store.ts';
import { createDataApi } from '../../src/workers/data-api.ts';
import type { EditOutcome, PlanSwitch } from '../../src/workers/plan-session.ts';
import { createRandom } from '../sample/random.ts';
import { editingDistrictFiles } from './editing-district.ts';
import { median } from './measure.ts';
import { interiorSharedVertices } from './shared-vertices.ts';

const log = (text: string): void => void process.stderr.write(`[editing] ${text}\n`);

function ok<T extends PlanSwitch | EditOutcome | null>(result: T): T {
  if (!result?.ok) throw new Error(`edit failed: ${JSON.stringify(result)}`);
  return result;
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const files = editingDistrictFiles();
const sources = files.map((f) => ({ name: f.name, blob: new Blob([f.text]) }));
const factory = new IDBFactory();
const api = createDataApi({ openStore: () => openPlanStore({ factory }) });
const firstLoad = await timedAsync(() => api.load(sources, () => undefined, DEFAULT_SETTINGS));
const street = firstLoad.value;
const grids = street.dataset.grids!.features;
const communities = street.dataset.communities!.features;
const buildings = street.dataset.buildings!.features;
log(`${grids.length} grids, ${buildings.length} buildings`);
ok(await api.createPlan('基准', null));

/** The baseline after an edit: a full report of the street (as costly for any plan of it). */
const input = inputFromLoad(loadFiles(files));
function fullReportMs(planGrids: readonly GridFeature[]): number {
  const start = performance.now();
  new CoverageEngine({ ...input, grids: planGrids }).report();
  return performance.now() - start;
}

// 1. Drag steps: a shared interior vertex moved a metre at a time, as throttled mouse moves are.
const rng = createRandom(20261130).fork('editing');
const vertices = interiorSharedVertices(grids, communities)
  .map((v) => ({ v, order: rng.next() }))
  .sort((a, b) => a.order - b.order)
  .map(({ v }) => v);
const dragSteps: number[] = [];
let drags = 0;
for (const { position } of vertices) {
  if (drags === 5) break;
  const [x, y] = position as [number, number];
  api.startDrag(position);
  const steps: number[] = [];
  let accepted = true;
  for (let k = 1; k <= 10 && accepted; k++) {
    const start = performance.now();
    accepted = api.dragTo([x + k * 1e-5, y + k * 0.5e-5]).ok;
    steps.push(performance.now() - start);
  }
  if (!accepted) {
    await api.endDrag(null);
    continue;
  }
  dragSteps.push(...steps);
  ok(await api.endDrag([x + 1e-4, y + 0.5e-4]));
  drags++;
}
log(`${dragSteps.length} drag steps`);

// 2. Brush strokes: a band painted around a grid, taking every building it touches.
const brush: { ms: number; buildings: number }[] = [];
const fullAfterBrush: number[] = [];
for (const target of grids) {
  if (brush.length === 5) break;
  const community = target.properties.communityId;
  const candidates = buildings.filter((b) => b.properties.communityId === community);
  for (const widthM of [40, 60, 80, 100]) {
    const stroke = buffer(target, widthM, { units: 'meters' })!.geometry as Polygon;
    const touched = candidates
      .filter((b) => booleanIntersects(b, stroke) && !booleanWithin(b, target))
      .map((b) => b.properties.id);
    if (touched.length < 100) continue;
    const picked = touched.slice(0, 100);
    const run = await timedAsync(() =>
      api.edit({
        op: 'reassign',
        buildingIds: picked,
        targetGridId: target.properties.id,
        area: stroke.coordinates as Position[][],
      }),
    );
    if (run.value.ok) {
      const moved = run.value.delta.assignments.filter(
        (a) => a.gridId === target.properties.id,
      ).length;
      brush.push({ ms: run.ms, buildings: moved });
      fullAfterBrush.push(fullReportMs(grids));
    }
    break;
  }
}
log(`${brush.length} brush strokes`);

// 3. Undo and redo of the brush strokes.
const undos: number[] = [];
for (let k = 0; k < brush.length; k++) {
  const run = await timedAsync(() => api.undo());
  ok(run.value);
  undos.push(run.ms);
}
for (let k = 0; k < brush.length; k++) ok(await api.redo());

// 4. A plan with 200 edits, restored by a new worker on the same store (a reload).
ok(await api.createPlan('二百步', null));
let made = 0;
for (const { position } of vertices) {
  if (made === 200) break;
  const [x, y] = position as [number, number];
  const outcome = await api.edit({ op: 'move-vertex', from: position, to: [x + 2e-6, y + 1e-6] });
  if (outcome.ok) made++;
}
log(`${made} edits for the reload`);
const reloadApi = createDataApi({ openStore: () => openPlanStore({ factory }) });
const reloadLoad = await timedAsync(() =>
  reloadApi.load(sources, () => undefined, DEFAULT_SETTINGS),
);
const restored = reloadLoad.value.resumed?.switched;
if (!restored?.ok || restored.update.history.cursor !== made)
  throw new Error('the plan was not restored');

const figures = {
  grids: grids.length,
  buildings: buildings.length,
  dragStepMs: median(dragSteps),
  dragStepP95Ms: [...dragSteps].sort((a, b) => a - b)[Math.floor(dragSteps.length * 0.95)]!,
  brushMs: median(brush.map((b) => b.ms)),
  brushBuildings: median(brush.map((b) => b.buildings)),
  undoMs: median(undos),
  fullReportMs: median(fullAfterBrush),
  reloadEdits: made,
  firstLoadMs: firstLoad.ms,
  reloadMs: reloadLoad.ms,
};
const ratio = (ms: number) => `${(figures.fullReportMs / ms).toFixed(0)}×`;
const full = `${figures.fullReportMs.toFixed(0)} ms`;
console.log(`
| on ${figures.grids} grids, ${figures.buildings.toLocaleString('en')} buildings (data worker code, Node) | median | target | the figures by a full report instead (baseline) | ratio |
|---|---:|---:|---:|---:|
| shared-vertex drag step, edit and figures (${dragSteps.length} steps; p95 ${figures.dragStepP95Ms.toFixed(1)} ms) | ${figures.dragStepMs.toFixed(1)} ms | | ${full} | ${ratio(figures.dragStepMs)} |
| brush stroke reassigning ${figures.brushBuildings} buildings: clipping, storing, figures | ${figures.brushMs.toFixed(0)} ms | < 100 ms | | |
| undo: storing, figures | ${figures.undoMs.toFixed(1)} ms | < 50 ms | ${full} | ${ratio(figures.undoMs)} |
| reload: read and check the files, take up the plan with ${figures.reloadEdits} edits | ${figures.reloadMs.toFixed(0)} ms | < 2 s | the first load, no plan to restore: ${figures.firstLoadMs.toFixed(0)} ms | |
`);
console.log(JSON.stringify(figures));
