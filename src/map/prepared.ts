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
  /** Per county: its rings as [lon0, lat0, lon1, lat1, …] (closed). */
  rings: Float64Array[][];
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

export function prepareLayer(layer: GeoLayer): PreparedLayer {
  const ids = layer.counties.map((f) => f.properties.id);
  const provinces = layer.provinces.map((p) => p.properties.province);
  const pIndex = new Map(provinces.map((p, i) => [p, i]));
  const provinceOf = Int16Array.from(layer.counties, (f) => pIndex.get(f.properties.province) ?? -1);
  const rings = layer.counties.map((f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return polys.flat().filter((r) => r.length >= 3).map(flat);
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
    rings,
    anchors,
    lines: {
      outline: flatLines(layer.borders.outline),
      province: flatLines(layer.borders.province),
      county: flatLines(layer.borders.county),
    },
  };
}
