/** Composed slides as a reader sees them: no terminal chrome, the right map, every unit named, a true legend, the pack index, sizes, progress. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { PNG } from 'pngjs';
import { run } from '../../src/cli/main.js';
import { exportCurrentScreen } from '../../src/cli/commands/export.js';
import { viewContext } from '../../src/view/reduce.js';
import { stateForView } from '../../src/view/views.js';
import { siteStatusAt } from '../../src/model/status.js';
import { STATUS_LABELS, STRENGTH_LABELS } from '../../src/model/vocabulary.js';
import { LEGEND, STALE_MARK } from '../../src/map/legend.js';
import { gapRows, type GapRow } from '../../src/model/gap.js';
import { ageText, gapQuoteText } from '../../src/view/gap-lines.js';
import { cli } from '../helpers/cli.js';
import { composeSlide } from '../../src/export/slide/compose.js';
import { parseSlideSize } from '../../src/export/slide/size.js';
import { plain } from '../../src/view/paint.js';
import { scratchDir } from '../helpers/scratch.js';
import { bundledAtlas } from '../helpers/ui.js';

const AS_OF = ['--as-of', '2025-12-31'];
const scratch = () => scratchDir('nk-slides-');

/** Anything a terminal screen would show that a slide must not: key hints, scroll positions, the footer. */
const TERMINAL_CHROME = /PgUp|PgDn|\? help|q quit|\(z: |Enter opens|\b\d+[–-]\d+ of \d+\b|Tab (?:focus|switch)/;

/** Every glyph a status or the stale mark can be drawn with in a text map. */
const STATUS_GLYPHS = new Set([...Object.values(LEGEND).map((e) => e.glyph), STALE_MARK.glyph].filter((g) => g.trim() !== ''));

async function exportText(view: string, size = '160x48'): Promise<string> {
  const file = join(scratch(), 'slide.txt');
  const r = await cli('export', '--view', view, '--size', size, '-o', file, ...AS_OF);
  assert.equal(r.code, 0, r.err);
  return readFileSync(file, 'utf8');
}

/** The TXT slide's map (the lines after the map's title, up to "Legend:"; a county's locator title left out) and the legend's glyphs. */
function mapAndLegend(txt: string): { map: string; legend: Set<string> } {
  const lines = txt.split('\n');
  const legendAt = lines.findIndex((l) => l.startsWith('Legend: '));
  assert.ok(legendAt > 0, 'the TXT slide has a legend under its map');
  const map = lines.slice(5, legendAt).filter((l) => !l.startsWith('Where it is: ')).join('\n');
  // "Legend: █ Kim Hyong Jik (this slide)  ░ Under construction  …": each item is a glyph, a space and a
  // label; the legend wraps to the slide's width, its continuation lines indented under the first item.
  let end = legendAt + 1;
  while (lines[end]?.startsWith('        ')) end++;
  const items = [lines[legendAt]!.slice(8), ...lines.slice(legendAt + 1, end).map((l) => l.trim())].join('  ');
  const legend = new Set([...items.matchAll(/(?:^|  )(\S) /g)].map((m) => m[1]!));
  return { map, legend };
}

test('no slide of the pack shows key hints, scroll indicators or a footer, in any view', async () => {
  const dir = join(scratch(), 'pack');
  const r = await cli('export', '--pack', dir, '--format', 'txt', ...AS_OF, '--size', '120x36');
  assert.equal(r.code, 0, r.err);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  assert.equal(files.length, 1 + 2 + 12 + 63);
  for (const f of files) {
    const txt = readFileSync(join(dir, f), 'utf8');
    assert.doesNotMatch(txt, TERMINAL_CHROME, f);
  }
  for (const view of ['national', 'county:kimhyongjik', 'gap', 'timeline']) {
    const svgFile = join(scratch(), 'x.svg');
    assert.equal((await cli('export', '--view', view, '-o', svgFile, ...AS_OF)).code, 0);
    const doc = new DOMParser().parseFromString(readFileSync(svgFile, 'utf8'), 'image/svg+xml');
    const text = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '').join(' ');
    assert.doesNotMatch(text, TERMINAL_CHROME, view);
  }
});

