/**
 * Frame text to terminal cells, checked against a terminal emulator (@xterm/headless): whatever
 * path turns a line into cells (the direct scan of SGR + one-cell text, Ink's tokenizer for the
 * rest, or cached pieces of a composed dashboard frame), drawing those cells must give exactly
 * the screen the terminal shows when it is sent the line itself: characters, colours (16, 256 and
 * true colour, foreground and background), bold, dim, italic, underline and inverse.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chalk } from 'chalk';
import { renderToString } from 'ink';
import xterm from '@xterm/headless';
import { lineToCells, tokenizedCells, type CellPiece } from '../../src/term/cells.js';
import { displayWidth } from '../../src/text/width.js';
import { fullRedraw } from '../../src/term/screen-diff.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { FrameSink } from '../../src/ui/Frame.js';
import type { ComposedFrame } from '../../src/view/frame.js';
import { startState } from '../../src/ui/run.js';
import { bundledAtlas } from '../helpers/ui.js';

const { Terminal } = xterm;

/** The emulator's screen, cell by cell, with every attribute a frame can set. */
async function screenOf(cols: number, rows: number, data: string): Promise<string[]> {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(data, resolve));
  const buf = term.buffer.active;
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const line = buf.getLine(buf.viewportY + r);
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = line?.getCell(c);
      if (!cell || cell.getWidth() === 0) continue;
      const fg = cell.isFgDefault() ? '' : `f${cell.getFgColorMode()}:${cell.getFgColor()}`;
      const bg = cell.isBgDefault() ? '' : `b${cell.getBgColorMode()}:${cell.getBgColor()}`;
      const attrs = `${cell.isBold() ? 'B' : ''}${cell.isDim() ? 'D' : ''}${cell.isItalic() ? 'I' : ''}${cell.isUnderline() ? 'U' : ''}${cell.isInverse() ? 'V' : ''}`;
      cells.push(`${cell.getChars() || ' '}${fg}${bg}${attrs}`);
    }
    out.push(cells.join('|'));
  }
  term.dispose();
  return out;
}

/** The line sent as is, one row per line (absolute moves, no scrolling). */
const direct = (lines: readonly string[]) => lines.map((l, r) => `\u001b[${r + 1};1H\u001b[0m${l}\u001b[0m`).join('');

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Kim', ' ', '─', '│', '╭', '⣿', '▒', '·', 'ŏ', '…', 'x', '  ', '─│'];
const HEX = ['#ff0000', '#1f77b4', '#ffffff', '#2ca02c', '#7f7f7f'];

