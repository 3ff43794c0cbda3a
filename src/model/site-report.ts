/**
 * Everything known about one site as of a date, as plain data. `show --format json` prints it;
 * `show` text, the dashboard's detail pane and exports render it.
 */
import { formatSpan } from './dates.js';
import { facilityStatusAt, siteStatusAt, type StatusAt } from './status.js';
import type { Dataset, Site, Source } from './types.js';
import type { Stance, Status } from './vocabulary.js';

export interface StatusReport {
  status: Status;
  since: string;
  claimed_by: Stance;
  sources: string[];
  uncertain: boolean;
  contested: boolean;
  state_view: { status: Status; date: string; sources: string[] } | null;
  outside_view: { status: Status; date: string; claimed_by: Stance; sources: string[] } | null;
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
  status: StatusReport | null;
  facilities: { id: string; kind: string; name: string; name_ko: string | null; status: StatusReport | null; sources: string[] }[];
  timeline: TimelineEntry[];
  products: Site['products'];
  prices: (Omit<Site['prices'][number], 'date'> & { date: string })[];
  quotes: (Omit<Site['quotes'][number], 'date'> & { date: string })[];
  notes: Site['notes'];
  sources: (Omit<Source, 'date'> & { date: string })[];
}

export function buildSiteReport(dataset: Dataset, site: Site, asOf: string): SiteReport {
  const province = dataset.registry.provinceById.get(site.province);
  const cited = new Set<string>();
  const cite = (ids: string[]) => {
    for (const id of ids) cited.add(id);
    return ids;
  };
  const statusReport = (at: StatusAt | undefined): StatusReport | null =>
    at
      ? {
          status: at.status,
          since: at.basis.date.text,
          claimed_by: at.basis.claimedBy,
          sources: cite(at.basis.sources),
          uncertain: at.basis.uncertain,
          contested: at.contested,
          state_view: at.stateView ? { status: at.stateView.status, date: at.stateView.date.text, sources: cite(at.stateView.sources) } : null,
          outside_view: at.outsideView
            ? { status: at.outsideView.status, date: at.outsideView.date.text, claimed_by: at.outsideView.claimedBy, sources: cite(at.outsideView.sources) }
            : null,
        }
      : null;

  const timeline: TimelineEntry[] = [
    ...site.milestones.map((m) => ({
      date: m.date,
      kind: m.type.replace('_', ' '),
      title: m.title,
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
        title: e.title ?? `${e.facilities.length ? facilityNames(site, e.facilities) : 'site'}: ${e.status.replace('_', ' ')}`,
        status: e.status,
        claimed_by: e.claimedBy,
        people: [],
        facilities: e.facilities,
        sources: e.sources,
        uncertain: e.uncertain,
        note: e.note ?? null,
      })),
  ]
    .filter((t) => t.date.end <= asOf)
    .sort((a, b) => a.date.end.localeCompare(b.date.end) || a.date.start.localeCompare(b.date.start))
    .map((t) => ({ ...t, date: t.date.text, date_label: formatSpan(t.date), sources: cite(t.sources) }));

  const prices = site.prices.filter((p) => p.date.end <= asOf).map((p) => ({ ...p, date: p.date.text, source: cite([p.source])[0]! }));
  const quotes = site.quotes.filter((q) => q.date.end <= asOf).map((q) => ({ ...q, date: q.date.text, source: cite([q.source])[0]! }));
  const facilities = site.facilities.map((f) => ({
    id: f.id,
    kind: f.kind,
    name: f.name,
    name_ko: f.name_ko ?? null,
    status: statusReport(facilityStatusAt(site, f, asOf)),
    sources: cite(f.sources),
  }));
  const status = statusReport(siteStatusAt(site, asOf));
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
  };
}

function facilityNames(site: Site, ids: string[]): string {
  return ids.map((id) => site.facilities.find((f) => f.id === id)?.name ?? id).join(', ');
}
