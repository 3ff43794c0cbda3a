/**
 * Measures how far the schematic county layer (geo/counties.topo.json) is from real county
 * boundaries: per county, the area overlap with the land-clipped OSM 2020 county polygons kept in
 * shared/reference-geo (outside the repository, read at run time only, never copied).
 *
 * Prints, over the counties: IoU (intersection / union) and the share of the real county covered
 * by its schematic cell (intersection / real area), as median, p10 and p90, plus the worst ones.
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
    const inter = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([county, r]));
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
    iou: summary(rows.map((r) => r.iou)),
    covered: summary(rows.map((r) => r.covered)),
    areaAgreement: agree / total,
    rows,
  };
}

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
  const worst = [...s.rows].sort((a, b) => a.iou - b.iou).slice(0, 8);
  console.log('lowest IoU:');
  for (const w of worst) {
    console.log(`  ${w.id.padEnd(34)} IoU ${pct(w.iou).padStart(6)}  covered ${pct(w.covered).padStart(6)}  real ${w.realKm2.toFixed(0)} km², schematic ${w.schematicKm2.toFixed(0)} km²`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
