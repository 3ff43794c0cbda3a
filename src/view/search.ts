/**
 * Live search over program sites by any spelling: English (KCNA, MR, RR, registry), Hangul,
 * Hanja, ROK forms and aliases seen in sources. Ranked: exact name, then prefix, then substring.
 */
import type { SiteSummary } from '../model/site-summary.js';
import type { Dataset, Site } from '../model/types.js';
import { isRevisedRomanization } from '../registry/name-index.js';
import { looseKey, nameKey } from '../registry/normalize.js';

export interface SearchHit {
  site: SiteSummary;
  /** The spelling that matched, to show why a result is there. */
  matched: string;
}

interface Entry {
  site: Site;
  name: string;
  key: string;
  loose: string;
}

/** Built once per dataset. */
export function searchEntries(dataset: Dataset): Entry[] {
  const entries: Entry[] = [];
  for (const site of dataset.sites) {
    const names = new Set([site.id, site.name_en, site.name_ko, ...site.aliases.map((a) => a.name), ...site.county.spellings.map((s) => s.name)]);
    for (const name of names) if (name) entries.push({ site, name, key: nameKey(name), loose: looseKey(name) });
  }
  return entries;
}

export function searchSites(entries: readonly Entry[], visible: readonly SiteSummary[], query: string, limit = 20): SearchHit[] {
  const q = nameKey(query);
  if (q === '') return [];
  // Like the name index: a Revised Romanization query (Bucheon) is not loosened into DPRK names (Pujon).
  const ql = isRevisedRomanization(query) ? undefined : looseKey(query);
  const byId = new Map(visible.map((s) => [s.id, s]));
  const best = new Map<string, { rank: number; matched: string }>();
  for (const e of entries) {
    if (!byId.has(e.site.id)) continue;
    const rank = e.key === q ? 0 : e.key.startsWith(q) ? 1 : ql !== undefined && e.loose.startsWith(ql) ? 2 : e.key.includes(q) ? 3 : -1;
    if (rank < 0) continue;
    const prev = best.get(e.site.id);
    if (!prev || rank < prev.rank) best.set(e.site.id, { rank, matched: e.name });
  }
  return [...best]
    .sort((a, b) => a[1].rank - b[1].rank || byId.get(a[0])!.name_en.localeCompare(byId.get(b[0])!.name_en))
    .slice(0, limit)
    .map(([id, { matched }]) => ({ site: byId.get(id)!, matched }));
}
