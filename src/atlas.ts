/**
 * The joined atlas: the validated dataset, the county layer it is drawn on, and the status of
 * every county as of a date. One object the views read; nothing here touches a terminal.
 */
import { DataError } from './load/errors.js';
import type { Dataset, Site } from './model/types.js';
import { siteStatusAt, type Lens } from './model/status.js';
import type { Status } from './model/vocabulary.js';
import { readDefaultLayer } from './geo/layer-file.js';
import type { CountyStatus } from './map/legend.js';
import { prepareLayer, type PreparedLayer } from './map/prepared.js';
import { rasterCache } from './map/raster.js';
import type { GeoLayer } from './geo/topology.js';
import { readUnitMappings, type UnitMapping } from './geo/unit-mappings.js';
import { sanitizeInline } from './text/sanitize.js';

export interface Atlas {
  dataset: Dataset;
  layer: GeoLayer;
  prepared: PreparedLayer;
  rasterFor: ReturnType<typeof rasterCache>;
  /** True for the bundled layer (OpenStreetMap county boundaries of November 2020, geo/counties.topo.json). */
  bundled: boolean;
  /** Units state media name differently from the layer (geo/unit-mappings.yaml), with sources. */
  unitMappings: UnitMapping[];
  /** Registry counties the layer has no shape for (they cannot be drawn). */
  missingShapes: string[];
}

export function openAtlas(dataset: Dataset, layerPath?: string): Atlas {
  let layer: GeoLayer;
  try {
    layer = layerPath ? readDefaultLayer(layerPath) : readDefaultLayer();
  } catch (err) {
    const file = layerPath ?? 'geo/counties.topo.json';
    throw new DataError([{ file, line: 1, col: 1, field: '(file)', message: `not a counties layer: ${(err as Error).message}` }]);
  }
  let unitMappings: UnitMapping[];
  try {
    unitMappings = readUnitMappings();
  } catch (err) {
    throw new DataError([{ file: 'geo/unit-mappings.yaml', line: 1, col: 1, field: '(file)', message: (err as Error).message }]);
  }
  sanitizeLayerText(layer);
  const prepared = prepareLayer(layer);
  const have = new Set(prepared.ids);
  return {
    dataset,
    layer,
    prepared,
    // Room for every first-level unit's zoom and the national view at two sizes: stepping through
    // the provinces with ]/[ or l/h never rasterises the same zoom twice (keystroke latency, issue 12).
    rasterFor: rasterCache(prepared, {}, 32),
    bundled: layerPath === undefined,
    unitMappings,
    missingShapes: dataset.registry.counties.map((c) => c.id).filter((id) => !have.has(id)),
  };
}

/**
 * The input boundary of a county layer (a `--geo` file): its names, first-level units, ids and
 * attribution are sanitised in place before the map, labels, legend or an export sees them.
 */
function sanitizeLayerText(layer: GeoLayer): void {
  const clean = (v: unknown): string => sanitizeInline(typeof v === 'string' ? v : String(v ?? ''));
  for (const f of layer.counties) {
    const p = f.properties;
    p.id = clean(p.id);
    p.name_en = clean(p.name_en);
    p.name_ko = clean(p.name_ko);
    p.province = clean(p.province);
  }
  for (const f of layer.provinces) f.properties.province = clean(f.properties.province);
  layer.attribution = clean(layer.attribution);
}

/** When one registry county holds several sites (Kaesong), the map shows the most notable status. */
const MAP_PRIORITY: Status[] = ['disrupted', 'operating_for_show', 'underproducing', 'operating', 'inaugurated', 'under_construction', 'selected', 'unknown'];

/** Status per registry county as of a date (or Lens), for colouring the map; counties without a site are absent. */
export function countyStatuses(sites: readonly Site[], asOf: string | Lens): Map<string, CountyStatus> {
  return countyStatusView(sites, asOf).statuses;
}

/**
 * Status per registry county, and the counties whose shown status is stale (the map dots them).
 * A county shows its most notable site's status; it is stale when that site's status is.
 */
export function countyStatusView(sites: readonly Site[], asOf: string | Lens): { statuses: Map<string, CountyStatus>; stale: Set<string> } {
  const statuses = new Map<string, CountyStatus>();
  const stale = new Set<string>();
  for (const site of sites) {
    const at = siteStatusAt(site, asOf);
    if (!at) continue;
    const current = statuses.get(site.county.id) as Status | undefined;
    if (!current || MAP_PRIORITY.indexOf(at.status) < MAP_PRIORITY.indexOf(current)) {
      statuses.set(site.county.id, at.status);
      if (at.stale) stale.add(site.county.id);
      else stale.delete(site.county.id);
    }
  }
  return { statuses, stale };
}
