/**
 * The join between boundary features and the county registry. Pure: features and registry in,
 * a report out (which feature is which county, by which method, and everything that did not fit).
 *
 * Per feature, the first method that names a registry county wins:
 *   id        a property equal to a registry id (`gaz_id`, `id`, or --id-field)
 *   wikidata  `wikidata` = Qnnn, as in the registry
 *   osm       `@id` = relation/N, `osm_relation` or `osm_id`, as in the registry
 *   name      every name-like property resolved with the registry NameIndex; each field votes for
 *             the counties it names; a tie is broken by the province field (name+province), then
 *             by which candidate's seat lies inside the feature's polygon (name+seat).
 * A county claimed by two features keeps the better method (then the one holding the seat, then
 * the first); the other is reported as a conflict, never assigned silently. Features wholly outside
 * the registry's extent (other countries in a world file) are matched by id only, else counted.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { NameIndex, type Named } from '../registry/name-index.js';
import type { County, Province, Registry } from '../registry/types.js';
import type { InputFeature } from './import-features.js';

export const JOIN_METHODS = ['id', 'wikidata', 'osm', 'name', 'name+province', 'name+seat'] as const;
export type JoinMethod = (typeof JOIN_METHODS)[number];

export interface JoinOptions {
  /** A property holding registry ids (or Wikidata ids, or OSM relation ids). */
  idField?: string;
  /** Only these properties are names; default: every name-like property. */
  nameFields?: string[];
  /** The property naming the first-level unit; default: ADM1_EN, NAME_1, … when present. */
  provinceField?: string;
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

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
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
    const v = text(f.properties[idField]);
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
    set('id', registry.byId.get(f.featureId), '(feature id)');
    const m = /^relation\/(\d+)$/.exec(f.featureId);
    if (m) set('osm', keys.osm.get(m[1]!), '(feature id)');
  }
  return out;
}

type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

function bboxOf(g: Polygon | MultiPolygon): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const p of poly[0] ?? []) {
      b[0] = Math.min(b[0], p[0]!);
      b[1] = Math.min(b[1], p[1]!);
      b[2] = Math.max(b[2], p[0]!);
      b[3] = Math.max(b[3], p[1]!);
    }
  }
  return b;
}

/** The registry seats' bounding box, widened by `margin` degrees. */
function registryExtent(registry: Registry, margin = 0.5): BBox {
  const lons = registry.counties.map((c) => c.seat.lon);
  const lats = registry.counties.map((c) => c.seat.lat);
  return [Math.min(...lons) - margin, Math.min(...lats) - margin, Math.max(...lons) + margin, Math.max(...lats) + margin];
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export function seatInside(county: County, geometry: Polygon | MultiPolygon, bbox?: BBox): boolean {
  const { lon, lat } = county.seat;
  if (bbox && (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3])) return false;
  return booleanPointInPolygon([lon, lat], geometry);
}

type NameResult =
  | { kind: 'found'; county: County; method: 'name' | 'name+province' | 'name+seat'; via: string }
  | { kind: 'ambiguous'; candidates: County[]; province?: string }
  | { kind: 'unknown'; suggestions: County[] };

