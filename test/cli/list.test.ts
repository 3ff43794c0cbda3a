import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli } from '../helpers/cli.js';

interface Row {
  id: string;
  name_en: string;
  name_ko: string;
  province: string;
  year: number;
  status: string;
  contested: boolean;
}

async function json(...args: string[]): Promise<Row[]> {
  const r = await cli('list', '--format', 'json', ...args);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as Row[];
}

test('each full batch lists 20 sites with the documented fields', async () => {
  for (const year of ['2024', '2025']) {
    const rows = await json('--year', year, '--as-of', '2026-06-01');
    assert.equal(rows.length, 20, `year ${year}`);
    for (const row of rows) {
      for (const key of ['id', 'name_en', 'name_ko', 'province', 'year', 'status', 'contested'] as const) {
        assert.ok(key in row, `${row.id} lacks ${key}`);
      }
      assert.equal(row.year, Number(year));
    }
  }
});

test('by 12 Feb 2025 the 2024 batch is inaugurated except Tongsin, whose report is dated only "Feb 2025"; on 1 Jan 2025 only one was', async () => {
  const built = ['inaugurated', 'operating', 'underproducing', 'operating_for_show', 'disrupted'];
  const after = await json('--year', '2024', '--as-of', '2025-02-12');
  assert.equal(after.length, 20);
  assert.deepEqual(after.filter((r) => !built.includes(r.status)).map((r) => r.id), ['tongsin'], 'a month-dated source counts as known only once its month is out');
  const feb = await json('--year', '2024', '--as-of', '2025-02-28');
  assert.ok(feb.every((r) => built.includes(r.status)), JSON.stringify(feb.map((r) => [r.id, r.status])));
  const before = await json('--year', '2024', '--as-of', '2025-01-01', '--status', 'inaugurated');
  assert.deepEqual(before.map((r) => r.id), ['songchon']);
});

test('filters: province by any spelling, status, and as-of before a batch was known', async () => {
  const np = await json('--province', 'N. Phyongan', '--year', '2024');
  assert.deepEqual(np.map((r) => r.id).sort(), ['kujang', 'kusong', 'unsan-north-pyongan']);
  const hangul = await json('--province', '평안북도', '--year', '2024');
  assert.equal(hangul.length, 3);
  assert.deepEqual(await json('--year', '2026', '--as-of', '2025-06-01'), [], '2026 sites were not known in mid-2025');
  const contested = await json('--status', 'contested', '--as-of', '2025-09-30');
  assert.ok(contested.some((r) => r.id === 'kimhyongjik'), 'Kim Hyong Jik is contested after the August 2025 reports');
});

test('table output aligns Hangul and marks contested sites', async () => {
  const r = await cli('list', '--year', '2024', '--as-of', '2025-09-30');
  assert.equal(r.code, 0);
  const lines = r.out.split('\n');
  assert.match(lines[0]!, /^Year +Province +Site +한글 +Status +Since +Says who +Flags$/);
  const kim = lines.find((l) => l.includes('김형직군'));
  assert.match(kim!, / ! \?$/, 'Flags: contested, uncertain (the dashboard list uses the same marks)');
  assert.match(r.out, /20 sites as of 2025-09-30 \(what was known then\); latest report 2025-0\d-\d\d\.\n\d+ contested .*; \d+ stale/);
  // Rodong's claim describes April to 18 Aug; Daily NK's report describes August and follows it.
  assert.match(kim!, /far below capacity \(reported\) .* \?$/, 'the August report (uncertain: overlapped by the April–August claim)');
});

test('csv has a header and one line per site', async () => {
  const r = await cli('list', '--format', 'csv', '--year', '2025');
  assert.equal(r.code, 0);
  const lines = r.out.trim().split('\n');
  assert.equal(
    lines[0],
    'id,name_en,name_ko,province,year,role,status,strength,stale,label,since,period_start,period_end,published,newest_evidence,claimed_by,contested,uncertain,sources,as_of,hindsight,stale_after_months,latest_report',
  );
  assert.equal(lines.length, 21);
});

test('json and csv carry strength, staleness, both dates and the latest report', async () => {
  const rows = (await json('--year', '2024', '--as-of', '2026-11-30')) as unknown as Record<string, unknown>[];
  const khj = rows.find((r) => r.id === 'kimhyongjik')!;
  assert.equal(khj.stale, true);
  assert.equal(khj.strength, 'reported');
  assert.equal(khj.label, 'far below capacity (reported, stale)');
  assert.equal(khj.published, '2025-08-31');
  assert.equal(khj.as_of, '2026-11-30');
  assert.equal(khj.hindsight, false);
  assert.match(String(khj.latest_report), /^2026-\d\d-\d\d$/);
  const csv = await cli('list', '--format', 'csv', '--year', '2024', '--as-of', '2026-11-30');
  const header = csv.out.split('\n')[0]!.split(',');
  const line = csv.out.split('\n').find((l) => l.startsWith('kimhyongjik,'))!;
  assert.equal(line.split(',')[header.indexOf('stale')], 'true');
  assert.ok(line.includes(',"far below capacity (reported, stale)",'), line);
});

test('--hindsight shows today\'s knowledge of the day; a day after today is refused', async () => {
  const known = await json('--year', '2024', '--as-of', '2025-06-30');
  const hind = await json('--year', '2024', '--as-of', '2025-06-30', '--hindsight');
  assert.equal(known.find((r) => r.id === 'kimhyongjik')!.status, 'operating');
  assert.equal(hind.find((r) => r.id === 'kimhyongjik')!.status, 'disrupted');
  const table = await cli('list', '--year', '2024', '--as-of', '2025-06-30', '--hindsight');
  assert.match(table.out, /as of 2025-06-30 in HINDSIGHT \(today's knowledge of that day\)/);
  const future = await cli('list', '--as-of', '2999-01-01');
  assert.equal(future.code, 2);
  assert.match(future.err, /--as-of: 2999-01-01 is after today/);
});

test('bad flags and values are usage errors with exit 2', async () => {
  for (const args of [['--colour'], ['--status', 'fine'], ['--format', 'xml'], ['--as-of', '2025-02-30'], ['--year', 'next'], ['--province', 'Atlantis'], ['--stale-after', 'soon'], ['--stale-after', '-1']]) {
    const r = await cli('list', ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /^nk20x10: /);
    assert.match(r.err, /Usage: nk20x10 list/);
  }
});
