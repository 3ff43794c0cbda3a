import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { cli, copyOfData, edit, lineOf } from '../helpers/cli.js';

test('validate passes on the bundled data with a summary of counts', async () => {
  const r = await cli('validate');
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.match(r.out, /^ok: 63 sites \(2022: 1, 2024: 20, 2025: 20, 2026: 20\), \d+ milestones, .* 197 registry counties in 13 first-level units\n$/);
});

test('a bad date, an unknown source and a negative price give three located errors and exit 1', async () => {
  const dir = copyOfData();
  const file = join(dir, 'counties', 'kimhyongjik.yaml');
  edit(file, /date: "?2025-02-11"?/, 'date: 2025-02-30');
  edit(file, /won: 2500\b/, 'won: -2500');
  edit(file, /(source: )"?dailynk-[a-z0-9-]+"?/, '$1no-such-source');

  const r = await cli('validate', '--data', dir);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  const shown = relative(process.cwd(), file);
  const lines = r.err.trim().split('\n');
  assert.equal(lines.at(-1), '3 errors');
  const errors = lines.slice(0, -1);
  assert.equal(errors.length, 3, r.err);
  const expect = [
    [lineOf(file, '2025-02-30'), /date: 2025-02-30 does not exist \(Feb 2025 has 28 days\)$/],
    [lineOf(file, 'won: -2500'), /won: must be a positive whole number of won$/],
    [lineOf(file, 'no-such-source'), /source: unknown source id "no-such-source"/],
  ] as const;
  for (const [line, message] of expect) {
    const hit = errors.find((e) => e.startsWith(`${shown}:${line}:`));
    assert.ok(hit, `no error located at ${shown}:${line} in\n${r.err}`);
    assert.match(hit, /^[^:]+:\d+:\d+ [a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*: /);
    assert.match(hit, message);
  }
});

test('a county name that is ambiguous or unknown is a located error naming the candidates', async () => {
  const dir = copyOfData();
  const file = join(dir, 'counties', 'kujang.yaml');
  edit(file, /^county: .*$/m, 'county: Unsan');
  const file2 = join(dir, 'counties', 'kusong.yaml');
  edit(file2, /^county: .*$/m, 'county: Kusang');
  const r = await cli('validate', '--data', dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /kujang\.yaml:\d+:9 county: "Unsan" is ambiguous: .*운산군.*은산군/);
  assert.match(r.err, /kusong\.yaml:\d+:9 county: unknown place "Kusang"; did you mean .*Kusong \(구성시\)/);
});

test('unknown fields, wrong types and duplicate ids are all reported, not just the first', async () => {
  const dir = copyOfData();
  const file = join(dir, 'counties', 'songchon.yaml');
  edit(file, /^year: 2024$/m, 'year: "2024"\ncolour: red');
  edit(join(dir, 'counties', 'sukchon.yaml'), /^id: sukchon$/m, 'id: songchon');
  const r = await cli('validate', '--data', dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /songchon\.yaml:\d+:7 year: expected number, got text "2024"/);
  assert.match(r.err, /songchon\.yaml:\d+:1 colour: unknown field/);
  assert.match(r.err, /sukchon\.yaml:\d+:5 id: must equal the file name "sukchon"/);
});

test('a data directory that does not exist fails cleanly', async () => {
  const r = await cli('validate', '--data', '/nonexistent/nk20x10-data');
  assert.equal(r.code, 1);
  assert.match(r.err, /sources\.yaml:1:1 \(file\): cannot read: ENOENT/);
});

/** Ids and outlets of the sources without a URL, read straight from the YAML (not through the model). */
function sourcesWithoutUrl(file: string): { id: string; outlet: string }[] {
  const doc = parseYaml(readFileSync(file, 'utf8')) as { sources: { id: string; outlet: string; url?: string }[] };
  return doc.sources.filter((s) => !s.url).map((s) => ({ id: s.id, outlet: s.outlet }));
}

test('validate --warnings lists every source without a URL (file:line, id, outlet) and still exits 0', async () => {
  const file = join(DEFAULT_DATA_DIR, 'sources.yaml');
  const missing = sourcesWithoutUrl(file);
  assert.ok(missing.length > 0, 'the bundled data has sources without a URL');
  const r = await cli('validate', '--warnings');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  const lines = r.out.trimEnd().split('\n');
  assert.match(lines.at(-1)!, /^ok: \d+ sites /);
  assert.equal(lines.at(-2), `${missing.length} warnings: sources without a URL`);
  const warnings = lines.slice(0, -2);
  assert.equal(warnings.length, missing.length, r.out);
  const shown = relative(process.cwd(), file);
  missing.forEach(({ id, outlet }, i) => {
    const w = warnings[i]!;
    assert.ok(w.startsWith(`${shown}:${lineOf(file, `id: ${id}`)}:`), `${id} located at its id line: ${w}`);
    assert.match(w, /^[^:]+:\d+:\d+ sources\[\d+\]\.url: warning: no URL for source /);
    assert.ok(w.endsWith(`no URL for source ${id} (${outlet})`), w);
  });
  // Without the flag, nothing but the summary line.
  const quiet = await cli('validate');
  assert.equal(quiet.out, `${lines.at(-1)}\n`);
});

test('validate --warnings follows the data: a URL removed is listed, a URL added is not', async () => {
  const dir = copyOfData();
  const file = join(dir, 'sources.yaml');
  edit(file, /(  - id: kcna-2025-02-08-unsan\n(?:    .*\n)*?)    url: .*\n/, '$1');
  edit(file, /(  - id: pt-2025-01-14-kyongsong\n(?:    .*\n)*?    kind: state_media\n)/, '$1    url: https://example.org/pt-kyongsong\n');
  const r = await cli('validate', '--warnings', '--data', dir);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, new RegExp(`sources\\.yaml:${lineOf(file, 'id: kcna-2025-02-08-unsan')}:\\d+ sources\\[\\d+\\]\\.url: warning: no URL for source kcna-2025-02-08-unsan \\(KCNA\\)\\n`));
  assert.doesNotMatch(r.out, /pt-2025-01-14-kyongsong/);
  assert.equal(sourcesWithoutUrl(file).length, Number(/^(\d+) warnings?:/m.exec(r.out)?.[1]));
});

