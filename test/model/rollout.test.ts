/**
 * The roll-out model read against the bundled data (issue 12, point 3): cumulative inaugurations
 * per batch by month, what was known on a day versus hindsight, disruption markers by publication
 * month, the 200 target from the policy fact, and dates too coarse for a month kept off the curve.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDataset } from '../../src/load/dataset.js';
import { monthOf, rolloutAt, type Rollout } from '../../src/model/rollout.js';
import type { Dataset, Site, StatusEvidence } from '../../src/model/types.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';

const dataset = loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR });

function at(r: Rollout, batch: number, month: string): number {
  const s = r.series.find((x) => x.batch === batch);
  assert.ok(s, `no ${batch} series`);
  const i = r.months.indexOf(month);
  assert.ok(i >= 0, `${month} not in ${r.months[0]}…${r.months.at(-1)}`);
  return s.cumulative[i]!;
}

test('every dated inauguration milestone of a batch site is counted in its own month, once (whole data, hindsight)', () => {
  const r = rolloutAt(dataset, { asOf: '2026-11-30', hindsight: true });
  // Expected from the milestones alone: the first site-wide inauguration milestone of each batch
  // site, or, where the data has none (Kangdong), the first naming a factory (not the hospital or
  // service complex alone).
  const expected = new Map<string, number>();
  for (const site of dataset.sites.filter((s) => s.role === 'batch')) {
    const inaugurations = site.milestones.filter((m) => m.type === 'inauguration' && m.date.end <= '2026-11-30');
    const factoryIds = new Set(site.facilities.filter((f) => f.kind !== 'hospital' && f.kind !== 'service_complex').map((f) => f.id));
    const siteWide = inaugurations.filter((m) => m.facilities.length === 0);
    const first = (siteWide.length ? siteWide : inaugurations.filter((m) => m.facilities.some((id) => factoryIds.has(id))))
      .sort((a, b) => a.date.end.localeCompare(b.date.end))[0];
    if (!first) continue;
    const month = monthOf(first.date);
    assert.ok(month, `${site.id}: inauguration ${first.date.text} has no month`);
    const key = `${site.year} ${month}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const actual = new Map<string, number>();
  for (const s of r.series)
    s.cumulative.forEach((v, i) => {
      const added = v - (i > 0 ? s.cumulative[i - 1]! : 0);
      if (added) actual.set(`${s.batch} ${r.months[i]}`, added);
    });
  assert.deepEqual([...actual].sort(), [...expected].sort());
  assert.equal([...expected.values()].reduce((a, b) => a + b, 0), 40, 'the data has 40 dated batch inaugurations');
});

test('the 2024 batch reaches 20 in February 2025 (Kim Hyong Jik, 11 Feb 2025, the last); the 2025 batch 20 in December 2025', () => {
  const r = rolloutAt(dataset, { asOf: '2026-11-30' });
  assert.equal(r.months[0], '2024-12', 'Songchon, 20 Dec 2024, is the first inauguration');
  assert.equal(r.months.at(-1), '2026-11');
  assert.equal(at(r, 2024, '2024-12'), 1);
  assert.equal(at(r, 2024, '2025-01'), 14);
  assert.equal(at(r, 2024, '2025-02'), 20);
  assert.equal(at(r, 2025, '2025-11'), 0, "Kangdong's hospital (19 Nov 2025) is a facility; its factories opened 15 Dec");
  assert.equal(at(r, 2025, '2025-12'), 20);
  assert.equal(r.total[r.months.indexOf('2025-12')], 40);
  assert.deepEqual(r.series.map((s) => [s.batch, s.sites]), [[2024, 20], [2025, 20], [2026, 20]]);
  assert.equal(at(r, 2026, '2026-11'), 0);
});

test('months are consecutive and every series and the total have one value per month', () => {
  for (const asOf of ['2024-06-01', '2025-02-10', '2025-12-31', '2026-11-30']) {
    const r = rolloutAt(dataset, { asOf });
    assert.equal(r.months.at(-1), asOf.slice(0, 7), asOf);
    for (let i = 1; i < r.months.length; i++) {
      const [y, m] = r.months[i - 1]!.split('-').map(Number) as [number, number];
      assert.equal(r.months[i], m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
    }
    for (const s of r.series) assert.equal(s.cumulative.length, r.months.length);
    assert.deepEqual(r.total, r.months.map((_, i) => r.series.reduce((n, s) => n + s.cumulative[i]!, 0)));
  }
});

test('pilot (Kimhwa 2022) and related sites (Unsan paper mill, Sinuiju greenhouse farm) never count toward the target', () => {
  const r = rolloutAt(dataset, { asOf: '2026-11-30', hindsight: true });
  assert.deepEqual(r.series.map((s) => s.batch), [2024, 2025, 2026]);
  assert.equal(r.total.at(-1), 40, 'the paper mill (28 Dec 2025) is not a 41st');
});

test('the target is the policy fact target-total (200), with its sources', () => {
  const r = rolloutAt(dataset, { asOf: '2026-11-30' });
  const fact = dataset.policy.facts.get('target-total')!;
  assert.equal(r.target, 200);
  assert.equal(r.target, fact.value);
  assert.deepEqual(r.target_sources, fact.sources);
});

test('as of 10 Feb 2025: 17 known; hindsight adds Tongsin (published "Feb 2025") and Ichon (published 11 Feb)', () => {
  const known = rolloutAt(dataset, { asOf: '2025-02-10' });
  const hind = rolloutAt(dataset, { asOf: '2025-02-10', hindsight: true });
  assert.equal(at(known, 2024, '2025-02'), 17);
  assert.equal(at(hind, 2024, '2025-02'), 19);
  assert.equal(hind.hindsight, true);
  assert.equal(known.hindsight, false);
  // Kim Hyong Jik's 11 Feb inauguration is after the day: not counted even in hindsight.
  assert.ok(at(hind, 2024, '2025-02') < 20);
});

test('before any inauguration: one month, zero, and only the batches known by then', () => {
  const r = rolloutAt(dataset, { asOf: '2024-06-01' });
  assert.deepEqual(r.months, ['2024-06']);
  assert.deepEqual(r.total, [0]);
  assert.deepEqual(r.series.map((s) => s.batch), [2024], 'the 2025 and 2026 batches were not yet known');
  assert.deepEqual(r.markers, []);
});

test('disruption markers: Daily NK on Kujang, Kusong and Unsan (Apr 2025), on Kim Hyong Jik (Aug 2025); none before they were published', () => {
  const r = rolloutAt(dataset, { asOf: '2026-11-30' });
  const byMonth = r.markers.map((m) => `${m.month} ${m.site_id} ${m.status} ${m.outlet}`);
  assert.deepEqual(byMonth, [
    // The relay outlet is kept, as on every source line.
    '2025-04 kujang operating_for_show Daily NK via The Press United (mirror)',
    '2025-04 kusong operating_for_show Daily NK via The Press United (mirror)',
    '2025-04 unsan-north-pyongan operating_for_show Daily NK via The Press United (mirror)',
    '2025-08 kimhyongjik disrupted Daily NK via europesays.com (mirror)',
    '2025-08 kimhyongjik underproducing Daily NK via europesays.com (mirror)',
  ]);
  for (const m of r.markers) assert.ok(m.source_ids.length > 0 && m.claimed_by !== 'state_media');
  // The August report describes disruption "since April 2025": it is a marker in August (when it
  // became public), and not before, even in hindsight.
  for (const hindsight of [false, true]) {
    const july = rolloutAt(dataset, { asOf: '2025-07-31', hindsight });
    assert.deepEqual(july.markers.map((m) => m.site_id), ['kujang', 'kusong', 'unsan-north-pyongan'], `hindsight ${hindsight}`);
  }
});

test('reports published only as "2025" (SPN on Songchon and Sukchon) are not placed on a month but listed as undated', () => {
  const r = rolloutAt(dataset, { asOf: '2026-11-30' });
  const undated = (r.undated ?? []).map((u) => `${u.kind} ${u.site_id} ${u.date_text}`);
  assert.deepEqual(undated, ['disruption songchon 2025', 'disruption sukchon 2025']);
  assert.ok(!r.markers.some((m) => m.site_id === 'songchon' || m.site_id === 'sukchon'));
  // Sukchon's dated ceremony (8 Jan 2025) still dates its inauguration: the year-only report does not.
  assert.equal(at(rolloutAt(dataset, { asOf: '2026-11-30', hindsight: true }), 2024, '2025-01'), 14);
});

test('an inauguration known only to the year is counted as undated, not on a month', () => {
  const yearOnly = (e: StatusEvidence): StatusEvidence =>
    e.origin === 'milestone' && e.status === 'inaugurated' ? { ...e, date: { text: '2024', precision: 'year', start: '2024-01-01', end: '2024-12-31' } } : e;
  const edited: Dataset = {
    ...dataset,
    sites: dataset.sites.map((s): Site => (s.id === 'songchon' ? { ...s, evidence: s.evidence.map(yearOnly) } : s)),
  };
  const r = rolloutAt(edited, { asOf: '2026-11-30', hindsight: true });
  const s2024 = r.series.find((s) => s.batch === 2024)!;
  assert.equal(s2024.cumulative.at(-1), 19);
  assert.equal(s2024.undated, 1);
  assert.ok((r.undated ?? []).some((u) => u.kind === 'inauguration' && u.site_id === 'songchon' && u.date_text === '2024'));
  assert.equal(r.months[0], '2025-01', 'nothing plotted in December 2024 any more');
});

test('monthOf: a day, a month or a range within a month has a month; a year or a range across months does not', () => {
  const span = (text: string, precision: 'day' | 'month' | 'year' | 'range' | 'since', start: string, end: string) => ({ text, precision, start, end });
  assert.equal(monthOf(span('2025-02-11', 'day', '2025-02-11', '2025-02-11')), '2025-02');
  assert.equal(monthOf(span('2025-02', 'month', '2025-02-01', '2025-02-28')), '2025-02');
  assert.equal(monthOf(span('2024-03-06/2024-03-10', 'range', '2024-03-06', '2024-03-10')), '2024-03');
  assert.equal(monthOf(span('2025-12/2026-01', 'range', '2025-12-01', '2026-01-31')), undefined);
  assert.equal(monthOf(span('2025', 'year', '2025-01-01', '2025-12-31')), undefined);
  assert.equal(monthOf(span('since 2025-04', 'since', '2025-04-01', '2025-08-31')), '2025-04');
  assert.equal(monthOf(span('since 2025', 'since', '2025-01-01', '2025-08-31')), undefined);
});

test("the header's 'Inaugurated N of 200' and the timeline count the same sites on every evidence day, known-then and hindsight", async () => {
  const { progressAt } = await import('../../src/view/progress.js');
  const { evidenceDates } = await import('../../src/model/status.js');
  // Kangdong has no site-wide inauguration (its hospital opened 19 Nov 2025, factories 15 Dec):
  // the header once counted 39 where the chart counted 40.
  let checked = 0;
  for (const asOf of evidenceDates(dataset.sites).filter((d) => d >= '2024-01-01' && d <= '2026-11-30')) {
    for (const hindsight of [false, true]) {
      const r = rolloutAt(dataset, { asOf, hindsight });
      const chart = r.series.reduce((n, s) => n + (s.cumulative[s.cumulative.length - 1] ?? 0) + (s.undated ?? 0), 0);
      assert.equal(progressAt(dataset, { asOf, hindsight }).inaugurated, chart, `${asOf}${hindsight ? ' hindsight' : ''}`);
      checked++;
    }
  }
  assert.ok(checked > 100, String(checked));
  assert.equal(progressAt(dataset, '2025-12-31').inaugurated, 40);
});
