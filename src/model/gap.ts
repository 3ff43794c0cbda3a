/**
 * The gap between what state media claims and what outside sources report, one row per program
 * site, as of a lens. Pure: dataset + lens in, rows out.
 *
 * Each side is the latest statement of its camp that siteStatusAt (model/status.ts) weighs for the
 * site under the lens (`stateView` / `outsideView`: known on the day, or every statement in
 * hindsight; period begun by the day; latest by period order). "Outside" is every stance that is
 * not state media: outside reports, the ROK government and analysts.
 *
 * Order of rows (gapRows):
 * 1. contested rows first (state media and outside reports disagree on whether the site works);
 * 2. then by `newest_outside`, the publication day of the newest outside statement, OLDEST first
 *    (the claims outside sources have checked least recently come first);
 * 3. rows with no outside statement at all come after every row that has one (within each of the
 *    contested / not-contested groups);
 * 4. ties by English name, then by id (deterministic).
 *
 * Sites with nothing known under the lens (no statement applicable on the day) have no row, as in
 * `list`. Every string taken from data is sanitised (sanitizeInline) here.
 */
import { addMonths, formatSpan, type DateSpan } from './dates.js';
import { withPublication } from './published.js';
import { agreementClass, applicable, DEFAULT_STALE_AFTER_MONTHS, siteStatusAt, type Lens, type StatusAt } from './status.js';
import type { Dataset, Quote, Site, StatusEvidence } from './types.js';
import { sourceName } from './statements.js';
import { statusLabel, type Role, type Stance, type Status, type Strength } from './vocabulary.js';
import { sanitizeInline } from '../text/sanitize.js';

/** One side of a gap row: the newest statement of one camp (state media, or outside) known under the lens. */
export interface GapSide {
  status: Status;
  strength: Strength;
  /** "operating (state claim)". */
  label: string;
  /** The period the statement describes, as written (`2025-04`, `since 2025-04`), and as a phrase. */
  date: string;
  date_label: string;
  /** Publication day, `YYYY-MM-DD`. */
  published: string;
  /**
   * Whole months from publication to the as-of day. Negative only in hindsight, for a statement
   * published after the as-of day (-1: up to a month after).
   */
  age_months: number;
  /** This side's statement ends more than the lens's stale-after months before the as-of day. */
  stale: boolean;
  claimed_by: Stance;
  /**
   * Outlet of the source that made the statement public on `published` (the first cited source
   * when none is dated within the period), relay kept: "Daily NK via Business Insider Polska".
   */
  outlet: string;
  source_ids: string[];
  /** A short quote (sanitised, ≤ 160 chars, ellipsis when cut) or the statement's title (see quote_from); null if none. */
  quote: string | null;
  quote_speaker: string | null;
  /**
   * Where `quote` comes from: `quote` (the site's quote of this camp from one of the statement's
   * own sources, closest in date to it, known under the lens), `statement` (the statement's own title), `source` (the
   * title of its first source), `note` (the statement's note in the data, e.g. the words of a
   * batch-wide claim); null when there is none of these.
   */
  quote_from: 'quote' | 'statement' | 'source' | 'note' | null;
  /** The statement is marked uncertain, or it is the site's status and an overlapping report makes that uncertain (the list's `?`). */
  uncertain: boolean;
}

export interface GapRow {
  site_id: string;
  name_en: string;
  name_ko: string;
  province: string;
  province_en: string;
  year: number;
  /** The site's status label under the lens ("operating (state claim, stale)"). */
  status_label: string;
  contested: boolean;
  uncertain: boolean;
  state: GapSide | null;
  outside: GapSide | null;
  /** Publication day of the newest outside evidence, or null. Rows sort by it (oldest first) after contested rows. */
  newest_outside: string | null;
}

export interface GapFilter {
  /** Registry id of a first-level unit. */
  province?: string;
  year?: number;
  /** Site roles to include; default batch and pilot (as `list`). */
  roles?: readonly Role[];
  /** Only these site ids (the app's status/year filters); default all. */
  ids?: ReadonlySet<string>;
}

