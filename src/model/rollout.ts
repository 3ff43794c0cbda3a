/**
 * The roll-out over time: cumulative inaugurations by month, one series per batch, against the
 * 200-site target, with outside reports of disruption as dated markers. Pure.
 *
 * Rules (README "Roll-out timeline" explains them for users):
 * - Counted sites: role `batch` only, one series per batch year (`Site.year`). Pilots (Kimhwa,
 *   2022) and `related` sites (a paper mill, a greenhouse farm: built under the policy's banner but
 *   not one of its 20 counties a year) never count toward the target. A batch appears once
 *   something about one of its sites is known and has begun by the as-of day.
 * - A site's inauguration is dated by the known statement (any claimant) saying `inaugurated` or
 *   a later stage (operating, far below capacity, operating for show, disrupted) whose period
 *   ends first: usually the inauguration milestone. Site-wide statements decide; when none says
 *   so, a statement naming one of its factories (Kangdong's hospital opened 19 Nov 2025, a month
 *   before its factories); then any facility's.
 * - Known: as in model/status.ts, a statement counts when it was published by the as-of day, or
 *   always in hindsight; its period must have begun by the as-of day.
 * - Month: a statement whose period lies within one calendar month is plotted in that month (a
 *   day, a month, a range of days inside a month, or "since" a day or month: its first month).
 *   Coarser periods (a year, a range across months) are never placed on a month: the site is
 *   listed in `undated` (and counted in `undatedCount`), not on the curve.
 * - Disruption markers: statements by anyone but state media (outside reports, ROK government,
 *   analysts) saying disrupted, far below capacity or operating for show, placed on the month
 *   they were published, when that publication is known to the month and not after the as-of
 *   day (hindsight adds none: a marker is a publication). One marker per statement; facility
 *   statements count for their site. Coarser publications go to `undated`.
 * - Months: consecutive, from the first month of any plotted inauguration or marker to the
 *   as-of month; just the as-of month when nothing is plotted.
 * - Target: the policy fact `target-total` (data/policy.yaml: 200 = 20 cities/counties a year ×
 *   10 years, Kim Jong Un at the 14th SPA, 15 Jan 2024; sources there).
 */
import { sourceName } from './statements.js';
import { known, type Lens } from './status.js';
import type { DateSpan } from './dates.js';
import type { Dataset, Site, StatusEvidence } from './types.js';
import type { FacilityKind, Status } from './vocabulary.js';

export interface RolloutSeries {
  /** Batch year (2024, 2025, 2026, …). */
  batch: number;
  /** Cumulative sites of this batch inaugurated by the end of each month of `Rollout.months`. */
  cumulative: number[];
  /** Sites of this batch in the data (role `batch`), whatever their status. */
  sites?: number;
  /** Sites of this batch inaugurated with a date coarser than a month (not on the curve). */
  undated?: number;
}

export interface DisruptionMarker {
  /** Publication day, `YYYY-MM-DD` (the last day of the publication's period). */
  date: string;
  /** `YYYY-MM` the marker sits on. */
  month: string;
  site_id: string;
  name_en: string;
  status: Status;
  /** Outlets of the sources, with their relay ("Daily NK via europesays.com (mirror)"), joined by "; ". */
  outlet: string;
  source_ids: string[];
  /** Batch year of the site (its series). */
  batch?: number;
  /** Who said it (outside_report, rok_government, analyst). */
  claimed_by?: string;
  /** The period the statement describes, as written (`since 2025-04`). */
  period?: string;
}

/** Something the chart cannot place on a month because its date is coarser than a month. */
export interface UndatedEvent {
  kind: 'inauguration' | 'disruption';
  site_id: string;
  name_en: string;
  batch: number;
  status: Status;
  /** The date as the data gives it (`2025`), the period for inaugurations, publication for markers. */
  date_text: string;
  outlet: string;
  source_ids: string[];
}

/**
 * Fields added after the interface was fixed are optional, so hand-built values in other
 * branches' tests still type-check; rolloutAt always fills them.
 */
