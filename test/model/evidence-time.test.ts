/**
 * The bundled data read honestly about time and strength (issue 10): what was known on a day,
 * hindsight, vague dates, outside reports of production for show, staleness.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDataset } from '../../src/load/dataset.js';
import { listSites, summarizeSite } from '../../src/model/site-summary.js';
import { siteStatusAt } from '../../src/model/status.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';

const dataset = loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR });
const site = (id: string) => {
  const s = dataset.sites.find((x) => x.id === id);
  assert.ok(s, id);
  return s;
};

test('Kim Hyong Jik at 2025-06-30 is not "operating" from the August 2025 report', () => {
  const at = siteStatusAt(site('kimhyongjik'), '2025-06-30')!;
  assert.ok(!at.basis.sources.includes('dailynk-2025-08-kimhyongjik'), `rests on ${at.basis.sources.join(', ')}`);
  assert.ok(at.basis.published.end <= '2025-06-30');
  assert.equal(summarizeSite(dataset, site('kimhyongjik'), '2025-06-30')!.label, 'operating (state claim)', 'only the March state claim was public');
  // In hindsight the same report's "since April" shutdown covers 30 June.
  const later = siteStatusAt(site('kimhyongjik'), { asOf: '2025-06-30', hindsight: true })!;
  assert.equal(later.status, 'disrupted');
  assert.deepEqual(later.basis.sources, ['dailynk-2025-08-kimhyongjik']);
  assert.equal(later.basis.date.start, '2025-04-01');
  assert.equal(later.basis.published.text, '2025-08');
  assert.equal(later.contested, true);
});

test('Kujang and Kusong at 2025-06-30 are not "operating" on the outside report: operating for show, contested', () => {
  for (const id of ['kujang', 'kusong', 'unsan-north-pyongan']) {
    const s = summarizeSite(dataset, site(id), '2025-06-30')!;
    assert.equal(s.status, 'operating_for_show', id);
    assert.equal(s.label, 'operating for show (reported)', id);
    assert.deepEqual(s.sources, ['dailynk-2025-04-04-nyongpyong'], id);
    assert.equal(s.contested, true, `${id}: against the state "operating" claim of 24 Mar 2025`);
  }
});

test("Songchon's 2025 report is not ordered as 31 Dec: not known before its year is out, and then it overlaps the August claim", () => {
  const songchon = site('songchon');
  const report = songchon.evidence.find((e) => e.sources.includes('spn-2025-songchon-sukchon'))!;
  assert.equal(report.date.start, '2025-01-01');
  assert.equal(report.date.end, '2025-12-31');
  const autumn = siteStatusAt(songchon, '2025-09-30')!;
  assert.ok(!autumn.basis.sources.includes('spn-2025-songchon-sukchon'));
  const after = siteStatusAt(songchon, '2026-01-31')!;
  assert.equal(after.status, 'operating', 'the 18 Aug 2025 claim starts later than 1 Jan 2025');
  assert.equal(after.uncertain, true, 'but the year-long disruption report overlaps it');
  assert.match(after.uncertainReasons.join('\n'), /disrupted report \(Jan–Dec 2025\) \[spn-2025-songchon-sukchon\]/);
  assert.equal(after.contested, true);
});

test('at 2026-11-30 the 2024 sites resting only on the August 2025 claim are stale', () => {
  const rows = listSites(dataset, '2026-11-30', { roles: ['batch'], year: 2024 });
  const onClaim = rows.filter((r) => r.sources.length === 1 && r.sources[0] === 'rodong-2025-08-18');
  assert.ok(onClaim.length >= 10, `${onClaim.length} sites on the claim`);
  for (const r of onClaim) {
    assert.equal(r.stale, true, r.id);
    assert.equal(r.label, 'operating (state claim, stale)', r.id);
  }
  const fresh = listSites(dataset, { asOf: '2026-11-30', staleAfterMonths: 24 }, { roles: ['batch'], year: 2024 });
  assert.ok(fresh.every((r) => !r.stale), 'a longer threshold clears it');
});

test('at 2025-06-30 the 2024 batch claims are labelled as state claims, not as plain "operating"', () => {
  const rows = listSites(dataset, '2025-06-30', { roles: ['batch'], year: 2024 });
  const operating = rows.filter((r) => r.status === 'operating');
  assert.ok(operating.length > 0);
  for (const r of operating) assert.match(r.label, /^operating \((state claim|confirmed)/, r.id);
});
