/**
 * Gap rows for a slide, their quotes whole. The gap model (model/gap.ts) shortens a side's quote to
 * GAP_QUOTE_MAX characters with "…" for the screen's table; a slide wraps text and cuts nothing, so
 * each shortened quote is given back whole from the data it was taken from (the site's quotes, its
 * statements' titles and notes, their sources' titles). Pure.
 */
import type { GapRow, GapSide } from '../../model/gap.js';
import type { Dataset } from '../../model/types.js';
import { sanitizeInline } from '../../text/sanitize.js';

/**
 * Takes the validated dataset and gap rows (gapRows); returns new rows in which every side whose
 * quote ends with "…" carries the whole, sanitised text it was cut from: the first candidate of the
 * site whose sanitised text starts with the shown part. A quote found nowhere is left as it is.
 */
export function wholeQuotes(dataset: Dataset, rows: readonly GapRow[]): GapRow[] {
  return rows.map((r) => {
    const site = dataset.sites.find((s) => s.id === r.site_id);
    if (!site) return r;
    const candidates = (): string[] => [
      ...site.quotes.map((q) => q.text),
      ...site.evidence.flatMap((e) => [e.title, e.note, ...e.sources.map((id) => dataset.sources.get(id)?.title)]),
    ].filter((t): t is string => typeof t === 'string');
    const whole = (s: GapSide | null): GapSide | null => {
      if (!s || s.quote === null || !s.quote.endsWith('…')) return s;
      const shown = s.quote.slice(0, -1);
      const full = candidates().map((t) => sanitizeInline(t)).find((t) => t.length > shown.length && t.startsWith(shown));
      return full === undefined ? s : { ...s, quote: full };
    };
    return { ...r, state: whole(r.state), outside: whole(r.outside) };
  });
}
