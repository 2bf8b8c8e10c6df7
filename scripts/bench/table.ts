/**
 * The benchmark's printed result: one Markdown table with the targets marked pass or fail, how
 * the naive baseline was obtained for each scale, and checks that the data and edits behaved.
 */
import { formatNumber } from '../../src/reports/number-format.ts';
import type { ScaleResult } from './result.ts';

interface Target {
  scale: string;
  column: 'full' | 'shared' | 'peak' | 'speedup';
  /** Passes when the figure is below (or, for `atLeast`, at least) this. */
  limit: number;
  atLeast?: boolean;
  label: string;
}

const TARGETS: readonly Target[] = [
  { scale: 'beijing', column: 'full', limit: 10_000, label: '< 10 s' },
  { scale: 'beijing', column: 'peak', limit: 2048, label: '< 2 GB' },
  { scale: 'district', column: 'full', limit: 500, label: '< 500 ms' },
  { scale: 'district', column: 'shared', limit: 20, label: '< 20 ms' },
  { scale: 'street', column: 'shared', limit: 5, label: '< 5 ms' },
  { scale: 'district', column: 'speedup', limit: 50, atLeast: true, label: '≥ 50×' },
];

/**
 * The Markdown report for the scales that ran.
 * @example
 * console.log(benchTable(results));
 */
export function benchTable(results: readonly ScaleResult[]): string {
  const head =
    '| scale | grids | buildings | full report (median ms) | incremental shared-vertex edit (median ms) | incremental gap edit (median ms) | peak RSS (MB) | heap (MB, input) | naive baseline (ms) | speed-up |';
  const rows = results.map((r) => {
    const speedup = r.baseline.fullMs / r.fullMs;
    return `| ${[
      r.scale,
      formatNumber(r.grids, 'en'),
      formatNumber(r.buildings, 'en'),
      judged(r.scale, 'full', r.fullMs, `${ms(r.fullMs)} (CPU ${ms(r.fullCpuMs)})`),
      judged(r.scale, 'shared', r.sharedEditMs, ms(r.sharedEditMs)),
      ms(r.gapEditMs),
      judged(r.scale, 'peak', r.peakRssMb, r.peakRssMb.toFixed(0)),
      `${r.heapMb.toFixed(0)} (${r.inputHeapMb.toFixed(0)})`,
      `${formatNumber(Math.round(r.baseline.fullMs), 'en')} ${r.baseline.streets === null ? 'measured' : 'extrapolated'}`,
      judged(r.scale, 'speedup', speedup, `${speedup.toFixed(0)}×`),
    ].join(' | ')} |`;
  });
  return [
    head,
    `|${' --- |'.repeat(10)}`,
    ...rows,
    '',
    'Medians over several runs (full report, with its CPU time in brackets: well below the clock',
    'means other processes held the CPU) and several different edits (incremental). Peak RSS is',
    "the child process's VmHWM after the engine runs and edits (input generation included, baseline",
    'not); heap is heapUsed after a GC with the input, one engine and its report alive (input alone in',
    'brackets). The gap-edit column has no target. The naive baseline computes building shares, overlaps',
    'and gaps only; the engine also computes workloads, facility coverage and the problem list.',
    '',
    '**How the naive baseline was obtained**',
    '',
    ...results.map(baselineNote),
    '',
    '**Checks**',
    '',
    ...results.map(checkNote),
  ].join('\n');
}

function baselineNote(r: ScaleResult): string {
  const b = r.baseline;
  const speedup = (b.fullMs / r.fullMs).toFixed(0);
  const phases = `point-in-polygon + box test of all pairs ${ms(b.phasesMs.pairs)} ms, intersect of box-overlapping pairs ${ms(b.phasesMs.clip)} ms, community overlaps/gaps ${ms(b.phasesMs.coverage)} ms`;
  if (b.streets === null)
    return `- ${r.scale}: measured on all of it (${formatNumber(b.buildings, 'en')} buildings × ${formatNumber(b.grids, 'en')} grids): ${phases}; total ${ms(b.measuredMs)} ms. Speed-up = naive / engine full report on the same data = ${speedup}×.`;
  return (
    `- ${r.scale}: measured on the first ${b.streets} streets (${b.communities} communities, ${formatNumber(b.grids, 'en')} grids, ${formatNumber(b.buildings, 'en')} buildings): ${phases}; total ${ms(b.measuredMs)} ms, where the engine's full report takes ${ms(b.engineMs)} ms (${(b.measuredMs / b.engineMs).toFixed(0)}× on that part). ` +
    `Extrapolated linearly, each phase by its cost driver: pairs × (${formatNumber(r.buildings, 'en')} × ${formatNumber(r.grids, 'en')}) / (${formatNumber(b.buildings, 'en')} × ${formatNumber(b.grids, 'en')}) building × grid pairs, intersect × ${formatNumber(r.buildings, 'en')} / ${formatNumber(b.buildings, 'en')} buildings, coverage × ${r.communities} / ${b.communities} communities = ${formatNumber(Math.round(b.fullMs), 'en')} ms. Speed-up = extrapolated naive / engine full report = ${speedup}×.`
  );
}

function checkNote(r: ScaleResult): string {
  const c = r.check;
  const a = r.baseline.agreement;
  return (
    `- ${r.scale}: ${r.faults} faulty ${r.faults === 1 ? 'community' : 'communities'} → engine gap ${area(c.gapAreaM2)}, overlap ${area(c.overlapAreaM2)}; ` +
    `${c.unassignedBuildings} unassigned (${c.generatedUnassigned} placed outside), ${formatNumber(c.splitBuildings, 'en')} split (${formatNumber(c.generatedStraddling, 'en')} placed across a boundary); ` +
    `gap after the shared-vertex edits ${area(c.gapAreaAfterSharedEditsM2)}; a gap edit opens ${area(c.gapEditOpensM2)}. ` +
    `On the baseline's part, naive vs engine: gap ${area(a.naive.gapAreaM2)} vs ${area(a.engine.gapAreaM2)}, overlap ${area(a.naive.overlapAreaM2)} vs ${area(a.engine.overlapAreaM2)}, unassigned ${a.naive.unassignedBuildings} vs ${a.engine.unassignedBuildings}. Full report runs ${r.fullRuns.map(ms).join(', ')} ms; generated in ${ms(r.generateMs)} ms.`
  );
}

function judged(scale: string, column: Target['column'], value: number, text: string): string {
  const target = TARGETS.find((t) => t.scale === scale && t.column === column);
  if (!target) return text;
  const pass = target.atLeast ? value >= target.limit : value < target.limit;
  return `${text} ${pass ? '✅' : '❌'} ${target.label}`;
}

function ms(value: number): string {
  return value >= 100 ? formatNumber(Math.round(value), 'en') : value.toFixed(1);
}

function area(m2: number): string {
  return `${m2.toFixed(1)} m²`;
}
