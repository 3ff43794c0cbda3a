/**
 * The join between boundary features and the county registry. Pure: features and registry in,
 * a report out (which feature is which county, by which method, and everything that did not fit).
 *
 * Per feature, the first method that names a registry county AND passes the location check wins:
 *   id        a property equal to a registry id (`gaz_id`, `id`, or --id-field)
 *   wikidata  `wikidata` = Qnnn (or a feature id Qnnn), as in the registry
 *   osm       `@id` = relation/N, `osm_relation`, `osm_id` or a bare relation number, as in the registry
 *   name      every name-like property resolved with the registry NameIndex; each field votes for
 *             the counties it names; a tie is broken by the province field (name+province), then
 *             by which candidate's seat lies inside the feature's polygon (name+seat).
 *   seat      no name or id resolved: the one registry seat the polygon holds.
 * Location check (import/location.ts): the county's seat lies inside the shape or within a few km,
 * or the shape lies mostly in the county's bundled shape; a shape holding several seats, or far
 * larger or smaller than the county, is no county. A name or id in the wrong place is reported as
 * misplaced and never matched. Water bodies are never matched.
 * A county claimed by two features keeps the better method (then the one holding the seat, then
 * the first); the other is reported as a conflict, never assigned silently. Features wholly outside
 * the registry's extent (other countries in a world file) are matched by id only, else counted.
 */
import { NameIndex, type Named } from '../registry/name-index.js';
import { looseKeyOf, nameKey } from '../registry/normalize.js';
import type { County, Province, Registry } from '../registry/types.js';
import type { InputFeature } from './import-features.js';
import { buildReference, featureFacts, placeFeature, seatInside, type BBox, type FeatureFacts, type Placement, type Reference } from './import/location.js';

export { seatInside };

export const JOIN_METHODS = ['id', 'wikidata', 'osm', 'name', 'name+province', 'name+seat', 'seat'] as const;
export type JoinMethod = (typeof JOIN_METHODS)[number];

export interface JoinOptions {
  /** A property holding registry ids (or Wikidata ids, or OSM relation ids). */
  idField?: string;
  /** Only these properties are names; default: every name-like property. */
  nameFields?: string[];
  /** The property naming the first-level unit; default: ADM1_EN, NAME_1, … when present. */
  provinceField?: string;
  /** Seats and bundled extents for the location check; default: registry seats only. */
  reference?: Reference;
}

/** A feature whose id or name names a county, but whose shape is not where that county is. */
export interface MisplacedFeature {
  feature: number;
  county: string;
  method: JoinMethod;
  /** elsewhere | seat in another feature | too large | too small | many seats */
  why: Exclude<Placement, { ok: true }>['why'];
  /** Distance from the county's seat to the shape, km. */
  km?: number;
  /** The feature holding the county's seat. */
  other?: number;
  /** Shape area / the county's area in the bundled layer. */
  ratio?: number;
  /** Registry seats inside the shape. */
  seats?: number;
}

/** A feature that is not a county by its own properties (a water body). */
export interface NotCounty {
  feature: number;
  reason: string;
}

/** A province field whose values never name a first-level unit. */
export interface UselessProvinceField {
  field: string;
  features: number;
  /** Up to 5 distinct values, raw. */
  values: string[];
}

export interface FieldValue {
  field: string;
  value: string;
}

export interface JoinMatch {
  feature: number;
  county: string;
  method: JoinMethod;
  /** The property that decided (for names: the fields that voted for the county). */
  via: string;
  /** Set when the county was named only by a former name (geo/variants.yaml `former: true`), e.g. "Ŭndŏk". */
  former?: string;
}

export interface UnmatchedFeature {
  feature: number;
  names: FieldValue[];
  /** Registry counties with a similar name. */
  suggestions: string[];
  /** Registry counties whose seat lies inside this feature. */
  seatsInside: string[];
}

export interface AmbiguousFeature {
  feature: number;
  names: FieldValue[];
  candidates: string[];
  /** The first-level unit the feature's province field named, if any. */
  province?: string;
}

export interface JoinConflict {
  county: string;
  kept: { feature: number; method: JoinMethod };
  dropped: { feature: number; method: JoinMethod }[];
}

