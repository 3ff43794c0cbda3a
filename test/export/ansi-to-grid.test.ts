import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ansiToGrid, gridToText } from '../../src/export/ansi-to-grid.js';
import { PALETTE_256 } from '../../src/export/palette.js';

const ESC = '\u001b[';

test('SGR colours resolve to hex: 16-colour, 256-colour and truecolor, fg and bg', async () => {
  const frame = `${ESC}31mR${ESC}0m${ESC}38;5;33mB${ESC}0m${ESC}38;2;255;128;0mO${ESC}0m${ESC}48;2;10;200;30m ${ESC}0m${ESC}91mr${ESC}0m`;
  const g = await ansiToGrid(frame, 10, 2);
  const row = g.cells[0]!;
  assert.equal(row[0]!.fg, PALETTE_256[1]);
  assert.equal(row[1]!.fg, '#0087ff'); // 256-colour cube index 33
  assert.equal(row[2]!.fg, '#ff8000');
  assert.equal(row[3]!.bg, '#0ac81e');
  assert.equal(row[4]!.fg, PALETTE_256[9]);
  assert.equal(row[5]!.fg, undefined, 'default colour stays unset');
});

test('bold, dim, italic, underline and inverse are read from the emulator', async () => {
  const frame = `${ESC}1mb${ESC}0m${ESC}2md${ESC}0m${ESC}3mi${ESC}0m${ESC}4mu${ESC}0m${ESC}7mv${ESC}0m`;
  const [b, d, i, u, v] = (await ansiToGrid(frame, 8, 1)).cells[0]!;
  assert.equal(b!.bold, true);
  assert.equal(d!.dim, true);
  assert.equal(i!.italic, true);
  assert.equal(u!.underline, true);
  assert.equal(v!.inverse, true);
  assert.equal(b!.dim, undefined);
});

test('Hangul takes two cells: the character, then a width-0 continuation', async () => {
  const g = await ansiToGrid('김형직군 Kim Hyong Jik', 30, 1);
  const row = g.cells[0]!;
  assert.deepEqual(
    row.slice(0, 9).map((c) => [c.char, c.width]),
    [['김', 2], ['', 0], ['형', 2], ['', 0], ['직', 2], ['', 0], ['군', 2], ['', 0], [' ', 1]],
  );
  assert.equal(row[9]!.char, 'K');
  assert.equal(gridToText(g), '김형직군 Kim Hyong Jik');
});

test('newlines start new rows; the grid is exactly rows × cols; a trailing newline does not scroll', async () => {
  const g = await ansiToGrid('one\ntwo\nthree\n', 12, 3);
  assert.equal(g.cells.length, 3);
  for (const row of g.cells) assert.equal(row.length, 12);
  assert.equal(gridToText(g), 'one\ntwo\nthree');
});

test('a frame taller than the screen shows its last rows, as a terminal would', async () => {
  const g = await ansiToGrid('a\nb\nc\nd', 5, 2);
  assert.equal(gridToText(g), 'c\nd');
});

test('gridToText has no escape codes and trims trailing spaces', async () => {
  const g = await ansiToGrid(`${ESC}1;38;2;1;2;3mhi   ${ESC}0m   \n${ESC}7m x ${ESC}0m`, 20, 2);
  const text = gridToText(g);
  assert.ok(!text.includes('\u001b'));
  assert.equal(text, 'hi\n x');
});

test('cursor movement and erasing are applied, not printed', async () => {
  const g = await ansiToGrid(`hello${ESC}2D${ESC}K!`, 10, 1);
  assert.equal(gridToText(g), 'hel!');
});

test('rejects silly sizes', async () => {
  await assert.rejects(ansiToGrid('x', 0, 10), RangeError);
});
