/**
 * The layer in flat typed arrays, made once per layer so that rasterising at a new size only
 * projects numbers. Pure.
 */
import type { MultiLineString, Position } from 'geojson';
import type { GeoLayer } from '../geo/topology.js';

export interface PreparedLayer {
  layer: GeoLayer;
  /** County ids, index = county index everywhere in src/map. */
  ids: string[];
  index: Map<string, number>;
  /** First-level unit names, sorted; index = province index. */
  provinces: string[];
  /** Province index of each county. */
  provinceOf: Int16Array;
  /**
   * Per county, per polygon part: its rings (outer first, then holes) as [lon0, lat0, lon1, lat1, …]
   * (closed). Parts are filled one by one, so parts that overlap each other leave no hole.
   */
  polygons: Float64Array[][][];
  /** Per county: [minLon, minLat, maxLon, maxLat] at 4·i. */
  bboxes: Float64Array;
  /** Per first-level unit (province index): the box of its counties, [minLon, minLat, maxLon, maxLat] at 4·p. */
  provinceBoxes: Float64Array;
  /** Per county: the interior anchor point [lon, lat]. */
  anchors: Float64Array;
  /** Border polylines as [lon0, lat0, …]. */
  lines: { outline: Float64Array[]; province: Float64Array[]; county: Float64Array[] };
}

function flat(coords: Position[]): Float64Array {
  const out = new Float64Array(coords.length * 2);
  coords.forEach((p, i) => {
    out[2 * i] = p[0]!;
    out[2 * i + 1] = p[1]!;
  });
  return out;
}

function flatLines(m: MultiLineString): Float64Array[] {
  return m.coordinates.filter((l) => l.length >= 2).map(flat);
}

/** Prepares a layer once (flat arrays, boxes); throws nothing, the layer is already validated. */
export function prepareLayer(layer: GeoLayer): PreparedLayer {
  const ids = layer.counties.map((f) => f.properties.id);
  const provinces = layer.provinces.map((p) => p.properties.province);
  const pIndex = new Map(provinces.map((p, i) => [p, i]));
  const provinceOf = Int16Array.from(layer.counties, (f) => pIndex.get(f.properties.province) ?? -1);
  const polygons = layer.counties.map((f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return polys.map((poly) => poly.filter((r) => r.length >= 3).map(flat)).filter((rings) => rings.length > 0);
  });
  const bboxes = new Float64Array(ids.length * 4);
  const provinceBoxes = new Float64Array(provinces.length * 4);
  for (let p = 0; p < provinces.length; p++) provinceBoxes.set([Infinity, Infinity, -Infinity, -Infinity], 4 * p);
  polygons.forEach((polys, ci) => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rings of polys) {
      const outer = rings[0]!;
      for (let i = 0; i < outer.length; i += 2) {
        x0 = Math.min(x0, outer[i]!);
        x1 = Math.max(x1, outer[i]!);
        y0 = Math.min(y0, outer[i + 1]!);
        y1 = Math.max(y1, outer[i + 1]!);
      }
    }
    bboxes.set([x0, y0, x1, y1], 4 * ci);
    const p = provinceOf[ci]!;
    if (p < 0) return;
    provinceBoxes[4 * p] = Math.min(provinceBoxes[4 * p]!, x0);
    provinceBoxes[4 * p + 1] = Math.min(provinceBoxes[4 * p + 1]!, y0);
    provinceBoxes[4 * p + 2] = Math.max(provinceBoxes[4 * p + 2]!, x1);
    provinceBoxes[4 * p + 3] = Math.max(provinceBoxes[4 * p + 3]!, y1);
  });
  const anchors = new Float64Array(ids.length * 2);
  layer.anchors.forEach(([lon, lat], i) => {
    anchors[2 * i] = lon;
    anchors[2 * i + 1] = lat;
  });
  return {
    layer,
    ids,
    index: new Map(ids.map((id, i) => [id, i])),
    provinces,
    provinceOf,
    polygons,
    bboxes,
    provinceBoxes,
    anchors,
    lines: {
      outline: flatLines(layer.borders.outline),
      province: flatLines(layer.borders.province),
      county: flatLines(layer.borders.county),
    },
  };
}

/** Share of the province's box added on every side when zooming to it ("a little context"). */
export const ZOOM_MARGIN = 0.08;
/** The smallest zoom box side in degrees, so a one-county unit (Rason, Kaesong) still shows its neighbours. */
export const ZOOM_MIN_SPAN = 0.35;

/**
 * The lon/lat box a province zoom shows: the province's box widened by ZOOM_MARGIN on every side
 * and to at least ZOOM_MIN_SPAN degrees. Undefined for an unknown province name.
 */
export function provinceZoomBox(prepared: PreparedLayer, province: string): [number, number, number, number] | undefined {
  const p = prepared.provinces.indexOf(province);
  if (p < 0) return undefined;
  const [x0, y0, x1, y1] = prepared.provinceBoxes.subarray(4 * p, 4 * p + 4) as unknown as [number, number, number, number];
  const mx = Math.max((x1 - x0) * ZOOM_MARGIN, (ZOOM_MIN_SPAN - (x1 - x0)) / 2);
  const my = Math.max((y1 - y0) * ZOOM_MARGIN, (ZOOM_MIN_SPAN - (y1 - y0)) / 2);
  return [x0 - mx, y0 - my, x1 + mx, y1 + my];
}
