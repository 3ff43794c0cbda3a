import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { PNG } from 'pngjs';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = () => scratchDir('nk-export-');
const AS_OF = ['--as-of', '2025-12-31'];

test('a county PNG is a slide at 2x with the status colours of the map', async () => {
  const out = join(scratch(), 'k.png');
  const r = await cli('export', '--view', 'county:Kimhyongjik', '--format', 'png', '-o', out, ...AS_OF, '--size', '120x36');
  assert.equal(r.code, 0, r.err);
  // A county slide grows taller rather than cut its detail: 36 rows at least.
  const m = /^wrote .*k\.png \(PNG, 120×(\d+) cells, [\d,]+ bytes\)\n$/.exec(r.out);
  assert.ok(m && Number(m[1]) >= 36, r.out);
  const png = PNG.sync.read(readFileSync(out));
  assert.ok(png.width >= 120 * 10 * 2 && png.height >= Number(m[1]) * 22 * 2, `${png.width}×${png.height}`);
  const colours = new Set<string>();
  for (let i = 0; i < png.data.length; i += 4 * 7) colours.add(`${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`);
  assert.ok(colours.size > 50, 'not a blank image');
  assert.ok(colours.has('204,121,167'), 'the county is highlighted (#CC79A7) on its province map');
  assert.ok(colours.has('127,205,187'), 'inaugurated (#7FCDBB) counties are drawn');
});

test('SVG keeps text per cell, including the Hangul name, and is byte-identical without a time stamp', async () => {
  const dir = scratch();
  const args = ['export', '--view', 'county:김형직군', '--format', 'svg', ...AS_OF, '--no-timestamp'];
  assert.equal((await cli(...args, '-o', join(dir, 'a.svg'))).code, 0);
  assert.equal((await cli(...args, '-o', join(dir, 'b.svg'))).code, 0);
  const a = readFileSync(join(dir, 'a.svg'), 'utf8');
  assert.equal(a, readFileSync(join(dir, 'b.svg'), 'utf8'));
  const doc = new DOMParser().parseFromString(a, 'image/svg+xml');
  const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');
  // Text runs are words, each character pinned to its cell.
  // Words of the first page of the detail (the prices and quotes now follow the state media | outside comparison).
  for (const word of ['김형직군', 'Sinmun', '2025-08-18', 'Foodstuff', 'CONTESTED']) assert.ok(texts.some((t) => t.includes(word)), word);
  // On the screen each Hangul character is its own element, exactly two cells wide.
  const cells = Array.from(doc.getElementsByTagName('text')).map((t) => ({ ch: t.textContent, x: Number(t.getAttribute('x')), y: t.getAttribute('y'), len: t.getAttribute('textLength') }));
  const starts = cells.filter((c) => c.ch === '김' && c.len === '20');
  assert.ok(starts.length > 0, 'Hangul is drawn two cells (20 px) wide');
  const name = starts.find((k) => ['형', '직', '군'].every((ch, i) => cells.some((c) => c.ch === ch && c.y === k.y && c.x === k.x + 20 * (i + 1))));
  assert.ok(name, '김형직군 sits in consecutive double-width cells on one line');
  assert.doesNotMatch(a, /Generated \d{4}/);
  assert.match(a, /County boundaries © OpenStreetMap contributors \(ODbL 1\.0\)/, 'the frame credits the boundaries');
  assert.doesNotMatch(a, /schematic/i);
  assert.match(a, /europesays\.com\/2366857/, 'the sources on the screen are credited with URLs');
});

