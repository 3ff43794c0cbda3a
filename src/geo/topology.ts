/**
 * The county layer as TopoJSON and as GeoJSON features: parsing, first-level units by merge,
 * borders by mesh. Pure: JSON in, features out.
 */
import { feature, merge, mesh } from 'topojson-client';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type * as TopoJSON from 'topojson-specification';

export interface CountyProps {
  /** Registry id, e.g. `kp-pyongyang-chung`. */
  id: string;
  name_en: string;
  name_ko: string;
  /** First-level unit (`province_en` in the registry). */
  province: string;
}

export type CountyGeometry = TopoJSON.Polygon<CountyProps> | TopoJSON.MultiPolygon<CountyProps>;

export interface CountiesTopology extends TopoJSON.Topology {
  objects: { counties: { type: 'GeometryCollection'; geometries: CountyGeometry[] } };
  /** Provenance written by scripts/geo-build.ts. */
  meta?: Record<string, string>;
}

export type CountyFeature = Feature<Polygon | MultiPolygon, CountyProps>;

export interface ProvinceProps {
  province: string;
  /** Registry ids of the counties merged into this unit, sorted. */
  counties: string[];
}

export type ProvinceFeature = Feature<MultiPolygon, ProvinceProps>;

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface GeoLayer {
  /** One feature per county, sorted by id. */
  counties: CountyFeature[];
  /** First-level units merged from the counties, sorted by name. */
  provinces: ProvinceFeature[];
  /** Shared borders from the topology: each line once. */
  borders: {
    /** Between two counties of the same first-level unit. */
    county: MultiLineString;
    /** Between two first-level units. */
    province: MultiLineString;
    /** The outer edge of the layer: coast and land borders with China, Russia and the ROK. */
    outline: MultiLineString;
  };
  /** A point inside each county (same order as `counties`), for labels and the seat-cell rule. */
  anchors: [lon: number, lat: number][];
  bbox: BBox;
  attribution: string;
  /** One short line crediting the boundaries, shown under every on-screen map (`meta.credit`, else the attribution). */
  credit: string;
}

/** Used when a layer file carries no `meta.attribution`. */
export const DEFAULT_ATTRIBUTION = 'Map data © OpenStreetMap contributors (ODbL 1.0).';

/** Checks the shape of a parsed counties topology; throws with a readable message. */
export function parseCountiesTopology(json: unknown): CountiesTopology {
  const t = json as Partial<CountiesTopology> | null;
  if (!t || t.type !== 'Topology' || !Array.isArray(t.arcs)) throw new Error('not a TopoJSON topology');
  const counties = t.objects?.counties;
  if (!counties || counties.type !== 'GeometryCollection' || !Array.isArray(counties.geometries)) {
    throw new Error('topology has no "counties" GeometryCollection');
  }
  for (const [i, g] of counties.geometries.entries()) {
    const p = g.properties;
    const type: unknown = g.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') throw new Error(`county #${i} is a ${String(type)}`);
    if (!p || typeof p.id !== 'string' || typeof p.province !== 'string') {
      throw new Error(`county #${i} lacks id/province properties`);
    }
  }
  return t as CountiesTopology;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Signed planar area of a ring (lon/lat degrees; sign depends on winding). */
function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s / 2;
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Ray-casting point-in-polygon over all rings (even-odd), in lon/lat. */
export function pointInRings(lon: number, lat: number, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1]! > lat !== b[1]! > lat && lon < ((b[0]! - a[0]!) * (lat - a[1]!)) / (b[1]! - a[1]!) + a[0]!) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/**
 * A point inside a (multi)polygon: the centroid of its largest part when that lies inside,
 * otherwise the middle of the widest span along the centroid's latitude.
 */
export function interiorPoint(g: Polygon | MultiPolygon): [number, number] {
  let best: Position[][] | undefined;
  let bestArea = -1;
  for (const poly of polygonsOf(g)) {
    const outer = poly[0];
    if (!outer) continue;
    const a = Math.abs(ringArea(outer)) - poly.slice(1).reduce((s, r) => s + Math.abs(ringArea(r)), 0);
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  if (!best) throw new Error('empty geometry');
  const outer = best[0]!;
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const p = outer[j]!;
    const q = outer[i]!;
    const f = p[0]! * q[1]! - q[0]! * p[1]!;
    cx += (p[0]! + q[0]!) * f;
    cy += (p[1]! + q[1]!) * f;
    a2 += f;
  }
  if (a2 === 0) return [outer[0]![0]!, outer[0]![1]!];
  cx /= 3 * a2;
  cy /= 3 * a2;
  if (pointInRings(cx, cy, best)) return [cx, cy];
  // Widest span of the part along latitude cy.
  const xs: number[] = [];
  for (const ring of best) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1]! > cy !== b[1]! > cy) xs.push(a[0]! + ((cy - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!));
    }
  }
  xs.sort((x, y) => x - y);
  let span = -1;
  let mid: [number, number] = [outer[0]![0]!, outer[0]![1]!];
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = xs[i + 1]! - xs[i]!;
    if (w > span) {
      span = w;
      mid = [(xs[i]! + xs[i + 1]!) / 2, cy];
    }
  }
  return mid;
}

/** Builds the layer consumers use: county features, merged first-level units, borders. */
export function layerFromTopology(topo: CountiesTopology): GeoLayer {
  const topology = topo as unknown as TopoJSON.Topology;
  const geoms = [...topo.objects.counties.geometries].sort((a, b) =>
    compareStrings(a.properties!.id, b.properties!.id),
  );
  const counties: CountyFeature[] = geoms.map((g) => {
    const f = feature(topology, g as TopoJSON.Polygon<CountyProps>) as Feature<Polygon | MultiPolygon, CountyProps>;
    const p = g.properties!;
    return {
      type: 'Feature',
      properties: { id: p.id, name_en: p.name_en ?? p.id, name_ko: p.name_ko ?? '', province: p.province },
      geometry: f.geometry,
    };
  });
  const names = [...new Set(geoms.map((g) => g.properties!.province))].sort(compareStrings);
  const provinces: ProvinceFeature[] = names.map((province) => {
    const members = geoms.filter((g) => g.properties!.province === province);
    return {
      type: 'Feature',
      properties: { province, counties: members.map((g) => g.properties!.id) },
      geometry: merge(topology, members as TopoJSON.Polygon[]),
    };
  });
  const collection = topo.objects.counties as unknown as TopoJSON.GeometryObject;
  const prov = (g: TopoJSON.GeometryObject) => (g.properties as Partial<CountyProps> | undefined)?.province;
  const borders = {
    county: mesh(topology, collection, (a, b) => a !== b && prov(a) === prov(b)),
    province: mesh(topology, collection, (a, b) => a !== b && prov(a) !== prov(b)),
    outline: mesh(topology, collection, (a, b) => a === b),
  };
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const f of counties) {
    for (const poly of polygonsOf(f.geometry)) {
      for (const p of poly[0] ?? []) {
        minLon = Math.min(minLon, p[0]!);
        maxLon = Math.max(maxLon, p[0]!);
        minLat = Math.min(minLat, p[1]!);
        maxLat = Math.max(maxLat, p[1]!);
      }
    }
  }
  return {
    counties,
    provinces,
    borders,
    anchors: counties.map((f) => interiorPoint(f.geometry)),
    bbox: [minLon, minLat, maxLon, maxLat],
    attribution: topo.meta?.attribution ?? DEFAULT_ATTRIBUTION,
    credit: topo.meta?.credit ?? topo.meta?.attribution ?? DEFAULT_ATTRIBUTION,
  };
}
