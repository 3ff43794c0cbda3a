/**
 * Checks a TopoJSON document's structure before topojson-client decodes it, so that a malformed
 * file (an arc index out of range, arcs that are not lists of positions, a transform of zeros)
 * gives a message naming what is wrong instead of an engine error deep in the decoder. Pure.
 */

const MAX_COLLECTION_DEPTH = 8;

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Throws an Error naming the first structural fault of `doc` (a parsed object with type
 * "Topology"); returns normally when topojson-client can decode it.
 */
export function checkTopology(doc: Record<string, unknown>): void {
  const arcs = doc.arcs;
  if (!Array.isArray(arcs)) throw new Error('TopoJSON without an "arcs" array');
  arcs.forEach((arc, i) => {
    if (!Array.isArray(arc)) throw new Error(`TopoJSON arc ${i} is not a list of positions`);
    for (const [k, p] of arc.entries()) {
      if (!Array.isArray(p) || p.length < 2 || !isNum(p[0]) || !isNum(p[1])) throw new Error(`TopoJSON arc ${i}, position ${k + 1} is not a pair of numbers`);
    }
  });
  const t = doc.transform as { scale?: unknown; translate?: unknown } | undefined;
  if (t !== undefined) {
    const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && isNum(v[0]) && isNum(v[1]);
    if (!t || typeof t !== 'object' || !pair(t.scale) || !pair(t.translate)) throw new Error('TopoJSON "transform" needs "scale" and "translate", two numbers each');
    const [sx, sy] = t.scale as number[];
    if (sx === 0 || sy === 0) throw new Error('TopoJSON "transform" has a scale of 0');
  }
  const objects = doc.objects;
  if (!objects || typeof objects !== 'object' || Array.isArray(objects)) throw new Error('TopoJSON without an "objects" member');
  const n = arcs.length;
  const arcRef = (v: unknown, where: string) => {
    if (!Number.isInteger(v) || (v as number) >= n || (v as number) < -n) throw new Error(`${where}: arc index ${String(v).slice(0, 20)} is not one of the file's ${n} arcs`);
  };
  const ring = (r: unknown, where: string) => {
    if (!Array.isArray(r)) throw new Error(`${where}: a ring is not a list of arc indexes`);
    r.forEach((a) => arcRef(a, where));
  };
  const geometry = (g: unknown, where: string, depth: number): void => {
    if (g === null || typeof g !== 'object' || Array.isArray(g)) throw new Error(`${where} is not a geometry object`);
    const o = g as Record<string, unknown>;
    const list = (what: string) => {
      if (!Array.isArray(o[what])) throw new Error(`${where} (${String(o.type)}) has no "${what}" list`);
      return o[what] as unknown[];
    };
    switch (o.type) {
      case null:
      case undefined:
        return;
      case 'Point':
        return;
      case 'MultiPoint':
        list('coordinates');
        return;
      case 'LineString':
        ring(o.arcs, where);
        return;
      case 'MultiLineString':
      case 'Polygon':
        list('arcs').forEach((r) => ring(r, where));
        return;
      case 'MultiPolygon':
        list('arcs').forEach((p) => {
          if (!Array.isArray(p)) throw new Error(`${where}: a polygon is not a list of rings`);
          p.forEach((r) => ring(r, where));
        });
        return;
      case 'GeometryCollection':
        if (depth >= MAX_COLLECTION_DEPTH) throw new Error(`${where}: geometry collections nested over ${MAX_COLLECTION_DEPTH} deep`);
        list('geometries').forEach((c, i) => geometry(c, `${where}, geometry ${i}`, depth + 1));
        return;
      default:
        throw new Error(`${where} has an unknown type "${String(o.type).slice(0, 30)}"`);
    }
  };
  for (const [name, g] of Object.entries(objects)) geometry(g, `TopoJSON object "${name.slice(0, 40)}"`, 0);
}
