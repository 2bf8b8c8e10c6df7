/** What the data worker hands back to the UI after loading a set of files. */
import type { GridStats } from '../analysis/grid-stats.ts';
import type { StreetSummary } from '../analysis/street-summary.ts';
import type { LoadResult } from '../io/load-files.ts';

export interface LoadedStreet extends LoadResult {
  gridStats: GridStats[];
  summary: StreetSummary;
}
