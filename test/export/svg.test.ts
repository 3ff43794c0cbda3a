import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ansiToGrid } from '../../src/export/ansi-to-grid.js';
import { gridToSvg } from '../../src/export/svg.js';
import { CELL_HEIGHT, CELL_WIDTH } from '../../src/export/geometry.js';
import type { ExportMeta } from '../../src/export/types.js';

const ESC = '\u001b[';
const R = `${ESC}0m`;

/** A small screen with everything a dashboard frame has. Hangul line on row 2 from column 1. */
const FRAME = [
  `${ESC}1;31mRed bold${R} ${ESC}38;5;33mBlue256${R} ${ESC}38;2;255;128;0mOrange${R} ${ESC}4munder${R}`,
  `${ESC}38;5;245m┌──────────────────────┐${R}`,
  `${ESC}38;5;245m│${R}김형직군 Kim Hyong Jik ${ESC}38;5;245m│${R}`,
  `${ESC}38;5;245m└──────────────────────┘${R}`,
  `${ESC}38;2;138;138;138m⣿⠁⢀⣀⡇${R}`,
  `${ESC}48;2;10;200;30m   ${R}${ESC}38;2;200;10;10m█▓▒░▀▄▌▐${R}`,
  `abc\u202edef ${ESC}7minv${R} ${ESC}2mdim${R}`,
  'Kim Hyŏng-jik · → ★ end',
].join('\n');
const COLS = 40;
const ROWS = 8;

const META: ExportMeta = {
  title: 'Regional factories \u001b]0;x\u0007 20×10',
  subtitle: 'Claims beside reporting',
  asOf: '2025-06-30',
  legend: [
    { label: 'Operating', colour: '#2C7FB8', glyph: '▓' },
    { label: 'Disrupted \u202eevil', colour: '#D55E00', glyph: '!' },
  ],
  credits: ['Data: KCNA; 38 North', 'Boundaries: geoBoundaries (CC BY 4.0) https://www.geoboundaries.org'],
  schematicNote: 'Boundaries as of November 2020.',
  generatedAt: null,
};

function parse(svg: string) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement!;
  assert.equal(root.nodeName, 'svg');
  return root;
}

function all(el: Element, tag: string): Element[] {
  return Array.from(el.getElementsByTagName(tag));
}

function screenOf(root: Element): Element {
  const g = all(root, 'g').find((e) => e.getAttribute('id') === 'screen');
  assert.ok(g, 'screen group');
  return g;
}

/** Every character drawn as text on the screen, by (row, col). */
function textCells(screen: Element): Map<string, { char: string; el: Element }> {
  const out = new Map<string, { char: string; el: Element }>();
  for (const t of all(screen, 'text')) {
    const xs = t.getAttribute('x')!.split(' ').map(Number);
    const row = Math.floor(Number(t.getAttribute('y')) / CELL_HEIGHT);
    const chars = [...(t.textContent ?? '')];
    assert.equal(xs.length, chars.length, `one x per character in "${t.textContent}"`);
    chars.forEach((char, i) => {
      const x = xs[i]!;
      assert.equal(x % CELL_WIDTH, 0, `x=${x} is on a cell boundary`);
      out.set(`${row},${x / CELL_WIDTH}`, { char, el: t });
    });
  }
  return out;
}

async function render(meta: ExportMeta = META): Promise<string> {
  return gridToSvg(await ansiToGrid(FRAME, COLS, ROWS), meta);
}

test('text sits on the cell grid: each character at x = col × cellWidth on its row', async () => {
  const cells = textCells(screenOf(parse(await render())));
  const word = (row: number, col: number, len: number) =>
    Array.from({ length: len }, (_, i) => cells.get(`${row},${col + i}`)?.char ?? ' ').join('');
  assert.equal(word(0, 0, 8), 'Red bold');
  assert.equal(word(0, 9, 7), 'Blue256');
  assert.equal(word(0, 17, 6), 'Orange');
  assert.equal(cells.get('0,0')!.el.getAttribute('font-weight'), 'bold');
  assert.equal(cells.get('0,0')!.el.getAttribute('fill'), '#cc0000');
  assert.equal(cells.get('0,9')!.el.getAttribute('fill'), '#0087ff');
  assert.equal(cells.get('0,17')!.el.getAttribute('fill'), '#ff8000');
});

