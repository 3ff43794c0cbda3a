/**
 * The exit-code convention (src/cli/exit-codes.ts, README "Exit codes") over a table of bad
 * invocations: each gets its exact code, nothing on stdout, and one message that names the option
 * (or the file) and the bad value, with the valid values or a suggestion where there are few.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT } from '../../src/cli/exit-codes.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const dir = scratchDir();
const existing = join(dir, 'kept.svg');
writeFileSync(existing, 'keep me');
const AS_OF = ['--as-of', '2025-12-31'];

/** [arguments, exit code, what stderr must say]. */
const CASES: [string[], number, RegExp][] = [
  // usage: the command line is wrong (2)
  [['frobnicate'], EXIT.usage, /unknown command "frobnicate"; one of: validate, list, show, gap, geo, export/],
  [['lsit'], EXIT.usage, /unknown command "lsit"; did you mean "list"\? one of: /],
  [['list', '--nope'], EXIT.usage, /unknown option '--nope'/],
  [['list', '--format', 'xml'], EXIT.usage, /--format must be one of table, csv, json \(got "xml"\)/],
  [['gap', '--format', 'xml'], EXIT.usage, /--format must be one of table, csv, json, md \(got "xml"\)/],
  [['show', 'Kusong', '--format', 'csv'], EXIT.usage, /--format must be one of text, json \(got "csv"\)/],
  [['list', '--status', 'built'], EXIT.usage, /--status must be one of selected, .*contested, stale \(got "built"\)/],
  [['list', '--role', 'x'], EXIT.usage, /--role must be one of batch, pilot, related, all \(got "x"\)/],
  [['list', '--bom'], EXIT.usage, /--bom applies to --format csv only/],
  [['list', '--province', 'Atlantis'], EXIT.usage, /--province: unknown first-level unit "Atlantis"; one of: Pyongyang, .*Kaesong/],
  [['gap', '--province', 'Kangwn'], EXIT.usage, /--province: unknown first-level unit "Kangwn"; did you mean "Kangwon" \(강원도\)\?/],
  [['list', '--province', 'Hamgyong'], EXIT.usage, /--province: unknown first-level unit "Hamgyong"; did you mean "North Hamgyong" \(함경북도\), "South Hamgyong" \(함경남도\)\?/],
  [['list', '--as-of'], EXIT.usage, /--as-of needs a value/],
  [['list', '--as-of', '--year', '2025'], EXIT.usage, /--as-of needs a value/],
  [['show'], EXIT.usage, /missing COUNTY/],
  [['show', 'Kusong', 'extra'], EXIT.usage, /unexpected argument "extra"/],
  [['show', 'Kusng'], EXIT.usage, /show COUNTY: unknown place "Kusng"; did you mean "Kusong"/],
  [['show', 'Unsan'], EXIT.usage, /show COUNTY: "Unsan" is ambiguous: .*North Pyongan.*South Pyongan/],
  [['export', '--view', 'county:Atlantis', '-o', join(dir, 'a.svg')], EXIT.usage, /--view county:Atlantis: unknown place "Atlantis"/],
  [['export', '--view', 'county:Kusng', '-o', join(dir, 'a.svg')], EXIT.usage, /--view county:Kusng: unknown place "Kusng"; did you mean "Kusong"/],
  [['export', '--view', 'county:Unsan', '-o', join(dir, 'a.svg')], EXIT.usage, /--view county:Unsan: "Unsan" is ambiguous/],
  [['export', '--view', 'county:Pyongsong', '-o', join(dir, 'a.svg')], EXIT.usage, /--view county:Pyongsong: .* is not a 20×10 program site/],
  [['export', '--view', 'province:Atlantis', '-o', join(dir, 'a.svg')], EXIT.usage, /--view province:Atlantis: unknown first-level unit "Atlantis"; one of: Pyongyang, /],
  [['export', '--view', 'province:Kangwn', '-o', join(dir, 'a.svg')], EXIT.usage, /--view province:Kangwn: unknown first-level unit "Kangwn"; did you mean "Kangwon"/],
  [['export', '--view', 'region:x'], EXIT.usage, /--view must be national, province:ID, county:ID, gap or timeline \(got "region:x"\)/],
  [['export', '--pack', dir, '--view', 'gap'], EXIT.usage, /--pack writes every view: it cannot be combined with --view or -o/],
  [['export', '-o'], EXIT.usage, /--output needs a value/],
  [['geo'], EXIT.usage, /missing subcommand: geo import FILE/],
  [['geo', 'export'], EXIT.usage, /unknown geo subcommand "export"/],
  [['geo', 'import'], EXIT.usage, /missing FILE: geo import FILE/],
  [['geo', 'import', 'x.geojson', '--format', 'csv'], EXIT.usage, /--format must be one of text, json \(got "csv"\)/],
  [['geo', 'import', 'x.geojson', '--attribution', ' '], EXIT.usage, /--attribution must not be empty/],
  // data: an input file is missing or invalid (1)
  [['list', '--data', join(dir, 'no-such-data')], EXIT.data, /no-such-data\/policy\.yaml:1:1 \(file\): cannot read: ENOENT/],
  [['validate', '--data', join(dir, 'no-such-data')], EXIT.data, /no-such-data\/sources\.yaml:1:1 \(file\): cannot read: ENOENT/],
  [['geo', 'import', join(dir, 'none.geojson'), '--out', join(dir, 'o.json')], EXIT.data, /none\.geojson: cannot read .*none\.geojson: no such file/],
  [['--geo', join(dir, 'none.topo.json'), ...AS_OF], EXIT.data, /none\.topo\.json:1:1 \(file\): not a counties layer: cannot read .*: no such file/],
  [['export', '--geo', existing, '-o', join(dir, 'g.svg'), ...AS_OF], EXIT.data, /kept\.svg:1:1 \(file\): not a counties layer/],
  // output: the result cannot be written (3)
  [['export', '-o', existing, ...AS_OF], EXIT.output, /existing file .*kept\.svg.*--force/],
  [['export', '-o', join(DEFAULT_DATA_DIR, 'shot.svg'), ...AS_OF], EXIT.output, /data/],
  [['export', '-o', join(dir, 'no', 'such', 'x.svg'), ...AS_OF], EXIT.output, /no\/such/],
  [['export', '--pack', existing, ...AS_OF], EXIT.output, /kept\.svg/],
];

