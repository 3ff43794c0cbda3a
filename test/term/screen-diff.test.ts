/**
 * The output stage, checked the way a terminal sees it: the bytes from screen-diff are played into
 * a real terminal emulator (@xterm/headless) after the previous frame, and the emulator's whole
 * screen must equal the new frame drawn from scratch. Random frames with styles, Hangul, emoji and
 * frames of every height catch the class of fault (a row off, a half-overwritten wide character,
 * a style leaking, a scroll), not one instance.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import xterm from '@xterm/headless';
import { diffScreen, fullRedraw } from '../../src/term/screen-diff.js';
import { TerminalScreen } from '../../src/term/terminal-screen.js';

const { Terminal } = xterm;

async function play(cols: number, rows: number, chunks: string[]): Promise<string[]> {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  for (const chunk of chunks) await new Promise<void>((resolve) => term.write(chunk, resolve));
  const buf = term.buffer.active;
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const line = buf.getLine(buf.viewportY + r);
    let text = '';
    for (let c = 0; c < cols; c++) {
      const cell = line?.getCell(c);
      if (!cell || cell.getWidth() === 0) continue;
      text += `${cell.getChars() || ' '}${cell.isBold() ? '*' : ''}${cell.isFgDefault() ? '' : `#${cell.getFgColor()}`}`;
    }
    out.push(text);
  }
  term.dispose();
  return out;
}

/** A seeded PRNG (mulberry32), so failures repeat. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'b', ' ', '─', '│', '강', '동', '⣿', 'x', 'Kim', ' · '];
function randomFrame(next: () => number, cols: number, rows: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    let width = 0;
    const target = Math.floor(next() * (cols + 4));
    while (width < target) {
      const piece = PIECES[Math.floor(next() * PIECES.length)]!;
      const w = [...piece].reduce((s, ch) => s + (/[강동]/.test(ch) ? 2 : 1), 0);
      const styled = next() < 0.3 ? `\u001b[1m\u001b[31m${piece}\u001b[39m\u001b[22m` : piece;
      line += styled;
      width += w;
    }
    lines.push(line);
  }
  return lines;
}

test('a diff played after the old frame gives the same screen as the new frame drawn from scratch (300 random pairs)', async () => {
  const next = rng(20261130);
  for (let i = 0; i < 300; i++) {
    const cols = 8 + Math.floor(next() * 30);
    const rows = 2 + Math.floor(next() * 8);
    const a = randomFrame(next, cols, rows);
    const b = next() < 0.5 ? randomFrame(next, cols, rows) : a.map((l, r) => (next() < 0.3 ? randomFrame(next, cols, 1)[0]! : l + (r % 2 ? '' : '')));
    const first = fullRedraw(cols, rows, a);
    const { bytes } = diffScreen(first.next, b);
    const incremental = await play(cols, rows, [first.bytes, bytes]);
    const scratch = await play(cols, rows, [fullRedraw(cols, rows, b).bytes]);
    assert.deepEqual(incremental, scratch, `pair ${i} at ${cols}×${rows}`);
    assert.doesNotMatch(first.bytes + bytes, /\n/, 'never a line break (the terminal must not scroll)');
  }
});

test('an unchanged frame writes nothing, and a one-cell change writes one short run', () => {
  const a = ['hello world', '강동군 inaugurated'];
  const first = fullRedraw(40, 2, a);
  assert.equal(diffScreen(first.next, a).bytes, '');
  const { bytes } = diffScreen(first.next, ['hello World', '강동군 inaugurated']);
  assert.equal(bytes, '\u001b[1;7H\u001b[0mW');
});

test('a frame taller or wider than the terminal is clipped, never scrolled or wrapped', async () => {
  const lines = ['0123456789ABCDEF', 'line 2', 'line 3', 'line 4 is past the last row'];
  const screen = await play(10, 3, [fullRedraw(10, 3, lines).bytes]);
  assert.deepEqual(screen, ['0123456789', 'line 2    ', 'line 3    ']);
});

test('TerminalScreen writes once per turn (the last frame), and redraws in full after resize', async () => {
  const out: string[] = [];
  const ts = new TerminalScreen({ out: { write: (d) => void out.push(d) }, cols: 20, rows: 3 });
  ts.stream.write('one\ntwo');
  ts.stream.write('uno\ndos');
  await new Promise((r) => setImmediate(r));
  assert.equal(out.length, 1);
  assert.deepEqual(await play(20, 3, out), ['uno                 ', 'dos                 ', '                    ']);
  let told = 0;
  ts.stream.on('resize', () => told++);
  ts.resize(10, 2);
  ts.stream.write('uno\ndos');
  await new Promise((r) => setImmediate(r));
  assert.equal(told, 1);
  assert.match(out.at(-1)!, /\u001b\[2J/, 'a resize clears and redraws');
  ts.pause();
  ts.stream.write('tres');
  await new Promise((r) => setImmediate(r));
  assert.equal(out.length, 2, 'nothing is written while paused');
});
