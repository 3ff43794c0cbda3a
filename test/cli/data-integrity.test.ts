/**
 * Checks on the bundled data that the schema cannot express: source ids that claim a date,
 * citations that predate what they support, unsourced status claims, the complete 2026 batch,
 * name traps, and the fact-check fixes of issue 10. The YAML is read directly (not through the
 * model), so these hold whatever the status rules become.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

type Rec = Record<string, unknown>;
interface SourceRec {
  id: string;
  outlet: string;
  date: string;
  url?: string;
  kind: string;
  note?: string;
}

const read = (file: string) => parseYaml(readFileSync(file, 'utf8')) as Rec;
const sources = (read(join(DEFAULT_DATA_DIR, 'sources.yaml')).sources as SourceRec[]).reduce(
  (m, s) => m.set(s.id, s),
  new Map<string, SourceRec>(),
);
const countyFiles = readdirSync(join(DEFAULT_DATA_DIR, 'counties'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, doc: read(join(DEFAULT_DATA_DIR, 'counties', f)) }));
const policy = read(join(DEFAULT_DATA_DIR, 'policy.yaml'));

/** First and last day a date form covers: `2025`, `2025-02`, `2025-02-11` or `A/B`. */
function bounds(date: string): { start: string; end: string } {
  // "since D" (a period from D to the report): for this check, the fact starts at D.
  const [a, b = a] = String(date).replace(/^since /, '').split('/');
  const first = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
  const monthEnd = (d: string) => `${d}-${new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).getUTCDate()}`;
  const last = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? monthEnd(d) : d);
  return { start: first(a!), end: last(b!) };
}

/** Every dated record in the data with the source ids it cites, labelled for messages. */
function datedRecords(): { where: string; date: string; sources: string[]; rec: Rec; kind: string }[] {
  const out: { where: string; date: string; sources: string[]; rec: Rec; kind: string }[] = [];
  const cited = (r: Rec) => (Array.isArray(r.sources) ? (r.sources as string[]) : r.source ? [r.source as string] : []);
  const add = (where: string, kind: string, list: unknown) => {
    for (const [i, r] of ((list as Rec[] | undefined) ?? []).entries()) {
      if (r.date !== undefined) out.push({ where: `${where}[${i}]`, date: String(r.date), sources: cited(r), rec: r, kind });
    }
  };
  for (const { file, doc } of countyFiles) {
    for (const key of ['milestones', 'observations', 'prices', 'quotes']) add(`${file} ${key}`, key, doc[key]);
    for (const f of (doc.facilities as Rec[] | undefined) ?? []) add(`${file} ${String(f.id)}.observations`, 'observations', f.observations);
  }
  add('policy.yaml timeline', 'timeline', policy.timeline);
  add('policy.yaml claims', 'claims', policy.claims);
  return out;
}

test('a source id that carries a date agrees with the date its record gives', () => {
  const wrong: string[] = [];
  for (const s of sources.values()) {
    const m = /(\d{4})-(\d{2})(?:-(\d{2}))?(?=-|$)/.exec(s.id);
    if (!m) continue;
    const claimed = m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
    if (!String(s.date).startsWith(claimed)) wrong.push(`${s.id}: record says ${s.date}`);
  }
  assert.deepEqual(wrong, []);
});

test('no citation predates the fact it supports', () => {
  const early: string[] = [];
  for (const r of datedRecords()) {
    const fact = bounds(r.date);
    for (const id of r.sources) {
      const s = sources.get(id);
      assert.ok(s, `${r.where} cites unknown ${id}`);
      if (bounds(s.date).end < fact.start) early.push(`${r.where} (${r.date}) cites ${id} (${s.date})`);
    }
  }
  assert.deepEqual(early, []);
});