test('the county slide maps its province zoomed, with the county highlighted, and a locator of the country', async () => {
  const txt = await exportText('county:kimhyongjik');
  const lines = txt.split('\n');
  const top = lines.findIndex((l) => l.startsWith('Ryanggang 량강도 · Kim Hyong Jik County highlighted'));
  const locator = lines.findIndex((l) => l.startsWith('Where it is: Kim Hyong Jik County, Ryanggang, North Korea'));
  assert.ok(top > 0 && locator > top, 'a province map, then a locator map');
  const provinceMap = lines.slice(top + 1, locator).join('\n');
  // County names are drawn only at province zoom; the Ryanggang counties are there, the capital is not.
  // Program counties are labelled as the list names them (Rangnim, not the registry's Rangrim).
  for (const name of ['Kim Hyong Jik', 'Kim Jong Suk', 'Rangnim']) assert.match(provinceMap, new RegExp(name), name);
  assert.doesNotMatch(provinceMap, /Pyongyang/);
  assert.match(provinceMap, /█/, 'the highlighted county is drawn');
  assert.match(lines.slice(locator).join('\n'), /█/, 'and located on the national map');
  // In colour the highlight is its own fill, named in the legend as this slide's county, never "Selected county".
  const svgFile = join(scratch(), 'k.svg');
  assert.equal((await cli('export', '--view', 'county:kimhyongjik', '-o', svgFile, ...AS_OF)).code, 0);
  const svg = readFileSync(svgFile, 'utf8');
  assert.match(svg, /fill="#cc79a7"/);
  assert.doesNotMatch(svg, /Selected county/);
  assert.match(svg, /Kim Hyong Jik County \(this slide\)/);
});

test('on every county slide the locator is captioned with the county and its own first-level unit, and names no other unit', () => {
  const atlas = bundledAtlas();
  const d = atlas.dataset;
  // Once the locator carried the national map's unit labels: beside Kim Hyong Jik (Ryanggang) the only
  // one was "◂North Hamgyong", and a reader placed the county there.
  const unitWords = d.registry.provinces.flatMap((p) => [p.name_en, ...p.name_en.split(' ').filter((w) => w.length > 3)]);
  for (const site of d.sites) {
    for (const size of ['160x48', '16:9', '60x16']) {
      const slide = composeSlide(atlas, { kind: 'county', id: site.id }, { size: parseSlideSize(size), lens: { asOf: '2025-12-31' }, noColor: true, vectorChart: false, generatedAt: null });
      const map = slide.map.map(plain);
      const where = `${site.id} ${size}`;
      const at = map.findIndex((l) => l.startsWith('Where it is: '));
      assert.ok(at > 0, `${where}: a locator under the province map`);
      let cap = at + 1;
      while (map[cap]?.startsWith('  ') && !/[⠀-⣿█▒▓░]/.test(map[cap]!)) cap++;
      const caption = map.slice(at, cap).map((l) => l.trim()).join(' ');
      const unit = d.registry.provinceById.get(site.province)!.name_en;
      assert.equal(caption, `Where it is: ${site.name_en}, ${unit}, North Korea`, where);
      // The locator itself names nothing: no first-level unit, so none can be taken for the county's own.
      const locator = map.slice(cap).join('\n');
      for (const w of unitWords) assert.ok(!locator.includes(w), `${where}: the locator names "${w}"`);
      assert.doesNotMatch(locator, /[A-Za-z]{3,}/, `${where}: the locator has no labels`);
      assert.match(locator, /█/, `${where}: the county is highlighted on the locator`);
    }
  }
});

