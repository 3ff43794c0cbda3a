/**
 * Boundary files in, polygon features out: GeoJSON (FeatureCollection or Feature) or TopoJSON
 * (the object with the most polygons, or a named one). Also guesses who published the file, for
 * its attribution line. Pure except `readBoundaryFile`, which reads the file with a size limit.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { feature } from 'topojson-client';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type * as TopoJSON from 'topojson-specification';

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
}

export type SourceKind = 'osm' | 'geoboundaries' | 'ocha' | 'unknown';

export const SOURCE_ATTRIBUTION: Record<SourceKind, string> = {
  osm: '© OpenStreetMap contributors, ODbL 1.0',
  geoboundaries: 'geoBoundaries (see its licence for this file)',
  ocha: 'OCHA COD-AB via HDX (see its licence)',
  unknown: 'Boundaries: source not stated — pass --attribution',
};

export const SOURCE_LABEL: Record<SourceKind, string> = {
  osm: 'OpenStreetMap export',
  geoboundaries: 'geoBoundaries',
  ocha: 'OCHA COD-AB',
  unknown: 'unknown source',
};

/** Reads and parses a boundary file; every failure is an ImportError naming the file. */
export function readBoundaryFile(path: string, options: { object?: string } = {}): InputLayer {
  const name = basename(path);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_INPUT_BYTES) {
      throw new ImportError(`${name}: ${(size / 1024 / 1024).toFixed(0)} MB is over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit; simplify or clip it first`);
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportError(`${name}: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(err))}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new ImportError(`${name}: not JSON (${(err as Error).message}); expected GeoJSON or TopoJSON`);
  }
  try {
    return featuresFromJson(json, options);
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
    object = chooseObject(doc as unknown as TopoJSON.Topology, options.object);
    const fc = feature(doc as unknown as TopoJSON.Topology, (doc.objects as TopoJSON.Objects)[object]!);
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

  const features: InputFeature[] = [];
  let skipped = 0;
  raw.forEach((f, index) => {
    const geometry = f && typeof f === 'object' ? polygonal(f.geometry) : undefined;
    if (!geometry) {
      skipped++;
      return;
    }
    const props = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
    features.push({
      index,
      ...(typeof f.id === 'string' || typeof f.id === 'number' ? { featureId: String(f.id) } : {}),
      properties: props,
      geometry,
    });
  });
  if (features.length === 0) {
    throw new Error(`no Polygon or MultiPolygon features (${raw.length} feature${raw.length === 1 ? '' : 's'} read)`);
  }
  checkLonLat(features);
  return { format, ...(object !== undefined ? { object } : {}), features, skipped, header };
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

/** Projected coordinates (metres) would draw nonsense: refuse them. */
function checkLonLat(features: InputFeature[]): void {
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polys.flat()) {
      for (const p of ring) {
        const [x, y] = p as [unknown, unknown];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          throw new Error(`feature #${f.index} has a coordinate that is not a pair of numbers`);
        }
        if (Math.abs(x) > 180 || Math.abs(y) > 90) {
          throw new Error(`feature #${f.index} has coordinates outside longitude/latitude (${x}, ${y}): reproject to WGS 84 (EPSG:4326) first`);
        }
      }
    }
  }
}

/** Who published the file, from the properties and header it carries. */
export function detectSource(layer: InputLayer): SourceKind {
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
  if (has('ADM2_PCODE') || (has('ADM2_EN') && (has('ADM1_EN') || has('ADM0_EN')))) return 'ocha';
  return 'unknown';
}
