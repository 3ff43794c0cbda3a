/**
 * `geo import` on the files people actually bring, one small file per fault
 * (test/fixtures/geo-import/, written by scripts/geo-fixtures.ts): what the user sees (exit code,
 * report, error) and what is written (nothing, or only counties whose shapes are where they are).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixtures, FIXTURE_DIR } from '../../scripts/geo-fixtures.js';
import { readDefaultLayer } from '../../src/geo/layer-file.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

const registry = loadRegistry(DEFAULT_GEO_DIR);
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nk20x10-faults-'));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fixture = (name: string) => join(FIXTURE_DIR, name);

interface Report {
  matched: number;
  by_method: Record<string, number>;
  matches: { feature: number; county: string; method: string; former?: string }[];
  misplaced: { feature: number; county: string; method: string; why: string; km?: number }[];
  bad_features: { feature: number; name?: string; reason: string }[];
  not_counties: { feature: number; reason: string }[];
  gate: { kind: string; message: string }[];
  source: string;
  encoding: string;
  output: { counties: number } | null;
}

/** Runs an import to a fresh --out; returns the CLI result, the JSON report and whether a file was written. */
async function importJson(file: string, ...flags: string[]) {
  const out = join(scratch(), 'out.topo.json');
  const r = await cli('geo', 'import', file, '--out', out, '--format', 'json', ...flags);
  const report = r.out ? (JSON.parse(r.out) as Report) : undefined;
  return { ...r, report, out, written: existsSync(out) };
}

test('the committed fixtures are what scripts/geo-fixtures.ts makes', () => {
  for (const [name, bytes] of fixtures(registry)) {
    assert.ok(readFileSync(fixture(name)).equals(bytes), `${name} differs: run node dist/scripts/geo-fixtures.js`);
  }
});

