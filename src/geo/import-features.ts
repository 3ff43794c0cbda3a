/**
 * Boundary files in, polygon features out: GeoJSON (FeatureCollection or Feature) or TopoJSON
 * (the object with the most polygons, or a named one). Also guesses who published the file, for
 * its attribution line. Pure except `readBoundaryFile`, which reads the file with a size limit.
 */
import { basename } from 'node:path';
import { area } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type * as TopoJSON from 'topojson-specification';
import { InputFileError, readInputText } from './import/read-input.js';
import { checkTopology } from './import/topology-check.js';

/** Runs a topojson-client decode; an engine error inside it becomes a plain message. */
export function decodeTopology<T>(decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    if (err instanceof TypeError || err instanceof RangeError) throw new Error('the TopoJSON could not be decoded: its arcs or geometries are malformed');
    throw err;
  }
}

/** Files above this are refused before they are read. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** A failure tied to the input file; the message already names the file. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface InputFeature {
  /** Position in the input's feature list (0-based), as shown in reports. */
  index: number;
  /** The feature's own `id` (GeoJSON/TopoJSON), when it has one. */
  featureId?: string;
  properties: Record<string, unknown>;
  geometry: Polygon | MultiPolygon;
}

export interface InputLayer {
  format: 'geojson' | 'topojson';
  /** The TopoJSON object read. */
  object?: string;
  features: InputFeature[];
  /** Features without a polygon (points, lines, null geometry): not joined. */
  skipped: number;
  /** Top-level members other than the features (overpass-turbo puts `generator`, `copyright` there). */
  header: Record<string, unknown>;
  /** Polygon features that cannot be used (bad rings, bad coordinates, no area): reported, not joined. */
  rejected: RejectedFeature[];
  /** How the file's bytes were decoded (set by readBoundaryFile). */
  encoding?: string;
}

/** A feature left out because its geometry is unusable. */
export interface RejectedFeature {
  index: number;
  /** Its first name-like property, raw (sanitise before display). */
  name?: string;
  reason: string;
}

export type SourceKind = 'osm' | 'geoboundaries' | 'ocha' | 'gadm' | 'unknown';

export const SOURCE_ATTRIBUTION: Record<SourceKind, string> = {
  osm: '© OpenStreetMap contributors, ODbL 1.0',
  geoboundaries: 'geoBoundaries (see its licence for this file)',
  ocha: 'OCHA COD-AB via HDX (see its licence)',
  gadm: 'GADM (gadm.org): non-commercial use only, redistribution not allowed',
  unknown: 'Boundaries: source not stated — pass --attribution',
};

export const SOURCE_LABEL: Record<SourceKind, string> = {
  osm: 'OpenStreetMap export',
  geoboundaries: 'geoBoundaries',
  ocha: 'OCHA COD-AB',
  gadm: 'GADM',
  unknown: 'unknown source',
};

/**
 * Reads and parses a boundary file; every failure is an ImportError naming the file. FIFOs,
 * devices and files over MAX_INPUT_BYTES are refused before reading; EUC-KR/CP949 text is decoded.
 */
export function readBoundaryFile(path: string, options: { object?: string } = {}): InputLayer {
  const name = basename(path);
  let text: string;
  let encoding: string;
  try {
    ({ text, encoding } = readInputText(path, MAX_INPUT_BYTES));
  } catch (err) {
    if (err instanceof InputFileError) throw new ImportError(`${name}: ${err.message}`);
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`${name}: not JSON (${(err as Error).message.slice(0, 200)}); expected GeoJSON or TopoJSON`);
  }
  try {
    return { ...featuresFromJson(json, options), encoding };
  } catch (err) {
    throw new ImportError(`${name}: ${(err as Error).message}`);
  }
}

/** GeoJSON or TopoJSON → polygon features. Throws a plain Error (without the file name) on bad input. */
export function featuresFromJson(json: unknown, options: { object?: string } = {}): InputLayer {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a GeoJSON or TopoJSON object');
  const doc = json as Record<string, unknown>;
  const header = Object.fromEntries(Object.entries(doc).filter(([k]) => !['features', 'objects', 'arcs', 'geometry'].includes(k)));
  let raw: Feature[];
  let format: InputLayer['format'];
  let object: string | undefined;
  if (doc.type === 'Topology') {
    format = 'topojson';
    checkTopology(doc);
    object = chooseObject(doc as unknown as TopoJSON.Topology, options.object);
    const fc = decodeTopology(() => feature(doc as unknown as TopoJSON.Topology, (doc.objects as TopoJSON.Objects)[object!]!));
    raw = fc.type === 'FeatureCollection' ? fc.features : [fc];
  } else if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    format = 'geojson';
    raw = doc.features as Feature[];
  } else if (doc.type === 'Feature') {
    format = 'geojson';
    raw = [doc as unknown as Feature];
  } else {
    throw new Error(`type "${String(doc.type).slice(0, 40)}" is neither a GeoJSON FeatureCollection nor a TopoJSON Topology`);
  }
  if (options.object !== undefined && format !== 'topojson') throw new Error('--object applies to TopoJSON input only');

  const candidates: InputFeature[] = [];
  let skipped = 0;
  raw.forEach((f, index) => {
    const geometry = f && typeof f === 'object' ? polygonal(f.geometry) : undefined;
    if (!geometry) {
      skipped++;
      return;
    }
    const props = f.properties && typeof f.properties === 'object' && !Array.isArray(f.properties) ? (f.properties as Record<string, unknown>) : {};
    candidates.push({
      index,
      ...(typeof f.id === 'string' || (typeof f.id === 'number' && Number.isFinite(f.id)) ? { featureId: String(f.id) } : {}),
      properties: props,
      geometry,
    });
  });
  if (candidates.length === 0) {
    throw new Error(`no Polygon or MultiPolygon features (${raw.length} feature${raw.length === 1 ? '' : 's'} read)`);
  }
  const { features, rejected } = checkGeometries(candidates);
  return { format, ...(object !== undefined ? { object } : {}), features, skipped, header, rejected };
}

