/**
 * Measures how far the county layer (geo/counties.topo.json) and the map drawn from it are from real county
 * boundaries: per county, the area overlap with the land-clipped OSM 2020 county polygons kept in
 * shared/reference-geo (outside the repository, read at run time only).
 *
 * Prints, over the counties: IoU (intersection / union) and the share of the real county covered
 * by the layer's county (intersection / real area), as median, p10 and p90, plus the worst ones;
 * then, per grid size, the share of map cells drawn as the county that really contains the cell's
 * centre (national view, and the 13 province zooms counting the zoomed unit's cells) and whether
 * the first-level labels lie inside their own unit.
 * Exits 0 with a printed reason when the reference file is absent.
 *
 * Run: node dist/scripts/geo-measure.js [--reference FILE] [--layer FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { layerFromTopology, parseCountiesTopology } from '../src/geo/topology.js';
import { repoRoot } from './geo-build.js';
import { prepareLayer, type PreparedLayer } from '../src/map/prepared.js';
import { rasterCache, type MapRaster } from '../src/map/raster.js';

type Poly = Feature<Polygon | MultiPolygon>;

export interface CountyOverlap {
  id: string;
  /** Intersection / union. */
  iou: number;
  /** Intersection / area of the real county. */
  covered: number;
  realKm2: number;
  schematicKm2: number;
}

export interface OverlapSummary {
  counties: number;
  missing: string[];
  /** Counties whose polygon intersection failed in polyclip-ts (left out of the figures). */
  failed: string[];
  iou: { median: number; p10: number; p90: number; mean: number };
  covered: { median: number; p10: number; p90: number; mean: number };
  /** Share of the whole land area whose schematic county is the real one. */
  areaAgreement: number;
  rows: CountyOverlap[];
}

export function referencePath(root: string): string {
  return join(root, '..', 'shared', 'reference-geo', 'nk-adm2-counties-osm-2020-landclipped.geojson');
}

/** Linear-interpolated quantile of a sorted array. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return {
    median: quantile(s, 0.5),
    p10: quantile(s, 0.1),
    p90: quantile(s, 0.9),
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
  };
}

export function measureOverlap(layerText: string, referenceText: string): OverlapSummary {
  const layer = layerFromTopology(parseCountiesTopology(JSON.parse(layerText)));
  const reference = JSON.parse(referenceText) as FeatureCollection<Polygon | MultiPolygon>;
  const real = new Map<string, Poly>();
  for (const f of reference.features) {
    const id = f.properties?.gaz_id;
    if (typeof id === 'string') real.set(id, f);
  }
  const rows: CountyOverlap[] = [];
  const missing: string[] = [];
  const failed: string[] = [];
  let agree = 0;
  let total = 0;
  for (const county of layer.counties) {
    const r = real.get(county.properties.id);
    if (!r) {
      missing.push(county.properties.id);
      continue;
    }
    const realKm2 = turf.area(r) / 1e6;
    const schematicKm2 = turf.area(county) / 1e6;
    let inter: Poly | null = null;
    try {
      inter = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([county, r]));
    } catch {
      // polyclip-ts fails on some nearly coincident rings: fall back to the smaller area when one contains the other.
      failed.push(county.properties.id);
      continue;
    }
    const interKm2 = inter ? turf.area(inter) / 1e6 : 0;
    rows.push({
      id: county.properties.id,
      iou: interKm2 / (realKm2 + schematicKm2 - interKm2),
      covered: interKm2 / realKm2,
      realKm2,
      schematicKm2,
    });
    agree += interKm2;
    total += realKm2;
  }
  return {
    counties: rows.length,
    missing,
    failed,
    iou: summary(rows.map((r) => r.iou)),
    covered: summary(rows.map((r) => r.covered)),
    areaAgreement: agree / total,
    rows,
  };
}

/** A point → reference county locator over the land-clipped reference (box test, then point in polygon). */
export function referenceLocator(referenceText: string): (lon: number, lat: number) => { id: string; province: string } | undefined {
  const reference = JSON.parse(referenceText) as FeatureCollection<Polygon | MultiPolygon>;
  const items = reference.features.map((f) => ({ f, box: turf.bbox(f), id: String(f.properties?.gaz_id ?? ''), province: String(f.properties?.gaz_province_en ?? '') }));
  return (lon, lat) => {
    const pt = turf.point([lon, lat]);
    for (const it of items) {
      const [x0, y0, x1, y1] = it.box;
      if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
      if (turf.booleanPointInPolygon(pt, it.f)) return { id: it.id, province: it.province };
    }
    return undefined;
  };
}

export interface CellAgreement {
  /** Cells whose centre lies in some reference county. */
  cells: number;
  /** Of those, cells drawn as that very county. */
  agree: number;
  /**
   * Label cells (first-level labels) and how many of them are drawn inside the label's own unit / lie in it in the reference;
   * a label beside its unit counts the one cell its arrow points at.
   */
  labelCells: number;
  labelDrawnInside: number;
  labelReallyInside: number;
  labels: number;
}

