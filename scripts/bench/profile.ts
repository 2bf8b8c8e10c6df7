/**
 * CPU profiles of one engine phase through the inspector (only that phase, not the data
 * generation or the baseline), and where the time goes: the functions with the most self time,
 * and the repository's own functions with the most total time (callees included).
 */
import { writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';

type CallFrame = Profiler.ProfileNode['callFrame'];

export interface FunctionTime {
  name: string;
  /** The file inside the repository, with the line for plain JavaScript (tsx-compiled
   * TypeScript reports positions in its output, which mean nothing in the source). */
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  self: FunctionTime[];
  /** Functions under src/ by time with their callees, each counted once per sample. */
  ownTotal: FunctionTime[];
}

/**
 * Runs `run` under the CPU profiler, writes the profile to `file` (opens in Chrome DevTools) and
 * returns it.
 * @example
 * const profile = await profiled(() => new CoverageEngine(input).report(), '.bench/full.cpuprofile');
 */
export async function profiled(run: () => unknown, file: string): Promise<Profiler.Profile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  run();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  writeFileSync(file, JSON.stringify(profile));
  return profile;
}

/**
 * The `top` functions by self time, and by total time among the repository's own.
 * @example
 * summarizeProfile(profile, 15).self[0]; // { name: 'BigNumber', where: 'node_modules/…', ms: 175, share: 0.17 }
 */
export function summarizeProfile(profile: Profiler.Profile, top: number): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map<string, FunctionTime>();
  const total = new Map<string, FunctionTime>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalMs = 0;
  for (let k = 0; k < samples.length; k++) {
    const ms = (deltas[k + 1] ?? 0) / 1000;
    let id: number | undefined = samples[k];
    const node = id === undefined ? undefined : nodes.get(id);
    // The profiler's own stop request is sampled as native `dispatch`; it is not the engine's.
    if (!node || (node.callFrame.functionName === 'dispatch' && !node.callFrame.url)) continue;
    totalMs += ms;
    add(self, node.callFrame, ms);
    const seen = new Set<string>();
    for (; id !== undefined; id = parent.get(id)) {
      const frame = (nodes.get(id) as Profiler.ProfileNode).callFrame;
      const key = keyOf(frame);
      if (!frame.url.includes('/src/') || seen.has(key)) continue;
      seen.add(key);
      add(total, frame, ms);
    }
  }
  const ranked = (m: Map<string, FunctionTime>): FunctionTime[] =>
    [...m.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((e) => ({ ...e, share: totalMs > 0 ? e.ms / totalMs : 0 }));
  return { totalMs, self: ranked(self), ownTotal: ranked(total) };
}

function add(into: Map<string, FunctionTime>, frame: CallFrame, ms: number): void {
  const key = keyOf(frame);
  const entry = into.get(key) ?? {
    name: frame.functionName || '(anonymous)',
    where: where(frame),
    ms: 0,
    share: 0,
  };
  entry.ms += ms;
  into.set(key, entry);
}

function keyOf(frame: CallFrame): string {
  return `${frame.functionName} ${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
}

function where({ url, lineNumber }: CallFrame): string {
  if (!url) return '(native)';
  const at = url.search(/\/(src|scripts|node_modules)\//);
  const path = at >= 0 ? url.slice(at + 1) : url;
  return url.endsWith('.ts') ? path : `${path}:${lineNumber + 1}`;
}