test('South Korean districts: names that match North Korean counties are refused by place; nothing is written, even with --force', async () => {
  for (const force of [[], ['--force']]) {
    const r = await importJson(fixture('sk-districts.geojson'), ...force);
    assert.equal(r.code, 1);
    assert.equal(r.written, false);
    assert.equal(r.report!.matched, 0);
  }
  const text = await cli('geo', 'import', fixture('sk-districts.geojson'), '--out', join(scratch(), 'o.json'));
  assert.match(text.out, /#3 "Goseong-gun": name matches Kosong \(고성군\), Kangwon \[kp-kangwon-kosong\] but the shape lies \d+ km away/);
  assert.match(text.out, /What this file looks like:\n {2}10 of 10 features lie outside North Korea \(around 37\.\d+°N 126\.\d+°E, south of the DPRK: South Korean districts\?\)/);
});

test('a province layer: "looks like a first-level layer"; the Nampo province is not the Nampo county despite the shared Wikidata id', async () => {
  const r = await importJson(fixture('provinces.geojson'));
  assert.equal(r.code, 1);
  assert.equal(r.written, false);
  assert.ok(r.report!.gate.some((g) => /^1\d features the size of provinces .*: this looks like a first-level layer$/.test(g.message)), JSON.stringify(r.report!.gate));
  const nampo = r.report!.misplaced.find((m) => m.county === 'kp-nampo-nampo');
  assert.deepEqual([nampo?.method, nampo?.why], ['wikidata', 'many seats']);
  // With --force only the single-county units (Rason, Kaesong: the same unit at both levels) are written.
  const forced = await importJson(fixture('provinces.geojson'), '--force');
  assert.equal(forced.code, 0, forced.err);
  assert.deepEqual(readDefaultLayer(forced.out).counties.map((c) => c.properties.id), ['kp-kaesong-kaesong', 'kp-rason-rason']);
});

test('a whole-peninsula shape is a country outline: no county, with or without --force', async () => {
  for (const force of [[], ['--force']]) {
    const r = await importJson(fixture('peninsula.geojson'), ...force);
    assert.equal(r.code, 1);
    assert.equal(r.written, false);
    assert.match(r.report!.gate[0]!.message, /^1 feature holds the seats of 197 of 197 counties: this looks like a country outline/);
  }
});

test('tiny squares named after counties: none matched, the gate says they are far smaller than any county', async () => {
  const r = await importJson(fixture('tiny-squares.geojson'), '--force');
  assert.equal(r.code, 1);
  assert.equal(r.written, false);
  assert.equal(r.report!.matched, 0);
  assert.ok(r.report!.misplaced.length >= 190);
  assert.ok(r.report!.gate.some((g) => g.kind === 'tiny' && /197 of 197 features are smaller than 1 km²/.test(g.message)));
});

test('right names on shuffled shapes: each refused because its county\'s seat lies in another feature', async () => {
  const r = await importJson(fixture('shuffled.geojson'), '--force');
  assert.equal(r.code, 1);
  assert.equal(r.written, false);
  assert.equal(r.report!.matched, 0);
  assert.equal(r.report!.misplaced.length, 29);
  // Each is refused with its reason (with the real layer most are seats in another feature, the
  // rest shapes far from or much larger than their county).
  assert.ok(r.report!.misplaced.every((m) => typeof m.why === 'string' && m.why.length > 0));
  assert.ok(r.report!.misplaced.filter((m) => m.why === 'seat in another feature').length >= 20);
  assert.ok(r.report!.gate.some((g) => g.kind === 'misplaced'));
});

test('bad features are listed with index, name and reason and skipped; the rest is imported; never a stack trace', async () => {
  const r = await importJson(fixture('bad-features.geojson'), '--min-match', '3');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(
    r.report!.bad_features.map((b) => [b.feature, b.name]),
    [[3, 'Open ring'], [4, 'Half closed'], [5, 'Three points'], [6, 'Flat'], [7, 'Far east'], [8, 'Not a number'], [9, 'Infinite']],
  );
  const reasons = r.report!.bad_features.map((b) => b.reason);
  assert.match(reasons[1]!, /not closed/, 'first and last share only the longitude: not closed');
  assert.match(reasons[2]!, /has 3 positions; a ring needs at least 4/);
  assert.match(reasons[3]!, /no area/);
  assert.match(reasons[4]!, /\(1000000000, 39\.\d+\) is outside longitude\/latitude/);
  assert.match(reasons[6]!, /Infinity/);
  assert.equal(readDefaultLayer(r.out).counties.length, 3);
  const text = await cli('geo', 'import', fixture('bad-features.geojson'), '--out', join(scratch(), 'o.json'), '--min-match', '3');
  assert.match(text.out, /Bad features, skipped \(7\):\n {2}#3 "Open ring": outer ring is not closed/);
  assert.doesNotMatch(text.out + text.err, /\n\s+at /);
});

test('latitude/longitude swapped is said as such; projected metres keep the reproject error', async () => {
  const r = await cli('geo', 'import', fixture('swapped.geojson'), '--out', join(scratch(), 'o.json'));
  assert.equal(r.code, 1);
  assert.match(r.err, /swapped\.geojson: latitude and longitude are swapped: feature #0 starts at \(41\.\d+, 127\.\d+\), a latitude first.*GeoJSON puts longitude first/);
  assert.doesNotMatch(r.err, /reproject/);
  const dir = scratch();
  const metres = join(dir, 'web-mercator.geojson');
  const sq = (x: number, y: number) => [[[x, y], [x + 5000, y], [x + 5000, y + 5000], [x, y + 5000], [x, y]]];
  writeFileSync(metres, JSON.stringify({ type: 'FeatureCollection', features: [14e6, 14.1e6].map((x) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: sq(x, 4.7e6) } })) }));
  const m = await cli('geo', 'import', metres, '--out', join(dir, 'o.json'));
  assert.equal(m.code, 1);
  assert.match(m.err, /look like projected metres \(EPSG:3857 or a national grid\): reproject to WGS 84 \(EPSG:4326\) first/);
});

test('feature ids that are Wikidata ids or bare OSM relation numbers are used, also through --id-field id', async () => {
  for (const flags of [[], ['--id-field', 'id']]) {
    const r = await importJson(fixture('feature-ids.geojson'), '--min-match', '6', ...flags);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual([r.report!.by_method.wikidata, r.report!.by_method.osm], [3, 3]);
  }
});

