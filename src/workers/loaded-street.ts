/** What the data worker hands back to the UI after loading a set of files. */
import type { FeatureCollection, Point } from 'geojson';
import type { GridStats } from '../analysis/grid-stats.ts';
import type { LabelProperties } from '../analysis/label-points.ts';
import type { WorkOrderPoints } from '../analysis/work-order-points.ts';
import type { StreetSummary } from '../analysis/street-summary.ts';
import type { LoadResult } from '../io/load-files.ts';

export interface LoadedStreet extends LoadResult {
  gridStats: GridStats[];
  summary: StreetSummary;
  /** Where the community and grid names go on the map. */
  labels: FeatureCollection<Point, LabelProperties>;
  /** The work orders as the map draws them. */
  workOrderPoints: WorkOrderPoints;
}
