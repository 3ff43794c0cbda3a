/**
 * Reads the committed county layer (geo/counties.topo.json) from the package. The only module of
 * src/geo that touches the file system.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_GEO_DIR } from '../paths.js';
import { layerFromTopology, parseCountiesTopology, type CountiesTopology, type GeoLayer } from './topology.js';

/** geo/counties.topo.json in the package (found from src/paths.ts, so also from the bundle). */
export function defaultLayerPath(): string {
  return join(DEFAULT_GEO_DIR, 'counties.topo.json');
}

export function readCountiesTopology(path = defaultLayerPath()): CountiesTopology {
  return parseCountiesTopology(JSON.parse(readFileSync(path, 'utf8')));
}

export function readDefaultLayer(path = defaultLayerPath()): GeoLayer {
  return layerFromTopology(readCountiesTopology(path));
}