test('Hangul sits at x = col × cellWidth, two cells each, and the ASCII after it starts 8 cells later', async () => {
  const cells = textCells(screenOf(parse(await render())));
  const hangul = ['김', '형', '직', '군'];
  hangul.forEach((ch, i) => {
    const c = cells.get(`2,${1 + 2 * i}`);
    assert.ok(c, `${ch} at column ${1 + 2 * i}`);
    assert.equal(c.char, ch);
    assert.equal(c.el.getAttribute('textLength'), String(2 * CELL_WIDTH));
    assert.equal(c.el.getAttribute('lengthAdjust'), 'spacingAndGlyphs');
    assert.equal(cells.get(`2,${2 + 2 * i}`), undefined, 'nothing drawn in the continuation cell');
  });
  // "김형직군" occupies columns 1–8, the space column 9, "Kim" starts at column 10.
  assert.equal(cells.get('2,10')!.char, 'K');
  assert.equal(Number(cells.get('2,10')!.el.getAttribute('x')!.split(' ')[0]), 10 * CELL_WIDTH);
});

test('symbols beyond Latin are pinned to their own cell; Latin Extended stays in the run', async () => {
  const cells = textCells(screenOf(parse(await render())));
  const line = 'Kim Hyŏng-jik · → ★ end';
  [...line].forEach((ch, col) => {
    if (ch === ' ') return;
    assert.equal(cells.get(`7,${col}`)?.char, ch, `${ch} at column ${col}`);
  });
  const star = cells.get('7,18')!.el;
  assert.equal(star.textContent, '★');
  assert.equal(star.getAttribute('textLength'), String(CELL_WIDTH), 'one cell wide whatever the font');
  assert.equal(cells.get('7,6')!.el.textContent, 'Hyŏng-jik', 'ŏ is part of the Latin run');
});

test('braille becomes circles (one per raised dot), never text', async () => {
  const svg = await render();
  const screen = screenOf(parse(svg));
  const circles = all(screen, 'circle');
  // ⣿ 8 dots, ⠁ 1, ⢀ 1, ⣀ 2, ⡇ 4.
  assert.equal(circles.length, 16);
  for (const c of circles) {
    const row = Math.floor(Number(c.getAttribute('cy')) / CELL_HEIGHT);
    assert.equal(row, 4);
    assert.equal((c.parentNode as Element).getAttribute('fill'), '#8a8a8a');
  }
  assert.ok(!/[\u2800-\u28ff]/.test(svg));
});

/** Non-background rectangles drawn in a colour, in screen coordinates. */
function shapeRects(screen: Element, colour: string) {
  return all(screen, 'rect')
    .filter((r) => (r.parentNode as Element).getAttribute('fill') === colour)
    .map((r) => ({
      x: Number(r.getAttribute('x')),
      y: Number(r.getAttribute('y')),
      w: Number(r.getAttribute('width')),
      h: Number(r.getAttribute('height')),
    }));
}

