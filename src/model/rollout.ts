/**
 * The roll-out over time: cumulative inaugurations by month, one series per batch, against the
 * 200-site target, with outside reports of disruption as dated markers. Pure. (Interface fixed by
 * the lead; the body is being written in the timeline branch.)
 */
import type { Lens } from './status.js';
import type { Dataset } from './types.js';
import type { Status } from './vocabulary.js';

export interface RolloutSeries {
  /** Batch year (2024, 2025, 2026, …). */
  batch: number;
  /** Cumulative sites of this batch inaugurated by the end of each month of `Rollout.months`. */
  cumulative: number[];
}

export interface DisruptionMarker {
  /** Publication day, `YYYY-MM-DD`. */
  date: string;
  /** `YYYY-MM` the marker sits on. */
  month: string;
  site_id: string;
  name_en: string;
  status: Status;
  outlet: string;
  source_ids: string[];
}

export interface Rollout {
  /** Consecutive months `YYYY-MM`, from the first groundbreaking/inauguration month to the as-of month. */
  months: string[];
  series: RolloutSeries[];
  /** Sum of the series per month. */
  total: number[];
  /** The program target (policy fact, 200 = 20 a year × 10 years). */
  target: number;
  markers: DisruptionMarker[];
  as_of: string;
}

export function rolloutAt(_dataset: Dataset, lens: Lens): Rollout {
  return { months: [], series: [], total: [], target: 200, markers: [], as_of: lens.asOf };
}
