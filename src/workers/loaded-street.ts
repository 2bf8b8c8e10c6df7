/** What the data worker hands back to the UI after loading a set of files. */
import type { FeatureCollection, Point } from 'geojson';
import type { UiReport } from '../analysis/coverage/report.ts';
import type { LabelProperties } from '../analysis/label-points.ts';
import type { WorkOrderPoints } from '../analysis/work-order-points.ts';
import type { StreetSummary } from '../analysis/street-summary.ts';
import type { LoadResult } from '../io/load-files.ts';
import type { StorageProblem } from '../io/plan-store.ts';
import type { ResumedSession } from './plan-session.ts';
import type { ServiceAreas } from './service-areas.ts';

export interface LoadedStreet extends LoadResult {
  /** False when no file brought a usable layer: the UI keeps what it shows. */
  usable: boolean;
  /** Coverage and workload of the loaded plan. */
  report: UiReport;
  summary: StreetSummary;
  /** Where the community and grid names go on the map. */
  labels: FeatureCollection<Point, LabelProperties>;
  /** The work orders as the map draws them. */
  workOrderPoints: WorkOrderPoints;
  /** The service circle of every facility. */
  serviceAreas: ServiceAreas;
  /** Why plans cannot be saved in this browser, when they cannot (they then live in memory). */
  storageProblem: StorageProblem | null;
  /**
   * The last session on this street taken up again in the worker (its plan applies over
   * `report` and the loaded grids), so the map draws the restored plan once; null when the
   * street is not the one on screen.
   */
  resumed: ResumedSession | null;
}