test('box drawing becomes lines through the cell centres, joined across cells, never text', async () => {
  const svg = await render();
  const screen = screenOf(parse(svg));
  const lines = shapeRects(screen, '#8a8a8a');
  const covered = (x: number, y: number) => lines.some((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);
  const centre = (row: number, col: number): [number, number] => [col * CELL_WIDTH + CELL_WIDTH / 2 - 0.5, row * CELL_HEIGHT + CELL_HEIGHT / 2 - 0.5];
  // Top border: every cell from ┌ to ┐ has a line through its centre; horizontal runs are merged.
  for (let col = 0; col <= 23; col++) assert.ok(covered(...centre(1, col)), `row 1 col ${col}`);
  assert.ok(lines.some((r) => r.w >= 20 * CELL_WIDTH && r.h <= 3), 'the ─ run is one long rectangle');
  // Sides reach the cell's top and bottom edges, so they join the corners above and below.
  const side = lines.find((r) => r.x < CELL_WIDTH && r.y === 2 * CELL_HEIGHT);
  assert.ok(side && side.h === CELL_HEIGHT, 'vertical side spans its whole cell');
  assert.ok(covered(...centre(3, 0)) && covered(...centre(3, 23)));
  assert.ok(!/[\u2500-\u257f]/.test(svg), 'no box-drawing characters left as text');
});

test('block elements become rectangles (shades as opacity); truecolor backgrounds become rects', async () => {
  const svg = await render();
  const screen = screenOf(parse(svg));
  const red = all(screen, 'rect').filter((r) => (r.parentNode as Element).getAttribute('fill') === '#c80a0a');
  assert.ok(red.length >= 6);
  const opacities = red.map((r) => r.getAttribute('fill-opacity')).filter(Boolean).sort();
  assert.deepEqual(opacities, ['0.25', '0.5', '0.75']);
  const green = shapeRects(screen, '#0ac81e');
  assert.deepEqual(green, [{ x: 0, y: 5 * CELL_HEIGHT, w: 3 * CELL_WIDTH, h: CELL_HEIGHT }], 'one merged background run');
  assert.ok(!/[\u2580-\u259f]/.test(svg.replace(/<title>.*<\/title>/, '')));
});

test('inverse swaps colours, dim fades, underline is drawn', async () => {
  const screen = screenOf(parse(await render()));
  const cells = textCells(screen);
  // U+202E has no width: it joins the "c" cell (and is dropped by the sanitiser), so "inv" starts at column 7.
  const inv = cells.get('6,7')!;
  assert.equal(inv.char, 'i');
  assert.equal(inv.el.getAttribute('fill'), '#121212', 'inverse text takes the background colour');
  assert.ok(shapeRects(screen, '#d0d0d0').some((r) => r.x === 7 * CELL_WIDTH && r.w === 3 * CELL_WIDTH && r.h === CELL_HEIGHT));
  assert.notEqual(cells.get('6,11')!.el.getAttribute('fill'), '#d0d0d0', 'dim text is not full colour');
  const underline = all(screen, 'rect').find(
    (r) => Number(r.getAttribute('x')) === 24 * CELL_WIDTH && Number(r.getAttribute('width')) === 5 * CELL_WIDTH,
  );
  assert.ok(underline, 'underline under "under"');
});

test('the frame carries title, as-of, legend, credits and the note', async () => {
  const root = parse(await render());
  const texts = all(root, 'text').map((t) => t.textContent ?? '');
  const joined = texts.join('\n');
  assert.ok(texts.includes('Regional factories 20×10'), 'title, with the escape sequence removed');
  assert.ok(joined.includes('2025-06-30'));
  assert.ok(texts.includes('Operating'));
  assert.ok(texts.includes('Data: KCNA; 38 North'));
  assert.ok(joined.includes('geoBoundaries (CC BY 4.0)'));
  assert.ok(texts.includes('Boundaries as of November 2020.'));
  assert.ok(!joined.includes('Generated'), 'no generation time when generatedAt is null');
  assert.equal(all(root, 'title')[0]!.textContent, 'Regional factories 20×10');
  const swatches = all(root, 'rect').map((r) => r.getAttribute('fill'));
  assert.ok(swatches.includes('#2c7fb8') && swatches.includes('#d55e00'), 'legend swatches');
});

test('hostile strings (OSC title sequence, bidi override) do not reach the SVG', async () => {
  const svg = await render({ ...META, credits: [...META.credits, 'x\u001b]0;x\u0007y \u202ez <script>'] });
  for (const bad of ['\u001b', '\u0007', '\u202e', ']0;x', '<script>']) assert.ok(!svg.includes(bad), JSON.stringify(bad));
  assert.ok(svg.includes('&lt;script&gt;'));
  assert.ok(svg.includes('abcdef'), 'grid text kept, bidi override dropped');
});

test('same input, generatedAt null → byte-identical SVG; generatedAt shown when given', async () => {
  const a = await render();
  const b = await render();
  assert.equal(a, b);
  const c = await render({ ...META, generatedAt: '2025-07-01T09:00:00Z' });
  assert.notEqual(a, c);
  assert.ok(c.includes('Generated 2025-07-01T09:00:00Z'));
});

test('the SVG is well-formed and sized to the frame', async () => {
  const root = parse(await render());
  const w = Number(root.getAttribute('width'));
  const h = Number(root.getAttribute('height'));
  assert.ok(w >= COLS * CELL_WIDTH && h >= ROWS * CELL_HEIGHT);
  assert.equal(root.getAttribute('viewBox'), `0 0 ${w} ${h}`);
});
