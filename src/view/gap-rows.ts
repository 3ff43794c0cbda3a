/** The gap rows the app's Gap mode shows, and its cursor. Pure. */
import { gapRows, type GapRow } from '../model/gap.js';
import type { SiteSummary } from '../model/site-summary.js';
import type { Lens } from '../model/status.js';
import type { Dataset } from '../model/types.js';
import { ROLES } from '../model/vocabulary.js';

/**
 * The gap rows the app shows: the sites the list shows (`visible`: known as of the day, passing
 * the status and year filters, every role), in the gap order (model/gap.ts).
 */
export function gapRowsForView(dataset: Dataset, lens: Lens, visible: readonly SiteSummary[]): GapRow[] {
  return gapRows(dataset, lens, { roles: ROLES, ids: new Set(visible.map((s) => s.id)) });
}

/** Index of the gap cursor in `rows` (0 when its site is not shown; -1 when there are no rows). */
export function gapCursorIndex(rows: readonly GapRow[], gapCursor: string | null): number {
  const i = gapCursor === null ? -1 : rows.findIndex((r) => r.site_id === gapCursor);
  return i >= 0 ? i : rows.length > 0 ? 0 : -1;
}
