/** One row per site as of a date: what `list`, the dashboard list and the map all show. */
import { siteStatusAt, type StatusAt } from './status.js';
import type { Dataset, Site, StatusEvidence } from './types.js';
import type { Role, Stance, Status } from './vocabulary.js';

export interface EvidenceSummary {
  status: Status;
  date: string;
  claimed_by: Stance;
  sources: string[];
}

export interface SiteSummary {
  id: string;
  name_en: string;
  name_ko: string;
  county_id: string;
  province: string;
  province_en: string;
  year: number;
  role: Role;
  status: Status;
  since: string;
  claimed_by: Stance;
  sources: string[];
  contested: boolean;
  state_view: EvidenceSummary | null;
  outside_view: EvidenceSummary | null;
  uncertain: boolean;
}

export function summarizeSite(dataset: Dataset, site: Site, asOf: string): SiteSummary | undefined {
  const at = siteStatusAt(site, asOf);
  return at ? toSummary(dataset, site, at) : undefined;
}

function toSummary(dataset: Dataset, site: Site, at: StatusAt): SiteSummary {
  return {
    id: site.id,
    name_en: site.name_en,
    name_ko: site.name_ko,
    county_id: site.county.id,
    province: site.province,
    province_en: dataset.registry.provinceById.get(site.province)?.name_en ?? site.province,
    year: site.year,
    role: site.role,
    status: at.status,
    since: at.basis.date.text,
    claimed_by: at.basis.claimedBy,
    sources: at.basis.sources,
    contested: at.contested,
    state_view: view(at.stateView),
    outside_view: view(at.outsideView),
    uncertain: at.basis.uncertain,
  };
}

function view(e: StatusEvidence | undefined): EvidenceSummary | null {
  return e ? { status: e.status, date: e.date.text, claimed_by: e.claimedBy, sources: e.sources } : null;
}

export interface SiteFilter {
  province?: string;
  status?: Status | 'contested';
  year?: number;
  roles: readonly Role[];
}

/** Sites known as of the date that pass the filter, in province order then by name. */
export function listSites(dataset: Dataset, asOf: string, filter: SiteFilter): SiteSummary[] {
  const order = new Map(dataset.registry.provinces.map((p, i) => [p.id, i]));
  return dataset.sites
    .filter((s) => filter.roles.includes(s.role))
    .filter((s) => filter.year === undefined || s.year === filter.year)
    .filter((s) => filter.province === undefined || s.province === filter.province)
    .map((s) => summarizeSite(dataset, s, asOf))
    .filter((s): s is SiteSummary => s !== undefined)
    .filter((s) => filter.status === undefined || (filter.status === 'contested' ? s.contested : s.status === filter.status))
    .sort((a, b) => (order.get(a.province) ?? 99) - (order.get(b.province) ?? 99) || a.name_en.localeCompare(b.name_en));
}
