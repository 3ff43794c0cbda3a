/** One row per site as of a date: what `list`, the dashboard list and the map all show. */
import { siteStatusAt, type Lens, type StatusAt } from './status.js';
import type { Dataset, Site, StatusEvidence } from './types.js';
import { statusLabel, type Role, type Stance, type Status, type Strength } from './vocabulary.js';

export interface EvidenceSummary {
  status: Status;
  /** The period described, as written (`2025`, `since 2025-04`, `2025-08-18`). */
  date: string;
  /** Publication day the statement was known from (last day of its source's date). */
  published: string;
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
  /** claimed (state media alone) | reported (independent alone) | confirmed (both agree). */
  strength: Strength;
  /** "operating (state claim)", "disrupted (reported, stale)". */
  label: string;
  /** The period the status statement describes, as written. */
  since: string;
  /** That period as the range of days it covers. */
  period_start: string;
  period_end: string;
  /** Publication day of that statement (last day of its source's date). */
  published: string;
  claimed_by: Stance;
  sources: string[];
  contested: boolean;
  /** Newest evidence considered, YYYY-MM-DD. */
  newest_evidence: string;
  /** Newest evidence older than the stale-after threshold. */
  stale: boolean;
  state_view: EvidenceSummary | null;
  outside_view: EvidenceSummary | null;
  uncertain: boolean;
  uncertain_reasons: string[];
}

/** The row for one site on a day (`YYYY-MM-DD` or a Lens), or undefined when nothing was known yet. */
export function summarizeSite(dataset: Dataset, site: Site, asOf: string | Lens): SiteSummary | undefined {
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
    strength: at.strength,
    label: statusLabel(at.status, at.strength, at.stale),
    since: at.basis.date.text,
    period_start: at.basis.date.start,
    period_end: at.basis.date.end,
    published: at.basis.published.end,
    claimed_by: at.basis.claimedBy,
    sources: at.basis.sources,
    contested: at.contested,
    newest_evidence: at.newest,
    stale: at.stale,
    state_view: view(at.stateView),
    outside_view: view(at.outsideView),
    uncertain: at.uncertain,
    uncertain_reasons: at.uncertainReasons,
  };
}

function view(e: StatusEvidence | undefined): EvidenceSummary | null {
  return e ? { status: e.status, date: e.date.text, published: e.published.end, claimed_by: e.claimedBy, sources: e.sources } : null;
}

export interface SiteFilter {
  province?: string;
  status?: Status | 'contested' | 'stale';
  year?: number;
  roles: readonly Role[];
}

/** Sites known as of the date (or Lens) that pass the filter, in province order then by name. */
export function listSites(dataset: Dataset, asOf: string | Lens, filter: SiteFilter): SiteSummary[] {
  const order = new Map(dataset.registry.provinces.map((p, i) => [p.id, i]));
  return dataset.sites
    .filter((s) => filter.roles.includes(s.role))
    .filter((s) => filter.year === undefined || s.year === filter.year)
    .filter((s) => filter.province === undefined || s.province === filter.province)
    .map((s) => summarizeSite(dataset, s, asOf))
    .filter((s): s is SiteSummary => s !== undefined)
    .filter((s) => filter.status === undefined || (filter.status === 'contested' ? s.contested : filter.status === 'stale' ? s.stale : s.status === filter.status))
    .sort((a, b) => (order.get(a.province) ?? 99) - (order.get(b.province) ?? 99) || a.name_en.localeCompare(b.name_en));
}
