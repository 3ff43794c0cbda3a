/**
 * The gap rows (model/gap.ts) on the bundled data: the documented order, both sides of the main
 * contested site, the relay kept in outlets, what a lens knows and hindsight, state-only sites.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDataset } from '../../src/load/dataset.js';
import { compareGapRows, gapRows, monthsBetween, type GapRow } from '../../src/model/gap.js';
import { listSites } from '../../src/model/site-summary.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';

const dataset = loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR });
const byId = (rows: GapRow[], id: string) => rows.find((r) => r.site_id === id)!;

test('order: contested first, then oldest newest-outside report, sites with no outside report last, ties by name', () => {
  for (const asOf of ['2025-06-30', '2025-09-30', '2026-11-30']) {
    const rows = gapRows(dataset, { asOf });
    const contested = rows.filter((r) => r.contested);
    assert.ok(contested.length > 0, asOf);
    assert.deepEqual(rows.slice(0, contested.length), contested, `${asOf}: contested rows come first`);
    for (const group of [contested, rows.filter((r) => !r.contested)]) {
      const withOutside = group.filter((r) => r.newest_outside !== null);
      assert.deepEqual(group.slice(0, withOutside.length), withOutside, `${asOf}: rows with no outside report come last`);
      const keys = withOutside.map((r) => r.newest_outside!);
      assert.deepEqual(keys, [...keys].sort(), `${asOf}: oldest outside evidence first`);
      for (let i = 1; i < group.length; i++) {
        const [a, b] = [group[i - 1]!, group[i]!];
        if (a.newest_outside === b.newest_outside) assert.ok(a.name_en.localeCompare(b.name_en) <= 0, `${a.name_en} before ${b.name_en}`);
      }
    }
    for (let i = 1; i < rows.length; i++) assert.ok(compareGapRows(rows[i - 1]!, rows[i]!) < 0, `${asOf}: strict order at ${i}`);
    // The same sites as `list` (batch and pilot, known on the day) and the same contested flags.
    const listed = listSites(dataset, { asOf }, { roles: ['batch', 'pilot'] });
    assert.deepEqual(rows.map((r) => r.site_id).sort(), listed.map((s) => s.id).sort());
    assert.equal(contested.length, listed.filter((s) => s.contested).length);
  }
});

test("Kim Hyong Jik's row is contested, with the state claim and the Daily NK report side by side", () => {
  const row = byId(gapRows(dataset, { asOf: '2025-09-30' }), 'kimhyongjik');
  assert.equal(row.contested, true);
  assert.equal(row.name_ko, '김형직군');
  assert.equal(row.province_en, 'Ryanggang');
  assert.ok(row.state && row.outside);
  assert.equal(row.state.status, 'operating');
  assert.equal(row.state.claimed_by, 'state_media');
  assert.equal(row.state.label, 'operating (state claim)');
  assert.equal(row.state.published, '2025-08-18');
  assert.equal(row.state.age_months, 1);
  assert.deepEqual(row.state.source_ids, ['rodong-2025-08-18']);
  assert.match(row.state.outlet, /^Rodong Sinmun via Daily NK/, 'the relay is kept');
  assert.ok(row.state.quote && row.state.quote.length <= 160);
  assert.equal(row.outside.status, 'underproducing');
  assert.equal(row.outside.label, 'far below capacity (reported)');
  assert.equal(row.outside.date_label, 'Aug 2025');
  // The claim describes April–July; the report describes August: the report is the headline, as in list.
  assert.equal(row.status_label, 'far below capacity (reported)');
  assert.equal(row.outside.outlet, 'Daily NK via europesays.com (mirror)');
  assert.equal(row.outside.quote_from, 'quote');
  assert.match(row.outside.quote!, /provincial prosecutor's office has been inspecting/);
  assert.equal(row.outside.quote_speaker, 'Ryanggang source, to Daily NK');
  assert.equal(row.newest_outside, '2025-08-31');
});

test('every outlet is the outlet that published on the side\'s publication day, relay kept ("X via Y"); quotes are one line of at most 160 characters', () => {
  const rows = gapRows(dataset, { asOf: '2026-11-30', hindsight: true }, { roles: ['batch', 'pilot', 'related'] });
  let relayed = 0;
  for (const r of rows) {
    for (const side of [r.state, r.outside]) {
      if (!side) continue;
      // The outlet named beside a date must be the one that published on that date (Kusong's
      // hospital once read "Chosun Sinbo, published 14 Dec 2025": IANS's date, Chosun Sinbo's outlet).
      const dated = side.source_ids.map((id) => dataset.sources.get(id)!).filter((s) => s.date.end === side.published);
      const source = dated[0] ?? dataset.sources.get(side.source_ids[0]!)!;
      assert.equal(side.outlet, source.via ? `${source.outlet} via ${source.via}` : source.outlet, `${r.site_id} ${side.claimed_by}`);
      if (source.via) relayed++;
      if (side.quote !== null) {
        assert.ok([...side.quote].length <= 160, `${r.site_id}: ${side.quote.length}`);
        assert.doesNotMatch(side.quote, /[\n\r\t\u001b]/);
      }
    }
  }
  assert.ok(relayed > 0);
});

test('a lens knows only what was published by the as-of day; hindsight knows everything', () => {
  const known = byId(gapRows(dataset, { asOf: '2025-06-30' }), 'kimhyongjik');
  assert.equal(known.contested, false, 'the Daily NK report of August was not known in June');
  assert.ok(known.outside === null || known.outside.published <= '2025-06-30');
  assert.ok(known.state!.published <= '2025-06-30');
  const hind = byId(gapRows(dataset, { asOf: '2025-06-30', hindsight: true }), 'kimhyongjik');
  assert.deepEqual(hind.outside!.source_ids, ['dailynk-2025-08-kimhyongjik']);
  assert.ok(hind.outside!.age_months < 0, 'published after the as-of day');
  for (const r of gapRows(dataset, { asOf: '2025-06-30' }, { roles: ['batch', 'pilot', 'related'] })) {
    for (const side of [r.state, r.outside]) if (side) assert.ok(side.published <= '2025-06-30', r.site_id);
  }
});

test('a site with only state-media statements has no outside side and comes after every site with one', () => {
  const rows = gapRows(dataset, { asOf: '2026-11-30' });
  const taegwan = byId(rows, 'taegwan');
  assert.equal(taegwan.outside, null);
  assert.equal(taegwan.newest_outside, null);
  assert.equal(taegwan.state!.label, 'inaugurated (state claim, stale)');
  const plain = rows.filter((r) => !r.contested);
  const last = plain.findIndex((r) => r.outside === null);
  assert.ok(plain.slice(last).every((r) => r.newest_outside === null));
});

test('filters: province, year; stale per side', () => {
  const rows = gapRows(dataset, { asOf: '2026-11-30', staleAfterMonths: 6 }, { province: 'ryanggang', year: 2024 });
  assert.deepEqual(rows.map((r) => r.site_id), ['kimhyongjik']);
  assert.equal(rows[0]!.state!.stale, true);
  const never = gapRows(dataset, { asOf: '2026-11-30', staleAfterMonths: 0 }, { province: 'ryanggang', year: 2024 });
  assert.equal(never[0]!.state!.stale, false);
  assert.equal(never[0]!.state!.label, 'operating (state claim)');
});

test('monthsBetween counts whole months, negative backwards', () => {
  assert.equal(monthsBetween('2025-08-18', '2025-09-17'), 0);
  assert.equal(monthsBetween('2025-08-18', '2025-09-18'), 1);
  assert.equal(monthsBetween('2025-01-31', '2025-02-28'), 1);
  assert.equal(monthsBetween('2025-08-31', '2026-11-30'), 15);
  assert.equal(monthsBetween('2025-08-31', '2025-06-30'), -3);
  assert.equal(monthsBetween('2025-08-18', '2025-08-01'), -1);
});
