/**
 * County polygons → the counties TopoJSON the app reads (`parseCountiesTopology`): shared borders
 * as shared arcs, simplified, quantized, in a fixed serialisation (one geometry and one arc per
 * line). Used by scripts/geo-build.ts for the bundled OSM layer and by `nk20x10 geo import` for
 * other boundary files. Pure: shapes in, text out (the importer writes it with src/export/write-atomic.ts).
 */
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type * as TopoJSON from 'topojson-specification';
import type { CountiesTopology, CountyProps } from './topology.js';

/** Coordinates are rounded to this many decimals before the topology is built. */
export const ROUND_DECIMALS = 6;
/** Planar triangle area, in square degrees (≈ 0.02 km² here), under which a vertex is simplified away. */
export const SIMPLIFY_MIN_WEIGHT = 2e-6;
/** Quantization of the written topology (≈ 5 m over North Korea). */
export const QUANTIZATION = 1e5;
/** Imported parts (islands) and holes smaller than this many square degrees (≈ 0.1 km²) are dropped. */
export const MIN_IMPORTED_PART = 1e-5;

export interface CountyShape {
  properties: CountyProps;
  geometry: Polygon | MultiPolygon;
}

export interface LayerOptions {
  simplifyWeight: number;
  quantization: number;
}

export function round(x: number): number {
  const f = 10 ** ROUND_DECIMALS;
  return Math.round(x * f) / f;
}

/** Rounded coordinates, repeated points removed, rings under 4 points dropped. */
export function roundGeometry(g: Polygon | MultiPolygon): MultiPolygon {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const ring of poly) {
      const r: Position[] = [];
      for (const p of ring) {
        const q = [round(p[0]!), round(p[1]!)];
        const last = r[r.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) r.push(q);
      }
      if (r.length >= 4) rings.push(r);
    }
    if (rings.length > 0) out.push(rings);
  }
  return { type: 'MultiPolygon', coordinates: out };
}

/** Planar area of a ring in square degrees (unsigned). */
function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return Math.abs(s / 2);
}

/**
 * For imported shapes: drops parts and holes under `minArea` square degrees (they would collapse
 * when simplified), always keeping the largest part so no county disappears.
 */
export function dropSmallParts(g: Polygon | MultiPolygon, minArea = MIN_IMPORTED_PART): MultiPolygon {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const sized = polys.filter((p) => p[0] && p[0].length >= 4).map((p) => ({ p, a: ringArea(p[0]!) }));
  const max = Math.max(...sized.map((s) => s.a));
  return {
    type: 'MultiPolygon',
    coordinates: sized
      .filter((s) => s.a >= minArea || s.a === max)
      .map(({ p }) => [p[0]!, ...p.slice(1).filter((hole) => ringArea(hole) >= minArea)]),
  };
}

/** Fixed serialisation: one geometry and one arc per line, so diffs stay readable. */
export function serialiseTopology(topo: CountiesTopology, meta: Record<string, string>): string {
  const c = topo.objects.counties;
  const geoms = c.geometries.map((g) => JSON.stringify(g)).join(',\n');
  const arcs = topo.arcs.map((a) => JSON.stringify(a)).join(',\n');
  return (
    `{"type":"Topology","meta":${JSON.stringify(meta)},\n` +
    `"bbox":${JSON.stringify(topo.bbox)},\n` +
    `"transform":${JSON.stringify(topo.transform)},\n` +
    `"objects":{"counties":{"type":"GeometryCollection","geometries":[\n${geoms}\n]}},\n` +
    `"arcs":[\n${arcs}\n]}\n`
  );
}

/**
 * The counties topology as text. Deterministic for the same shapes in the same order (callers sort
 * by id): coordinates rounded first, a fixed simplification weight, a fixed serialisation.
 */
export function countiesTopologyText(
  shapes: CountyShape[],
  meta: Record<string, string>,
  options: LayerOptions = { simplifyWeight: SIMPLIFY_MIN_WEIGHT, quantization: QUANTIZATION },
): string {
  const fc: FeatureCollection<MultiPolygon, CountyProps> = {
    type: 'FeatureCollection',
    features: shapes.map((s) => ({
      type: 'Feature',
      properties: { id: s.properties.id, name_en: s.properties.name_en, name_ko: s.properties.name_ko, province: s.properties.province },
      geometry: roundGeometry(s.geometry),
    })),
  };
  const raw = topology({ counties: fc }) as unknown as TopoJSON.Topology<TopoJSON.Objects>;
  const simplified = simplify(presimplify(raw), options.simplifyWeight);
  const quantized = quantize(simplified, options.quantization) as unknown as CountiesTopology;
  // topojson-server keeps each feature's id/properties; keep only the four properties.
  for (const g of quantized.objects.counties.geometries) {
    const p = g.properties!;
    g.properties = { id: p.id, name_en: p.name_en, name_ko: p.name_ko, province: p.province };
    delete (g as { id?: unknown }).id;
  }
  quantized.bbox = quantized.bbox?.map((v) => round(v)) as typeof quantized.bbox;
  return serialiseTopology(quantized, meta);
}