test('a status statement resting only on sources without a URL is marked uncertain', () => {
  const unmarked: string[] = [];
  const setsStatus = (r: Rec, kind: string) =>
    kind === 'observations' || kind === 'claims' || (kind === 'milestones' && (r.status !== undefined || ['selected', 'groundbreaking', 'inauguration'].includes(String(r.type))));
  for (const r of datedRecords()) {
    if (!setsStatus(r.rec, r.kind)) continue;
    if (r.sources.every((id) => !sources.get(id)?.url) && r.rec.uncertain !== true) unmarked.push(r.where);
  }
  assert.deepEqual(unmarked, []);
  // The case the fact-check found: Kimhwa's only "operating" statement, from an unidentified page.
  const kimhwa = countyFiles.find((c) => c.file === 'kimhwa.yaml')!.doc;
  const operating = (kimhwa.observations as Rec[]).filter((o) => o.status === 'operating');
  assert.equal(operating.length, 1);
  assert.equal(operating[0]!.uncertain, true);
  assert.match(String(operating[0]!.note), /unidentified/);
});

test('every source can be checked: it has a URL, or a note saying where it is read and why there is none; a quote read on a mirror names it', () => {
  const bare = [...sources.values()].filter((s) => !s.url && !s.note?.trim()).map((s) => s.id);
  assert.deepEqual(bare, []);
  // A URL mentioned only inside the note is a URL the app cannot show: it belongs in `url`.
  const hidden = [...sources.values()].filter((s) => !s.url && /https?:\/\//.test(s.note ?? '')).map((s) => s.id);
  assert.deepEqual(hidden, [], 'sources whose only URL is in the note');
});

test('researchers are quoted in the analyst voice, not as outside reports of fact', () => {
  const researchers = [...sources.values()].filter((s) => /KINU|Institute for National Unification/.test(s.outlet));
  assert.ok(researchers.some((s) => /Jo Han-bum/.test(s.outlet)));
  for (const s of researchers) assert.equal(s.kind, 'analyst', s.id);
});

test("Chosun Sinbo's 12 inaugurated by 30 Jan 2025 is flagged against the data's own 13", () => {
  const by30Jan = countyFiles.filter(({ doc }) =>
    doc.year === 2024 &&
    ((doc.milestones as Rec[]) ?? []).some((m) => m.type === 'inauguration' && !m.facilities && bounds(String(m.date)).end <= '2025-01-30'),
  );
  assert.equal(by30Jan.length, 13);
  const flag = (policy.timeline as Rec[]).find((t) => /12/.test(String(t.title)) && /13/.test(String(t.title)));
  assert.ok(flag, 'a timeline entry states both counts');
  assert.equal(flag.uncertain, true);
  assert.deepEqual([...(flag.sources as string[])].sort(), ['chosun-sinbo-2025-02-04', 'chosun-sinbo-2025-02-11']);
});

const BATCH_2026 = [
  'hwapyong', 'kangnam', 'maengsan', 'musan', 'myonggan', 'phanmun', 'phyonggang', 'pongsan', 'pyongwon', 'ragwon',
  'riwon', 'samsu', 'sijung', 'sinhung', 'sinphyong', 'sonchon', 'songhwa', 'taean', 'tongchon', 'unnyul',
];

test('list --year 2026 --format json has all 20 counties and districts; the Sinuiju farm area is related', async () => {
  const r = await cli('list', '--year', '2026', '--format', 'json');
  assert.equal(r.code, 0, r.err);
  const rows = JSON.parse(r.out) as { id: string; role: string; year: number; sources: string[] }[];
  assert.deepEqual(rows.map((x) => x.id).sort(), BATCH_2026);
  for (const row of rows) {
    assert.equal(row.role, 'batch');
    assert.equal(row.year, 2026);
    assert.ok(row.sources.length > 0, `${row.id} cites its groundbreaking`);
  }
  const all = JSON.parse((await cli('list', '--year', '2026', '--role', 'all', '--format', 'json')).out) as { id: string; role: string }[];
  assert.deepEqual(all.filter((x) => !BATCH_2026.includes(x.id)).map((x) => [x.id, x.role]), [['sinuiju-greenhouse-farm', 'related']]);
});

test('every 2026 site has a groundbreaking between 29 Jan and 9 Feb 2026, each with a source that has a URL', () => {
  for (const id of BATCH_2026) {
    const doc = countyFiles.find((c) => c.doc.id === id)!.doc;
    const gb = (doc.milestones as Rec[]).find((m) => m.type === 'groundbreaking' && bounds(String(m.date)).start >= '2026-01-01');
    assert.ok(gb, `${id} has a 2026 groundbreaking`);
    const { start, end } = bounds(String(gb.date));
    assert.ok(start >= '2026-01-29' && end <= '2026-02-09', `${id}: ${String(gb.date)}`);
    assert.ok((gb.sources as string[]).some((s) => sources.get(s)?.url?.startsWith('http')), id);
  }
});

test('name traps: Sonchon is not Songchon, Sinphyong is not Sinpho, in every script', async () => {
  const cases: [string, string][] = [
    ['Sonchon', 'sonchon'], ['선천군', 'sonchon'], ['Seoncheon', 'sonchon'], ['Sŏnch’ŏn-gun', 'sonchon'],
    ['Songchon', 'songchon'], ['성천군', 'songchon'], ['Seongcheon', 'songchon'],
    ['Sinphyong', 'sinphyong'], ['Sinpyong', 'sinphyong'], ['신평군', 'sinphyong'],
    ['Sinpho', 'sinpho'], ['Sinpo', 'sinpho'], ['신포시', 'sinpho'],
    ['Hwaphyong', 'hwapyong'], ['Hwapyong', 'hwapyong'], ['Phyongwon', 'pyongwon'], ['Pyongwon', 'pyongwon'],
    ['Ragwon', 'ragwon'], ['Rakwon', 'ragwon'], ['락원군', 'ragwon'], ['낙원군', 'ragwon'],
    ['Tongchon', 'tongchon'], ['Thongchon', 'tongchon'],
  ];
  for (const [query, id] of cases) {
    const r = await cli('show', query, '--format', 'json');
    assert.equal(r.code, 0, `${query}: ${r.err}`);
    assert.equal((JSON.parse(r.out) as { id: string }).id, id, query);
  }
  // A name that really is shared is refused, naming both places, never guessed.
  const unsan = await cli('show', 'Unsan');
  assert.equal(unsan.code, 2);
  assert.match(unsan.err, /"Unsan" is ambiguous: .*운산군.*은산군/);
});

test("Sinpho's December 2024 offshore farm does not make the 2025 site inaugurated before its own opening", async () => {
  const status = async (asOf: string) => {
    const r = await cli('show', 'Sinpho', '--as-of', asOf, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    return (JSON.parse(r.out) as { status: { status: string } | null }).status?.status ?? null;
  };
  assert.equal(await status('2025-01-15'), null);
  assert.equal(await status('2025-06-30'), 'under_construction');
  assert.equal(await status('2025-12-31'), 'inaugurated');
  // Sepho too broke ground in February 2025.
  const sepho = JSON.parse((await cli('show', 'Sepho', '--as-of', '2025-06-30', '--format', 'json')).out) as { status: { status: string } | null };
  assert.equal(sepho.status?.status, 'under_construction');
});

test('source names users see carry no seed placeholder and no relay inside the outlet (issue 12)', () => {
  // outlet, via and title are drawn wherever a source is named ("Daily NK via Business Insider Polska");
  // seed numbers and working notes belong in `note`.
  const raw = read(join(DEFAULT_DATA_DIR, 'sources.yaml')).sources as (SourceRec & { via?: string; title?: string })[];
  const bad: string[] = [];
  for (const s of raw) {
    for (const [field, value] of [['outlet', s.outlet], ['via', s.via], ['title', s.title]] as const) {
      if (value === undefined) continue;
      if (/\bseed\b|https?:\/\/|\(no URL/i.test(value)) bad.push(`${s.id}.${field}: ${value}`);
    }
    if (/\(via\b|\bvia\s/i.test(s.outlet)) bad.push(`${s.id}.outlet names a relay (use via): ${s.outlet}`);
    if (/^Unidentified/.test(s.outlet)) bad.push(`${s.id}.outlet: ${s.outlet} (write "unidentified website")`);
  }
  assert.deepEqual(bad, []);
  // Seed 001 is The Asia Review's rewrite (research/20x10-facts-2026.md: 31 Aug 2025, https://theasiareview.com/?p=10412).
  const rewrite = raw.find((s) => s.id === 'rewrite-2025-08-31-kimhyongjik');
  assert.equal(rewrite?.outlet, 'The Asia Review');
  assert.equal(rewrite?.url, 'https://theasiareview.com/?p=10412');
});
