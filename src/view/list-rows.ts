/** The rows of the province list for a view state: provinces with counts, and their sites. */
import { listSites, type SiteSummary } from '../model/site-summary.js';
import type { Dataset } from '../model/types.js';
import type { Status } from '../model/vocabulary.js';
import { lensOf, type StatusFilter, type ViewState } from './state.js';

export type ListRow =
  | { kind: 'province'; key: string; id: string; name_en: string; name_ko: string; count: number; collapsed: boolean; counts: Partial<Record<Status, number>> }
  | { kind: 'site'; key: string; site: SiteSummary };

export function siteKey(id: string): string {
  return `site:${id}`;
}

export function provinceKey(id: string): string {
  return `province:${id}`;
}

/** Sites known as of the date that pass the filters, grouped by province in registry order. */
export function visibleSites(dataset: Dataset, state: Pick<ViewState, 'asOf' | 'hindsight' | 'staleAfterMonths' | 'filter'>): SiteSummary[] {
  const { statuses, years } = state.filter;
  return listSites(dataset, lensOf(state), { roles: ['batch', 'pilot', 'related'] }).filter(
    (s) =>
      (years.length === 0 || years.includes(s.year)) &&
      (statuses.length === 0 || statuses.some((f) => (f === 'contested' ? s.contested : f === 'stale' ? s.stale : s.status === f))),
  );
}

/**
 * Per filter option, how many sites known as of the date it alone would show (other filters
 * ignored): the counts the filter menu prints beside each option, so an option no site has on the
 * day (`status: selected` once every county has begun) reads "(0)" before it is ticked.
 */
export function filterOptionCounts(
  dataset: Dataset,
  state: Pick<ViewState, 'asOf' | 'hindsight' | 'staleAfterMonths' | 'filter'>,
  options: readonly ({ kind: 'status'; value: StatusFilter } | { kind: 'year'; value: number })[],
): number[] {
  const all = visibleSites(dataset, { ...state, filter: { statuses: [], years: [], cursor: 0 } });
  return options.map((o) =>
    o.kind === 'year'
      ? all.filter((s) => s.year === o.value).length
      : all.filter((s) => (o.value === 'contested' ? s.contested : o.value === 'stale' ? s.stale : s.status === o.value)).length,
  );
}

export function listRows(dataset: Dataset, state: Pick<ViewState, 'asOf' | 'hindsight' | 'staleAfterMonths' | 'filter' | 'collapsed'>): ListRow[] {
  return groupRows(dataset, visibleSites(dataset, state), state.collapsed);
}

/** Province headers and their sites, from sites already filtered (the dashboard memoises them). */
export function groupRows(dataset: Dataset, sites: readonly SiteSummary[], collapsedIds: readonly string[]): ListRow[] {
  const rows: ListRow[] = [];
  for (const p of dataset.registry.provinces) {
    const mine = sites.filter((s) => s.province === p.id);
    if (mine.length === 0) continue;
    const collapsed = collapsedIds.includes(p.id);
    const counts: Partial<Record<Status, number>> = {};
    for (const s of mine) counts[s.status] = (counts[s.status] ?? 0) + 1;
    rows.push({ kind: 'province', key: provinceKey(p.id), id: p.id, name_en: p.name_en, name_ko: p.name_ko, count: mine.length, collapsed, counts });
    if (!collapsed) for (const site of mine) rows.push({ kind: 'site', key: siteKey(site.id), site });
  }
  return rows;
}

/** Index of the cursor row, or the first row when it is no longer visible (-1 when there are none). */
export function cursorIndex(rows: readonly ListRow[], cursor: string): number {
  const exact = rows.findIndex((r) => r.key === cursor);
  return exact >= 0 ? exact : rows.length > 0 ? 0 : -1;
}
