/**
 * Compares the bundled layer with the land-clipped OSM county polygons in shared/reference-geo
 * (outside the repository; read only here and in scripts/geo-measure.ts).
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
import { measureMaps, measureOverlap, MEASURE_SIZES } from '../../scripts/geo-measure.js';

const file = fileURLToPath(
  new URL('../../../../shared/reference-geo/nk-adm2-counties-osm-2020-landclipped.geojson', import.meta.url),
);
const exists = existsSync(file);
const skip = exists ? false : `reference file absent: ${file}`;

test('the bundled counties match their real counterparts', { skip }, () => {
  const s = measureOverlap(readFileSync(defaultLayerPath(), 'utf8'), readFileSync(file, 'utf8'));
  assert.equal(s.counties + s.failed.length, 197);
  assert.ok(s.failed.length <= 2, s.failed.join(', '));
  assert.ok(s.covered.p10 > 0.98, `p10 share covered ${s.covered.p10}`);
  assert.ok(s.iou.p10 > 0.98, `p10 IoU ${s.iou.p10}`);
});

test('map cells are drawn as the county really there: national ≥ 88% and province zoom ≥ 95% at 160×48', { skip }, () => {
  const [m] = measureMaps(prepareLayer(readDefaultLayer()), readFileSync(file, 'utf8'), [[160, 48]]);
  assert.ok(m!.national.agree / m!.national.cells >= 0.88, `national ${m!.national.agree}/${m!.national.cells}`);
  assert.ok(m!.province.agree / m!.province.cells >= 0.95, `province ${m!.province.agree}/${m!.province.cells}`);
});

test('every first-level label cell lies in its own unit, in the reference too, at every measured size', { skip }, () => {
  for (const m of measureMaps(prepareLayer(readDefaultLayer()), readFileSync(file, 'utf8'), MEASURE_SIZES)) {
    assert.equal(m.national.labelDrawnInside, m.national.labelCells, m.size);
    assert.equal(m.national.labelReallyInside, m.national.labelCells, m.size);
  }
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
  assert.ok(hits / real.features.length > 0.85, `${hits} of ${real.features.length}`);
});
