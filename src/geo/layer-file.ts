/**
 * Reads the committed county layer (geo/counties.topo.json) from the package. The only module of
 * src/geo that touches the file system.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layerFromTopology, parseCountiesTopology, type CountiesTopology, type GeoLayer } from './topology.js';

/** geo/counties.topo.json, found from src/geo or dist/src/geo. */
export function defaultLayerPath(): string {
  const here = import.meta.url;
  const up = here.includes('/dist/src/geo/') ? '../../../' : '../../';
  return fileURLToPath(new URL(`${up}geo/counties.topo.json`, here));
}

export function readCountiesTopology(path = defaultLayerPath()): CountiesTopology {
  return parseCountiesTopology(JSON.parse(readFileSync(path, 'utf8')));
}

export function readDefaultLayer(path = defaultLayerPath()): GeoLayer {
  return layerFromTopology(readCountiesTopology(path));
}
