import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { readDefaultLayer } from '../../src/geo/layer-file.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

const REFERENCE = join(PACKAGE_ROOT, '..', 'shared', 'reference-geo', 'nk-adm2-counties-osm-2020.geojson');
const noReference = existsSync(REFERENCE) ? false : `reference-geo not present: ${REFERENCE}`;
const registry = loadRegistry(DEFAULT_GEO_DIR);

const scratchDirs: string[] = [];
/** A temporary directory, removed after the tests (the reference copies made here included). */
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nk20x10-geo-'));
  scratchDirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

interface Report {
  matched: number;
  by_method: Record<string, number>;
  unmatched: unknown[];
  ambiguous: unknown[];
  conflicts: unknown[];
  missing: string[];
  output: { file: string; bytes: number; counties: number } | null;
}

/** Small squares around registry seats, named in DPRK spelling (geoBoundaries style). */
function syntheticFile(dir: string, ids: string[], extra: Feature<Polygon>[] = []): string {
  const fc: FeatureCollection<Polygon> = {
    type: 'FeatureCollection',
    features: [
      ...ids.map((id): Feature<Polygon> => {
        const c = registry.byId.get(id)!;
        const [x, y, r] = [c.seat.lon, c.seat.lat, 0.03];
        return {
          type: 'Feature',
          properties: { shapeName: c.name_en, shapeGroup: 'PRK' },
          geometry: { type: 'Polygon', coordinates: [[[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]]] },
        };
      }),
      ...extra,
    ],
  };
  const file = join(dir, 'synthetic.geojson');
  writeFileSync(file, JSON.stringify(fc));
  return file;
}

const THREE = ['kp-ryanggang-kimhyongjik', 'kp-south-hwanghae-chaeryong', 'kp-north-hwanghae-unpa'];

test('the OSM reference layer: every county matched by id, and the written layer loads with 197 counties', { skip: noReference }, async () => {
  const dir = scratch();
  const out = join(dir, 'real.topo.json');
  const r = await cli('geo', 'import', REFERENCE, '--out', out, '--format', 'json');
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out) as Report;
  console.log(`reference: matched ${report.matched}, by method ${JSON.stringify(report.by_method)}, ${report.output?.bytes} bytes`);
  assert.ok(report.matched >= 195, `only ${report.matched} matched`);
  assert.equal(report.conflicts.length, 0);
  assert.ok(report.output && report.output.bytes < 2 * 1024 * 1024, 'layer is under 2 MB');
  assert.equal(statSync(out).size, report.output.bytes);

  const layer = readDefaultLayer(out);
  assert.equal(layer.counties.length, 197);
  assert.equal(layer.provinces.length, 13);
  assert.equal(layer.attribution, '© OpenStreetMap contributors, ODbL 1.0');
  // Ids, names and provinces come from the registry, not the input.
  const unsan = layer.counties.find((f) => f.properties.id === 'kp-north-pyongan-unsan');
  assert.deepEqual(unsan?.properties, { id: 'kp-north-pyongan-unsan', name_en: 'Unsan', name_ko: '운산군', province: 'North Pyongan' });
  const meta = (JSON.parse(readFileSync(out, 'utf8')) as { meta: Record<string, string> }).meta;
  assert.equal(meta.layer, 'imported');
  assert.equal(meta.source_file, 'nk-adm2-counties-osm-2020.geojson');
  assert.equal(meta.imported_at, undefined);

  // Deterministic: the same input gives the same bytes; the text report says what happened.
  const again = join(dir, 'again.topo.json');
  const text = await cli('geo', 'import', REFERENCE, '--out', again);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /Matched 19[5-7] of 197 registry counties/);
  assert.match(text.out, /Wrote .*again\.topo\.json: 197 counties/);
  assert.ok(readFileSync(again).equals(readFileSync(out)));
});

test('the OSM reference layer without @id and wikidata: ≥195 counties matched by names alone', { skip: noReference }, async () => {
  const dir = scratch();
  const fc = JSON.parse(readFileSync(REFERENCE, 'utf8')) as FeatureCollection;
  for (const f of fc.features) {
    delete f.id;
    delete f.properties!['@id'];
    delete f.properties!.wikidata;
  }
  const input = join(dir, 'names-only.geojson');
  writeFileSync(input, JSON.stringify(fc));
  const out = join(dir, 'names.topo.json');
  const r = await cli('geo', 'import', input, '--out', out, '--format', 'json');
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out) as Report;
  const byNames = report.by_method.name! + report.by_method['name+province']! + report.by_method['name+seat']!;
  console.log(`names only: matched ${report.matched}, by method ${JSON.stringify(report.by_method)}`);
  assert.equal(report.by_method.id! + report.by_method.wikidata! + report.by_method.osm!, 0);
  assert.ok(byNames >= 195, `only ${byNames} matched by names`);
  assert.equal(report.conflicts.length, 0);
  assert.equal(readDefaultLayer(out).counties.length, report.matched);
});