/** Longest quote shown, in characters (UTF-16 units); longer ones are cut with an ellipsis. */
export const GAP_QUOTE_MAX = 160;

export interface GapOptions {
  /**
   * Longest quote, in characters; default GAP_QUOTE_MAX (the screen's table and the CLI). Slides,
   * which wrap and cut nothing, pass Infinity.
   */
  quoteMax?: number;
}

/**
 * Rows for every program site passing the filter and known under the lens: contested first,
 * then by age of the newest outside evidence (see the file comment for the exact order).
 * Takes the validated dataset, a lens and a filter; returns new plain objects (never throws).
 */
export function gapRows(dataset: Dataset, lens: Lens, filter: GapFilter = {}, options: GapOptions = {}): GapRow[] {
  const roles = filter.roles ?? ['batch', 'pilot'];
  const known = rowsUnder(dataset, lens, options.quoteMax ?? GAP_QUOTE_MAX);
  const rows: GapRow[] = [];
  dataset.sites.forEach((site, i) => {
    if (!roles.includes(site.role)) return;
    if (filter.province !== undefined && site.province !== filter.province) return;
    if (filter.year !== undefined && site.year !== filter.year) return;
    if (filter.ids && !filter.ids.has(site.id)) return;
    const row = known[i];
    if (row) rows.push(row);
  });
  return rows.sort(compareGapRows);
}

/**
 * Every site's row under a lens, by dataset index; memoised per dataset (the model is never
 * changed after loading) for the last few lenses, so moving the app's cursor costs no recompute.
 * The rows are shared: callers copy before changing them.
 */
const ROW_CACHE = new WeakMap<Dataset, Map<string, (GapRow | undefined)[]>>();
function rowsUnder(dataset: Dataset, lens: Lens, quoteMax: number): (GapRow | undefined)[] {
  const key = `${lens.asOf}|${lens.hindsight ?? false}|${lens.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS}|${quoteMax}`;
  let byLens = ROW_CACHE.get(dataset);
  if (!byLens) ROW_CACHE.set(dataset, (byLens = new Map()));
  let rows = byLens.get(key);
  if (!rows) {
    rows = dataset.sites.map((site) => gapRow(dataset, site, lens, quoteMax));
    if (byLens.size >= 8) byLens.delete(byLens.keys().next().value!);
    byLens.set(key, rows);
  }
  return rows;
}

/** The documented order: contested, then oldest newest-outside first (none last), then name, then id. */
export function compareGapRows(a: GapRow, b: GapRow): number {
  if (a.contested !== b.contested) return a.contested ? -1 : 1;
  if (a.newest_outside !== b.newest_outside) {
    if (a.newest_outside === null) return 1;
    if (b.newest_outside === null) return -1;
    return a.newest_outside < b.newest_outside ? -1 : 1;
  }
  return a.name_en.localeCompare(b.name_en) || (a.site_id < b.site_id ? -1 : a.site_id > b.site_id ? 1 : 0);
}

/** The row for one site under the lens, or undefined when nothing about it is known then. */
export function gapRow(dataset: Dataset, site: Site, lens: Lens, quoteMax = GAP_QUOTE_MAX): GapRow | undefined {
  const at = siteStatusAt(site, lens);
  if (!at) return undefined;
  const outsideKnown = applicable(site.evidence, lens).filter((e) => e.claimedBy !== 'state_media');
  const newestOutside = outsideKnown.reduce<string | null>((n, e) => (n === null || e.published.end > n ? e.published.end : n), null);
  return {
    site_id: site.id,
    name_en: sanitizeInline(site.name_en),
    name_ko: sanitizeInline(site.name_ko),
    province: site.province,
    province_en: sanitizeInline(dataset.registry.provinceById.get(site.province)?.name_en ?? site.province),
    year: site.year,
    status_label: statusLabel(at.status, at.strength, at.stale),
    contested: at.contested,
    uncertain: at.uncertain,
    state: at.stateView ? side(dataset, site, lens, at, at.stateView, at.outsideView, quoteMax) : null,
    outside: at.outsideView ? side(dataset, site, lens, at, at.outsideView, at.stateView, quoteMax) : null,
    newest_outside: newestOutside,
  };
}

