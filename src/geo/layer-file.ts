/**
 * Reads the committed county layer (geo/counties.topo.json) from the package. The only module of
 * src/geo that touches the file system.
 */
import { join } from 'node:path';
import { DEFAULT_GEO_DIR } from '../paths.js';
import { readInputText } from './import/read-input.js';
import { checkTopology } from './import/topology-check.js';
import { decodeTopology } from './import-features.js';
import { layerFromTopology, parseCountiesTopology, type CountiesTopology, type GeoLayer } from './topology.js';

/** geo/counties.topo.json in the package (found from src/paths.ts, so also from the bundle). */
export function defaultLayerPath(): string {
  return join(DEFAULT_GEO_DIR, 'counties.topo.json');
}

/** A county layer above this is refused before it is read (the bundled one is ~0.3 MB, an imported OSM one ~0.2 MB). */
export const MAX_LAYER_BYTES = 64 * 1024 * 1024;

/**
 * Reads and checks a counties TopoJSON. FIFOs, devices, directories and files over
 * MAX_LAYER_BYTES are refused at once (InputFileError), never read; bad JSON or a wrong shape
 * throws an Error whose message says what is wrong.
 */
export function readCountiesTopology(path = defaultLayerPath()): CountiesTopology {
  const { text } = readInputText(path, MAX_LAYER_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message.slice(0, 200)})`);
  }
  if (json && typeof json === 'object' && !Array.isArray(json) && (json as { type?: unknown }).type === 'Topology') checkTopology(json as Record<string, unknown>);
  const topo = parseCountiesTopology(json);
  for (const [i, g] of topo.objects.counties.geometries.entries()) {
    for (const key of ['name_en', 'name_ko'] as const) {
      const v: unknown = g.properties?.[key];
      if (v !== undefined && typeof v !== 'string') throw new Error(`county #${i}: ${key} is not text`);
    }
  }
  return topo;
}

export function readDefaultLayer(path = defaultLayerPath()): GeoLayer {
  const topo = readCountiesTopology(path);
  return decodeTopology(() => layerFromTopology(topo));
}
