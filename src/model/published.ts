/** When a dated statement became public, from its sources' publication dates. */
import type { DateSpan } from './dates.js';

/**
 * The publication date of a statement describing `period` and citing sources published on
 * `sourceDates`: the earliest one not before the period begins (a source that predates the fact
 * cannot be where it became public), or the period itself when none qualifies. A `since` period
 * is returned extended to that publication's last day (a report "since April" published in
 * August describes April to August). `publishedBy` is the index in `sourceDates` of the source
 * that made it public (the first of equals, in citation order), or -1 when none qualifies: its
 * outlet is the one to name beside the publication date. Pure; returns the inputs' own objects
 * where unchanged.
 */
export function withPublication(period: DateSpan, sourceDates: readonly (DateSpan | undefined)[]): { date: DateSpan; published: DateSpan; publishedBy: number } {
  let published: DateSpan | undefined;
  let publishedBy = -1;
  sourceDates.forEach((d, i) => {
    if (d && d.end >= period.start && (!published || d.end < published.end)) {
      published = d;
      publishedBy = i;
    }
  });
  published ??= period;
  if (period.precision === 'since' && published.end > period.end) return { date: { ...period, end: published.end }, published, publishedBy };
  return { date: period, published, publishedBy };
}
