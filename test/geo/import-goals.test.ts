/**
 * The goals of issue 14, measured and printed (a table on stdout):
 *   wrong counties written = 0 for South Korean districts, a province layer, a whole-peninsula file
 *   (without --force), 2,000 tiny squares and all-names-right-but-shapes-shuffled;
 *   a synthetic GADM v2-style file (scripts/gadm-synthetic.ts): ≥ 176 counties matched, 0 wrong;
 *   the OSM reference: 197 of 197.
 *
 *   npx tsc -p tsconfig.json && node --test dist/test/geo/import-goals.test.js
 *
 * "Wrong" is judged against the OSM reference county polygons (../shared/reference-geo): a county
 * written with a shape less than half of which lies inside that county's real polygon, or whose
 * area is more than 3× the real one. Skipped (with the reason) when the reference files are not there.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { area, booleanPointInPolygon, intersect, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { mulberry32 } from '../../scripts/gen-large.js';
import { FIXTURE_DIR, square } from '../../scripts/geo-fixtures.js';
import { gadmSynthetic, REFERENCE_COUNTIES, REFERENCE_DIR } from '../../scripts/gadm-synthetic.js';
import { readDefaultLayer } from '../../src/geo/layer-file.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

const skip = existsSync(REFERENCE_COUNTIES) ? false : `reference-geo not present: ${REFERENCE_COUNTIES}`;
const registry = loadRegistry(DEFAULT_GEO_DIR);
const dir = mkdtempSync(join(tmpdir(), 'nk20x10-goals-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Shape = Polygon | MultiPolygon;
const feature = (geometry: Shape): Feature<Shape> => ({ type: 'Feature', properties: {}, geometry });

/** Real county polygons by registry id, from the OSM reference (joined on the relation id). */
function realCounties(): Map<string, Shape> {
  const osm = JSON.parse(readFileSync(REFERENCE_COUNTIES, 'utf8')) as FeatureCollection<Shape>;
  const byRelation = new Map(registry.counties.map((c) => [c.osm_relation, c.id]));
  const out = new Map<string, Shape>();
  for (const f of osm.features) {
    const id = byRelation.get(String(f.properties?.['@id'] ?? '').replace(/^relation\//, ''));
    if (id) out.set(id, f.geometry);
  }
  return out;
}

interface Outcome {
  code: number;
  matched: number;
  written: number;
  wrong: string[];
}

/** Imports `file` and judges every written county against its real polygon. */
async function judge(name: string, file: string, real: Map<string, Shape>, ...flags: string[]): Promise<Outcome> {
  const out = join(dir, `${name}${flags.join('')}.topo.json`);
  const r = await cli('geo', 'import', file, '--out', out, '--format', 'json', ...flags);
  assert.doesNotMatch(r.err, /\n\s+at /, `${name}: a stack trace`);
  const matched = r.out ? (JSON.parse(r.out) as { matched: number }).matched : 0;
  if (!existsSync(out)) return { code: r.code, matched, written: 0, wrong: [] };
  const written = readDefaultLayer(out).counties;
  const wrong = written
    .filter((c) => {
      const truth = real.get(c.properties.id);
      if (!truth) return true;
      if (area(c) > 3 * area(feature(truth))) return true;
      // Most of the written shape lies in the real county (simplification moves borders a little).
      try {
        const both = intersect({ type: 'FeatureCollection', features: [feature(c.geometry), feature(truth)] });
        return !both || area(both) < 0.5 * area(c);
      } catch {
        return !booleanPointInPolygon(pointOnFeature(c).geometry.coordinates, truth);
      }
    })
    .map((c) => c.properties.id);
  return { code: r.code, matched, written: written.length, wrong };
}

const rows: string[] = [];
const row = (what: string, o: Outcome, goal: string) =>
  rows.push(`  ${what.padEnd(46)} exit ${o.code}  matched ${String(o.matched).padStart(3)}  written ${String(o.written).padStart(3)}  wrong ${o.wrong.length}   (goal: ${goal})`);

after(() => {
  if (rows.length > 0) console.log(`geo import goals (wrong = written with a shape mostly outside that county's OSM polygon):\n${rows.join('\n')}`);
});

test('files that are not North Korean counties: 0 wrong counties written', { skip }, async () => {
  const real = realCounties();
  const write = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };

  const sk = await judge('sk', join(FIXTURE_DIR, 'sk-districts.geojson'), real);
  row('South Korean districts', sk, '0 wrong');
  const skForced = await judge('sk', join(FIXTURE_DIR, 'sk-districts.geojson'), real, '--force');
  row('South Korean districts, --force', skForced, '0 wrong');

  const provinces = await judge('provinces', join(REFERENCE_DIR, 'nk-adm1-provinces-osm-2020.geojson'), real);
  row('OSM province layer (13 first-level units)', provinces, '0 wrong');
  const provincesForced = await judge('provinces', join(REFERENCE_DIR, 'nk-adm1-provinces-osm-2020.geojson'), real, '--force');
  row('OSM province layer, --force', provincesForced, '0 wrong');

  const peninsula = await judge('peninsula', join(FIXTURE_DIR, 'peninsula.geojson'), real);
  row('whole peninsula', peninsula, '0 wrong without --force');
  const land = await judge('land', join(REFERENCE_DIR, 'nk-country-land-osm-geomaps-10m.geojson'), real);
  row('North Korea land outline (1 feature)', land, '0 wrong without --force');

  // 2,000 tiny squares named after counties, none holding a registry seat.
  const next = mulberry32(14);
  const squares: Feature<Polygon>[] = [];
  while (squares.length < 2000) {
    const c = registry.counties[Math.floor(next() * registry.counties.length)]!;
    const g = square(124.3 + next() * 6.3, 37.7 + next() * 5.2, 0.002 + next() * 0.008);
    if (registry.counties.some((s) => booleanPointInPolygon([s.seat.lon, s.seat.lat], g))) continue;
    squares.push({ type: 'Feature', properties: { name: c.name_en, 'name:ko': c.name_ko }, geometry: g });
  }
  const tiny = await judge('tiny', write('tiny.geojson', { type: 'FeatureCollection', features: squares }), real);
  row('2,000 tiny squares named after counties', tiny, '0 wrong');
  const tinyForced = await judge('tiny', join(dir, 'tiny.geojson'), real, '--force');
  row('2,000 tiny squares, --force', tinyForced, '0 wrong');

  // The reference with every name right but the shapes shuffled among counties (ids removed).
  const osm = JSON.parse(readFileSync(REFERENCE_COUNTIES, 'utf8')) as FeatureCollection<Shape>;
  const shuffle = next;
  const order = osm.features.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const mixed = osm.features.map((f, i) => {
    const { '@id': _id, wikidata: _q, ...names } = f.properties ?? {};
    return { type: 'Feature', properties: names, geometry: osm.features[order[i]!]!.geometry };
  });
  const shuffled = await judge('shuffled', write('shuffled.geojson', { type: 'FeatureCollection', features: mixed }), real);
  row('reference names on shuffled shapes', shuffled, '0 wrong');
  const shuffledForced = await judge('shuffled', join(dir, 'shuffled.geojson'), real, '--force');
  row('reference names on shuffled shapes, --force', shuffledForced, '0 wrong (right ones may stay)');

  for (const o of [sk, skForced, provinces, provincesForced, peninsula, land, tiny, tinyForced, shuffled, shuffledForced]) assert.deepEqual(o.wrong, []);
  for (const o of [sk, provinces, peninsula, land, tiny, shuffled]) assert.equal(o.written, 0);
});

test('a synthetic GADM v2-style file: ≥ 176 counties matched, 0 wrong; the OSM reference: 197 of 197', { skip }, async () => {
  const real = realCounties();
  const { file, truth } = gadmSynthetic(registry);
  assert.equal(file.features.length, 186);
  const input = join(dir, 'gadm-v2-synthetic.geojson');
  writeFileSync(input, JSON.stringify(file));
  const out = join(dir, 'gadm.topo.json');
  const r = await cli('geo', 'import', input, '--out', out, '--format', 'json', '--min-match', '170');
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out) as { matched: number; matches: { feature: number; county: string }[] };
  const wrongByTruth = report.matches.filter((m) => truth[m.feature] !== m.county).map((m) => `#${m.feature} → ${m.county} (is ${truth[m.feature]})`);
  const judged = await judge('gadm', input, real, '--min-match', '170');
  rows.push(`  ${'GADM v2-style synthetic (186 features)'.padEnd(46)} exit ${judged.code}  matched ${String(report.matched).padStart(3)}  written ${String(judged.written).padStart(3)}  wrong ${wrongByTruth.length}   (goal: ≥ 176 matched, 0 wrong)`);
  assert.deepEqual(wrongByTruth, []);
  assert.deepEqual(judged.wrong, []);
  assert.ok(report.matched >= 176, `only ${report.matched} matched`);

  const ref = await judge('osm', REFERENCE_COUNTIES, real);
  row('OSM reference (197 counties)', ref, '197 of 197');
  assert.equal(ref.matched, 197);
  assert.deepEqual(ref.wrong, []);
});
