/**
 * Text width agrees everywhere, and wrapping never loses text.
 * - The layout's width of each drawn string (displayWidth of cellSafe) equals the export grid's
 *   (@xterm/headless with the Unicode 11 widths the export uses); tmux is checked by the e2e script with the same strings (test/helpers/width-cases.ts).
 * - wrapCells keeps every character; text without spaces (Chinese, Japanese) wraps by character.
 * - Wrapped detail text (timeline, notes, quotes) of every site, at every pane width, fits its pane (a wider line would be
 *   cut with …, dropping words: the class of "Kim Jong Un gives… speech").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import xterm from '@xterm/headless';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { buildSiteReport } from '../../src/model/site-report.js';
import { cellSafe } from '../../src/text/cell-safe.js';
import { sanitizeInline } from '../../src/text/sanitize.js';
import { displayWidth, wrapCells } from '../../src/text/width.js';
import { plain } from '../../src/view/paint.js';
import { siteDetailLines } from '../../src/view/detail-lines.js';
import { bundledAtlas } from '../helpers/ui.js';
import { WIDTH_CASES } from '../helpers/width-cases.js';



async function gridWidth(text: string): Promise<number> {
  const term = new xterm.Terminal({ cols: 80, rows: 2, allowProposedApi: true });
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  await new Promise<void>((resolve) => term.write(text, resolve));
  const x = term.buffer.active.cursorX;
  term.dispose();
  return x;
}

test('every test string has the same width in the layout and in the export grid once made cell-safe', async () => {
  for (const raw of WIDTH_CASES) {
    const drawn = sanitizeInline(raw);
    assert.equal(displayWidth(drawn), await gridWidth(drawn), `${JSON.stringify(raw)} drawn as ${JSON.stringify(drawn)}`);
  }
  assert.equal(cellSafe('☁️'), '☁');
  assert.equal(cellSafe('👨‍👩‍👧 family'), '👨 family');
  assert.equal(cellSafe('👍🏽'), '👍');
  assert.equal(cellSafe('cafe\u0301'), 'café');
  assert.equal(cellSafe('강동군 Kangdong'), '강동군 Kangdong');
});

test('wrapping keeps every character and breaks text without spaces by character', () => {
  const cjk = '人民生活を向上させるための地方発展政策は大きな成果を上げている';
  const lines = wrapCells(cjk, 20);
  assert.ok(lines.length > 1, 'wraps instead of cutting to one line');
  assert.equal(lines.join(''), cjk);
  for (const l of lines) assert.ok(displayWidth(l) <= 20, l);
  const words = 'Kim Jong Un gives a speech at the inauguration of the regional-industry factories of Kangdong';
  for (const width of [1, 3, 5, 8, 13, 21, 34]) {
    const wrapped = wrapCells(words, width);
    assert.equal(wrapped.join(' ').replace(/\s+/g, ''), words.replace(/\s+/g, ''), `width ${width}`);
    for (const l of wrapped) assert.ok(displayWidth(l) <= width, `${width}: ${l}`);
  }
});

test('wrapped detail text never loses a word: every statement (timeline title or quote) and note of every site, at every pane width', () => {
  const atlas = bundledAtlas();
  const failures: string[] = [];
  for (const site of atlas.dataset.sites) {
    const report = buildSiteReport(atlas.dataset, site, '2026-11-30');
    // The timeline is drawn as the state media | outside comparison: each statement's words.
    const prose = [...report.statements.map((s) => s.text), ...report.notes.map((n) => n.text)];
    for (const w of [31, 42, 58, 90]) {
      const lines = siteDetailLines(report, w, false).map((line) => plain(line));
      // From TWO_COLUMN_MIN_WIDTH the comparison stands in two columns: read each column on its own.
      const header = lines.find((l) => /^ {2}STATE MEDIA +│ OUTSIDE SOURCES$/.test(l));
      const sep = header === undefined ? -1 : displayWidth(header.slice(0, header.indexOf('│')));
      const left: string[] = [];
      const right: string[] = [];
      for (const l of lines) {
        if (sep < 0 || !l.includes('│')) left.push(l);
        else {
          const chars = [...l];
          let x = 0;
          let i = 0;
          while (i < chars.length && x < sep) x += displayWidth(chars[i++]!);
          left.push(chars.slice(0, i).join(''));
          right.push(chars.slice(i + 1).join(''));
        }
      }
      const shown = [...left, ...right]
        .filter((l) => displayWidth(l) <= w)
        .join(' ')
        .replace(/[\s?]+/g, ''); // ' ?' marks an uncertain item after its first line
      for (const p of prose) if (!shown.includes(sanitizeInline(p).replace(/[\s?]+/g, ''))) failures.push(`${site.id} at ${w}: ${p.slice(0, 60)}`);
    }
  }
  assert.deepEqual(failures.slice(0, 10), []);
});
