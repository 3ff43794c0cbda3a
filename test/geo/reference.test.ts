/**
 * Compares the schematic layer with real county polygons in shared/reference-geo (outside the
 * repository; read only here and in scripts/geo-measure.ts, never copied).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { defaultLayerPath, readDefaultLayer } from '../../src/geo/layer-file.js';
import { prepareLayer } from '../../src/map/prepared.js';
import { rasterize } from '../../src/map/raster.js';
import { countyAt } from '../../src/map/hit.js';
import { measureOverlap } from '../../scripts/geo-measure.js';

const file = fileURLToPath(
  new URL('../../../../shared/reference-geo/nk-adm2-counties-osm-2020-landclipped.geojson', import.meta.url),
);
const exists = existsSync(file);
const skip = exists ? false : `reference file absent: ${file}`;

test('the schematic counties cover most of their real counterparts', { skip }, () => {
  const s = measureOverlap(readFileSync(defaultLayerPath(), 'utf8'), readFileSync(file, 'utf8'));
  assert.equal(s.counties, 197);
  assert.ok(s.covered.median > 0.7, `median share covered ${s.covered.median}`);
  assert.ok(s.iou.median > 0.5, `median IoU ${s.iou.median}`);
});

test('clicking inside a real county at 160×48 mostly selects that county', { skip }, () => {
  const real = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const raster = rasterize(prepareLayer(readDefaultLayer()), 160, 48);
  let hits = 0;
  for (const f of real.features) {
    const [lon, lat] = turf.pointOnFeature(f).geometry.coordinates as [number, number];
    const [c, r] = raster.projection.toCell(lon, lat);
    if (countyAt(raster, Math.floor(c), Math.floor(r)) === f.properties?.gaz_id) hits++;
  }
  assert.ok(hits / real.features.length > 0.8, `${hits} of ${real.features.length}`);
});
