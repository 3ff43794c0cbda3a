import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Polygon } from 'geojson';
import { featuresFromJson, detectSource, type InputFeature } from '../../src/geo/import-features.js';
import { joinFeatures } from '../../src/geo/join.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';

const registry = loadRegistry(DEFAULT_GEO_DIR);

/** A square of half-size `r` degrees around a point. */
function square(lon: number, lat: number, r = 0.02): Polygon {
  return { type: 'Polygon', coordinates: [[[lon - r, lat - r], [lon + r, lat - r], [lon + r, lat + r], [lon - r, lat + r], [lon - r, lat - r]]] };
}

function around(id: string, dLon = 0, dLat = 0): Polygon {
  const c = registry.byId.get(id);
  assert.ok(c, id);
  return square(c.seat.lon + dLon, c.seat.lat + dLat);
}

function features(list: { properties: Record<string, unknown>; geometry: Polygon }[]): InputFeature[] {
  return list.map((f, index) => ({ index, ...f }));
}

const countyOf = (r: ReturnType<typeof joinFeatures>, feature: number) => r.matches.find((m) => m.feature === feature);

test('geoBoundaries-style DPRK spellings resolve by name', () => {
  const fs = features([
    { properties: { shapeName: 'Kim Hyong Jik', shapeID: 'PRK-ADM2-1', shapeGroup: 'PRK' }, geometry: around('kp-ryanggang-kimhyongjik') },
    { properties: { shapeName: 'Jaeryong', shapeID: 'PRK-ADM2-2', shapeGroup: 'PRK' }, geometry: around('kp-south-hwanghae-chaeryong') },
    { properties: { shapeName: 'Unpha County', shapeID: 'PRK-ADM2-3', shapeGroup: 'PRK' }, geometry: around('kp-north-hwanghae-unpa') },
  ]);
  const r = joinFeatures(fs, registry);
  // Matches come sorted by registry id.
  assert.deepEqual(
    r.matches.map((m) => [m.feature, m.county, m.method]),
    [
      [2, 'kp-north-hwanghae-unpa', 'name'],
      [0, 'kp-ryanggang-kimhyongjik', 'name'],
      [1, 'kp-south-hwanghae-chaeryong', 'name'],
    ],
  );
  assert.equal(r.matches[0]!.via, 'shapeName');
  assert.equal(r.missing.length, 197 - 3);
  assert.equal(detectSource({ features: fs, header: {} }), 'geoboundaries');
});

test('Hangul and Hanja names resolve, and a Hangul name settles an ambiguous romanisation', () => {
  const fs = features([
    { properties: { name: '김형직군' }, geometry: around('kp-ryanggang-kimhyongjik') },
    { properties: { 'name:en': 'Unsan County', 'name:ko': '은산군' }, geometry: around('kp-north-pyongan-unsan') },
  ]);
  const r = joinFeatures(fs, registry);
  assert.equal(countyOf(r, 0)?.county, 'kp-ryanggang-kimhyongjik');
  // The Hangul names 은산군 (South Pyongan), but the polygon lies on the other Unsan's seat: the
  // name alone is no evidence, so it is reported as misplaced and matched to neither.
  assert.equal(countyOf(r, 1), undefined);
  assert.deepEqual(
    r.misplaced.map((m) => [m.feature, m.county, m.method, m.why]),
    [[1, 'kp-south-pyongan-unsan', 'name', 'elsewhere']],
  );
  assert.ok(r.misplaced[0]!.km! > 50, `${r.misplaced[0]!.km} km`);
});

test('OCHA-style ADM2_EN "Unsan" twice: the ADM1_EN province field tells them apart', () => {
  // Squares beside the seats (not holding them), so only the province can decide the name.
  const fs = features([
    { properties: { ADM2_EN: 'Unsan', ADM2_PCODE: 'KP0101', ADM1_EN: 'South Pyongan' }, geometry: around('kp-south-pyongan-unsan', 0.025, 0.025) },
    { properties: { ADM2_EN: 'Unsan', ADM2_PCODE: 'KP0202', ADM1_EN: 'North Pyongan' }, geometry: around('kp-north-pyongan-unsan', 0.025, 0.025) },
    { properties: { ADM2_EN: 'Jaeryong', ADM2_PCODE: 'KP0303', ADM1_EN: 'South Hwanghae' }, geometry: around('kp-south-hwanghae-chaeryong') },
  ]);
  const r = joinFeatures(fs, registry);
  assert.equal(countyOf(r, 0)?.county, 'kp-south-pyongan-unsan');
  assert.equal(countyOf(r, 0)?.method, 'name+province');
  assert.equal(countyOf(r, 1)?.county, 'kp-north-pyongan-unsan');
  assert.equal(countyOf(r, 1)?.method, 'name+province');
  assert.equal(countyOf(r, 2)?.method, 'name');
  assert.equal(detectSource({ features: fs, header: {} }), 'ocha');

  // --province-field with an explicit property and DPRK/Hangul province spellings.
  const custom = features([
    { properties: { nm: 'Unsan', prov: '평안남도' }, geometry: around('kp-south-pyongan-unsan', 0.025, 0.025) },
    { properties: { nm: 'Unsan', prov: 'N. Phyongan' }, geometry: around('kp-north-pyongan-unsan', 0.025, 0.025) },
  ]);
  const r2 = joinFeatures(custom, registry, { nameFields: ['nm'], provinceField: 'prov' });
  assert.deepEqual(r2.matches.map((m) => m.county).sort(), ['kp-north-pyongan-unsan', 'kp-south-pyongan-unsan']);
});

