/**
 * Where things are: the evidence that a boundary feature is where a registry county is.
 *
 * The reference is built at run time from the registry seats (geo/counties.csv) and from whatever
 * county layer is bundled (geo/counties.topo.json: its per-county extent and area), so the checks
 * hold whichever layer ships. Pure: registry, layer and features in, facts about them out.
 */
import { area, booleanPointInPolygon, intersect, pointOnFeature, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { County, Registry } from '../../registry/types.js';
import type { GeoLayer } from '../topology.js';
import type { InputFeature } from '../import-features.js';

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** A seat this far (km) outside a shape still counts as "at" the shape (differing borders, coastlines). */
export const SEAT_TOLERANCE_KM = 3;
/** A shape holding this many registry seats or more is not one county (a province, a country). */
export const MULTI_SEAT = 3;
/** Area bounds for one county's shape, as a multiple of that county's area in the bundled layer. */
export const MAX_AREA_RATIO = 8;
export const MIN_AREA_RATIO = 0.01;
/** Share of the shape that must lie in the county's bundled shape for "overlaps its extent". */
export const MIN_OVERLAP_SHARE = 0.3;

/** One registry county as the bundled layer draws it. */
export interface CountyExtent {
  bbox: BBox;
  km2: number;
  geometry: Polygon | MultiPolygon;
}

export interface Reference {
  registry: Registry;
  /** By county id; counties the bundled layer lacks are absent (seat evidence only). */
  extents: Map<string, CountyExtent>;
  /** Extent of the bundled layer (the country). */
  bbox: BBox;
}

/** What a feature is, measured once. */
export interface FeatureFacts {
  index: number;
  bbox: BBox;
  km2: number;
  /** Registry counties whose seat lies inside the feature, sorted by id. */
  seatsInside: string[];
  /** A point inside the feature, and whether the bundled layer covers it (inside North Korea). */
  inner: [number, number];
  inCountry: boolean;
}

export function bboxOf(g: Polygon | MultiPolygon): BBox {
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

const inBox = (b: BBox, lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
const boxesMeet = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const asFeature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });

/** km² of a geometry (turf, spherical). */
export function km2Of(g: Polygon | MultiPolygon): number {
  return area(asFeature(g)) / 1e6;
}

/** The reference from the registry and the bundled layer (its counties matched by registry id). */
export function buildReference(registry: Registry, layer: GeoLayer | undefined): Reference {
  const extents = new Map<string, CountyExtent>();
  for (const f of layer?.counties ?? []) {
    if (!registry.byId.has(f.properties.id)) continue;
    extents.set(f.properties.id, { bbox: bboxOf(f.geometry), km2: km2Of(f.geometry), geometry: f.geometry });
  }
  let bbox: BBox;
  if (layer && extents.size > 0) bbox = layer.bbox;
  else {
    const lons = registry.counties.map((c) => c.seat.lon);
    const lats = registry.counties.map((c) => c.seat.lat);
    bbox = [Math.min(...lons) - 0.3, Math.min(...lats) - 0.3, Math.max(...lons) + 0.3, Math.max(...lats) + 0.3];
  }
  return { registry, extents, bbox };
}

export function seatInside(county: County, geometry: Polygon | MultiPolygon, bbox?: BBox): boolean {
  const { lon, lat } = county.seat;
  if (bbox && !inBox(bbox, lon, lat)) return false;
  return booleanPointInPolygon([lon, lat], geometry);
}

/** Facts about one feature. Throws only on geometry turf cannot handle (callers reject the feature). */
export function featureFacts(f: InputFeature, ref: Reference): FeatureFacts {
  const bbox = bboxOf(f.geometry);
  const seatsInside = ref.registry.counties.filter((c) => seatInside(c, f.geometry, bbox)).map((c) => c.id).sort();
  const inner = pointOnFeature(asFeature(f.geometry)).geometry.coordinates as [number, number];
  return { index: f.index, bbox, km2: km2Of(f.geometry), seatsInside, inner, inCountry: inCountry(inner, ref) };
}

/** Whether a point lies inside the bundled layer (or, without one, inside the seats' extent). */
export function inCountry([lon, lat]: [number, number], ref: Reference): boolean {
  if (!inBox(ref.bbox, lon, lat)) return false;
  if (ref.extents.size === 0) return true;
  for (const e of ref.extents.values()) if (inBox(e.bbox, lon, lat) && booleanPointInPolygon([lon, lat], e.geometry)) return true;
  return false;
}

/** Kilometres from a county's seat to the nearest edge of a shape (0 when inside). */
export function seatDistanceKm(county: County, geometry: Polygon | MultiPolygon): number {
  try {
    return Math.max(0, pointToPolygonDistance([county.seat.lon, county.seat.lat], asFeature(geometry), { units: 'kilometers' }));
  } catch {
    return Infinity;
  }
}

/** Share (0–1) of `shape` lying inside the county's bundled shape. */
export function overlapShare(geometry: Polygon | MultiPolygon, shapeKm2: number, extent: CountyExtent, bbox: BBox): number {
  if (!boxesMeet(bbox, extent.bbox) || !(shapeKm2 > 0)) return 0;
  try {
    const both = intersect({ type: 'FeatureCollection', features: [asFeature(geometry), asFeature(extent.geometry)] });
    return both ? km2Of(both.geometry) / shapeKm2 : 0;
  } catch {
    return 0;
  }
}

/** How a shape was placed against a county. */
export type Placement =
  | { ok: true; how: 'seat inside' | 'seat near' | 'overlaps extent'; km?: number }
  | { ok: false; why: 'elsewhere' | 'seat in another feature' | 'too large' | 'too small' | 'many seats'; km?: number; other?: number; ratio?: number; seats?: number };

/**
 * Is `f` where `county` is? In order: a shape holding MULTI_SEAT seats or more is no county;
 * its area must be within MIN/MAX_AREA_RATIO of the county's bundled area; then the seat lies
 * inside, or lies in another feature of the file (then this is not the county), or is within
 * SEAT_TOLERANCE_KM, or the shape lies mostly in the county's bundled shape; else it is elsewhere.
 * `seatHolder` gives the feature (index) of the file holding a county's seat, if any.
 */
export function placeFeature(f: InputFeature, facts: FeatureFacts, county: County, ref: Reference, seatHolder: Map<string, number>): Placement {
  if (facts.seatsInside.length >= MULTI_SEAT) return { ok: false, why: 'many seats', seats: facts.seatsInside.length };
  const extent = ref.extents.get(county.id);
  if (extent) {
    const ratio = facts.km2 / extent.km2;
    if (ratio > MAX_AREA_RATIO) return { ok: false, why: 'too large', ratio };
    if (ratio < MIN_AREA_RATIO) return { ok: false, why: 'too small', ratio };
  }
  if (facts.seatsInside.includes(county.id)) return { ok: true, how: 'seat inside' };
  const holder = seatHolder.get(county.id);
  if (holder !== undefined && holder !== f.index) return { ok: false, why: 'seat in another feature', other: holder, km: seatDistanceKm(county, f.geometry) };
  const km = seatDistanceKm(county, f.geometry);
  if (km <= SEAT_TOLERANCE_KM) return { ok: true, how: 'seat near', km };
  if (extent && overlapShare(f.geometry, facts.km2, extent, facts.bbox) >= MIN_OVERLAP_SHARE) return { ok: true, how: 'overlaps extent', km };
  return { ok: false, why: 'elsewhere', km };
}
