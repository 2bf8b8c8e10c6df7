/**
 * A problem found while loading a file: where it is (file, feature index and id, field) and why,
 * in both UI languages. Features with problems are kept aside, never dropped silently.
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
  message: { zh: string; en: string };
}

/** A feature that failed validation with an error: kept aside with its problems, not loaded. */
export interface SetAsideFeature {
  file: string;
  featureIndex: number;
  feature: Feature | unknown;
  problems: Problem[];
}