test('without a province field, the two "Unsan" features are told apart by which seat lies inside', () => {
  const fs = features([
    { properties: { shapeName: 'Unsan' }, geometry: around('kp-north-pyongan-unsan') },
    { properties: { shapeName: 'Unsan' }, geometry: around('kp-south-pyongan-unsan') },
  ]);
  const r = joinFeatures(fs, registry);
  assert.equal(countyOf(r, 0)?.county, 'kp-north-pyongan-unsan');
  assert.equal(countyOf(r, 0)?.method, 'name+seat');
  assert.equal(countyOf(r, 1)?.county, 'kp-south-pyongan-unsan');
  assert.equal(countyOf(r, 1)?.method, 'name+seat');
  assert.equal(r.conflicts.length, 0);
});

test('an "Unsan" holding neither seat and without a province is reported ambiguous, not guessed', () => {
  const r = joinFeatures(features([{ properties: { shapeName: 'Unsan' }, geometry: square(124.5, 39.0) }]), registry);
  assert.equal(r.matches.length, 0);
  assert.deepEqual(r.ambiguous, [
    { feature: 0, names: [{ field: 'shapeName', value: 'Unsan' }], candidates: ['kp-north-pyongan-unsan', 'kp-south-pyongan-unsan'] },
  ]);
});

test('"Atlantis" is reported unmatched with its names', () => {
  const fs = features([
    { properties: { shapeName: 'Kim Hyong Jik' }, geometry: around('kp-ryanggang-kimhyongjik') },
    { properties: { shapeName: 'Atlantis', shapeID: 'X' }, geometry: square(124.0, 38.0) },
  ]);
  const r = joinFeatures(fs, registry);
  assert.equal(r.matches.length, 1);
  assert.equal(r.unmatched.length, 1);
  assert.equal(r.unmatched[0]!.feature, 1);
  assert.deepEqual(r.unmatched[0]!.names, [{ field: 'shapeName', value: 'Atlantis' }]);
  assert.deepEqual(r.unmatched[0]!.seatsInside, []);
  assert.equal(r.outside, 0);
});

test('features wholly outside North Korea are counted, not matched by name nor listed', () => {
  const fs = features([
    { properties: { shapeName: 'Unsan' }, geometry: square(139.7, 35.7) },
    { properties: { shapeName: 'Kim Hyong Jik' }, geometry: around('kp-ryanggang-kimhyongjik') },
  ]);
  const r = joinFeatures(fs, registry);
  assert.equal(r.outside, 1);
  assert.equal(r.matches.length, 1);
  assert.deepEqual([r.unmatched, r.ambiguous], [[], []]);
});

test('a feature whose names match nothing but which holds one seat is matched by seat containment, reported as such', () => {
  const r = joinFeatures(features([{ properties: { name: 'Nowhere' }, geometry: around('kp-ryanggang-kimhyongjik') }]), registry);
  assert.deepEqual(r.matches.map((m) => [m.county, m.method]), [['kp-ryanggang-kimhyongjik', 'seat']]);
  assert.equal(r.byMethod.seat, 1);
  // Holding two seats is not enough to say which: unmatched, with the seats as a hint.
  const two = joinFeatures(features([{ properties: { name: 'Nowhere' }, geometry: square(125.6, 38.75, 0.6) }]), registry);
  assert.equal(two.matches.length, 0);
});

test('two features claiming one county: a conflict, and the worse (later) method loses', () => {
  const kim = registry.byId.get('kp-ryanggang-kimhyongjik')!;
  assert.ok(kim.wikidata);
  const fs = features([
    { properties: { shapeName: 'Kim Hyong Jik' }, geometry: around('kp-ryanggang-kimhyongjik') },
    { properties: { name: 'Somewhere', wikidata: kim.wikidata }, geometry: around('kp-ryanggang-kimhyongjik', 0.01, 0) },
  ]);
  const r = joinFeatures(fs, registry);
  assert.deepEqual(r.matches.map((m) => [m.feature, m.county, m.method]), [[1, 'kp-ryanggang-kimhyongjik', 'wikidata']]);
  assert.deepEqual(r.conflicts, [
    { county: 'kp-ryanggang-kimhyongjik', kept: { feature: 1, method: 'wikidata' }, dropped: [{ feature: 0, method: 'name' }] },
  ]);
  assert.equal(r.byMethod.wikidata, 1);
  assert.equal(r.byMethod.name, 0);
});

