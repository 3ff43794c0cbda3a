/**
 * Live search over program sites and first-level units (provinces and the capital) by any
 * spelling: English (KCNA, MR, RR, registry), Hangul, Hanja, ROK forms and aliases seen in sources.
 * Ranked: exact name, then prefix, then substring; provinces before sites at the same rank.
 */
import type { SiteSummary } from '../model/site-summary.js';
import type { Dataset, Site } from '../model/types.js';
import type { Province } from '../registry/types.js';
import { isRevisedRomanization } from '../registry/name-index.js';
import { looseKey, nameKey } from '../registry/normalize.js';

/** A search result: a program site, or a first-level unit (which moves the map there). */
export type SearchHit =
  | { kind: 'site'; site: SiteSummary; /** The spelling that matched, to show why a result is there. */ matched: string }
  | { kind: 'province'; province: Province; matched: string };

interface Entry {
  site?: Site;
  province?: Province;
  name: string;
  key: string;
  loose: string;
}

/** Built once per dataset: every spelling of every site and of every first-level unit. */
export function searchEntries(dataset: Dataset): Entry[] {
  const entries: Entry[] = [];
  for (const province of dataset.registry.provinces) {
    for (const name of new Set([province.id, province.name_en, province.name_ko, ...province.spellings])) {
      if (name) entries.push({ province, name, key: nameKey(name), loose: looseKey(name) });
    }
  }
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
  const best = new Map<string, { rank: number; matched: string; name: string; hit: (matched: string) => SearchHit }>();
  for (const e of entries) {
    if (e.site && !byId.has(e.site.id)) continue;
    const rank = e.key === q ? 0 : e.key.startsWith(q) ? 1 : ql !== undefined && e.loose.startsWith(ql) ? 2 : e.key.includes(q) ? 3 : -1;
    if (rank < 0) continue;
    // Provinces sort before sites of the same rank: half a rank ahead.
    const key = e.province ? `province:${e.province.id}` : `site:${e.site!.id}`;
    const r = e.province ? rank - 0.5 : rank;
    const prev = best.get(key);
    if (prev && r >= prev.rank) continue;
    const province = e.province;
    const site = e.site ? byId.get(e.site.id)! : undefined;
    best.set(key, {
      rank: r,
      matched: e.name,
      name: province ? province.name_en : site!.name_en,
      hit: (matched) => (province ? { kind: 'province', province, matched } : { kind: 'site', site: site!, matched }),
    });
  }
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((b) => b.hit(b.matched));
}
