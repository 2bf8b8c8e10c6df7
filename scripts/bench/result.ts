/** What one scale's child process measures and hands back to the runner (as one JSON line). */

export interface ScaleResult {
  scale: string;
  communities: number;
  grids: number;
  buildings: number;
  facilities: number;
  faults: number;
  generateMs: number;
  /** Median of `new CoverageEngine(input).report()`. */
  fullMs: number;
  fullRuns: number[];
  /** Median CPU time of the same runs (all threads). */
  fullCpuMs: number;
  /** Median of `updateGrids` after moving a vertex two grids share, in both. */
  sharedEditMs: number;
  sharedEditRuns: number[];
  /** Median of `updateGrids` after moving a shared vertex in one grid only (a gap opens). */
  gapEditMs: number;
  gapEditRuns: number[];
  /** VmHWM after the engine runs and edits, before the baseline. */
  peakRssMb: number;
  /** Heap after a GC with the input, one engine and its report alive; and the input alone. */
  heapMb: number;
  inputHeapMb: number;
  baseline: {
    /** Null when the baseline ran on everything. */
    streets: number | null;
    buildings: number;
    grids: number;
    communities: number;
    /** Naive Turf time on the part it ran on, and the engine's full report on the same part. */
    measuredMs: number;
    engineMs: number;
    /** The naive time for the whole scale (equal to measuredMs when it ran on everything). */
    fullMs: number;
    phasesMs: { pairs: number; clip: number; coverage: number };
    /** The same figures from both on that part, to show they did the same job. */
    agreement: { naive: AreaFigures; engine: AreaFigures };
  };
  /** Engine figures showing the data and the edits did what they should. */
  check: AreaFigures & {
    splitBuildings: number;
    generatedUnassigned: number;
    generatedStraddling: number;
    /** Gap area after all shared-vertex edits (should equal gapAreaM2). */
    gapAreaAfterSharedEditsM2: number;
    /** Median growth of the gap area when a gap edit opens one. */
    gapEditOpensM2: number;
  };
}

export interface AreaFigures {
  gapAreaM2: number;
  overlapAreaM2: number;
  unassignedBuildings: number;
}