/** The named object, or the one with the most Polygon/MultiPolygon geometries. */
function chooseObject(topology: TopoJSON.Topology, wanted: string | undefined): string {
  const objects = topology.objects && typeof topology.objects === 'object' ? topology.objects : {};
  if (!Array.isArray(topology.arcs)) throw new Error('TopoJSON without an "arcs" array');
  const names = Object.keys(objects);
  if (wanted !== undefined) {
    if (!Object.hasOwn(objects, wanted)) throw new Error(`no TopoJSON object "${wanted.slice(0, 60)}"; objects: ${names.join(', ') || 'none'}`);
    return wanted;
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const name of names) {
    const o = objects[name] as TopoJSON.GeometryObject;
    const geoms = o.type === 'GeometryCollection' ? o.geometries : [o];
    const count = geoms.filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon').length;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  if (best === undefined) throw new Error(`no TopoJSON object holds polygons (objects: ${names.join(', ') || 'none'})`);
  return best;
}

/** Polygon or MultiPolygon as is; polygons of a GeometryCollection merged; anything else undefined. */
function polygonal(g: Geometry | null | undefined): Polygon | MultiPolygon | undefined {
  if (!g || typeof g !== 'object') return undefined;
  if ((g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates) && g.coordinates.length > 0) return g;
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    const polys: Position[][][] = [];
    for (const part of g.geometries) {
      const p = polygonal(part);
      if (p) polys.push(...(p.type === 'Polygon' ? [p.coordinates] : p.coordinates));
    }
    return polys.length > 0 ? { type: 'MultiPolygon', coordinates: polys } : undefined;
  }
  return undefined;
}

/** The first name-like property of a feature, for messages (raw: sanitise before display). */
export function displayName(props: Record<string, unknown>): string | undefined {
  for (const key of ['name:en', 'name_en', 'NAME_2', 'shapeName', 'ADM2_EN', 'NAME', 'name', 'NAME_1', 'name:ko']) {
    const v = props[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

type Pair = [number, number];

/** Why a geometry cannot be used, or the pairs of its outer rings when it can. */
function inspectGeometry(g: Polygon | MultiPolygon): { error: string } | { points: Pair[] } {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polys)) return { error: 'coordinates are not an array' };
  const points: Pair[] = [];
  for (const [pi, poly] of polys.entries()) {
    const where = (ri: number) => `${polys.length > 1 ? `polygon ${pi + 1}, ` : ''}${ri === 0 ? 'outer ring' : `hole ${ri}`}`;
    if (!Array.isArray(poly) || poly.length === 0) return { error: `${polys.length > 1 ? `polygon ${pi + 1}` : 'the polygon'} has no rings` };
    for (const [ri, ring] of poly.entries()) {
      if (!Array.isArray(ring)) return { error: `${where(ri)} is not an array of positions` };
      for (const [k, p] of ring.entries()) {
        if (!Array.isArray(p) || p.length < 2) return { error: `${where(ri)}: position ${k + 1} is not a [longitude, latitude] pair` };
        const [x, y] = p as unknown[];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          return { error: `${where(ri)}: position ${k + 1} is not a pair of numbers (${String(x).slice(0, 20)}, ${String(y).slice(0, 20)})` };
        }
        if (Math.abs(x) > 180 || Math.abs(y) > 90) return { error: `${where(ri)}: position ${k + 1} (${x}, ${y}) is outside longitude/latitude` };
        if (ri === 0) points.push([x, y]);
      }
      if (ring.length < 4) return { error: `${where(ri)} has ${ring.length} position${ring.length === 1 ? '' : 's'}; a ring needs at least 4, the last repeating the first` };
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return { error: `${where(ri)} is not closed: it starts at (${first[0]}, ${first[1]}) and ends at (${last[0]}, ${last[1]})` };
      }
    }
  }
  return { points };
}