/** A feature whose methods name different counties (e.g. its OSM relation and its name). */
export interface JoinDisagreement {
  feature: number;
  chosen: { county: string; method: JoinMethod };
  other: { county: string; method: JoinMethod }[];
}

export interface JoinReport {
  features: number;
  registryCounties: number;
  /** One per matched county, sorted by county id. */
  matches: JoinMatch[];
  byMethod: Record<JoinMethod, number>;
  unmatched: UnmatchedFeature[];
  ambiguous: AmbiguousFeature[];
  conflicts: JoinConflict[];
  /** Registry counties without a shape, sorted. */
  missing: string[];
  disagreements: JoinDisagreement[];
  /** Matched counties whose registry seat is outside their polygon (worth a look). */
  seatOutside: string[];
  /** Features lying wholly outside the registry's extent (e.g. other countries), not matched by id: not listed. */
  outside: number;
  misplaced: MisplacedFeature[];
  notCounties: NotCounty[];
  /** Features whose geometry turf could not measure: left out. */
  unmeasurable: { feature: number; reason: string }[];
  /** Features whose names resolve to a first-level unit (and to no county). */
  provinceNamed: number[];
  uselessProvinceField?: UselessProvinceField;
  /** Facts per measured feature, by feature index (for the sanity gate). */
  facts: Map<number, FeatureFacts>;
  /** How each match was placed. */
  placements: Map<string, Extract<Placement, { ok: true }>>;
}

export interface CountyPlace extends Named {
  county: County;
}

const OSM_NAME = /^(?:alt_|official_|old_|short_|loc_|int_|reg_)?name(?::(?:ko|en|ko-Latn|ko_rm|ko-Hani|ko_hanja|ko-Kore|ko-Hang))?$/;
const OTHER_NAMES = new Set([
  'shapeName',
  'ADM2_EN', 'ADM2_KO', 'ADM2_REF', 'ADM2ALT1EN', 'ADM2ALT2EN', 'ADM2ALT1KO', 'ADM2ALT2KO',
  'NAME_2', 'VARNAME_2', 'NL_NAME_2',
  'NAME', 'NAME_EN', 'NAME_KO', 'name_en', 'name_ko', 'name_hanja', 'gaz_name_en',
]);
export const PROVINCE_FIELDS = [
  'ADM1_EN', 'ADM1_KO', 'ADM1_REF', 'NAME_1', 'VARNAME_1', 'NL_NAME_1',
  'province', 'province_en', 'province_ko', 'gaz_province_en', 'is_in:province', 'addr:province',
];
const WIKIDATA_FIELD = /^(?:wikidata|wikidata_id|wikidataid|qid)$/i;

export function isNameField(key: string): boolean {
  return OSM_NAME.test(key) || OTHER_NAMES.has(key);
}

/** The registry's names, as the app resolves them everywhere. */
export function countyIndex(registry: Registry): NameIndex<CountyPlace> {
  const index = new NameIndex<CountyPlace>();
  for (const county of registry.counties) {
    const province = registry.provinceById.get(county.province);
    index.add(
      {
        id: county.id,
        label: `${county.name_en} (${county.name_ko}), ${province?.name_en ?? county.province}`,
        provinceKeys: province?.spellings ?? [county.province],
        county,
      },
      county.spellings.map((s) => s.name),
    );
  }
  return index;
}

function provinceIndex(provinces: Province[]): NameIndex<Province & Named> {
  const index = new NameIndex<Province & Named>();
  for (const p of provinces) index.add({ ...p, label: p.name_en, provinceKeys: [] }, p.spellings);
  return index;
}

/** Longer property values are not names (and would make fuzzy matching slow): ignored. */
const MAX_NAME = 200;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > MAX_NAME ? undefined : value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Name-like properties of a feature, in property order (or the --name-field ones). */
export function featureNames(f: InputFeature, nameFields?: string[]): FieldValue[] {
  const keys = nameFields ?? Object.keys(f.properties).filter(isNameField);
  const out: FieldValue[] = [];
  for (const field of keys) {
    const value = text(f.properties[field]);
    if (value !== undefined) out.push({ field, value });
  }
  return out;
}