test('two features with the same name: the one holding the seat keeps the county; the other lies elsewhere', () => {
  const fs = features([
    { properties: { shapeName: 'Kim Hyong Jik' }, geometry: around('kp-ryanggang-kimhyongjik', 0.5, 0) },
    { properties: { shapeName: 'Kim Hyong Jik' }, geometry: around('kp-ryanggang-kimhyongjik') },
  ]);
  const r = joinFeatures(fs, registry);
  assert.equal(r.matches.length, 1);
  assert.equal(r.matches[0]!.feature, 1);
  assert.equal(r.conflicts.length, 0);
  assert.deepEqual(r.misplaced.map((m) => [m.feature, m.why, m.other]), [[0, 'seat in another feature', 1]]);
  // Both hold the seat (overlapping shapes): a conflict, the first keeps it, the other is listed.
  const both = joinFeatures(
    features([
      { properties: { shapeName: 'Kim Hyong Jik' }, geometry: around('kp-ryanggang-kimhyongjik', 0.01, 0) },
      { properties: { shapeName: 'Kim Hyong Jik' }, geometry: around('kp-ryanggang-kimhyongjik') },
    ]),
    registry,
  );
  assert.equal(both.matches[0]!.feature, 0);
  assert.deepEqual(both.conflicts[0]!.dropped, [{ feature: 1, method: 'name' }]);
});

test('ids come first: registry id, then Wikidata, then OSM relation, then names; disagreements are reported', () => {
  const kim = registry.byId.get('kp-ryanggang-kimhyongjik')!;
  const unsan = registry.byId.get('kp-north-pyongan-unsan')!;
  assert.ok(kim.osm_relation && unsan.osm_relation);
  const fs = features([
    { properties: { gaz_id: 'kp-ryanggang-kimhyongjik', name: 'Unsan' }, geometry: around('kp-ryanggang-kimhyongjik') },
    { properties: { '@id': `relation/${unsan.osm_relation}`, name: '운산군' }, geometry: around('kp-north-pyongan-unsan') },
    { properties: { osm_id: `-${registry.byId.get('kp-south-hwanghae-chaeryong')!.osm_relation}`, osm_type: 'relation' }, geometry: around('kp-south-hwanghae-chaeryong') },
    { properties: { ref: registry.byId.get('kp-north-hwanghae-unpa')!.osm_relation, name: 'Kim Hyong Jik' }, geometry: around('kp-north-hwanghae-unpa') },
  ]);
  const r = joinFeatures(fs, registry, {});
  assert.equal(countyOf(r, 0)?.method, 'id');
  assert.equal(countyOf(r, 1)?.method, 'osm');
  assert.equal(countyOf(r, 2)?.county, 'kp-south-hwanghae-chaeryong');
  assert.equal(countyOf(r, 2)?.method, 'osm');
  // `ref` is not an id field unless named with --id-field; its name says Kim Hyong Jik, whose seat
  // feature 0 holds: the name is in the wrong place, so it is refused, not a conflict.
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.misplaced.map((m) => [m.feature, m.county, m.why]), [[3, 'kp-ryanggang-kimhyongjik', 'seat in another feature']]);
  const withField = joinFeatures(fs, registry, { idField: 'ref' });
  assert.equal(countyOf(withField, 3)?.county, 'kp-north-hwanghae-unpa');
  assert.equal(countyOf(withField, 3)?.method, 'osm');
  // Feature 0's id and its name disagree ("Unsan" is ambiguous, so it is no counter-claim); feature 3's do.
  assert.deepEqual(withField.disagreements, [
    { feature: 3, chosen: { county: 'kp-north-hwanghae-unpa', method: 'osm' }, other: [{ county: 'kp-ryanggang-kimhyongjik', method: 'name' }] },
  ]);
  assert.equal(detectSource({ features: fs, header: {} }), 'osm');
});

test('TopoJSON input: the object with the most polygons is read; points and lines are skipped', () => {
  const topo = {
    type: 'Topology',
    arcs: [
      [[125, 39], [125.1, 39], [125.1, 39.1], [125, 39.1], [125, 39]],
    ],
    objects: {
      places: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [125, 39] }] },
      districts: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0]], properties: { NAME_2: 'Kim Hyong Jik' } },
          { type: 'LineString', arcs: [0] },
        ],
      },
    },
  };
  const layer = featuresFromJson(topo);
  assert.equal(layer.format, 'topojson');
  assert.equal(layer.object, 'districts');
  assert.equal(layer.features.length, 1);
  assert.equal(layer.skipped, 1);
  assert.equal(featuresFromJson(topo, { object: 'districts' }).features.length, 1);
  assert.throws(() => featuresFromJson(topo, { object: 'places' }), /no Polygon or MultiPolygon/);
  assert.throws(() => featuresFromJson(topo, { object: 'nope' }), /no TopoJSON object "nope"; objects: places, districts/);
  assert.throws(() => featuresFromJson({ type: 'FeatureCollection', features: [] }), /no Polygon or MultiPolygon/);
  assert.throws(() => featuresFromJson([1, 2]), /not a GeoJSON or TopoJSON/);
  assert.throws(
    () => featuresFromJson({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square(500000, 4300000) }] }),
    /reproject to WGS 84/,
  );
});
