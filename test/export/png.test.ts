import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { DOMParser } from '@xmldom/xmldom';
import { ansiToGrid } from '../../src/export/ansi-to-grid.js';
import { gridToSvg } from '../../src/export/svg.js';
import { svgToPng } from '../../src/export/png.js';
import { CELL_HEIGHT, CELL_WIDTH } from '../../src/export/geometry.js';
import { DEFAULT_BG } from '../../src/export/palette.js';
import type { ExportMeta } from '../../src/export/types.js';

const ESC = '\u001b[';
const R = `${ESC}0m`;
// Row 0: Latin; row 1: Hangul + Latin; row 2: truecolor background cells; row 3: braille and a box line.
const FRAME = [
  'Kim Hyong Jik',
  '김형직군 Kim',
  `${ESC}48;2;10;200;30m    ${R} ${ESC}48;2;200;40;160m    ${R}`,
  `⣿⣿ ──┼── █`,
].join('\n');
const COLS = 20;
const ROWS = 4;
const META: ExportMeta = { title: 'PNG test 김형직군', asOf: '2025-06-30', legend: [], credits: ['Data: test'], generatedAt: null };

async function renderBoth() {
  const svg = gridToSvg(await ansiToGrid(FRAME, COLS, ROWS), META);
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement!;
  const screen = Array.from(root.getElementsByTagName('g')).find((g) => g.getAttribute('id') === 'screen')!;
  const m = /translate\(([\d.]+) ([\d.]+)\)/.exec(screen.getAttribute('transform') ?? '');
  assert.ok(m, 'screen offset');
  return { svg, ox: Number(m[1]), oy: Number(m[2]), width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
}

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

type Img = { width: number; height: number; data: Buffer };

function pixel(img: Img, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
}

/** Pixels of a cell range that differ clearly from the screen background, and a signature of them. */
function inkIn(img: Img, ox: number, oy: number, row: number, col: number, cells = 1) {
  const bg = hexRgb(DEFAULT_BG);
  let count = 0;
  let signature = '';
  for (let y = row * CELL_HEIGHT; y < (row + 1) * CELL_HEIGHT; y++)
    for (let x = col * CELL_WIDTH; x < (col + cells) * CELL_WIDTH; x++) {
      const p = pixel(img, ox + x, oy + y);
      const ink = Math.abs(p[0] - bg[0]) + Math.abs(p[1] - bg[1]) + Math.abs(p[2] - bg[2]) > 60;
      if (ink) count++;
      signature += ink ? '#' : '.';
    }
  return { count, signature };
}

test('PNG: Latin and Hangul glyph cells have ink, and different glyphs look different (no tofu)', async () => {
  const { svg, ox, oy } = await renderBoth();
  const img = PNG.sync.read(svgToPng(svg, 1));
  const K = inkIn(img, ox, oy, 0, 0);
  const i = inkIn(img, ox, oy, 0, 1);
  const space = inkIn(img, ox, oy, 0, 3);
  assert.ok(K.count > 10, `K has ink (${K.count})`);
  assert.ok(i.count > 5, `i has ink (${i.count})`);
  assert.equal(space.count, 0, 'a space is blank');
  assert.notEqual(K.signature, i.signature);
  const kim = inkIn(img, ox, oy, 1, 0, 2);
  const hyong = inkIn(img, ox, oy, 1, 2, 2);
  const gun = inkIn(img, ox, oy, 1, 6, 2);
  for (const [name, cell] of [['김', kim], ['형', hyong], ['군', gun]] as const)
    assert.ok(cell.count > 25, `${name} has ink (${cell.count})`);
  assert.notEqual(kim.signature, hyong.signature, 'Hangul drawn from a real font, not a missing-glyph box');
  assert.notEqual(hyong.signature, gun.signature);
  assert.ok(inkIn(img, ox, oy, 1, 9).count > 10, 'K after the Hangul has ink');
});

test('PNG: a truecolor background cell has exactly that colour at its centre', async () => {
  const { svg, ox, oy } = await renderBoth();
  for (const scale of [1, 2] as const) {
    const img = PNG.sync.read(svgToPng(svg, scale));
    for (const [col, hex] of [[1, '#0ac81e'], [6, '#c828a0']] as const) {
      const p = pixel(img, (ox + col * CELL_WIDTH + CELL_WIDTH / 2) * scale, (oy + 2 * CELL_HEIGHT + CELL_HEIGHT / 2) * scale);
      const want = hexRgb(hex);
      for (let k = 0; k < 3; k++) assert.ok(Math.abs(p[k]! - want[k]!) <= 2, `scale ${scale} col ${col}: ${p} vs ${want}`);
    }
  }
});

test('PNG: braille dots and box lines are drawn', async () => {
  const { svg, ox, oy } = await renderBoth();
  const img = PNG.sync.read(svgToPng(svg, 1));
  assert.ok(inkIn(img, ox, oy, 3, 0).count > 8, 'braille ⣿ has dots');
  const line = inkIn(img, ox, oy, 3, 3);
  assert.ok(line.count >= CELL_WIDTH && line.count <= 3 * CELL_WIDTH, `─ is a thin line (${line.count})`);
  assert.equal(inkIn(img, ox, oy, 3, 9).count, CELL_WIDTH * CELL_HEIGHT, '█ fills its cell');
});

test('PNG: 2× doubles both dimensions of the 1× image, which matches the SVG size', async () => {
  const { svg, width, height } = await renderBoth();
  const one = PNG.sync.read(svgToPng(svg, 1));
  const two = PNG.sync.read(svgToPng(svg, 2));
  assert.deepEqual([one.width, one.height], [width, height]);
  assert.deepEqual([two.width, two.height], [2 * width, 2 * height]);
});

test('PNG: scale other than 1 or 2 is refused', () => {
  assert.throws(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', 3 as 1), RangeError);
});