type Lookup = { county: County; via: string } | undefined;

interface RegistryKeys {
  wikidata: Map<string, County>;
  osm: Map<string, County>;
}

function registryKeys(registry: Registry): RegistryKeys {
  const wikidata = new Map<string, County>();
  const osm = new Map<string, County>();
  for (const c of registry.counties) {
    if (c.wikidata) wikidata.set(c.wikidata.toUpperCase(), c);
    if (c.osm_relation) osm.set(c.osm_relation.replace(/^relation\//, ''), c);
  }
  return { wikidata, osm };
}

/** What an id-like value points at: a registry id, a Wikidata item or an OSM relation. */
function byIdValue(value: string, registry: Registry, keys: RegistryKeys): { method: 'id' | 'wikidata' | 'osm'; county: County } | undefined {
  const v = value.trim();
  const county = registry.byId.get(v) ?? registry.byId.get(v.toLowerCase());
  if (county) return { method: 'id', county };
  if (/^Q\d+$/i.test(v)) {
    const c = keys.wikidata.get(v.toUpperCase());
    return c ? { method: 'wikidata', county: c } : undefined;
  }
  const rel = /^(?:relation\/|r)?-?(\d+)$/.exec(v);
  if (rel) {
    const c = keys.osm.get(rel[1]!);
    return c ? { method: 'osm', county: c } : undefined;
  }
  return undefined;
}

function idLookups(f: InputFeature, registry: Registry, keys: RegistryKeys, idField?: string): Record<'id' | 'wikidata' | 'osm', Lookup> {
  const out: Record<'id' | 'wikidata' | 'osm', Lookup> = { id: undefined, wikidata: undefined, osm: undefined };
  const set = (method: 'id' | 'wikidata' | 'osm', county: County | undefined, via: string) => {
    if (county && !out[method]) out[method] = { county, via };
  };
  if (idField !== undefined) {
    // --id-field id on a file whose ids are the features' own `id` members, not properties.
    const v = text(f.properties[idField]) ?? (idField === 'id' ? f.featureId : undefined);
    const hit = v === undefined ? undefined : byIdValue(v, registry, keys);
    if (hit) set(hit.method, hit.county, idField);
  }
  for (const [key, raw] of Object.entries(f.properties)) {
    const v = text(raw);
    if (v === undefined) continue;
    set('id', registry.byId.get(v), key);
    if (WIKIDATA_FIELD.test(key) && /^Q\d+$/i.test(v)) set('wikidata', keys.wikidata.get(v.toUpperCase()), key);
    if (key === '@id' || key === 'id') {
      const m = /^relation\/(\d+)$/.exec(v);
      if (m) set('osm', keys.osm.get(m[1]!), key);
    }
    if (key === 'osm_relation' || key === 'osm_relation_id') set('osm', keys.osm.get(v.replace(/^relation\//, '')), key);
    if (key === 'osm_id') {
      const type = text(f.properties.osm_type)?.toLowerCase();
      if (type === undefined || type === 'relation' || type === 'r') set('osm', keys.osm.get(v.replace(/^-/, '')), key);
    }
  }
  if (f.featureId !== undefined) {
    // The feature's own id: a registry id, a Wikidata id (Q…), relation/N or a bare relation number.
    const hit = byIdValue(f.featureId, registry, keys);
    if (hit) set(hit.method, hit.county, '(feature id)');
  }
  return out;
}

type NameResult =
  | { kind: 'found'; county: County; method: 'name' | 'name+province'; via: string; former?: string }
  | { kind: 'ambiguous'; candidates: County[]; province?: string; via: (c: County) => string }
  | { kind: 'unknown'; suggestions: County[] };

/** Name keys (exact and loose) of each county's former names. */
function formerKeys(registry: Registry): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const c of registry.counties) {
    const keys = new Map<string, string>();
    for (const s of c.spellings) {
      if (!s.former) continue;
      keys.set(nameKey(s.name), s.name);
      keys.set(looseKeyOf(nameKey(s.name)), s.name);
    }
    if (keys.size > 0) out.set(c.id, keys);
  }
  return out;
}

function resolveByNames(names: FieldValue[], index: NameIndex<CountyPlace>, province: Province | undefined, former: Map<string, Map<string, string>>): NameResult {
  const score = new Map<County, { votes: number; fields: Set<string> }>();
  const suggestions = new Set<County>();
  const formerHit = new Map<County, string>();
  const currentHit = new Set<County>();
  for (const { field, value } of names) {
    const named = new Set<County>();
    for (const part of value.split(/[|;]/)) {
      if (!part.trim()) continue;
      const r = index.resolve(part);
      if (r.kind === 'found') {
        named.add(r.target.county);
        const keys = former.get(r.target.county.id);
        const key = nameKey(part);
        const was = keys?.get(key) ?? keys?.get(looseKeyOf(key));
        if (was !== undefined) formerHit.set(r.target.county, part.trim());
        else currentHit.add(r.target.county);
      } else if (r.kind === 'ambiguous') r.candidates.forEach((c) => named.add(c.county));
      else r.suggestions.forEach((c) => suggestions.add(c.county));
    }
    for (const c of named) {
      const s = score.get(c) ?? { votes: 0, fields: new Set<string>() };
      s.votes++;
      s.fields.add(field);
      score.set(c, s);
    }
  }
  if (score.size === 0) return { kind: 'unknown', suggestions: [...suggestions] };
  const best = Math.max(...[...score.values()].map((s) => s.votes));
  let top = [...score].filter(([, s]) => s.votes === best).map(([c]) => c);
  const via = (c: County) => [...(score.get(c)?.fields ?? [])].join(',');
  const wasNamed = (c: County) => (formerHit.has(c) && !currentHit.has(c) ? { former: formerHit.get(c)! } : {});
  if (top.length === 1) return { kind: 'found', county: top[0]!, method: 'name', via: via(top[0]!), ...wasNamed(top[0]!) };
  if (province) {
    const inProvince = top.filter((c) => c.province === province.id);
    if (inProvince.length === 1) return { kind: 'found', county: inProvince[0]!, method: 'name+province', via: via(inProvince[0]!), ...wasNamed(inProvince[0]!) };
    if (inProvince.length > 1) top = inProvince;
  }
  return {
    kind: 'ambiguous',
    candidates: top.sort((a, b) => a.id.localeCompare(b.id)),
    ...(province ? { province: province.id } : {}),
    via,
  };
}

function featureProvince(f: InputFeature, index: NameIndex<Province & Named>, field?: string): Province | undefined {
  for (const key of field !== undefined ? [field] : PROVINCE_FIELDS) {
    const v = text(f.properties[key]);
    if (v === undefined) continue;
    const r = index.resolve(v);
    if (r.kind === 'found') return r.target;
  }
  return undefined;
}

/** The province field in use (given, or the first default one present) when no value of it names a province. */
function provinceFieldCheck(features: InputFeature[], index: NameIndex<Province & Named>, field?: string): UselessProvinceField | undefined {
  const key = field ?? PROVINCE_FIELDS.find((k) => features.some((f) => text(f.properties[k]) !== undefined));
  if (key === undefined) return undefined;
  const values = features.map((f) => text(f.properties[key])).filter((v): v is string => v !== undefined);
  if (values.length === 0 || values.some((v) => index.resolve(v).kind === 'found')) return undefined;
  return { field: key, features: values.length, values: [...new Set(values)].slice(0, 5) };
}

const WATER = /^(?:water ?body|water|lake|reservoir|sea|bay|river|lagoon|호수|저수지|바다)$/i;

/** Why a feature is not a county by its own properties (a water body), or undefined. */
export function notACounty(f: InputFeature): string | undefined {
  const p = f.properties;
  for (const key of ['TYPE_2', 'ENGTYPE_2', 'TYPE_1', 'ENGTYPE_1', 'NAME_2', 'NAME', 'type', 'name:en', 'shapeType']) {
    const v = text(p[key]);
    if (v !== undefined && WATER.test(v)) return `water body (${key} "${v}")`;
  }
  if (text(p.natural) === 'water' || text(p.water) !== undefined || text(p.waterway) !== undefined) return 'water body (OSM water tags)';
  return undefined;
}

const rank = (m: JoinMethod) => JOIN_METHODS.indexOf(m);

/**
 * Features + registry → join report. Pure. Each feature is measured once (seats inside, area, a
 * point inside); every candidate county from ids and names must pass `placeFeature`.
 */
export function joinFeatures(features: InputFeature[], registry: Registry, options: JoinOptions = {}): JoinReport {
  const ref = options.reference ?? buildReference(registry, undefined);
  const index = countyIndex(registry);
  const provinces = provinceIndex(registry.provinces);
  const keys = registryKeys(registry);
  const former = formerKeys(registry);
  const claims: (JoinMatch & { placement: Extract<Placement, { ok: true }> })[] = [];
  const unmatched: UnmatchedFeature[] = [];
  const ambiguous: AmbiguousFeature[] = [];
  const disagreements: JoinDisagreement[] = [];
  const misplaced: MisplacedFeature[] = [];
  const notCounties: NotCounty[] = [];
  const unmeasurable: JoinReport['unmeasurable'] = [];
  const provinceNamed: number[] = [];
  const facts = new Map<number, FeatureFacts>();
  let outside = 0;

  // Measure every feature first: which feature holds which seat is evidence for all the others.
  const usable: InputFeature[] = [];
  for (const f of features) {
    const water = notACounty(f);
    if (water) {
      notCounties.push({ feature: f.index, reason: water });
      continue;
    }
    try {
      facts.set(f.index, featureFacts(f, ref));
      usable.push(f);
    } catch (err) {
      unmeasurable.push({ feature: f.index, reason: (err as Error).message.slice(0, 120) });
    }
  }
  const seatHolder = new Map<string, number>();
  for (const f of usable) {
    const ff = facts.get(f.index)!;
    if (ff.seatsInside.length >= 3) continue; // a province or a country holds seats without being those counties
    for (const id of ff.seatsInside) if (!seatHolder.has(id)) seatHolder.set(id, f.index);
  }

  for (const f of usable) {
    const ff = facts.get(f.index)!;
    const ids = idLookups(f, registry, keys, options.idField);
    const near = overlaps(ff.bbox, ref.bbox);
    if (!near && !ids.id && !ids.wikidata && !ids.osm) {
      outside++;
      continue;
    }
    const names = featureNames(f, options.nameFields);
    const province = featureProvince(f, provinces, options.provinceField);
    const byName: NameResult = near ? resolveByNames(names, index, province, former) : { kind: 'unknown', suggestions: [] };
    const found: { county: County; method: JoinMethod; via: string; former?: string }[] = [];
    for (const method of ['id', 'wikidata', 'osm'] as const) {
      const hit = ids[method];
      if (hit) found.push({ county: hit.county, method, via: hit.via });
    }
    if (byName.kind === 'found') found.push({ county: byName.county, method: byName.method, via: byName.via, ...(byName.former ? { former: byName.former } : {}) });

    let chosen: (typeof found)[number] | undefined;
    let placement: Extract<Placement, { ok: true }> | undefined;
    const rejected: MisplacedFeature[] = [];
    for (const candidate of found) {
      if (chosen && candidate.county === chosen.county) continue;
      const p = placeFeature(f, ff, candidate.county, ref, seatHolder);
      if (p.ok) {
        if (!chosen) {
          chosen = candidate;
          placement = p;
        }
      } else if (!rejected.some((r) => r.county === candidate.county.id)) {
        const { ok: _ok, ...rest } = p;
        rejected.push({ feature: f.index, county: candidate.county.id, method: candidate.method, ...rest });
      }
    }
    if (!chosen && byName.kind === 'ambiguous') {
      // A shared name: the candidate whose seat the shape holds, if exactly one.
      const placed = byName.candidates
        .map((c) => ({ c, p: placeFeature(f, ff, c, ref, seatHolder) }))
        .filter((x): x is { c: County; p: Extract<Placement, { ok: true }> } => x.p.ok && x.p.how === 'seat inside');
      if (placed.length === 1) {
        chosen = { county: placed[0]!.c, method: 'name+seat', via: byName.via(placed[0]!.c) };
        placement = placed[0]!.p;
      }
    }
    const namedProvince = byName.kind === 'unknown' && names.some((n) => provinces.resolve(n.value).kind === 'found');
    if (namedProvince) provinceNamed.push(f.index);
    if (!chosen && found.length === 0 && byName.kind === 'unknown' && !namedProvince && ff.seatsInside.length === 1 && ff.inCountry) {
      // Names failed (old names, misspellings, none at all): the one seat the shape holds.
      const county = registry.byId.get(ff.seatsInside[0]!)!;
      const p = placeFeature(f, ff, county, ref, seatHolder);
      if (p.ok) {
        chosen = { county, method: 'seat', via: '(seat inside)' };
        placement = p;
      } else {
        const { ok: _ok, ...rest } = p;
        rejected.push({ feature: f.index, county: county.id, method: 'seat', ...rest });
      }
    }
    if (!chosen || !placement) {
      if (rejected.length > 0) misplaced.push(...rejected);
      else if (byName.kind === 'ambiguous') {
        ambiguous.push({
          feature: f.index,
          names,
          candidates: byName.candidates.map((c) => c.id),
          ...(byName.province ? { province: byName.province } : {}),
        });
      } else {
        unmatched.push({
          feature: f.index,
          names,
          suggestions: byName.kind === 'unknown' ? byName.suggestions.slice(0, 3).map((c) => c.id) : [],
          seatsInside: ff.seatsInside.slice(0, 10),
        });
      }
      continue;
    }
    claims.push({ feature: f.index, county: chosen.county.id, method: chosen.method, via: chosen.via, ...(chosen.former ? { former: chosen.former } : {}), placement });
    const other = [...found.filter((x) => x.county !== chosen.county).map((x) => ({ county: x.county.id, method: x.method }))];
    if (other.length > 0) disagreements.push({ feature: f.index, chosen: { county: chosen.county.id, method: chosen.method }, other });
  }

  // One feature per county: the better method wins, then the one holding the seat, then the first.
  const byCounty = new Map<string, typeof claims>();
  for (const c of claims) byCounty.set(c.county, [...(byCounty.get(c.county) ?? []), c]);
  const matches: JoinMatch[] = [];
  const placements = new Map<string, Extract<Placement, { ok: true }>>();
  const conflicts: JoinConflict[] = [];
  for (const [countyId, list] of byCounty) {
    const holds = (m: (typeof claims)[number]) => (m.placement.how === 'seat inside' ? 0 : 1);
    const sorted = list.length === 1 ? list : [...list].sort((a, b) => rank(a.method) - rank(b.method) || holds(a) - holds(b) || a.feature - b.feature);
    const [kept, ...dropped] = sorted;
    const { placement, ...match } = kept!;
    matches.push(match);
    placements.set(countyId, placement);
    if (dropped.length > 0) {
      conflicts.push({
        county: countyId,
        kept: { feature: kept!.feature, method: kept!.method },
        dropped: dropped.map((d) => ({ feature: d.feature, method: d.method })),
      });
    }
  }
  matches.sort((a, b) => a.county.localeCompare(b.county));
  conflicts.sort((a, b) => a.county.localeCompare(b.county));
  misplaced.sort((a, b) => a.feature - b.feature || a.county.localeCompare(b.county));

  const byMethod = Object.fromEntries(JOIN_METHODS.map((m) => [m, 0])) as Record<JoinMethod, number>;
  for (const m of matches) byMethod[m.method]++;
  const matched = new Set(matches.map((m) => m.county));
  const uselessProvinceField = provinceFieldCheck(features, provinces, options.provinceField);
  return {
    features: features.length,
    registryCounties: registry.counties.length,
    matches,
    byMethod,
    unmatched,
    ambiguous,
    conflicts,
    missing: registry.counties.map((c) => c.id).filter((id) => !matched.has(id)).sort(),
    disagreements,
    seatOutside: matches.filter((m) => placements.get(m.county)?.how !== 'seat inside').map((m) => m.county),
    outside,
    misplaced,
    notCounties,
    unmeasurable,
    provinceNamed,
    ...(uselessProvinceField ? { uselessProvinceField } : {}),
    facts,
    placements,
  };
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
