/**
 * The index of every name a user may type for a place: registry counties (all their spellings)
 * and program sites (their names and the aliases seen in sources).
 */
import { NameIndex, type Resolution } from '../registry/name-index.js';
import type { Registry } from '../registry/types.js';
import type { Dataset, Place, Site } from './types.js';

type CountyPlace = Extract<Place, { kind: 'county' }>;

export interface PlaceIndex {
  index: NameIndex<Place>;
  counties: Map<string, CountyPlace>;
}

/** Counties only: what a data file's `county:` field resolves against. */
export function countyPlaceIndex(registry: Registry): PlaceIndex {
  const index = new NameIndex<Place>();
  const counties = new Map<string, CountyPlace>();
  for (const county of registry.counties) {
    const province = registry.provinceById.get(county.province);
    const place: CountyPlace = {
      kind: 'county',
      id: county.id,
      label: `${county.name_en} (${county.name_ko}), ${province?.name_en ?? county.province}`,
      provinceKeys: province?.spellings ?? [county.province],
      county,
      sites: [],
    };
    counties.set(county.id, place);
    index.add(place, county.spellings.map((s) => s.name));
  }
  return { index, counties };
}

/** Adds the program sites, and links each county to its sites. */
export function addSitePlaces(places: PlaceIndex, registry: Registry, sites: readonly Site[]): NameIndex<Place> {
  for (const site of sites) {
    places.counties.get(site.county.id)?.sites.push(site);
    const province = registry.provinceById.get(site.province);
    places.index.add(
      {
        kind: 'site',
        id: site.id,
        label: `${site.name_en} (${site.name_ko}), ${province?.name_en ?? site.province}, ${site.year}${site.role === 'batch' ? '' : ` ${site.role}`}`,
        provinceKeys: province?.spellings ?? [site.province],
        site,
      },
      [site.id, site.name_en, ...(site.name_ko !== site.county.name_ko ? [site.name_ko] : []), ...site.aliases.map((a) => a.name)],
    );
  }
  return places.index;
}

/**
 * Resolves a user's name for a place to one site, or to a registry county without a site.
 * A county with one site stands for that site; a county holding several sites (Kaesong:
 * Kaephung and Phanmun) is ambiguous between them.
 */
export function resolvePlace(dataset: Dataset, query: string): Resolution<Place> {
  const toSites = (p: Place): Place[] => (p.kind === 'county' && p.sites.length > 0 ? p.sites.map((s) => sitePlace(dataset, s.id)) : [p]);
  const unique = (places: Place[]) => [...new Map(places.map((p) => [p.id, p])).values()];
  const r = dataset.places.resolve(query);
  if (r.kind === 'unknown') return { kind: 'unknown', suggestions: unique(r.suggestions.flatMap(toSites)) };
  const candidates = unique(r.kind === 'found' ? toSites(r.target) : r.candidates.flatMap(toSites));
  return candidates.length === 1 ? { kind: 'found', target: candidates[0]! } : { kind: 'ambiguous', candidates };
}

function sitePlace(dataset: Dataset, id: string): Place {
  const r = dataset.places.resolve(id);
  if (r.kind !== 'found') throw new Error(`site ${id} is not indexed`);
  return r.target;
}
