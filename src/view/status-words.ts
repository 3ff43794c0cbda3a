/**
 * The words for a status on every screen: the list, the map legend, the detail pane, the gap view,
 * the filter and the timeline all name a status through statusWord, so a status is never called
 * two things ("far below capacity" in one pane, "underproducing" or "low output" in another).
 * The full words are the data model's (model/vocabulary.ts STATUS_LABELS); the short form, for
 * narrow columns, keeps the words of the full one or is the list's long-standing "building".
 */
import { STATUS_LABELS, STATUSES, type Status } from '../model/vocabulary.js';

const SHORT: Partial<Record<Status, string>> = {
  under_construction: 'building',
  underproducing: 'below capacity',
  operating_for_show: 'for show',
};

/** The words for `status`: `full` ("far below capacity") or `short` ("below capacity"); lower case. */
export function statusWord(status: Status, form: 'full' | 'short' = 'full'): string {
  return form === 'short' ? (SHORT[status] ?? STATUS_LABELS[status]) : STATUS_LABELS[status];
}

/** "Far below capacity": the full words with a capital, for legends. */
export function statusHeading(status: Status): string {
  const w = statusWord(status);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Every status word a screen may show (full and short forms), lower case. */
export const STATUS_WORDS: ReadonlySet<string> = new Set(STATUSES.flatMap((s) => [statusWord(s), statusWord(s, 'short')]));