test('EUC-KR text is decoded and its Hangul names match; bytes in no known encoding are refused, naming the encodings', async () => {
  const r = await importJson(fixture('euc-kr.geojson'), '--min-match', '3');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.report!.encoding, 'EUC-KR (CP949)');
  assert.equal(r.report!.matched, 3);
  const text = await cli('geo', 'import', fixture('euc-kr.geojson'), '--out', join(scratch(), 'o.json'), '--min-match', '3');
  assert.match(text.out, /euc-kr\.geojson: 3 polygon features \(GeoJSON, decoded from EUC-KR \(CP949\)\)/);
  const bad = await cli('geo', 'import', fixture('latin1.geojson'), '--out', join(scratch(), 'o.json'));
  assert.equal(bad.code, 1);
  assert.match(bad.err, /latin1\.geojson: not UTF-8 text \(invalid byte 0xe9 at byte \d+\) and not EUC-KR\/CP949 Korean text either; save it as UTF-8/);
  assert.doesNotMatch(bad.err, /similar:|\ufffd/);
});

test('GADM-style file: former names match and are marked, the water body is not a county, the licence is stated', async () => {
  const r = await importJson(fixture('gadm-style.geojson'), '--min-match', '5');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.report!.source, 'gadm');
  const former = Object.fromEntries(r.report!.matches.filter((m) => m.former).map((m) => [m.county, m.former]));
  assert.deepEqual(former, { 'kp-north-hamgyong-kyonghung': 'Ŭndŏk', 'kp-north-hamgyong-kyongwon': 'Saebyŏl', 'kp-north-hamgyong-myonggan': 'Hwasŏng' });
  assert.deepEqual(r.report!.not_counties, [{ feature: 5, reason: 'water body (TYPE_2 "Water body")' }]);
  const text = await cli('geo', 'import', fixture('gadm-style.geojson'), '--out', join(scratch(), 'o.json'), '--min-match', '5');
  assert.match(text.out, /looks like: GADM\nGADM licence: non-commercial use only, and the data may not be redistributed/);
  assert.match(text.out, /Matched by a former name \(3\).*:\n {2}#0 "Ŭndŏk": Kyonghung \(경흥군\), North Hamgyong \[kp-north-hamgyong-kyonghung\], formerly "Ŭndŏk"/);
  assert.match(text.out, /Not counties, skipped \(1\):\n {2}#5 "Water body": water body/);
});

test('a province field whose values name no province is reported as useless', async () => {
  const text = await cli('geo', 'import', fixture('useless-province-field.geojson'), '--out', join(scratch(), 'o.json'), '--min-match', '3');
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /Province field ADM1_EN: none of its values names a first-level unit \("Region 1", "Region 2", "Region 3"\); it was not used/);
});

test('a FIFO, /dev/zero and an oversized file are refused at once by geo import and by --geo', async () => {
  const dir = scratch();
  const fifo = join(dir, 'pipe.geojson');
  let fifos = true;
  try {
    execFileSync('mkfifo', [fifo]);
  } catch {
    fifos = false;
  }
  const huge = join(dir, 'huge.topo.json');
  writeFileSync(huge, '');
  truncateSync(huge, 300 * 1024 * 1024); // sparse
  const cases: [string, RegExp][] = [
    ['/dev/zero', /cannot read \/dev\/zero: it is a character device, not a regular file/],
    [huge, /over the \d+ MB limit/],
    ...(fifos ? [[fifo, /it is a FIFO \(named pipe\), not a regular file/] as [string, RegExp]] : []),
  ];
  for (const [file, message] of cases) {
    const imported = await cli('geo', 'import', file, '--out', join(dir, 'o.json'));
    assert.equal(imported.code, 1, file);
    assert.match(imported.err, message);
    const geo = await cli('export', '--geo', file, '--format', 'txt', '-o', join(dir, 'map.txt'));
    assert.equal(geo.code, 1, file);
    assert.match(geo.err, message);
    assert.equal(existsSync(join(dir, 'map.txt')), false);
  }
});
