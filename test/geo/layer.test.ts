import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { csvRecords } from '../../src/load/csv.js';
import { defaultLayerPath, readCountiesTopology, readDefaultLayer } from '../../src/geo/layer-file.js';

const root = new URL('../../../', import.meta.url);
const registry = csvRecords(readFileSync(new URL('geo/counties.csv', root), 'utf8')).map((r) => r.record);
const layer = readDefaultLayer();

test('the committed layer has one county per registry row, with the registry ids and names', () => {
  assert.equal(layer.counties.length, 197);
  const ids = layer.counties.map((f) => f.properties.id);
  assert.deepEqual(ids, registry.map((r) => r.id!).sort());
  const byId = new Map(registry.map((r) => [r.id!, r]));
  for (const f of layer.counties) {
    const r = byId.get(f.properties.id)!;
    assert.equal(f.properties.name_en, r.name_en);
    assert.equal(f.properties.name_ko, r.name_ko);
    assert.equal(f.properties.province, r.province_en);
    assert.ok(f.geometry.coordinates.length > 0, `${f.properties.id} has a polygon`);
  }
});

test('merging counties per province gives the 13 first-level units', () => {
  assert.deepEqual(
    layer.provinces.map((p) => p.properties.province),
    [
      'Chagang', 'Kaesong', 'Kangwon', 'Nampo', 'North Hamgyong', 'North Hwanghae', 'North Pyongan',
      'Pyongyang', 'Rason', 'Ryanggang', 'South Hamgyong', 'South Hwanghae', 'South Pyongan',
    ],
  );
  const counts = Object.fromEntries(layer.provinces.map((p) => [p.properties.province, p.properties.counties.length]));
  assert.equal(counts['North Pyongan'], 25);
  assert.equal(counts['Rason'], 1);
  for (const p of layer.provinces) assert.ok(p.geometry.coordinates.length > 0, `${p.properties.province} merges to an area`);
});

test('shared borders come out of the topology once each', () => {
  assert.ok(layer.borders.county.coordinates.length > 50);
  assert.ok(layer.borders.province.coordinates.length > 10);
  assert.ok(layer.borders.outline.coordinates.length > 0);
});

test('the layer covers North Korea and says it is OpenStreetMap data under ODbL', () => {
  const [w, s, e, n] = layer.bbox;
  assert.ok(w > 124 && w < 124.4 && e > 130.5 && e < 130.8, `longitudes ${w}..${e}`);
  assert.ok(s > 37.5 && s < 37.8 && n > 42.9 && n < 43.1, `latitudes ${s}..${n}`);
  assert.doesNotMatch(layer.attribution, /schematic/i);
  assert.match(layer.attribution, /© OpenStreetMap contributors/);
  assert.match(layer.attribution, /OpenStreetMap/);
  assert.match(readCountiesTopology().meta?.license ?? '', /ODbL/);
});

test('the committed file stays under 300 KB', () => {
  assert.ok(statSync(defaultLayerPath()).size < 300 * 1024);
});