test('the county slide has the whole detail: the claim and the report with dates, the state prices, sources with relay outlets', async () => {
  const txt = await exportText('county:kimhyongjik', '120x30');
  assert.match(txt, /CONTESTED\s+state media: operating — The new factories in\s+"20 cities and counties"[^(]*\(Rodong Sinmun via Daily NK, Apr 2025 – 18 Aug 2025\)/);
  // Wrapped to the slide: compare with runs of white space (and the continuation indent) as one space.
  assert.match(txt.replace(/\s+/g, ' '), /outside report: far below capacity — Foodstuff factory: The food factory runs only about one week a month \(Daily NK via europesays\.com \(mirror\), Aug 2025\)/);
  assert.match(txt, /face soap\s+2,500\s+state/);
  assert.match(txt, /underwear\s+8,000\s+state/, 'the last price too: nothing is cut');
  assert.match(txt, /── Sources/);
  assert.match(txt, /Daily NK via europesays\.com/, 'the relay outlet is kept');
  assert.match(txt, /Tags: SM state media/);
});

test('the national slide names all 13 first-level units with their site counts', async () => {
  const d = bundledAtlas().dataset;
  assert.equal(d.registry.provinces.length, 13);
  for (const size of ['160x48', 'slide', '60x16']) {
    const txt = await exportText('national', size);
    for (const p of d.registry.provinces) {
      const n = d.sites.filter((s) => s.province === p.id).length;
      // Either the full list ("Ryanggang 량강도 · 3 sites") or the compact table ("Ryanggang 량강도   3 …").
      assert.match(txt, new RegExp(`${p.name_en} ${p.name_ko}(?: · (?:${n} sites?|no program site known)|\\s+${n}\\s)`), `${size}: ${p.name_en}`);
    }
    // The headline count is the one `list` gives for the day (it once counted related sites and
    // sites not yet reported: "63 program sites" where list said 41).
    const listed = JSON.parse((await cli('list', '--format', 'json', ...AS_OF)).out) as unknown[];
    assert.match(txt.replace(/\s+/g, ' '), new RegExp(`\\b${listed.length} program sites known on this day \\(and 1 related\\)`), size);
  }
});

test('a TXT legend lists exactly the status glyphs its map uses', async () => {
  for (const view of ['national', 'province:ryanggang', 'province:pyongyang', 'county:kimhyongjik', 'county:kangdong']) {
    const { map, legend } = mapAndLegend(await exportText(view));
    const used = new Set([...map].filter((ch) => STATUS_GLYPHS.has(ch)));
    assert.deepEqual([...legend].sort(), [...used].sort(), view);
  }
});

test('the pack index has a row for every site with status, strength, staleness, contested and uncertainty', async () => {
  const dir = join(scratch(), 'pack');
  assert.equal((await cli('export', '--pack', dir, '--format', 'txt', ...AS_OF, '--size', '60x16')).code, 0);
  const doc = new DOMParser().parseFromString(readFileSync(join(dir, 'index.html'), 'utf8'), 'text/html');
  const rows = Array.from(doc.getElementsByTagName('tbody')[0]!.getElementsByTagName('tr')).map((tr) =>
    Array.from(tr.getElementsByTagName('td')).map((td) => td.textContent ?? ''),
  );
  const hrefs = Array.from(doc.getElementsByTagName('tbody')[0]!.getElementsByTagName('a')).map((a) => a.getAttribute('href'));
  const d = bundledAtlas().dataset;
  assert.equal(rows.length, d.sites.length);
  const lens = { asOf: '2025-12-31' };
  d.sites.forEach((site, i) => {
    const at = siteStatusAt(site, lens);
    assert.deepEqual(rows[i], [
      `${site.name_en} ${site.name_ko}`,
      d.registry.provinceById.get(site.province)!.name_en,
      String(site.year),
      at ? STATUS_LABELS[at.status] : 'nothing known',
      at ? STRENGTH_LABELS[at.strength] : '–',
      at?.stale ? 'stale' : '–',
      at?.contested ? 'contested' : '–',
      at?.uncertain ? 'uncertain' : '–',
    ]);
    assert.equal(hrefs[i], `nk20x10-county-${site.id}-2025-12-31.txt`);
  });
  assert.ok(rows.some((r) => r[6] === 'contested') && rows.some((r) => r[7] === 'uncertain') && rows.some((r) => r[5] === 'stale'), 'each flag is set somewhere');
  for (const f of ['national', 'gap', 'timeline']) assert.ok(readFileSync(join(dir, 'index.html'), 'utf8').includes(`href="nk20x10-${f}-2025-12-31.txt"`), f);
});

test('--size presets give 16:9 pages of exactly their size; what does not fit one page continues on FILE-2, FILE-3… of the same size', async () => {
  const dir = scratch();
  const cases: [string, string, number, number][] = [
    ['slide', 'national', 1920, 1080],
    ['16:9', 'province:ryanggang', 1920, 1080],
    ['16:9-small', 'national', 1280, 720],
  ];
  for (const [size, view, w, h] of cases) {
    const file = join(dir, `${size.replace(':', '-')}-${view.replace(':', '-')}.png`);
    const r = await cli('export', '--view', view, '--size', size, '--scale', '1', '-o', file, ...AS_OF);
    assert.equal(r.code, 0, r.err);
    const png = PNG.sync.read(readFileSync(file));
    assert.deepEqual([png.width, png.height], [w, h], `${size} ${view}`);
  }
  for (const [size, w, h] of [['slide', 1920, 1080], ['16:9-small', 1280, 720]] as const) {
    const county = join(dir, `county-${size.replace(':', '-')}.png`);
    const r = await cli('export', '--view', 'county:kimhyongjik', '--size', size, '--scale', '1', '-o', county, ...AS_OF);
    assert.equal(r.code, 0, r.err);
    const m = /, (\d+) pages: continued in county-[\w-]+-2\.png…/.exec(r.out);
    assert.ok(m, r.out);
    const files = [county, ...Array.from({ length: Number(m[1]) - 1 }, (_, i) => county.replace(/\.png$/, `-${i + 2}.png`))];
    for (const f of files) {
      const png = PNG.sync.read(readFileSync(f));
      assert.deepEqual([png.width, png.height], [w, h], f);
    }
    assert.ok(!readdirSync(dir).includes(`county-${size.replace(':', '-')}-${files.length + 1}.png`), 'no page more than it said');
  }
  const bad = await cli('export', '--size', '4:3', '-o', join(dir, 'x.svg'));
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--size must be COLSxROWS .* slide or 16:9 \(1920×1080 px\), 16:9-small \(1280×720 px\) \(got "4:3"\)/);
});