test('bad invocations: exact exit code, nothing on stdout, a message naming the option and the value', async () => {
  for (const [args, code, message] of CASES) {
    const r = await cli(...args);
    const label = `nk20x10 ${args.join(' ')}`;
    assert.equal(r.code, code, `${label}: exit code (${r.err})`);
    assert.equal(r.out, '', `${label}: stdout`);
    assert.match(r.err.split('\n\nUsage:')[0]!, message, label);
    assert.match(r.err, /^(nk20x10: |.*:\d+:\d+ )/, `${label}: stderr starts with the program name or FILE:LINE:COL`);
  }
});

test('usage errors print the command usage after the message; other errors print only the message', async () => {
  const usage = await cli('list', '--format', 'xml');
  assert.match(usage.err, /\n\nUsage: nk20x10 list /);
  const lookup = await cli('show', 'Atlantis');
  assert.doesNotMatch(lookup.err, /Usage:/);
  const output = await cli('export', '-o', existing, ...AS_OF);
  assert.doesNotMatch(output.err, /Usage:/);
});

test('the exit codes are documented in --help and README as they are in exit-codes.ts', async () => {
  const help = await cli('--help');
  for (const [name, code] of Object.entries(EXIT)) assert.match(help.out, new RegExp(`\\b${code} `), `--help mentions ${name} (${code})`);
  const { readFileSync } = await import('node:fs');
  const { PACKAGE_ROOT } = await import('../../src/paths.js');
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Exit codes'));
  assert.ok(readme.includes('### Exit codes'), 'README has an "Exit codes" section');
  for (const code of Object.values(EXIT)) assert.match(section, new RegExp(`\\| \`${code}\` \\|`), `README documents exit ${code}`);
});
