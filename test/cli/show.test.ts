import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SiteReport } from '../../src/model/site-report.js';
import { cli } from '../helpers/cli.js';

const APRIL_2025_PRICES: [string, number][] = [
  ['face soap', 2500],
  ['toothpaste', 2000],
  ['toothbrush', 1000],
  ['sneakers', 20000],
  ['corn oil', 12000],
  ['soybean oil', 15000],
  ['underwear', 8000],
];

async function report(...args: string[]): Promise<SiteReport> {
  const r = await cli('show', ...args, '--format', 'json');
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as SiteReport;
}

test('show 김형직군 includes the seven April 2025 state prices, each with its source', async () => {
  const r = await report('김형직군');
  assert.equal(r.id, 'kimhyongjik');
  for (const [item, won] of APRIL_2025_PRICES) {
    const price = r.prices.find((p) => p.item === item);
    assert.ok(price, `missing ${item}`);
    assert.equal(price.won, won);
    assert.equal(price.market, 'state');
    assert.equal(price.date, '2025-04');
    const source = r.sources.find((s) => s.id === price.source);
    assert.ok(source?.url?.startsWith('http'), `source of ${item} has a URL`);
  }
});

test('the prosecutors inspection from 12 Aug 2025 is on the Kim Hyong Jik timeline', async () => {
  const r = await report('Kim Hyong Jik', '--as-of', '2025-12-31');
  const inspection = r.timeline.find((t) => t.kind === 'inspection' && t.date === '2025-08-12');
  assert.ok(inspection, JSON.stringify(r.timeline.map((t) => [t.date, t.kind])));
  assert.equal(r.status?.contested, true);
});

test('any spelling reaches the same site', async () => {
  for (const name of ['kimhyongjik', 'Kimhyongjik', 'Kim Hyong Jik County', 'Kimhyŏngjik-kun', 'Gimhyeongjik-gun', '김형직', '金亨稷郡']) {
    assert.equal((await report(name)).id, 'kimhyongjik', name);
  }
  assert.equal((await report('Kunjang')).id, 'kujang', 'Daily NK spelling');
  assert.equal((await report('Nangnim')).id, 'rangnim', 'ROK spelling');
  assert.equal((await report('용강군')).id, 'ryonggang', 'ROK Hangul');
  assert.equal((await report('Kaephung')).id, 'kaephung', 'a district site inside Kaesong');
});

test('Unsan keeps both reported ribbon-cutting dates, each with its source', async () => {
  const r = await report('운산군');
  const inaugurations = r.timeline.filter((t) => t.kind === 'inauguration');
  assert.deepEqual(inaugurations.map((t) => t.date).sort(), ['2025-02-07', '2025-03-07']);
  assert.ok(inaugurations.every((t) => t.sources.length > 0));
  assert.ok(inaugurations.find((t) => t.date === '2025-03-07')?.uncertain);
});

test('show Unsan fails as ambiguous and names both places', async () => {
  const r = await cli('show', 'Unsan');
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /"Unsan" is ambiguous/);
  assert.match(r.err, /운산군/);
  assert.match(r.err, /은산군/);
  assert.match(r.err, /North Pyongan/);
  assert.match(r.err, /South Pyongan/);
});

test('an unknown name suggests the nearest', async () => {
  const r = await cli('show', 'Kimhyongjk');
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown place "Kimhyongjk"; did you mean "Kim Hyong Jik" \(Kim Hyong Jik County \(김형직군\), Ryanggang, 2024\)\?/);
});

test('South Korean places in Revised Romanization are unknown, not loosened into North Korean counties', async () => {
  // 부천 Bucheon (Gyeonggi) and 영월 Yeongwol (Gangwon) once resolved to Pujon 부전 and Nyongwon 녕원.
  for (const [query, near] of [['Bucheon', 'Pochon'], ['Yeongwol', 'Nyongwon']] as const) {
    const r = await cli('show', query);
    assert.equal(r.code, 2, query);
    assert.equal(r.out, '');
    assert.match(r.err, new RegExp(`unknown place "${query}"; did you mean "?${near}"? `));
  }
  // RR spellings of real counties still resolve exactly; DPRK and MR spellings still resolve loosely.
  for (const [query, id] of [['Bujeon', 'kp-south-hamgyong-pujon'], ['Gimhyeongjik', 'kp-ryanggang-kimhyongjik'], ['Jaeryeong', 'kp-south-hwanghae-chaeryong'], ['Phujon', 'kp-south-hamgyong-pujon']] as const) {
    const r = await cli('show', query);
    assert.equal(r.code, 0, `${query}: ${r.err}`);
    assert.match(r.out, new RegExp(id));
  }
});