test('styled one-cell text: the direct scan draws what the terminal draws (200 random lines at colour levels 1-3)', async () => {
  const next = rng(1201);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  for (let i = 0; i < 200; i++) {
    const chalk = new Chalk({ level: (1 + (i % 3)) as 1 | 2 | 3 });
    const target = 10 + Math.floor(next() * 40);
    let line = '';
    while (line.replace(/\u001b\[[0-9;]*m/g, '').length < target) {
      let c = chalk;
      if (next() < 0.5) c = c.hex(pick(HEX));
      if (next() < 0.3) c = c.bgHex(pick(HEX));
      if (next() < 0.2) c = c.bold;
      if (next() < 0.2) c = c.dim;
      if (next() < 0.1) c = c.italic;
      if (next() < 0.15) c = c.inverse;
      if (next() < 0.1) c = c.underline;
      const word = pick(WORDS);
      line += next() < 0.3 ? c(`${word}${c.reset('')}${word}`) : next() < 0.8 ? c(word) : word;
    }
    // The terminal is at least as wide as the line (a terminal would wrap a longer one).
    const cols = line.replace(/\u001b\[[0-9;]*m/g, '').length + Math.floor(next() * 4);
    const cells = lineToCells(line, cols);
    const tokenized = tokenizedCells(line, cols);
    assert.deepEqual(cells.map((c) => c.ch), tokenized.map((c) => c.ch), `line ${i}: same characters both ways`);
    const drawn = await screenOf(cols, 1, fullRedraw(cols, 1, [line]).bytes);
    assert.deepEqual(drawn, await screenOf(cols, 1, direct([line])), `line ${i}: ${JSON.stringify(line)}`);
  }
});

test('composed dashboard frames: cells from cached pieces draw exactly what the frame lines draw', async () => {
  const atlas = bundledAtlas();
  const { ctx, state } = startState(atlas, '2025-12-31');
  for (const [cols, rows] of [[160, 48], [100, 30], [80, 24]] as const) {
    for (const s of [state, { ...state, focus: 'detail' as const }, { ...state, overlay: 'help' as const }]) {
      let frame: ComposedFrame | undefined;
      renderToString(
        <FrameSink value={(f) => (frame = f)}>
          <Dashboard atlas={atlas} ctx={ctx} state={s} cols={cols} rows={rows} colorLevel={3} />
        </FrameSink>,
        { columns: cols },
      );
      assert.ok(frame, 'the frame reached the sink');
      assert.equal(frame.lines.length, rows);
      const fromPieces = await screenOf(cols, rows, fullRedraw(cols, rows, frame.lines, frame.rows).bytes);
      assert.deepEqual(fromPieces, await screenOf(cols, rows, fullRedraw(cols, rows, frame.lines).bytes), `${cols}×${rows}`);
      assert.deepEqual(fromPieces, await screenOf(cols, rows, direct(frame.lines)), `${cols}×${rows}: as the terminal draws the lines`);
    }
  }
});

test('a frame drawn on a screen of another size (the moment of a resize) is cut cleanly and never scrolls the terminal', async () => {
  const atlas = bundledAtlas();
  const { ctx, state } = startState(atlas, '2025-12-31');
  const sizes = [[160, 48], [120, 40], [100, 30], [80, 24], [60, 16]] as const;
  // Map titles and lists carry Hangul: two-cell characters land on every possible right edge.
  const states = [state, { ...state, mapProvince: 'kaesong' }, { ...state, mapProvince: 'ryanggang', mapNames: 'ko' as const }];
  for (const [fc, fr] of sizes) {
    for (const s of states) {
      let frame: ComposedFrame | undefined;
      renderToString(
        <FrameSink value={(f) => (frame = f)}>
          <Dashboard atlas={atlas} ctx={ctx} state={s} cols={fc} rows={fr} colorLevel={3} />
        </FrameSink>,
        { columns: fc },
      );
      assert.ok(frame);
      for (const [cols, rows] of sizes) {
        for (const via of ['pieces', 'lines'] as const) {
          const bytes = fullRedraw(cols, rows, frame.lines, via === 'pieces' ? frame.rows : undefined).bytes;
          const term = new Terminal({ cols, rows, allowProposedApi: true });
          await new Promise<void>((resolve) => term.write(bytes, resolve));
          const buf = term.buffer.active;
          const top = buf.getLine(0)?.translateToString(true) ?? '';
          term.dispose();
          assert.equal(buf.baseY, 0, `${fc}×${fr} frame on ${cols}×${rows} via ${via}: the terminal scrolled`);
          assert.ok(top.trimEnd().length > 0, `${fc}×${fr} frame on ${cols}×${rows} via ${via}: the header is gone`);
        }
      }
    }
  }
});

test('a piece cut by the right edge never leaves half of a two-cell character there (the terminal would wrap and scroll)', async () => {
  const cols = 20;
  const rows = 3;
  for (let x = 0; x < cols; x++) {
    for (const text of ['함경북도 개성특별시', 'a함경북도 개성특별시', '\u001b[1m함\u001b[22m경북도', '⣿한⣿글⣿']) {
      const width = displayWidth(text.replace(/\u001b\[[0-9;]*m/g, ''));
      const pieces: CellPiece[][] = [[], [], [{ x, width, text }]];
      const bytes = fullRedraw(cols, rows, ['top', '', text], pieces).bytes;
      const term = new Terminal({ cols, rows, allowProposedApi: true });
      await new Promise<void>((resolve) => term.write(bytes, resolve));
      const baseY = term.buffer.active.baseY;
      term.dispose();
      assert.equal(baseY, 0, `"${text}" at column ${x} of ${cols}: the terminal scrolled`);
    }
  }
});