test('validate --warnings with an error still fails with the located error', async () => {
  const dir = copyOfData();
  const file = join(dir, 'sources.yaml');
  edit(file, /(  - id: kcna-2025-02-08-unsan\n    outlet: KCNA\n    )date: 2025-02-08/, '$1date: 2025-02-30');
  const r = await cli('validate', '--warnings', '--data', dir);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.match(r.err, new RegExp(`sources\\.yaml:${lineOf(file, '2025-02-30')}:\\d+ sources\\[\\d+\\]\\.date: 2025-02-30 does not exist`));
});

test('prices are plain whole numbers of won in a sane range: 1e-320, fractions and absurd sums are located errors', async () => {
  for (const [value, message] of [
    ['1e-320', /won: expected int, got number 1e-320$/],
    ['2500.5', /won: (expected int|must be a whole number of won)/],
    ['1e12', /won: must be at most 100,000,000 won$/],
  ] as const) {
    const dir = copyOfData();
    const file = join(dir, 'counties', 'kimhyongjik.yaml');
    edit(file, 'won: 2500', `won: ${value}`);
    const r = await cli('validate', '--data', dir);
    assert.equal(r.code, 1, value);
    const shown = relative(process.cwd(), file);
    assert.match(r.err, new RegExp(`^${shown.replace(/[.]/g, '\\.')}:${lineOf(file, `won: ${value}`)}:\\d+ prices\\[0\\]\\.won: `, 'm'), r.err);
    assert.match(r.err.split('\n')[0]!, message, value);
  }
});
