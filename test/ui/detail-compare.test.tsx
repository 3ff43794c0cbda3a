/**
 * Whole dashboard frames of Kim Hyong Jik's detail pane (issue 12, point 2): at 160×48 the
 * statements stand in two columns, STATE MEDIA | OUTSIDE SOURCES, aligned by month; at 100×30 they
 * alternate in date order, each with its stance in words. The frames are rendered as the
 * dashboard draws them (Dashboard, no colour), scrolled page by page through the detail.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { createElement } from 'react';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { layout } from '../../src/view/layout.js';
import { viewContext } from '../../src/view/reduce.js';
import { stateForView } from '../../src/view/views.js';
import { displayWidth } from '../../src/text/width.js';
import { bundledAtlas } from '../helpers/ui.js';

const AS_OF = '2026-11-30';

/** Every page of the detail pane's text for a site (the frame's detail columns, borders off), and the frames. */
function detailPages(id: string, cols: number, rows: number): { frames: string[]; pane: string[] } {
  const atlas = bundledAtlas();
  const ctx = viewContext(atlas.dataset);
  const L = layout(cols, rows, true);
  assert.notEqual(L.kind, 'too-small');
  if (L.kind === 'too-small') return { frames: [], pane: [] };
  const x = cols - L.detail.width;
  const frames: string[] = [];
  const pane: string[] = [];
  for (let scroll = 0; scroll < 30; scroll++) {
    const frame = renderToString(createElement(Dashboard, { atlas, ctx, state: { ...stateForView(ctx, { kind: 'county', id }, AS_OF), detailScroll: scroll }, cols, rows, colorLevel: 0 }), { columns: cols });
    const lines = frame.split('\n');
    assert.equal(lines.length, rows, `${cols}×${rows}: the frame has exactly ${rows} lines`);
    for (const l of lines) assert.ok(displayWidth(l) <= cols, `${cols}×${rows}: a line wider than the terminal: ${l}`);
    frames.push(frame);
    // Header (2 rows), the pane's top border, its title, then its content rows, inside the side borders.
    const cut = (l: string) => sliceCells(l, x + 1, x + L.detail.width - 1);
    const title = /\((\d+)–(\d+) of (\d+)/.exec(cut(lines[3]!));
    const inner = lines.slice(4, 4 + L.detail.height - 3).map(cut);
    const first = title ? Number(title[1]) - 1 : 0;
    inner.forEach((l, i) => (pane[first + i] = l));
    if (!title || title[2] === title[3]) break;
  }
  return { frames, pane: trimEnd(pane) };
}

function trimEnd(lines: string[]): string[] {
  const out = lines.map((l) => l.replace(/ +$/, ''));
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** The cells from `from` to `to` (exclusive) of a plain line. */
function sliceCells(line: string, from: number, to: number): string {
  let x = 0;
  let out = '';
  for (const ch of line) {
    const w = displayWidth(ch);
    if (x >= from && x + w <= to) out += ch;
    x += w;
  }
  return out;
}

/** The comparison section: from its heading to the next section heading. */
function section(pane: string[]): string[] {
  const start = pane.findIndex((l) => l.startsWith('── State media · outside sources, by date'));
  assert.ok(start >= 0, `no comparison section in:\n${pane.join('\n')}`);
  const end = pane.findIndex((l, i) => i > start && l.startsWith('── '));
  return pane.slice(start + 1, end < 0 ? undefined : end);
}

test('160×48: Kim Hyong Jik shows STATE MEDIA | OUTSIDE SOURCES in two columns, a claim beside the report of its month', () => {
  const { pane } = detailPages('kimhyongjik', 160, 48);
  const s = section(pane);
  assert.match(s[0]!, /^ {2}STATE MEDIA +│ OUTSIDE SOURCES$/);
  const sep = s[0]!.indexOf('│');
  // Every line of the section keeps the separator in the same column (or is a month rule).
  for (const l of s.slice(1)) assert.ok(l === '' || /^ {2}\S.* ┄+$/.test(l) || [...l].indexOf('│') === [...s[0]!].indexOf('│'), `misaligned: ${l}`);
  const apr = s.findIndex((l) => /^ {2}Apr 2025 ┄/.test(l));
  assert.ok(apr > 0, 'an April 2025 row');
  // Rodong's claim about April to August (printed 18 Aug) and Daily NK's report about April start on the same line.
  assert.match(s[apr + 1]!, /^ {2}SM Apr 2025 – 18 Aug 2025 +│ OUT Apr 2025$/);
  assert.match(s[apr + 2]!, /^ {4}\? +│ status report: Site:$/);
  assert.match(s[apr + 3]!, /^ {2}batch claim: The new +│ operating — Goods supplied$/);
  const left = s.slice(1).map((l) => l.slice(0, sep)).join(' ');
  const right = s.slice(1).map((l) => l.slice(sep + 1)).join(' ');
  const words = (t: string) => t.replace(/\s+/g, ' ');
  // The state-media statements of a site with no state-media quote, with date and outlet.
  assert.match(words(left), /SM 11 Feb 2025 inauguration: Inauguration of the regional-industry factories Rodong Sinmun via KCNA Watch; Yonhap via newspic\.kr/);
  assert.match(words(left), /SM 24 Mar 2025 \? batch claim: Food factories in "20 cities and counties"/);
  assert.match(words(right), /OUT Aug 2025 “since Aug\. 12, the provincial prosecutor's office has been inspecting the Kimhyongjik county comprehensive factory” — Ryanggang source, to Daily NK; Daily NK via europesays\.com \(mirror\)/);
  assert.ok(!left.includes('OUT ') && !right.includes('SM '), 'each camp on its own side');
  assert.ok(!s.join('').includes('…'), 'nothing in the section is cut');
});

test('100×30: the same statements alternate in date order, each headed by its stance in words', () => {
  const { pane } = detailPages('kimhyongjik', 100, 30);
  const s = section(pane);
  assert.ok(!s.some((l) => l.includes('│')), 'one column');
  const heads = s.filter((l) => /^ {2}\[/.test(l)).map((l) => l.trim());
  assert.equal(heads[0], '[STATE MEDIA] 6–10 Mar 2024 ?');
  assert.match(s.join(' ').replace(/\s+/g, ' '), /\[STATE MEDIA\] 11 Feb 2025 inauguration: Inauguration of the regional-industry factories Rodong Sinmun via KCNA Watch; Yonhap via newspic\.kr/);
  assert.deepEqual(heads.map((h) => /^\[([A-Z ]+)\]/.exec(h)?.[1]), [
    // Mar 2024, Jul 2024, Feb 2025 (the month-only MOU piece from 1 Feb, then 11 Feb), Mar 2025,
    // Apr 2025: the April report, the shutdown "since April", Rodong's claim about April to 18 Aug
    'STATE MEDIA', 'ROK GOVERNMENT', 'ROK GOVERNMENT', 'STATE MEDIA', 'STATE MEDIA', 'OUTSIDE REPORT', 'OUTSIDE REPORT', 'STATE MEDIA',
    // Aug 2025: the month-dated report and two quotes, the inspection from 12 Aug
    'OUTSIDE REPORT', 'OUTSIDE REPORT', 'OUTSIDE REPORT', 'OUTSIDE REPORT',
  ]);
  assert.ok(!s.join('').includes('…'), 'nothing in the section is cut');
});
