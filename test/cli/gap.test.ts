/**
 * `nk20x10 gap` as a user sees it: json, csv, md and table output, exit codes and messages, CSV
 * cells a spreadsheet would run as formulas, and the --bom bytes (also for `list`).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv } from '../../src/load/csv.js';
import { csvCell } from '../../src/text/csv.js';
import { displayWidth } from '../../src/text/width.js';
import { cli, copyOfData, edit } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2025-09-30'];

test('json: one row per site, contested first, both sides, stamped with the lens', async () => {
  const r = await cli('gap', ...AS_OF, '--year', '2024', '--format', 'json');
  assert.equal(r.code, 0, r.err);
  const rows = JSON.parse(r.out) as Record<string, any>[];
  assert.equal(rows.length, 20);
  assert.equal(rows[0]!.contested, true);
  const khj = rows.find((x) => x.site_id === 'kimhyongjik')!;
  assert.equal(khj.state.label, 'operating (state claim)');
  assert.equal(khj.outside.label, 'far below capacity (reported)');
  assert.equal(khj.outside.outlet, 'Daily NK via europesays.com (mirror)');
  assert.equal(khj.as_of, '2025-09-30');
  assert.equal(khj.hindsight, false);
  assert.equal(khj.stale_after_months, 6);
});

test('csv: header, one record per site, numbers numeric, Hangul intact; --bom writes EF BB BF first', async () => {
  const r = await cli('gap', ...AS_OF, '--year', '2024', '--format', 'csv');
  assert.equal(r.code, 0, r.err);
  const [header, ...records] = parseCsv(r.out);
  assert.equal(records.length, 20);
  const col = (name: string) => header!.fields.indexOf(name);
  for (const name of ['site_id', 'name_ko', 'contested', 'uncertain', 'state_label', 'state_outlet', 'state_quote', 'outside_label', 'outside_age_months', 'newest_outside']) assert.ok(col(name) >= 0, name);
  const khj = records.find((x) => x.fields[0] === 'kimhyongjik')!.fields;
  assert.equal(khj[col('name_ko')], '김형직군');
  assert.equal(khj[col('year')], '2024');
  assert.equal(khj[col('contested')], 'true');
  assert.equal(khj[col('outside_age_months')], '1');
  assert.equal(khj[col('outside_outlet')], 'Daily NK via europesays.com (mirror)');
  assert.ok(!r.out.startsWith('\ufeff'));
  for (const command of ['gap', 'list']) {
    const bom = await cli(command, ...AS_OF, '--format', 'csv', '--bom');
    assert.equal(bom.code, 0, bom.err);
    const bytes = Buffer.from(bom.out, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], command);
    assert.equal(bytes.subarray(3, 3 + 'site_id,'.length).toString(), command === 'gap' ? 'site_id,' : 'id,name_');
  }
});

test('csv cells a spreadsheet would run as formulas get a leading quote; numbers stay numbers', () => {
  assert.equal(csvCell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('-x'), "'-x");
  assert.equal(csvCell('@SUM(1)'), "'@SUM(1)");
  assert.equal(csvCell('\t=1'), "'  =1", 'a tab (sanitised to spaces) before a formula');
  assert.equal(csvCell('\r=1'), "'=1", 'a carriage return (removed by the sanitiser)');
  assert.equal(csvCell('\tplain'), "'  plain");
  assert.equal(csvCell('a, "b"'), '"a, ""b"""');
  assert.equal(csvCell('-5'), "'-5", 'a number in a text field is text');
  assert.equal(csvCell(-5), '-5', 'a number field stays numeric');
  assert.equal(csvCell(2024), '2024');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell('operating (state claim)'), 'operating (state claim)');
});

test('csv from hostile data: formula quotes, speakers and outlets are neutralised in gap and list output', async () => {
  const data = copyOfData();
  const site = join(data, 'counties', 'kimhyongjik.yaml');
  edit(site, "- text: since Aug. 12, the provincial prosecutor's office has been inspecting the Kimhyongjik county comprehensive factory", `- text: "=cmd|' /C calc'!A0"`);
  edit(site, 'speaker: Ryanggang source, to Daily NK', 'speaker: "@SUM(1)"');
  edit(site, 'site: Kim Hyong Jik County', 'site: "+1 Kim Hyong Jik County"');
  const sources = join(data, 'sources.yaml');
  edit(sources, /(- id: rodong-2025-08-18\n\s+outlet: )Rodong Sinmun/, '$1"-x"');
  const r = await cli('gap', '--data', data, ...AS_OF, '--year', '2024', '--format', 'csv');
  assert.equal(r.code, 0, r.err);
  const [header, ...records] = parseCsv(r.out);
  const col = (name: string) => header!.fields.indexOf(name);
  const khj = records.find((x) => x.fields[0] === 'kimhyongjik')!.fields;
  assert.equal(khj[col('outside_quote')], "'=cmd|' /C calc'!A0");
  assert.equal(khj[col('outside_quote_speaker')], "'@SUM(1)");
  assert.equal(khj[col('name_en')], "'+1 Kim Hyong Jik County");
  assert.match(khj[col('state_outlet')]!, /^'-x via Daily NK/);
  for (const rec of records) for (const f of rec.fields) assert.doesNotMatch(f, /^[=+\-@\t\r]/, `unneutralised cell ${f}`);
  const list = await cli('list', '--data', data, ...AS_OF, '--year', '2024', '--format', 'csv');
  const line = parseCsv(list.out).find((x) => x.fields[0] === 'kimhyongjik')!.fields;
  assert.equal(line[1], "'+1 Kim Hyong Jik County");
  assert.equal(line[4], '2024');
});

test('md: a Markdown table with both sides, pipes escaped', async () => {
  const r = await cli('gap', ...AS_OF, '--year', '2024', '--format', 'md');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], '# The gap as of 2025-09-30');
  assert.equal(lines[2], '| Site | Province | Year | Contested | State media: latest claim | Outside sources: latest report |');
  const khj = lines.find((l) => l.startsWith('| Kim Hyong Jik County 김형직군 |'))!;
  assert.ok(khj, r.out);
  assert.equal(khj.split(/(?<!\\)\|/).length, 8, 'six cells');
  assert.match(khj, /\*\*CONTESTED\*\*/);
  assert.match(khj, /\*\*operating \(state claim\)\*\*.*Rodong Sinmun via Daily NK/);
  assert.match(khj, /\*\*far below capacity \(reported\)\*\*.*Daily NK via europesays\.com \(mirror\).*“since Aug\. 12/);
});