/** Korea with latitude and longitude swapped: the first number is 33–44, the second 123–132. */
const swappedKorea = (points: Pair[]) => points.length > 0 && points.every(([x, y]) => x >= 33 && x <= 44 && y >= 123 && y <= 132);
const projected = (error: string) => /outside longitude\/latitude/.test(error);

/**
 * Splits features into usable ones and rejected ones (each with a reason). A file where most
 * features have projected coordinates or swapped latitude/longitude is refused as a whole (throws).
 */
function checkGeometries(candidates: InputFeature[]): { features: InputFeature[]; rejected: RejectedFeature[] } {
  const features: InputFeature[] = [];
  const rejected: RejectedFeature[] = [];
  const inspected = candidates.map((f) => ({ f, r: inspectGeometry(f.geometry), swapped: swappedKorea(rawPairs(f.geometry)) }));
  // Swapped first: a latitude-first Korea has "longitudes" of 123–132, which are out of range as latitudes.
  const swapped = inspected.filter((x) => x.swapped);
  if (swapped.length * 2 > candidates.length) {
    const p = rawPairs(swapped[0]!.f.geometry)[0]!;
    throw new Error(
      `latitude and longitude are swapped: feature #${swapped[0]!.f.index} starts at (${p[0]}, ${p[1]}), a latitude first, and so do ${swapped.length} of ${candidates.length} features. GeoJSON puts longitude first; swap the two numbers of every position and import again`,
    );
  }
  const outOfRange = inspected.filter(({ r }) => 'error' in r && projected(r.error));
  if (outOfRange.length * 2 > candidates.length) {
    const sample = firstPair(outOfRange[0]!.f.geometry);
    const metres = sample && Math.abs(sample[0]) <= 20037509 && Math.abs(sample[1]) <= 20048967;
    throw new Error(
      `feature #${outOfRange[0]!.f.index} has coordinates outside longitude/latitude (${sample?.join(', ')})` +
        `${metres ? ', and so do most features: they look like projected metres (EPSG:3857 or a national grid)' : ''}: reproject to WGS 84 (EPSG:4326) first`,
    );
  }
  for (const { f, r, swapped: isSwapped } of inspected) {
    const name = displayName(f.properties);
    const reject = (reason: string) => rejected.push({ index: f.index, ...(name !== undefined ? { name } : {}), reason });
    if (isSwapped) {
      reject('latitude and longitude look swapped (the first number of each position is a latitude)');
      continue;
    }
    if ('error' in r) {
      reject(r.error);
      continue;
    }
    let km2: number;
    try {
      km2 = area({ type: 'Feature', properties: {}, geometry: f.geometry }) / 1e6;
    } catch (err) {
      reject(`its area cannot be computed (${(err as Error).message.slice(0, 80)})`);
      continue;
    }
    if (!(km2 > 1e-6)) {
      reject('it has no area (all its points lie on a line or on one spot)');
      continue;
    }
    features.push(f);
  }
  return { features, rejected };
}

/** Every finite numeric pair of the outer rings (for the swapped test, before any range check). */
function rawPairs(g: Polygon | MultiPolygon): Pair[] {
  const out: Pair[] = [];
  const polys = Array.isArray(g.coordinates) ? (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) : [];
  for (const poly of polys) {
    const ring = Array.isArray(poly) ? poly[0] : undefined;
    if (!Array.isArray(ring)) continue;
    for (const p of ring) {
      if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.push([p[0], p[1]]);
    }
  }
  return out;
}

function firstPair(g: Polygon | MultiPolygon): Pair | undefined {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const ring of polys.flat()) for (const p of ring) if (Array.isArray(p)) return [p[0] as number, p[1] as number];
  return undefined;
}

/** Who published the file, from the properties and header it carries. */
export function detectSource(layer: Pick<InputLayer, 'features' | 'header'>): SourceKind {
  const has = (key: string) => layer.features.some((f) => f.properties[key] !== undefined && f.properties[key] !== null);
  const osmId = /^(relation|way|node)\/\d+$/;
  const header = JSON.stringify([layer.header.generator ?? '', layer.header.copyright ?? '']).toLowerCase();
  if (
    layer.features.some((f) => osmId.test(String(f.properties['@id'] ?? '')) || osmId.test(f.featureId ?? '')) ||
    header.includes('openstreetmap') ||
    header.includes('overpass') ||
    has('osm_id') ||
    has('osm_relation')
  ) {
    return 'osm';
  }
  if (has('shapeID') || has('shapeGroup') || has('shapeISO')) return 'geoboundaries';
  if (has('GID_2') || has('ID_2') || (has('NAME_2') && (has('VARNAME_2') || has('TYPE_2') || has('ENGTYPE_2') || has('NL_NAME_2')))) return 'gadm';
  if (has('ADM2_PCODE') || (has('ADM2_EN') && (has('ADM1_EN') || has('ADM0_EN')))) return 'ocha';
  return 'unknown';
}