test('txt is plain text; ansi is the slide in terminal colours', async () => {
  const dir = scratch();
  assert.equal((await cli('export', '--view', 'province:N. Phyongan', '-o', join(dir, 'p.txt'), ...AS_OF)).code, 0);
  const txt = readFileSync(join(dir, 'p.txt'), 'utf8');
  assert.match(txt, /North Pyongan 평안북도/);
  assert.match(txt, /Kujang County 구장군/);
  assert.doesNotMatch(txt, /\u001b/);
  assert.match(txt, /Data as of 2025-12-31 \(what was known on that day\) · latest report 2025-\d\d-\d\d · stale after 6 months/);
  assert.equal((await cli('export', '--view', 'county:kimhyongjik', '--hindsight', '-o', join(dir, 'h.txt'), ...AS_OF)).code, 0);
  assert.match(readFileSync(join(dir, 'h.txt'), 'utf8'), /Data as of 2025-12-31 in HINDSIGHT \(today's knowledge of that day\) · latest report/);
  assert.equal((await cli('export', '-o', join(dir, 'n.ans'), ...AS_OF)).code, 0);
  assert.match(readFileSync(join(dir, 'n.ans'), 'utf8'), /\u001b\[/);
});

test('existing files are kept unless --force; data/ is never written; bad sizes and paths fail clearly', async () => {
  const dir = scratch();
  const file = join(dir, 'x.svg');
  writeFileSync(file, 'keep me');
  const refused = await cli('export', '-o', file, ...AS_OF);
  assert.equal(refused.code, 3);
  assert.match(refused.err, /existing file .*x\.svg.*--force/);
  assert.equal(readFileSync(file, 'utf8'), 'keep me');
  assert.equal((await cli('export', '-o', file, '--force', ...AS_OF)).code, 0);
  assert.match(readFileSync(file, 'utf8'), /^<\?xml|^<svg/);

  const before = readdirSync(DEFAULT_DATA_DIR).sort();
  const inData = await cli('export', '-o', join(DEFAULT_DATA_DIR, 'shot.svg'), ...AS_OF);
  assert.equal(inData.code, 3);
  assert.match(inData.err, /data/);
  assert.deepEqual(readdirSync(DEFAULT_DATA_DIR).sort(), before);

  const size = await cli('export', '--size', '10x10', '-o', join(dir, 's.svg'));
  assert.equal(size.code, 2);
  assert.match(size.err, /--size must be COLSxROWS/);
  const nowhere = await cli('export', '-o', '/nonexistent/nk20x10/x.svg', ...AS_OF);
  assert.equal(nowhere.code, 3);
  assert.match(nowhere.err, /nonexistent/);
  const ambiguous = await cli('export', '--view', 'county:Unsan', '-o', join(dir, 'u.svg'));
  assert.equal(ambiguous.code, 2);
  assert.match(ambiguous.err, /ambiguous/);
});

test('--pack writes the national view, the gap and timeline slides, every province and every program site, and an index linking them', async () => {
  const dir = join(scratch(), 'pack');
  const r = await cli('export', '--pack', dir, '--format', 'svg', ...AS_OF, '--size', '100x30');
  assert.equal(r.code, 0, r.err);
  const files = readdirSync(dir);
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const svgs = files.filter((f) => f.endsWith('.svg'));
  assert.ok(svgs.includes('nk20x10-national-2025-12-31.svg'));
  assert.ok(svgs.includes('nk20x10-province-ryanggang-2025-12-31.svg'));
  assert.ok(svgs.includes('nk20x10-county-kimhyongjik-2025-12-31.svg'));
  assert.ok(svgs.includes('nk20x10-gap-2025-12-31.svg'));
  assert.ok(svgs.includes('nk20x10-timeline-2025-12-31.svg'));
  assert.equal(svgs.length, 1 + 2 + 12 + 63);
  assert.equal(svgs.filter((f) => f.includes('-county-')).length, 63);
  // 12 of the 13 first-level units have program sites (Rason has none yet).
  assert.equal(svgs.filter((f) => f.includes('-province-')).length, 12);
  for (const f of svgs) assert.ok(index.includes(`href="${f}"`), f);
  assert.match(index, /Kim Hyong Jik County 김형직군<\/a><\/td><td>Ryanggang<\/td><td>2024<\/td><td>far below capacity<\/td><td>reported<\/td><td class="no">–<\/td><td class="flag">contested<\/td>/, "on 31 Dec 2025 Daily NK's August report follows Rodong's April–August claim");
  assert.match(r.out, /^wrote 78 slides and index\.html to .*pack: [\d,]+ bytes in [\d.]+ s\n$/);
  assert.equal(r.err, '', 'no progress when stderr is not a terminal');
  assert.ok(!existsSync(join(dir, 'index.html.tmp')));
});