export interface Rollout {
  /** Consecutive months `YYYY-MM`, from the first plotted inauguration or marker month to the as-of month. */
  months: string[];
  series: RolloutSeries[];
  /** Sum of the series per month. */
  total: number[];
  /** The program target (policy fact, 200 = 20 a year × 10 years). */
  target: number;
  /** Source ids of the target fact (data/policy.yaml `target-total`). */
  target_sources?: string[];
  markers: DisruptionMarker[];
  /** Inaugurations and markers known but not placeable on a month (see the file comment). */
  undated?: UndatedEvent[];
  as_of: string;
  /** The lens's hindsight flag (absent = false). */
  hindsight?: boolean;
}

/** Statuses that mean the site has been inaugurated (or gone further). `unknown` does not. */
const INAUGURATED_OR_LATER: ReadonlySet<Status> = new Set(['inaugurated', 'operating', 'underproducing', 'operating_for_show', 'disrupted']);
/** What an outside report of disruption says. */
const DISRUPTION: ReadonlySet<Status> = new Set(['disrupted', 'underproducing', 'operating_for_show']);

/** The id of the target fact in data/policy.yaml. */
export const TARGET_FACT_ID = 'target-total';
/** 20 cities/counties a year × 10 years (data/policy.yaml), when a dataset lacks the fact. */
const DEFAULT_TARGET = 200;

/**
 * The roll-out as of the lens's day. Takes the validated dataset and a Lens; returns months,
 * cumulative counts per batch (sites), their sum, the target (sites), disruption markers and what
 * could not be dated to a month. Throws nothing; a dataset without the target fact falls back to
 * 200 (the loader requires the fact, so that does not happen with validated data).
 */
export function rolloutAt(dataset: Dataset, lens: Lens): Rollout {
  const asOf = lens.asOf;
  const asOfMonth = asOf.slice(0, 7);
  const hindsight = lens.hindsight ?? false;
  const fact = dataset.policy.facts.get(TARGET_FACT_ID);
  // The relay is kept ("Daily NK via europesays.com (mirror)"), as on every other source line.
  const outletOf = (id: string) => {
    const s = dataset.sources.get(id);
    return s ? sourceName(s) : id;
  };
  const outlet = (ids: readonly string[]) => ids.map(outletOf).filter((o, i, all) => all.indexOf(o) === i).join('; ');

  const batchSites = dataset.sites.filter((s) => s.role === 'batch');
  const batches = [...new Set(batchSites.filter((s) => begun(s, lens).length > 0).map((s) => s.year))].sort((a, b) => a - b);

  const inaugurations: { batch: number; month: string }[] = [];
  const undated: UndatedEvent[] = [];
  for (const site of batchSites) {
    if (!batches.includes(site.year)) continue;
    const first = firstInauguration(begun(site, lens), site);
    if (!first) continue;
    const month = monthOf(first.date);
    if (month) inaugurations.push({ batch: site.year, month });
    else undated.push(undatedEvent('inauguration', site, first, first.date.text, outlet(first.sources)));
  }

  const markers: DisruptionMarker[] = [];
  for (const site of dataset.sites) {
    if (site.role !== 'batch') continue;
    for (const e of known(site.evidence, lens)) {
      if (e.claimedBy === 'state_media' || !DISRUPTION.has(e.status) || e.published.end > asOf) continue;
      const month = monthOf(e.published);
      if (!month) {
        undated.push(undatedEvent('disruption', site, e, e.published.text, outlet(e.sources)));
        continue;
      }
      markers.push({
        date: e.published.end,
        month,
        site_id: site.id,
        name_en: site.name_en,
        status: e.status,
        outlet: outlet(e.sources),
        source_ids: [...e.sources],
        batch: site.year,
        claimed_by: e.claimedBy,
        period: e.date.text,
      });
    }
  }
  markers.sort((a, b) => a.date.localeCompare(b.date) || a.name_en.localeCompare(b.name_en) || a.status.localeCompare(b.status));
  undated.sort((a, b) => a.kind.localeCompare(b.kind) || a.batch - b.batch || a.name_en.localeCompare(b.name_en));

  const first = [...inaugurations.map((i) => i.month), ...markers.map((m) => m.month)].sort()[0] ?? asOfMonth;
  const months = monthRange(first < asOfMonth ? first : asOfMonth, asOfMonth);
  const series: RolloutSeries[] = batches.map((batch) => {
    const perMonth = months.map((m) => inaugurations.filter((i) => i.batch === batch && i.month === m).length);
    let run = 0;
    return {
      batch,
      cumulative: perMonth.map((n) => (run += n)),
      sites: batchSites.filter((s) => s.year === batch).length,
      undated: undated.filter((u) => u.kind === 'inauguration' && u.batch === batch).length,
    };
  });
  const total = months.map((_, i) => series.reduce((sum, s) => sum + s.cumulative[i]!, 0));
  return {
    months,
    series,
    total,
    target: fact?.value ?? DEFAULT_TARGET,
    target_sources: fact ? [...fact.sources] : [],
    markers,
    undated,
    as_of: asOf,
    hindsight,
  };
}

