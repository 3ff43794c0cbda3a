/**
 * Everything known about one site as of a date, as plain data. `show --format json` prints it;
 * `show` text, the dashboard's detail pane and exports render it.
 */
import { formatSpan, type DateSpan } from './dates.js';
import { withPublication } from './published.js';
import { DEFAULT_STALE_AFTER_MONTHS, facilityStatusAt, latestReport, siteStatusAt, type Lens, type StatusAt } from './status.js';
import { buildStatements, firstClause, sourceName, type Statement, type ViewSummary } from './statements.js';
import type { Dataset, Site, Source, StatusEvidence } from './types.js';
import { STATUS_LABELS, statusLabel, type Stance, type Status, type Strength } from './vocabulary.js';

export interface StatusReport {
  status: Status;
  /** claimed | reported | confirmed (model/status.ts). */
  strength: Strength;
  /** "operating (state claim)", "disrupted (reported, stale)". */
  label: string;
  /** Period the status statement describes, as written; and as the range of days it covers. */
  since: string;
  since_label: string;
  period_start: string;
  period_end: string;
  /**
   * Publication day of that statement: the last day of its source's date when the source gives
   * only a month or a year (`published_label` says so: "Aug 2025").
   */
  published: string;
  /**
   * The publication as the source dates it, for text: the day (`2025-08-18`), or for a source
   * dated only by month or year, that and the day counted: "Aug 2025 (counted from 2025-08-31)".
   */
  published_label: string;
  claimed_by: Stance;
  sources: string[];
  uncertain: boolean;
  uncertain_reasons: string[];
  contested: boolean;
  newest_evidence: string;
  stale: boolean;
  /** The newest state-media statement and the newest outside one under the lens (what CONTESTED compares). */
  state_view: (ViewSummary & { published: string; sources: string[] }) | null;
  outside_view: (ViewSummary & { published: string; sources: string[] }) | null;
}

export interface TimelineEntry {
  date: string;
  date_label: string;
  kind: string;
  title: string;
  status: Status | null;
  claimed_by: Stance;
  people: string[];
  facilities: string[];
  sources: string[];
  uncertain: boolean;
  note: string | null;
}

export interface SiteReport {
  id: string;
  name_en: string;
  name_ko: string;
  year: number;
  role: Site['role'];
  province: string;
  province_en: string;
  province_ko: string;
  province_note: string | null;
  county: {
    id: string;
    name_en: string;
    name_ko: string;
    name_hanja: string;
    type: string;
    wikidata: string | null;
    osm_relation: string | null;
    seat: { lat: number; lon: number };
  };
  spellings: { name: string; system: string; derived: boolean; uncertain: boolean; note: string | null }[];
  aliases: Site['aliases'];
  as_of: string;
  /** True: today's knowledge of the as-of day; false: what was known on it. */
  hindsight: boolean;
  stale_after_months: number;
  /** Latest publication day of any status statement in the whole dataset known on the as-of day. */
  latest_report: string | null;
  /** Latest publication day of any status statement about this site known on the as-of day. */
  site_latest_report: string | null;
  status: StatusReport | null;
  facilities: { id: string; kind: string; name: string; name_ko: string | null; status: StatusReport | null; sources: string[] }[];
  timeline: TimelineEntry[];
  products: Site['products'];
  prices: (Omit<Site['prices'][number], 'date'> & { date: string })[];
  quotes: (Omit<Site['quotes'][number], 'date'> & { date: string })[];
  notes: Site['notes'];
  sources: (Omit<Source, 'date'> & { date: string })[];
  /**
   * Every dated statement shown above (timeline entries and quotes) tagged state media or outside,
   * in date order, with outlets (relay kept): the detail pane's and `show`'s comparison.
   */
  statements: Statement[];
}