test('below --min-match: exit 1, the report is printed and nothing is written', async () => {
  const dir = scratch();
  const input = syntheticFile(dir, THREE);
  const out = join(dir, 'few.topo.json');
  const r = await cli('geo', 'import', input, '--out', out);
  assert.equal(r.code, 1);
  assert.match(r.out, /Matched 3 of 197 registry counties: 3 by name/);
  assert.match(r.err, /only 3 of 197 registry counties matched \(--min-match 190\); nothing written/);
  assert.equal(existsSync(out), false);
});

test('--force writes a partial layer that loads; --min-match sets the bar', async () => {
  const dir = scratch();
  const input = syntheticFile(dir, THREE);
  const out = join(dir, 'few.topo.json');
  const r = await cli('geo', 'import', input, '--out', out, '--min-match', '3', '--attribution', 'Test shapes, CC0');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Registry counties without a shape \(194\):/);
  const layer = readDefaultLayer(out);
  assert.deepEqual(layer.counties.map((f) => f.properties.id), [...THREE].sort());
  assert.equal(layer.attribution, 'Test shapes, CC0');
  const forced = await cli('geo', 'import', input, '--out', join(dir, 'forced.topo.json'), '--force');
  assert.equal(forced.code, 0, forced.err);
});

test('TopoJSON input: the polygon object is found, or named with --object', async () => {
  const dir = scratch();
  const fc = JSON.parse(readFileSync(syntheticFile(dir, THREE), 'utf8')) as FeatureCollection;
  const seats: FeatureCollection = {
    type: 'FeatureCollection',
    features: THREE.map((id) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [registry.byId.get(id)!.seat.lon, registry.byId.get(id)!.seat.lat] } })),
  };
  const input = join(dir, 'adm2.topojson');
  writeFileSync(input, JSON.stringify(topology({ seats, adm2: fc })));
  const out = join(dir, 'from-topo.json');
  const r = await cli('geo', 'import', input, '--out', out, '--min-match', '3');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /TopoJSON object "adm2"/);
  assert.equal(readDefaultLayer(out).counties.length, 3);
  const named = await cli('geo', 'import', input, '--out', join(dir, 'named.json'), '--object', 'seats');
  assert.equal(named.code, 1);
  assert.match(named.err, /adm2\.topojson: no Polygon or MultiPolygon features \(3 features read\)/);
  const missing = await cli('geo', 'import', input, '--out', join(dir, 'named.json'), '--object', 'adm9');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no TopoJSON object "adm9"; objects: seats, adm2/);
});

test('an existing --out is not replaced without --force', async () => {
  const dir = scratch();
  const input = syntheticFile(dir, THREE);
  const out = join(dir, 'layer.topo.json');
  writeFileSync(out, 'keep me');
  const r = await cli('geo', 'import', input, '--out', out, '--min-match', '0');
  assert.equal(r.code, 3);
  assert.match(r.err, /layer\.topo\.json exists; pass --force to replace it/);
  assert.equal(readFileSync(out, 'utf8'), 'keep me');
  const forced = await cli('geo', 'import', input, '--out', out, '--min-match', '0', '--force');
  assert.equal(forced.code, 0, forced.err);
  assert.equal(readDefaultLayer(out).counties.length, 3);
});

test('an unwritable --out is a clear error, exit 3', async () => {
  const dir = scratch();
  const input = syntheticFile(dir, THREE);
  const notADir = join(dir, 'plain-file');
  writeFileSync(notADir, '');
  const r = await cli('geo', 'import', input, '--out', join(notADir, 'x.topo.json'), '--force');
  assert.equal(r.code, 3);
  assert.match(r.err, /Cannot write .*plain-file\/x\.topo\.json: .*plain-file is not a directory/);
  const missingDir = await cli('geo', 'import', input, '--out', join(dir, 'no', 'such', 'dir.json'), '--force');
  assert.equal(missingDir.code, 3);
  assert.match(missingDir.err, /Cannot write .*dir\.json: directory .*no\/such does not exist/);
});

