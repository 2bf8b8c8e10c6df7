/**
 * One scale of the benchmark, run by `run.ts` in its own node process so peak memory is this
 * scale's alone: `node --expose-gc --import tsx scripts/bench/scale-run.ts <scale> [--profile]`.
 * Prints progress on stderr and the figures as one JSON line on stdout; with --profile it instead
 * writes CPU profiles of a full report and of the edits to .bench/ and prints where time goes.
 */
import { mkdirSync } from 'node:fs';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import type { GridChange } from '../../src/analysis/coverage/input.ts';
import type { CoverageReport } from '../../src/analysis/coverage/report.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { createRandom } from '../sample/random.ts';
import { extrapolateBaseline, naiveBaseline } from './baseline.ts';
import { gapEdit, pickSharedVertices, sharedVertexEdit } from './edits.ts';
import { generateBench, type BenchData } from './generate.ts';
import { collectGarbage, heapUsedMb, median, peakRssMb, timed } from './measure.ts';
import { profiled, summarizeProfile } from './profile.ts';
import type { AreaFigures, ScaleResult } from './result.ts';
import { scaleByName } from './scales.ts';
import { subsetByStreets } from './subset.ts';

const PROFILE_DIR = '.bench';

const scale = scaleByName(process.argv[2] ?? '');
const log = (text: string): void => void process.stderr.write(`[${scale.name}] ${text}\n`);

log('generating');
const generated = timed(() => generateBench(scale));
const data = generated.value;
log(`${data.input.grids.length} grids, ${data.input.buildings.length} buildings`);
const vertices = pickSharedVertices(data, scale.edits * 2, createRandom(data.seed).fork('edits'));
const sharedVertices = vertices.slice(0, scale.edits);
const gapVertices = vertices.slice(scale.edits);

if (process.argv.includes('--profile')) await profile();
else process.stdout.write(JSON.stringify(measure()) + '\n');

function measure(): ScaleResult {
  // The engine goes out of scope before the baseline runs, so the baseline starts from the input.
  const figures = measureEngine();
  collectGarbage();
  return { ...figures, baseline: compareWithBaseline() };
}

/** Full reports, then edits on the engine of the last run; peak RSS read before the baseline. */
function measureEngine(): Omit<ScaleResult, 'baseline'> {
  const inputHeapMb = heapUsedMb();
  const fullRuns: number[] = [];
  const fullCpuRuns: number[] = [];
  const fullRun = () => {
    collectGarbage();
    const run = timed(() => {
      const engine = new CoverageEngine(data.input);
      return { engine, report: engine.report() };
    });
    log(`full report ${run.ms.toFixed(0)} ms (CPU ${run.cpuMs.toFixed(0)} ms)`);
    fullRuns.push(run.ms);
    fullCpuRuns.push(run.cpuMs);
    return run.value;
  };
  // Only the last run's engine is kept (for the edits); the others are dropped at once.
  for (let i = 1; i < scale.runs; i++) fullRun();
  const { engine, report } = fullRun();
  const heapMb = heapUsedMb();

  const gridById = new Map(data.input.grids.map((g) => [g.properties.id, g]));
  const sharedEditRuns: number[] = [];
  let gapAfterSharedM2 = report.street.gapAreaM2;
  sharedVertexEdits(gridById, (changes) => {
    const run = timed(() => engine.updateGrids(changes));
    sharedEditRuns.push(run.ms);
    gapAfterSharedM2 = run.value.street.gapAreaM2;
  });
  log(`shared-vertex edits ${sharedEditRuns.map((ms) => ms.toFixed(1)).join(', ')} ms`);
  const gapEditRuns: number[] = [];
  const opened: number[] = [];
  gapEdits(
    gridById,
    (open) => {
      const run = timed(() => engine.updateGrids(open));
      gapEditRuns.push(run.ms);
      opened.push(run.value.street.gapAreaM2 - gapAfterSharedM2);
    },
    (close) => engine.updateGrids(close),
  );
  log(`gap edits ${gapEditRuns.map((ms) => ms.toFixed(1)).join(', ')} ms`);

  return {
    scale: scale.name,
    communities: data.input.communities.length,
    grids: data.input.grids.length,
    buildings: data.input.buildings.length,
    facilities: data.input.facilities.length,
    faults: data.faults.length,
    generateMs: generated.ms,
    fullMs: median(fullRuns),
    fullRuns,
    fullCpuMs: median(fullCpuRuns),
    sharedEditMs: median(sharedEditRuns),
    sharedEditRuns,
    gapEditMs: median(gapEditRuns),
    gapEditRuns,
    peakRssMb: peakRssMb(),
    heapMb,
    inputHeapMb,
    check: {
      ...areaFigures(report),
      splitBuildings: report.street.splitBuildings,
      generatedUnassigned: data.unassignedBuildingIds.length,
      generatedStraddling: data.straddlingBuildingIds.length,
      gapAreaAfterSharedEditsM2: gapAfterSharedM2,
      gapEditOpensM2: median(opened),
    },
  };
}

