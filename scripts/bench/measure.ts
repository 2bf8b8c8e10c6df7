/** Timing and memory readings for the benchmark child: medians, peak RSS, heap after a GC. */
import { readFileSync } from 'node:fs';

/**
 * The median of some numbers (the mean of the middle two for an even count).
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Milliseconds `run` takes on the clock and in CPU time (user + system, all threads: GC helpers
 * can push it above the clock; far below means other processes held the CPU), and its result.
 * @example
 * const { ms, value } = timed(() => engine.report());
 */
export function timed<T>(run: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** Runs a full garbage collection when node was started with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Heap in use after a garbage collection, in MB. */
export function heapUsedMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The process's peak resident set size so far (VmHWM), in MB; Linux only. */
export function peakRssMb(): number {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!match) throw new Error('no VmHWM in /proc/self/status');
  return Number(match[1]) / 1024;
}