test('text output shows status, the stance of each quote and the sources', async () => {
  const r = await cli('show', 'kimhyongjik', '--as-of', '2025-12-31');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Kim Hyong Jik/);
  assert.match(r.out, /As of 2025-12-31 \(what was known then\): FAR BELOW CAPACITY \(reported\) \(uncertain\) since Aug 2025/);
  const flat = r.out.replace(/\s+/g, ' ');
  // What each side claims, in words, with outlets (relay kept) and dates.
  assert.match(flat, /CONTESTED: state media: operating — The new factories in "20 cities and counties" achieved "remarkable growth in production and net income" from April through July \(Rodong Sinmun via Daily NK, Apr 2025 – 18 Aug 2025\) · outside report: far below capacity — Foodstuff factory: The food factory runs only about one week a month \(Daily NK via europesays\.com \(mirror\), Aug 2025\)/);
  assert.match(r.out, /── State media · outside sources, by date/);
  assert.match(flat, /\[STATE MEDIA\] inauguration, 11 Feb 2025 Inauguration of the regional-industry factories Rodong Sinmun via KCNA Watch; Yonhap via newspic\.kr/);
  assert.match(r.out, /\[OUTSIDE REPORT\] quote, Aug 2025\n/);
  assert.match(r.out, /── Sources/);
  assert.match(r.out, /dailynk-2025-08-kimhyongjik: Daily NK via europesays\.com \(mirror\), 2025-08/);
});

test('source lines name the relay outlet ("Daily NK via Business Insider Polska"); no seed placeholder reaches the text', async () => {
  const r = await cli('show', 'kusong', '--as-of', '2026-11-30');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /dailynk-2024-11-soldiers-via-businessinsider: Daily NK via Business Insider Polska, 2024-11/);
  for (const site of ['kimhyongjik', 'kimhwa', 'songchon', 'kusong']) {
    const t = await cli('show', site, '--as-of', '2026-11-30');
    assert.doesNotMatch(t.out, /\(seed \d+\)|Unidentified website/i, site);
  }
  const k = await cli('show', 'kimhyongjik', '--as-of', '2026-11-30');
  assert.match(k.out, /rewrite-2025-08-31-kimhyongjik: The Asia Review, 2025-08-31/);
});

test('show --format json: site_latest_report is the site\'s own latest report, latest_report the whole dataset\'s', async () => {
  const r = await report('kimhyongjik', '--as-of', '2026-11-30');
  assert.equal(r.site_latest_report, '2025-08-31', 'the Daily NK report of Aug 2025, published by 31 Aug');
  assert.ok(r.latest_report! > r.site_latest_report!, 'the dataset has later reports about other sites');
  const june = await report('kimhyongjik', '--as-of', '2025-06-30');
  assert.equal(june.site_latest_report, '2025-03-24', 'known on 30 June 2025: the March state claim');
  assert.ok(r.statements.some((s) => s.camp === 'state_media' && s.kind === 'inauguration' && s.outlets.includes('Rodong Sinmun via KCNA Watch')));
  const text = await cli('show', 'kimhyongjik', '--as-of', '2026-11-30');
  assert.match(text.out, /^Latest report about this site known then: 2025-08-31$/m);
  assert.match(text.out, new RegExp(`^Latest report in the whole dataset known then: ${r.latest_report}$`, 'm'));
});

test('a registry county with no program site says so', async () => {
  const r = await cli('show', 'Sariwon');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Not a 20×10 program site in this dataset/);
});

test('show --format json gives both dates, strength, staleness and the latest report; --hindsight changes the day\'s picture', async () => {
  const known = JSON.parse((await cli('show', 'kimhyongjik', '--as-of', '2025-06-30', '--format', 'json')).out);
  assert.equal(known.hindsight, false);
  assert.equal(known.status.status, 'operating');
  assert.equal(known.status.strength, 'claimed');
  assert.equal(known.status.label, 'operating (state claim)');
  assert.equal(known.status.published, '2025-03-24');
  assert.equal(known.status.stale, false);
  assert.ok(known.latest_report <= '2025-06-30');
  assert.ok(!known.timeline.some((t: { sources: string[] }) => t.sources.includes('dailynk-2025-08-kimhyongjik')), 'the August report is not on the June timeline');
  const hind = JSON.parse((await cli('show', 'kimhyongjik', '--as-of', '2025-06-30', '--hindsight', '--format', 'json')).out);
  assert.equal(hind.hindsight, true);
  assert.equal(hind.status.status, 'disrupted');
  assert.equal(hind.status.since, 'since 2025-04');
  assert.equal(hind.status.period_start, '2025-04-01');
  assert.equal(hind.status.period_end, '2025-08-31');
  assert.equal(hind.status.published, '2025-08-31');
  const text = await cli('show', 'kimhyongjik', '--as-of', '2025-06-30', '--hindsight');
  assert.match(text.out, /As of 2025-06-30 in HINDSIGHT \(today's knowledge of that day\): DISRUPTED \(reported\) \(uncertain\)\s+since Apr 2025/);
  assert.match(text.out, /Uncertain: overlaps an operating report \(Apr 2025\) \[dailynk-2025-08-kimhyongjik\]/);
});