test('table: two columns aligned by display width, Hangul counted as two cells', async () => {
  const r = await cli('gap', ...AS_OF, '--year', '2024');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.match(lines[0]!, /^STATE MEDIA: latest claim +│ OUTSIDE SOURCES: latest report$/);
  const bar = displayWidth(lines[0]!.slice(0, lines[0]!.indexOf('│')));
  const columnLines = lines.filter((l) => l.includes(' │ ') && !l.startsWith('STATE'));
  assert.ok(columnLines.length > 40);
  for (const l of columnLines) assert.equal(displayWidth(l.slice(0, l.indexOf('│'))), bar, l);
  const title = lines.findIndex((l) => l.startsWith('Kim Hyong Jik County 김형직군 · Ryanggang · 2024 · CONTESTED'));
  assert.ok(title > 0, r.out);
  const block = lines.slice(title + 1, lines.indexOf('', title)).join('\n');
  assert.match(block, /operating \(state claim\)/);
  assert.match(block, /far below capacity \(reported\)/);
  assert.match(r.out, /20 sites as of 2025-09-30 \(what was known then\)/);
});

test('bad options: a clear message and exit 2; an unknown province gets "did you mean"', async () => {
  const cases: [string[], RegExp][] = [
    [['--format', 'xlsx'], /--format must be one of table, csv, json, md \(got "xlsx"\)/],
    [['--format', 'json', '--bom'], /--bom applies to --format csv only/],
    [['--year', '20x5'], /--year must be a program year of four digits, like 2025 \(got "20x5"\)/],
    [['--as-of', '2025-02-30'], /--as-of: 2025-02-30 does not exist/],
    [['--stale-after', 'x'], /--stale-after must be a whole number/],
    [['--province', 'Ryangang'], /--province: unknown first-level unit "Ryangang"; did you mean "Ryanggang" \(량강도\)\?/],
    [['--province', 'Atlantis'], /--province: unknown first-level unit "Atlantis"; one of: Pyongyang, .*Kaesong/],
    [['--bogus'], /unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const r = await cli('gap', ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message, args.join(' '));
    assert.match(r.err, /Usage: nk20x10 gap/);
    assert.equal(r.out, '');
  }
  const ok = await cli('gap', '--province', '량강도', ...AS_OF, '--format', 'json');
  assert.equal(ok.code, 0);
  const provinces = (JSON.parse(ok.out) as { province: string; site_id: string }[]).map((x) => x.province);
  assert.ok(provinces.length > 0 && provinces.every((p) => p === 'ryanggang'), ok.out);
  assert.ok(ok.out.includes('"site_id": "kimhyongjik"'));
  const help = await cli('gap', '--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /--format +table \(default\), csv, json or md/);
  const main = await cli('--help');
  assert.match(main.out, /\n {2}gap {9}state-media claims beside outside reports/);
});
