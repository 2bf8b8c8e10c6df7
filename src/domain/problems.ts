/**
 * A problem found while loading a file: where it is (file, feature index and id, field) and why,
 * as a code with its parameters; it is put into words (src/io/messages.ts, `problemText`) only
 * when shown, so a million rows with a warning each are not a million sentences in two
 * languages. Features with problems are kept aside, never dropped silently.
 */
import type { Feature } from 'geojson';

export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  /** File name as the user gave it. */
  file: string;
  /** 0-based index of the feature in the file's `features`, or null for a whole-file problem. */
  featureIndex: number | null;
  featureId: string | null;
  /** The property or part the problem is in: `properties.households`, `geometry`, … */
  field: string | null;
  /** Stable machine code, e.g. `self-intersection`, `duplicate-id`. */
  code: string;
  severity: ProblemSeverity;
  /** What the words need: the field, the value found, the limit … (see the code's template). */
  params: Readonly<Record<string, unknown>>;
}

/**
 * The same problem (file, code, field, severity) on many features, as one entry: how many, and
 * the first few in file order. A load result keeps its problems this way, so a district whose
 * 50,000 buildings all lack an address holds one warning with its count, not 50,000.
 */
export interface ProblemGroup<P extends GroupedProblem = Problem> {
  file: string;
  code: string;
  field: string | null;
  severity: ProblemSeverity;
  count: number;
  /** The first few problems of the group (src/io/problem-groups.ts, GROUP_EXAMPLES), in file order. */
  examples: P[];
}

/** What problems are grouped by: a load problem, or a problem of a row of a table. */
export interface GroupedProblem {
  file: string;
  code: string;
  field: string | null;
  severity: ProblemSeverity;
}

/** A feature that failed validation with an error: kept aside with its problems, not loaded. */
export interface SetAsideFeature {
  file: string;
  featureIndex: number;
  feature: Feature | unknown;
  problems: Problem[];
}