function resolveByNames(
  f: InputFeature,
  bbox: BBox,
  names: FieldValue[],
  index: NameIndex<CountyPlace>,
  province: Province | undefined,
): NameResult {
  const score = new Map<County, { votes: number; fields: Set<string> }>();
  const suggestions = new Set<County>();
  for (const { field, value } of names) {
    const named = new Set<County>();
    for (const part of value.split(/[|;]/)) {
      if (!part.trim()) continue;
      const r = index.resolve(part);
      if (r.kind === 'found') named.add(r.target.county);
      else if (r.kind === 'ambiguous') r.candidates.forEach((c) => named.add(c.county));
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
  const via = (c: County) => [...score.get(c)!.fields].join(',');
  if (top.length === 1) return { kind: 'found', county: top[0]!, method: 'name', via: via(top[0]!) };
  if (province) {
    const inProvince = top.filter((c) => c.province === province.id);
    if (inProvince.length === 1) return { kind: 'found', county: inProvince[0]!, method: 'name+province', via: via(inProvince[0]!) };
    if (inProvince.length > 1) top = inProvince;
  }
  const holding = top.filter((c) => seatInside(c, f.geometry, bbox));
  if (holding.length === 1) return { kind: 'found', county: holding[0]!, method: 'name+seat', via: via(holding[0]!) };
  return {
    kind: 'ambiguous',
    candidates: top.sort((a, b) => a.id.localeCompare(b.id)),
    ...(province ? { province: province.id } : {}),
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

const rank = (m: JoinMethod) => JOIN_METHODS.indexOf(m);

export function joinFeatures(features: InputFeature[], registry: Registry, options: JoinOptions = {}): JoinReport {
  const index = countyIndex(registry);
  const provinces = provinceIndex(registry.provinces);
  const keys = registryKeys(registry);
  const claims: JoinMatch[] = [];
  const unmatched: UnmatchedFeature[] = [];
  const ambiguous: AmbiguousFeature[] = [];
  const disagreements: JoinDisagreement[] = [];
  const byIndex = new Map(features.map((f) => [f.index, f]));
  const boxes = new Map(features.map((f) => [f.index, bboxOf(f.geometry)]));
  const extent = registryExtent(registry);
  let outside = 0;

  for (const f of features) {
    const ids = idLookups(f, registry, keys, options.idField);
    const bbox = boxes.get(f.index)!;
    const near = overlaps(bbox, extent);
    if (!near && !ids.id && !ids.wikidata && !ids.osm) {
      outside++;
      continue;
    }
    const names = featureNames(f, options.nameFields);
    const province = featureProvince(f, provinces, options.provinceField);
    const byName: NameResult = near ? resolveByNames(f, bbox, names, index, province) : { kind: 'unknown', suggestions: [] };
    const found: { county: County; method: JoinMethod; via: string }[] = [];
    for (const method of ['id', 'wikidata', 'osm'] as const) {
      const hit = ids[method];
      if (hit) found.push({ county: hit.county, method, via: hit.via });
    }
    if (byName.kind === 'found') found.push({ county: byName.county, method: byName.method, via: byName.via });
    const chosen = found[0];
    if (!chosen) {
      if (byName.kind === 'ambiguous') {
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
          seatsInside: registry.counties.filter((c) => seatInside(c, f.geometry, bbox)).map((c) => c.id),
        });
      }
      continue;
    }
    claims.push({ feature: f.index, county: chosen.county.id, method: chosen.method, via: chosen.via });
    const other = found.filter((x) => x.county !== chosen.county).map((x) => ({ county: x.county.id, method: x.method }));
    if (other.length > 0) disagreements.push({ feature: f.index, chosen: { county: chosen.county.id, method: chosen.method }, other });
  }

  // One feature per county: the better method wins, then the one holding the seat, then the first.
  const byCounty = new Map<string, JoinMatch[]>();
  for (const c of claims) byCounty.set(c.county, [...(byCounty.get(c.county) ?? []), c]);
  const matches: JoinMatch[] = [];
  const conflicts: JoinConflict[] = [];
  for (const [countyId, list] of byCounty) {
    const county = registry.byId.get(countyId)!;
    const holds = (m: JoinMatch) => (seatInside(county, byIndex.get(m.feature)!.geometry, boxes.get(m.feature)) ? 0 : 1);
    const sorted = list.length === 1 ? list : [...list].sort((a, b) => rank(a.method) - rank(b.method) || holds(a) - holds(b) || a.feature - b.feature);
    const [kept, ...dropped] = sorted;
    matches.push(kept!);
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

  const byMethod = Object.fromEntries(JOIN_METHODS.map((m) => [m, 0])) as Record<JoinMethod, number>;
  for (const m of matches) byMethod[m.method]++;
  const matched = new Set(matches.map((m) => m.county));
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
    seatOutside: matches
      .filter((m) => !seatInside(registry.byId.get(m.county)!, byIndex.get(m.feature)!.geometry, boxes.get(m.feature)))
      .map((m) => m.county),
    outside,
  };
}