/** Known statements about the site whose period has begun by the as-of day, by period start. */
function begun(site: Site, lens: Lens): StatusEvidence[] {
  return known(site.evidence, lens)
    .filter((e) => e.date.start <= lens.asOf)
    .sort((a, b) => a.date.start.localeCompare(b.date.start) || a.date.end.localeCompare(b.date.end));
}

/**
 * The statement by which a site counts as inaugurated under the lens (see firstInauguration), or
 * undefined when none is known and begun by the as-of day. The one definition behind the
 * header's "Inaugurated N of 200" and the timeline's curves.
 */
export function inaugurationOf(site: Site, lens: Lens): StatusEvidence | undefined {
  return firstInauguration(begun(site, lens), site);
}

/** Facility kinds that are not the policy's local-industry factories (built alongside them from 2025). */
const NOT_FACTORY: ReadonlySet<FacilityKind> = new Set(['hospital', 'service_complex']);

/**
 * The statement that dates the inauguration: among site-wide statements of inauguration or later
 * (when none is site-wide, statements naming one of its factories; then any facility's), the one
 * whose period ends first (the earliest day by which the site was certainly inaugurated; a
 * year-only report never hides a dated ceremony). Kangdong: the hospital opened 19 Nov 2025, the
 * factories and service complex 15 Dec 2025 (the date the dossier gives for the site).
 */
function firstInauguration(evidence: readonly StatusEvidence[], site: Site): StatusEvidence | undefined {
  const said = evidence.filter((e) => INAUGURATED_OR_LATER.has(e.status));
  const siteWide = said.filter((e) => e.facilities.length === 0);
  const factories = new Set(site.facilities.filter((f) => !NOT_FACTORY.has(f.kind)).map((f) => f.id));
  const factory = said.filter((e) => e.facilities.some((id) => factories.has(id)));
  const pool = siteWide.length > 0 ? siteWide : factory.length > 0 ? factory : said;
  return [...pool].sort((a, b) => a.date.end.localeCompare(b.date.end) || a.date.start.localeCompare(b.date.start))[0];
}

/**
 * The `YYYY-MM` a period is plotted on, or undefined when it is coarser than a month: a period
 * inside one month gives that month; "since" a day or month gives its first month.
 */
export function monthOf(span: DateSpan): string | undefined {
  if (span.precision === 'since') return /^since \d{4}-\d{2}/.test(span.text) ? span.start.slice(0, 7) : undefined;
  if (span.precision === 'year') return undefined;
  return span.start.slice(0, 7) === span.end.slice(0, 7) ? span.start.slice(0, 7) : undefined;
}

/** Consecutive `YYYY-MM` from `first` to `last`, both included (`first` ≤ `last`). */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

function undatedEvent(kind: UndatedEvent['kind'], site: Site, e: StatusEvidence, dateText: string, outlet: string): UndatedEvent {
  return { kind, site_id: site.id, name_en: site.name_en, batch: site.year, status: e.status, date_text: dateText, outlet, source_ids: [...e.sources] };
}