/** Everything known about a site on a day (`YYYY-MM-DD` or a Lens). Timeline entries are those known then. */
export function buildSiteReport(dataset: Dataset, site: Site, lens: string | Lens): SiteReport {
  const l: Lens = typeof lens === 'string' ? { asOf: lens } : lens;
  const asOf = l.asOf;
  /** Shown when known on the day (published by then), or in hindsight when its period has begun. */
  const shown = (date: DateSpan, sources: string[]) => {
    const { published } = withPublication(date, sources.map((id) => dataset.sources.get(id)?.date));
    return l.hindsight ? date.start <= asOf : published.end <= asOf;
  };
  const province = dataset.registry.provinceById.get(site.province);
  const cited = new Set<string>();
  const cite = (ids: string[]) => {
    for (const id of ids) cited.add(id);
    return ids;
  };
  const outlet = (id: string) => {
    const src = dataset.sources.get(id);
    return src ? sourceName(src) : id;
  };
  const view = (e: StatusEvidence): ViewSummary & { published: string; sources: string[] } => ({
    status: e.status,
    date: e.date.text,
    date_label: formatSpan(e.date),
    claimed_by: e.claimedBy,
    outlets: [...new Set(e.sources.map(outlet))],
    what: e.title ?? (e.note ? `${e.facilities.length ? `${facilityNames(site, e.facilities)}: ` : ''}${firstClause(e.note)}` : e.facilities.length ? facilityNames(site, e.facilities) : null),
    published: e.published.end,
    sources: cite(e.sources),
  });
  const statusReport = (at: StatusAt | undefined): StatusReport | null =>
    at
      ? {
          status: at.status,
          strength: at.strength,
          label: statusLabel(at.status, at.strength, at.stale),
          since: at.basis.date.text,
          since_label: formatSpan(at.basis.date),
          period_start: at.basis.date.start,
          period_end: at.basis.date.end,
          published: at.basis.published.end,
          published_label: at.basis.published.precision === 'day' ? at.basis.published.end : `${formatSpan(at.basis.published)} (counted from ${at.basis.published.end})`,
          claimed_by: at.basis.claimedBy,
          sources: cite(at.basis.sources),
          uncertain: at.uncertain,
          uncertain_reasons: at.uncertainReasons,
          contested: at.contested,
          newest_evidence: at.newest,
          stale: at.stale,
          state_view: at.stateView ? view(at.stateView) : null,
          outside_view: at.outsideView ? view(at.outsideView) : null,
        }
      : null;

  const dated = [
    ...site.milestones.map((m) => ({
      date: m.date,
      kind: m.type.replaceAll('_', ' '),
      title: m.title,
      summary: m.title,
      status: m.status ?? null,
      claimed_by: m.claimedBy,
      people: m.people,
      facilities: m.facilities,
      sources: m.sources,
      uncertain: m.uncertain,
      note: m.note ?? null,
    })),
    ...site.evidence
      .filter((e) => e.origin !== 'milestone')
      .map((e) => ({
        date: e.date,
        kind: e.origin === 'claim' ? 'batch claim' : 'status report',
        title: e.title ?? `${e.facilities.length ? facilityNames(site, e.facilities) : 'site'}: ${STATUS_LABELS[e.status]}`,
        // Untitled evidence is summarised with its note in the comparison.
        summary: e.title ?? `${e.facilities.length ? facilityNames(site, e.facilities) : 'Site'}: ${STATUS_LABELS[e.status]}${e.note ? ` — ${e.note}` : ''}`,
        status: e.status,
        claimed_by: e.claimedBy,
        people: [],
        facilities: e.facilities,
        sources: e.sources,
        uncertain: e.uncertain,
        note: e.note ?? null,
      })),
  ]
    .filter((t) => shown(t.date, t.sources))
    // The documented order (model/status.ts): by period start, so "2025" sits at 1 Jan, not 31 Dec.
    .sort((a, b) => a.date.start.localeCompare(b.date.start) || a.date.end.localeCompare(b.date.end))
    .map(({ summary, ...t }) => ({ entry: { ...t, date: t.date.text, date_label: formatSpan(t.date), sources: cite(t.sources) }, summary }));
  const timeline: TimelineEntry[] = dated.map((d) => d.entry);

  const prices = site.prices.filter((p) => shown(p.date, [p.source])).map((p) => ({ ...p, date: p.date.text, source: cite([p.source])[0]! }));
  const quotes = site.quotes.filter((q) => shown(q.date, [q.source])).map((q) => ({ ...q, date: q.date.text, source: cite([q.source])[0]! }));
  const facilities = site.facilities.map((f) => ({
    id: f.id,
    kind: f.kind,
    name: f.name,
    name_ko: f.name_ko ?? null,
    status: statusReport(facilityStatusAt(site, f, l)),
    sources: cite(f.sources),
  }));
  const status = statusReport(siteStatusAt(site, l));
  site.products.forEach((p) => cite([p.source]));
  site.notes.forEach((n) => cite([n.source]));
  site.aliases.forEach((a) => cite([a.source]));

  return {
    id: site.id,
    name_en: site.name_en,
    name_ko: site.name_ko,
    year: site.year,
    role: site.role,
    province: site.province,
    province_en: province?.name_en ?? site.province,
    province_ko: province?.name_ko ?? '',
    province_note: site.province_note ?? null,
    county: {
      id: site.county.id,
      name_en: site.county.name_en,
      name_ko: site.county.name_ko,
      name_hanja: site.county.name_hanja,
      type: site.county.type,
      wikidata: site.county.wikidata ?? null,
      osm_relation: site.county.osm_relation ?? null,
      seat: { lat: site.county.seat.lat, lon: site.county.seat.lon },
    },
    spellings: site.county.spellings.map((s) => ({
      name: s.name,
      system: s.system,
      derived: s.derived ?? false,
      uncertain: s.uncertain ?? false,
      note: s.note ?? null,
    })),
    aliases: site.aliases,
    as_of: asOf,
    hindsight: l.hindsight ?? false,
    stale_after_months: l.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS,
    latest_report: latestReport(dataset.sites, l) ?? null,
    site_latest_report: latestReport([site], l) ?? null,
    status,
    facilities,
    timeline,
    products: site.products,
    prices,
    quotes,
    notes: site.notes,
    sources: [...cited]
      .map((id) => dataset.sources.get(id))
      .filter((s): s is Source => s !== undefined)
      .sort((a, b) => a.date.end.localeCompare(b.date.end) || a.id.localeCompare(b.id))
      .map((s) => ({ ...s, date: s.date.text })),
    statements: buildStatements(
      [
        ...dated.map((d) => ({ stance: d.entry.claimed_by, kind: d.entry.kind, date: d.entry.date, text: d.summary, status: d.entry.status, sources: d.entry.sources, uncertain: d.entry.uncertain })),
        ...quotes.map((q) => ({ stance: q.stance, kind: 'quote', date: q.date, text: q.text, speaker: q.speaker, translated: q.translated, sources: [q.source], uncertain: q.uncertain })),
      ],
      (id) => dataset.sources.get(id),
    ),
  };
}

function facilityNames(site: Site, ids: string[]): string {
  return ids.map((id) => site.facilities.find((f) => f.id === id)?.name ?? id).join(', ');
}