/** The naive baseline and the engine on the same part of the data, and the naive time scaled up. */
function compareWithBaseline(): ScaleResult['baseline'] {
  const part: BenchData = subsetByStreets(data, scale.baselineStreets);
  const engineRuns = Array.from({ length: scale.runs }, () =>
    timed(() => new CoverageEngine(part.input).report()),
  );
  log(
    `naive baseline on ${part.input.grids.length} grids, ${part.input.buildings.length} buildings`,
  );
  const naive = naiveBaseline(part.input);
  const measuredMs = naive.pairsMs + naive.clipMs + naive.coverageMs;
  log(`naive baseline ${measuredMs.toFixed(0)} ms`);
  return {
    streets: scale.baselineStreets,
    buildings: naive.buildings,
    grids: naive.grids,
    communities: naive.communities,
    measuredMs,
    engineMs: median(engineRuns.map((run) => run.ms)),
    fullMs:
      scale.baselineStreets === null
        ? measuredMs
        : extrapolateBaseline(naive, {
            buildings: data.input.buildings.length,
            grids: data.input.grids.length,
            communities: data.input.communities.length,
          }),
    phasesMs: { pairs: naive.pairsMs, clip: naive.clipMs, coverage: naive.coverageMs },
    agreement: {
      naive: {
        gapAreaM2: naive.gapM2,
        overlapAreaM2: naive.overlapM2,
        unassignedBuildings: naive.unassigned,
      },
      engine: areaFigures((engineRuns[engineRuns.length - 1] as { value: CoverageReport }).value),
    },
  };
}

/** Profiles a full report (after one unprofiled warm-up run), the shared-vertex edits and the
 * gap edits, and prints where the time goes. */
async function profile(): Promise<void> {
  mkdirSync(PROFILE_DIR, { recursive: true });
  new CoverageEngine(data.input).report();
  collectGarbage();
  let engine: CoverageEngine | null = null;
  const full = await profiled(() => {
    engine = new CoverageEngine(data.input);
    engine.report();
  }, `${PROFILE_DIR}/${scale.name}-full.cpuprofile`);
  const e = engine as unknown as CoverageEngine;
  const update = (changes: readonly GridChange[]) => void e.updateGrids(changes);
  const gridById = new Map(data.input.grids.map((g) => [g.properties.id, g]));
  const shared = await profiled(
    () => sharedVertexEdits(gridById, update),
    `${PROFILE_DIR}/${scale.name}-shared-edits.cpuprofile`,
  );
  const gaps = await profiled(
    () => gapEdits(gridById, update, update),
    `${PROFILE_DIR}/${scale.name}-gap-edits.cpuprofile`,
  );
  for (const [title, p] of [
    ['one full report', full],
    [`${sharedVertices.length} shared-vertex edits`, shared],
    [`${gapVertices.length} gap edits, each undone`, gaps],
  ] as const) {
    const summary = summarizeProfile(p, 12);
    console.log(`\n${scale.name}, ${title}: ${summary.totalMs.toFixed(0)} ms sampled`);
    for (const [label, list] of [
      ['self time', summary.self],
      ['total time, src/ functions', summary.ownTotal],
    ] as const) {
      console.log(`  ${label}`);
      for (const f of list)
        console.log(
          `  ${f.ms.toFixed(0).padStart(7)} ms ${(100 * f.share).toFixed(1).padStart(5)} %  ${f.name}  ${f.where}`,
        );
    }
  }
}

/**
 * Moves each shared vertex in both grids that hold it, one `update` of the engine per vertex, and
 * keeps the moved grids in `gridById` so the next edit starts from them.
 */
function sharedVertexEdits(
  gridById: Map<string, GridFeature>,
  update: (changes: readonly GridChange[]) => void,
): void {
  for (const vertex of sharedVertices) {
    const changes = sharedVertexEdit(gridById, vertex);
    update(changes);
    for (const { gridId, grid } of changes) if (grid) gridById.set(gridId, grid);
  }
}

/** Opens a gap at each gap vertex (moved in one of its grids only), then closes it again. */
function gapEdits(
  gridById: ReadonlyMap<string, GridFeature>,
  open: (changes: readonly GridChange[]) => void,
  close: (changes: readonly GridChange[]) => void,
): void {
  for (const vertex of gapVertices) {
    const edit = gapEdit(gridById, vertex);
    open(edit.open);
    close(edit.close);
  }
}

function areaFigures(report: CoverageReport): AreaFigures {
  return {
    gapAreaM2: report.street.gapAreaM2,
    overlapAreaM2: report.street.overlapAreaM2,
    unassignedBuildings: report.street.unassignedBuildings,
  };
}