test('pack progress goes to stderr only when it is a terminal, then a summary', async () => {
  let out = '';
  let err = '';
  const dir = join(scratch(), 'pack');
  const code = await run(['export', '--pack', dir, '--format', 'txt', ...AS_OF, '--size', '60x16'], { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: true });
  assert.equal(code, 0, err);
  assert.match(err, /\r\u001b\[2K1\/78 (?:national|gap|timeline|province-[a-z-]+)…/);
  assert.match(err, /\r\u001b\[2K78\/78 county-[a-z-]+…/);
  for (let n = 1; n <= 78; n++) assert.ok(err.includes(`\u001b[2K${n}/78 `), `${n}/78`);
  assert.match(err, /\r\u001b\[2K$/, 'the progress line is cleared at the end');
  const m = /^wrote 78 slides and index\.html to .*: ([\d,]+) bytes in [\d.]+ s\n$/.exec(out);
  assert.ok(m, out);
  const onDisk = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  assert.equal(Number(m[1]!.replace(/,/g, '')), onDisk, 'the summary counts every byte written');
});

/**
 * The text of a TXT slide as two reading streams: where a line has two sides (" │ "), the left side
 * goes to the first stream and the right to the second; other lines go to both. All whitespace is
 * removed, so text wrapped over several lines reads as it was written.
 */
function sideStreams(txt: string): [string, string] {
  const left: string[] = [];
  const right: string[] = [];
  for (const line of txt.split('\n')) {
    // The TXT slide trims trailing spaces: an empty right side leaves the line ending " │".
    const m = / │(?: |$)/.exec(line);
    if (!m) {
      left.push(line);
      right.push(line);
    } else {
      left.push(line.slice(0, m.index));
      right.push(line.slice(m.index + m[0].length));
    }
  }
  return [left.join('').replace(/\s+/g, ''), right.join('').replace(/\s+/g, '')];
}

/** What a slide must show of a gap row, whole: name, status, date, age, outlet with its relay, source ids and quote. */
function gapRowFields(r: GapRow): string[] {
  const out = [`${r.name_en} ${r.name_ko}`, `${r.province_en} · ${r.year}`];
  for (const side of [r.state, r.outside]) {
    if (!side) continue;
    out.push(side.label, `${side.date_label} · ${ageText(side)}`, side.outlet, ...side.source_ids);
    const quote = gapQuoteText(side);
    if (quote) out.push(quote);
  }
  return out;
}

function assertGapRowsShown(txt: string, rows: readonly GapRow[], where: string, whole = true): void {
  const streams = sideStreams(txt);
  // No "…" the slide added: only those in the model's own text (a quote the model shortened).
  const ellipses = (t: string) => [...t].filter((ch) => ch === '…').length;
  if (whole) assert.ok(ellipses(txt) <= rows.flatMap(gapRowFields).reduce((n, f) => n + ellipses(f), 0), `${where}: nothing is cut with …`);
  for (const r of rows)
    for (const field of gapRowFields(r)) {
      const f = field.replace(/\s+/g, '');
      assert.ok(streams.some((s) => s.includes(f)), `${where}: ${r.name_en}: "${field}"`);
    }
}

test('the county slide shows its gap rows and the gap slide every row, every field whole (name, status, date, outlet with relay, quote)', async () => {
  const d = bundledAtlas().dataset;
  // The slide shows every quote and note whole: the model's 160-character cut for the screen's table
  // ("paper and textile lines fully stopped fo…") is not applied to slides (quoteMax: Infinity).
  const rows: GapRow[] = gapRows(d, { asOf: '2025-12-31' }, {}, { quoteMax: Infinity });
  assert.ok(gapRows(d, { asOf: '2025-12-31' }).some((r) => r.outside?.quote?.endsWith('…')), 'the model shortens some quote on the day');
  assert.deepEqual(rows.flatMap((r) => [r.state, r.outside]).filter((x) => x?.quote?.endsWith('…')).map((x) => x!.quote), [], 'no quote is shortened for a slide');
  assert.ok(rows.length > 20 && rows.some((r) => r.contested), 'the bundled data has contested and other gap rows on the day');
  // Wide (the two sides side by side) and narrow (stacked).
  for (const size of ['160x48', '60x16']) assertGapRowsShown(await exportText('gap', size), rows, `gap ${size}`);
  // Every county slide of the pack has its own row, whole.
  const dir = join(scratch(), 'pack');
  assert.equal((await cli('export', '--pack', dir, '--format', 'txt', ...AS_OF, '--size', '120x36')).code, 0);
  for (const r of rows) assertGapRowsShown(readFileSync(join(dir, `nk20x10-county-${r.site_id}-2025-12-31.txt`), 'utf8'), [r], `county ${r.site_id}`, false);
  // The gap slide at a 16:9 preset: every row on one of its pages (the TXT slide is all the pages' text).
  assertGapRowsShown(await exportText('gap', '16:9'), rows, 'gap 16:9');
});

test('the e key saves a screenshot of the screen without the footer and without key hints in pane titles', async () => {
  const atlas = bundledAtlas();
  const ctx = viewContext(atlas.dataset);
  const state = stateForView(ctx, { kind: 'county', id: 'kimhyongjik' }, '2025-12-31');
  const file = await exportCurrentScreen(atlas, state, 'txt', { cols: 120, rows: 30 }, scratch());
  const txt = readFileSync(file, 'utf8');
  assert.match(txt, /Kim Hyong Jik County/);
  // A screenshot keeps where the detail is scrolled to ("1–24 of 104"), not the keys.
  assert.doesNotMatch(txt, /PgUp|PgDn|\? help|q quit|\(z: |Enter opens/);
  assert.match(txt, /Detail \(1–\d+ of \d+\) +│/);
  // The screen is still the screen: its panes' borders are whole (the hints became spaces, not gaps).
  const rows = txt.split('\n').filter((l) => /^[│╭╰]/.test(l));
  assert.ok(rows.length >= 20, 'the panes are there');
});

test('the e key in the Gap and Timeline views names the file and the title after that view, not the site under the list cursor', async () => {
  const atlas = bundledAtlas();
  const ctx = viewContext(atlas.dataset);
  const base = stateForView(ctx, { kind: 'county', id: 'kimhyongjik' }, '2025-12-31');
  for (const [mode, title] of [['gap', /The gap: what state media claim/], ['timeline', /Roll-out: inaugurations by month/]] as const) {
    const file = await exportCurrentScreen(atlas, { ...base, mode }, 'txt', { cols: 120, rows: 30 }, scratch());
    assert.match(file, new RegExp(`nk20x10-${mode}-2025-12-31\\.txt$`));
    const txt = readFileSync(file, 'utf8');
    assert.match(txt, title);
    assert.doesNotMatch(txt.split('\n')[0]!, /Kim Hyong Jik/);
  }
});