/** One side; `at` is the site's status, whose uncertainty (an overlapping report) the side carries when it is the basis. */
function side(dataset: Dataset, site: Site, lens: Lens, at: StatusAt, e: StatusEvidence, other: StatusEvidence | undefined, quoteMax: number): GapSide {
  const own: Strength = e.claimedBy === 'state_media' ? 'claimed' : 'reported';
  const strength: Strength = other !== undefined && e.status !== 'unknown' && agreementClass(other.status) === agreementClass(e.status) ? 'confirmed' : own;
  const staleAfter = lens.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS;
  const end = e.date.end < lens.asOf ? e.date.end : lens.asOf;
  const stale = staleAfter > 0 && end < addMonths(lens.asOf, -staleAfter);
  const first = e.sources[0] === undefined ? undefined : dataset.sources.get(e.sources[0]);
  // The outlet named beside the publication date is the one that published on that date.
  const publisher = (e.publishedBy === undefined ? undefined : dataset.sources.get(e.publishedBy)) ?? first;
  const outlet = publisher ? sanitizeInline(sourceName(publisher)) : '';
  const q = closestQuote(dataset, site, lens, e);
  const [quote, speaker, from]: [string | null, string | null, GapSide['quote_from']] = q
    ? [q.text, q.speaker, 'quote']
    : e.title
      ? [e.title, null, 'statement']
      : first?.title
        ? [first.title, null, 'source']
        : e.note
          ? [e.note, null, 'note']
          : [null, null, null];
  return {
    status: e.status,
    strength,
    label: statusLabel(e.status, strength, stale),
    date: sanitizeInline(e.date.text),
    date_label: formatSpan(e.date),
    published: e.published.end,
    age_months: monthsBetween(e.published.end, lens.asOf),
    stale,
    claimed_by: e.claimedBy,
    outlet,
    source_ids: [...e.sources],
    // Cut before sanitising too: a note can run to hundreds of characters.
    quote: quote === null ? null : shorten(sanitizeInline(shorten(quote, quoteMax * 2)), quoteMax),
    quote_speaker: speaker === null ? null : sanitizeInline(speaker),
    quote_from: from,
    uncertain: e.uncertain || (e === at.basis && at.uncertain),
  };
}

/**
 * The site's quote from one of the statement's own sources (so the words shown are what the cited
 * source says: Songchon's state side once quoted Kim at the groundbreaking under the August claim's
 * citation), of the statement's camp, known under the lens (published by the as-of day; in
 * hindsight, its period begun by then), whose date is closest to the statement's period (days
 * between the spans, 0 when they overlap); first in data order on a tie.
 */
function closestQuote(dataset: Dataset, site: Site, lens: Lens, e: StatusEvidence): Quote | undefined {
  const stateSide = e.claimedBy === 'state_media';
  let best: Quote | undefined;
  let bestGap = Infinity;
  for (const q of site.quotes) {
    if ((q.stance === 'state_media') !== stateSide || !e.sources.includes(q.source)) continue;
    const { published } = withPublication(q.date, [dataset.sources.get(q.source)?.date]);
    if (lens.hindsight ? q.date.start > lens.asOf : published.end > lens.asOf) continue;
    const gap = spanGapDays(q.date, e.date);
    if (gap < bestGap) [best, bestGap] = [q, gap];
  }
  return best;
}

/** Days between two spans; 0 when they overlap. */
function spanGapDays(a: DateSpan, b: DateSpan): number {
  if (a.start <= b.end && b.start <= a.end) return 0;
  const [from, to] = a.end < b.start ? [a.end, b.start] : [b.end, a.start];
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Whole months from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is before `from`. */
export function monthsBetween(from: string, to: string): number {
  if (to < from) return -monthsBetween(to, from) - (addMonths(to, monthsBetween(to, from)) === from ? 0 : 1);
  let n = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  while (n > 0 && addMonths(from, n) > to) n--;
  return n;
}

/** `text` cut to at most `max` characters, ending with … when cut (never splitting a surrogate pair). */
function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