test('refuses to write into the data directory or over the bundled layer', async () => {
  const dir = scratch();
  const input = syntheticFile(dir, THREE);
  const intoData = join(DEFAULT_DATA_DIR, 'imported.topo.json');
  const r = await cli('geo', 'import', input, '--out', intoData, '--force');
  assert.equal(r.code, 3);
  assert.match(r.err, /refusing to write inside the data directory/);
  assert.equal(existsSync(intoData), false);
  const bundled = join(DEFAULT_GEO_DIR, 'counties.topo.json');
  const before = readFileSync(bundled);
  const r2 = await cli('geo', 'import', input, '--out', bundled, '--force');
  assert.equal(r2.code, 3);
  assert.match(r2.err, /refusing to replace the bundled layer/);
  assert.ok(readFileSync(bundled).equals(before));
});

test('the default --out is <input name>.counties.topo.json in the current directory', async () => {
  const dir = scratch();
  const input = syntheticFile(dir, THREE);
  const cwd = process.cwd();
  const here = scratch();
  process.chdir(here);
  try {
    const r = await cli('geo', 'import', input, '--min-match', '3');
    assert.equal(r.code, 0, r.err);
    assert.equal(readDefaultLayer(join(here, 'synthetic.counties.topo.json')).counties.length, 3);
  } finally {
    process.chdir(cwd);
  }
});

test('bad input: not JSON, no polygons, missing file — exit 1 naming the file', async () => {
  const dir = scratch();
  const notJson = join(dir, 'boundaries.shp');
  writeFileSync(notJson, Buffer.from([0, 0, 0x27, 0x0a, 1, 2, 3]));
  const r = await cli('geo', 'import', notJson, '--out', join(dir, 'o.json'));
  assert.equal(r.code, 1);
  assert.match(r.err, /boundaries\.shp: not JSON/);

  const points = join(dir, 'points.geojson');
  writeFileSync(points, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [125, 39] } }] }));
  const r2 = await cli('geo', 'import', points, '--out', join(dir, 'o.json'));
  assert.equal(r2.code, 1);
  assert.match(r2.err, /points\.geojson: no Polygon or MultiPolygon features \(1 feature read\)/);

  const r3 = await cli('geo', 'import', join(dir, 'absent.geojson'), '--out', join(dir, 'o.json'));
  assert.equal(r3.code, 1);
  assert.match(r3.err, /absent\.geojson: cannot read .*: no such file/);

  const huge = join(dir, 'huge.geojson');
  writeFileSync(huge, '');
  truncateSync(huge, 257 * 1024 * 1024); // sparse: no disk space used
  const r4 = await cli('geo', 'import', huge, '--out', join(dir, 'o.json'));
  assert.equal(r4.code, 1);
  assert.match(r4.err, /huge\.geojson: 257 MB is over the 256 MB limit/);
  assert.equal(existsSync(join(dir, 'o.json')), false);
});

test('a --name-field no feature has is an error; names from the file are sanitised in the report', async () => {
  const dir = scratch();
  const hostile: Feature<Polygon> = {
    type: 'Feature',
    properties: { shapeName: 'Atlantis\u001b[2J\u001b]52;c;aGk=\u0007\u202e\nnext' },
    geometry: { type: 'Polygon', coordinates: [[[124.3, 38.9], [124.4, 38.9], [124.4, 39], [124.3, 38.9]]] },
  };
  const input = syntheticFile(dir, THREE, [hostile]);
  const r = await cli('geo', 'import', input, '--out', join(dir, 'o.json'), '--name-field', 'NAME_9');
  assert.equal(r.code, 2);
  assert.match(r.err, /--name-field "NAME_9": no feature has this property; properties: shapeName, shapeGroup/);

  for (const format of ['text', 'json']) {
    const report = await cli('geo', 'import', input, '--out', join(dir, `${format}.json`), '--format', format);
    assert.equal(report.code, 1);
    assert.doesNotMatch(report.out, /[\u001b\u0007\u202e]/);
    if (format === 'text') assert.match(report.out, /Unmatched features \(1\):\n  #3 shapeName "Atlantis next"/);
    else assert.equal((JSON.parse(report.out) as Report).unmatched.length, 1);
  }
});

test('usage errors exit 2', async () => {
  const unknown = await cli('geo', 'import', 'x.geojson', '--nope');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown option '--nope'/);
  assert.equal((await cli('geo')).code, 2);
  assert.equal((await cli('geo', 'export', 'x')).code, 2);
  assert.equal((await cli('geo', 'import')).code, 2);
  assert.equal((await cli('geo', 'import', 'x', '--min-match', 'lots')).code, 2);
  assert.equal((await cli('geo', 'import', 'x', '--format', 'yaml')).code, 2);
  const help = await cli('geo', 'import', '--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: nk20x10 geo import FILE/);
  assert.match((await cli('--help')).out, /\n {2}geo import FILE {3}join real county boundaries/);
});