/** Compares one raster cell by cell with the reference: what the map draws vs the county really at each cell centre. */
export function cellAgreement(raster: MapRaster, locate: ReturnType<typeof referenceLocator>, provinceOnly?: string): CellAgreement {
  const out: CellAgreement = { cells: 0, agree: 0, labelCells: 0, labelDrawnInside: 0, labelReallyInside: 0, labels: raster.labels.length };
  const { prepared, cols, rows } = raster;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [lon, lat] = raster.projection.cellCenter(c, r);
      const real = locate(lon, lat);
      if (!real) continue;
      if (provinceOnly !== undefined && real.province !== provinceOnly) continue;
      out.cells++;
      const ci = raster.cellCounty[r * cols + c]!;
      if (ci >= 0 && prepared.ids[ci] === real.id) out.agree++;
    }
  }
  for (const l of raster.labels) {
    // A label beside its unit ("◂Rason", "Nampo▸": map/labels.ts) counts as one cell: the cell its arrow points at.
    const arrow = l.text.startsWith('◂') ? l.col - 1 : l.text.endsWith('▸') ? l.col + l.text.length : null;
    if (arrow !== null) {
      out.labelCells++;
      const ci = raster.cellCounty[l.row * cols + arrow]!;
      if (ci >= 0 && prepared.provinces[prepared.provinceOf[ci]!] === l.province) out.labelDrawnInside++;
      const [lon, lat] = raster.projection.cellCenter(arrow, l.row);
      if (locate(lon, lat)?.province === l.province) out.labelReallyInside++;
      continue;
    }
    for (let i = 0; i < l.text.length; i++) {
      const c = l.col + i;
      out.labelCells++;
      const ci = raster.cellCounty[l.row * cols + c]!;
      if (ci >= 0 && prepared.provinces[prepared.provinceOf[ci]!] === l.province) out.labelDrawnInside++;
      const [lon, lat] = raster.projection.cellCenter(c, l.row);
      if (locate(lon, lat)?.province === l.province) out.labelReallyInside++;
    }
  }
  return out;
}

export interface MapMeasure {
  size: string;
  national: CellAgreement;
  /** Summed over the 13 province zooms, counting the cells of the zoomed province only. */
  province: CellAgreement;
}

/** The map-cell measures at each size: national view and province zoom. */
export function measureMaps(prepared: PreparedLayer, referenceText: string, sizes: [number, number][]): MapMeasure[] {
  const locate = referenceLocator(referenceText);
  const rasterFor = rasterCache(prepared);
  return sizes.map(([cols, rows]) => {
    const national = cellAgreement(rasterFor(cols, rows), locate);
    const province: CellAgreement = { cells: 0, agree: 0, labelCells: 0, labelDrawnInside: 0, labelReallyInside: 0, labels: 0 };
    for (const p of prepared.provinces) {
      const m = cellAgreement(rasterFor(cols, rows, p), locate, p);
      province.cells += m.cells;
      province.agree += m.agree;
    }
    return { size: `${cols}×${rows}`, national, province };
  });
}

export const MEASURE_SIZES: [number, number][] = [[60, 16], [80, 24], [120, 40], [160, 48]];

function main(): void {
  const root = repoRoot();
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const refFile = resolve(arg('--reference') ?? referencePath(root));
  const layerFile = resolve(arg('--layer') ?? join(root, 'geo', 'counties.topo.json'));
  if (!existsSync(refFile)) {
    console.log(`geo-measure: skipped, reference file not found: ${refFile}`);
    return;
  }
  const s = measureOverlap(readFileSync(layerFile, 'utf8'), readFileSync(refFile, 'utf8'));
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`layer:     ${layerFile}`);
  console.log(`reference: ${refFile}`);
  console.log(`counties compared: ${s.counties}${s.missing.length ? `; missing in reference: ${s.missing.join(', ')}` : ''}`);
  console.log(`IoU (intersection/union):          median ${pct(s.iou.median)}, p10 ${pct(s.iou.p10)}, p90 ${pct(s.iou.p90)}, mean ${pct(s.iou.mean)}`);
  console.log(`share of real county covered:      median ${pct(s.covered.median)}, p10 ${pct(s.covered.p10)}, p90 ${pct(s.covered.p90)}, mean ${pct(s.covered.mean)}`);
  console.log(`land assigned to the right county: ${pct(s.areaAgreement)} of the reference land area`);
  if (s.failed.length) console.log(`(intersection failed in polyclip-ts for ${s.failed.length}, left out: ${s.failed.join(', ')})`);
  const layer = layerFromTopology(parseCountiesTopology(JSON.parse(readFileSync(layerFile, 'utf8'))));
  console.log('map cells drawn as the county really containing the cell centre (goal: national 160×48 ≥ 88%, province zoom 160×48 ≥ 95%);');
  console.log('first-level labels: cells drawn inside their own unit / really inside it (goal 100%):');
  for (const m of measureMaps(prepareLayer(layer), readFileSync(refFile, 'utf8'), MEASURE_SIZES)) {
    const n = m.national;
    console.log(
      `  ${m.size.padEnd(7)} national ${pct(n.agree / n.cells).padStart(6)}  province zoom ${pct(m.province.agree / m.province.cells).padStart(6)}  ` +
        `labels ${n.labels}: drawn inside ${pct(n.labelDrawnInside / Math.max(1, n.labelCells))}, really inside ${pct(n.labelReallyInside / Math.max(1, n.labelCells))}`,
    );
  }
  const worst = [...s.rows].sort((a, b) => a.iou - b.iou).slice(0, 8);
  console.log('lowest IoU:');
  for (const w of worst) {
    console.log(`  ${w.id.padEnd(34)} IoU ${pct(w.iou).padStart(6)}  covered ${pct(w.covered).padStart(6)}  real ${w.realKm2.toFixed(0)} km², layer ${w.schematicKm2.toFixed(0)} km²`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
