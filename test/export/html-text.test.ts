import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ansiToGrid, gridToText } from '../../src/export/ansi-to-grid.js';
import { gridToHtml } from '../../src/export/html.js';
import { gridToTextDocument } from '../../src/export/text-export.js';
import type { ExportMeta } from '../../src/export/types.js';

const ESC = '\u001b[';
const R = `${ESC}0m`;
const FRAME = [
  `${ESC}1;38;2;255;128;0mTitle${R} ${ESC}48;5;24m bg ${R}`,
  `┌────────────────────────┐`,
  `│${ESC}1m김형직군${R} Kim Hyong Jik   │`,
  `└────────────────────────┘`,
  `⣿⠁⢀⣀⡇ ░▒▓█`,
].join('\n');
const META: ExportMeta = {
  title: 'Regional factories \u001b]0;pwned\u0007',
  asOf: '2025-06-30',
  legend: [{ label: 'Operating', colour: '#2C7FB8', glyph: '▓' }, { label: 'Bad colour', colour: 'red;}</style>', glyph: '?' }],
  credits: ['Data: KCNA', 'Boundaries: geoBoundaries, https://www.geoboundaries.org (CC BY 4.0)'],
  schematicNote: 'Boundaries as of November 2020.',
  generatedAt: '2025-07-01T09:00:00Z',
};

test('txt: no ESC byte, the Hangul line once, with provenance around the screen', async () => {
  const grid = await ansiToGrid(FRAME, 30, 6);
  for (const text of [gridToText(grid), gridToTextDocument(grid, META)]) {
    assert.ok(!text.includes('\u001b'));
    assert.ok(!text.includes('\u0007'));
    assert.equal(text.split('김형직군 Kim Hyong Jik').length - 1, 1);
  }
  const doc = gridToTextDocument(grid, META);
  assert.ok(doc.startsWith('Regional factories\nData as of 2025-06-30\n'));
  assert.ok(doc.includes('│김형직군 Kim Hyong Jik   │\n'));
  assert.ok(doc.includes('Boundaries as of November 2020.'));
  assert.ok(doc.endsWith('Generated 2025-07-01T09:00:00Z\n'));
});

test('html: one self-contained file: no external references except URLs in credit text', async () => {
  const html = gridToHtml(await ansiToGrid(FRAME, 30, 6), META);
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  const withoutCredits = html.replace(/<p class="credit">[^<]*<\/p>/g, '');
  assert.ok(!/https?:|\/\/[a-z]/i.test(withoutCredits), 'no URL outside the credits');
  assert.ok(html.includes('https://www.geoboundaries.org'), 'credit text kept');
  for (const bad of ['<script', '<link', '<img', 'src=', 'url(', '@import']) assert.ok(!html.includes(bad), bad);
  assert.ok(html.includes("default-src 'none'"), 'CSP forbids loading anything');
});

test('html: header, legend and credits as in the SVG; hostile strings removed', async () => {
  const html = gridToHtml(await ansiToGrid(FRAME, 30, 6), META);
  assert.ok(html.includes('<h1>Regional factories</h1>'));
  assert.ok(html.includes('Data as of 2025-06-30'));
  assert.ok(html.includes('background:#2c7fb8'));
  assert.ok(html.includes('background:#808080'), 'invalid legend colour replaced');
  assert.ok(!html.includes('</style>"') && !html.includes('red;}'));
  assert.ok(html.includes('<p class="note">Boundaries as of November 2020.</p>'));
  assert.ok(html.includes('Generated 2025-07-01T09:00:00Z'));
  assert.ok(!html.includes('\u001b') && !html.includes('pwned'));
});

test('html: the screen is the same vector drawing as the SVG, inline, plus the text for copying', async () => {
  const grid = await ansiToGrid(FRAME, 30, 6);
  const html = gridToHtml(grid, META);
  const svgs = html.match(/<svg class="screen"[^>]*>/g) ?? [];
  assert.equal(svgs.length, 1);
  assert.match(svgs[0]!, /width="300" height="132"/);
  assert.ok(!html.includes('xmlns'), 'inline SVG needs no namespace URL');
  const screen = html.slice(html.indexOf('<svg class="screen"'), html.indexOf('</svg>', html.indexOf('<svg class="screen"')));
  assert.equal((screen.match(/<circle /g) ?? []).length, 8 + 1 + 1 + 2 + 4, 'braille as dots');
  assert.ok(screen.includes('textLength="20" lengthAdjust="spacingAndGlyphs" fill="#d0d0d0" font-weight="bold">김</text>'), 'Hangul two cells wide');
  assert.ok(screen.includes('>Kim</text>'));
  assert.ok(!/[\u2500-\u257f\u2800-\u28ff]/.test(screen), 'box drawing and braille drawn, not left to fonts');
  const pre = /<pre>([\s\S]*)<\/pre>/.exec(html)![1]!;
  assert.equal(pre, gridToText(grid), 'the text block is the screen text');
  assert.equal(pre.split('김형직군 Kim Hyong Jik').length - 1, 1);
});

test('html: deterministic for the same input', async () => {
  const a = gridToHtml(await ansiToGrid(FRAME, 30, 6), { ...META, generatedAt: null });
  const b = gridToHtml(await ansiToGrid(FRAME, 30, 6), { ...META, generatedAt: null });
  assert.equal(a, b);
  assert.ok(!a.includes('Generated'));
});
