import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { exportToFile, formatFromPath, renderExport, ExportError, type ExportMeta } from '../../src/export/index.js';

const FRAME = '\u001b[1mnk20x10\u001b[0m 김형직군 Kim Hyong Jik\n╭──╮ ⣿⣀\n╰──╯';
const CAPTURE = { ansi: FRAME, cols: 40, rows: 3 };
const META: ExportMeta = { title: 'Export', asOf: '2025-06-30', legend: [], credits: ['Data: test'], generatedAt: null };

test('formatFromPath maps extensions', () => {
  assert.equal(formatFromPath('a/b.SVG'), 'svg');
  assert.equal(formatFromPath('x.png'), 'png');
  assert.equal(formatFromPath('x.htm'), 'html');
  assert.equal(formatFromPath('x.txt'), 'txt');
  assert.equal(formatFromPath('x.ans'), 'ansi');
  assert.equal(formatFromPath('x.pdf'), undefined);
});

test('renderExport: ansi is the raw frame; the others are rendered', async () => {
  assert.equal(await renderExport(CAPTURE, META, 'ansi'), FRAME);
  assert.ok(String(await renderExport(CAPTURE, META, 'svg')).includes('<svg'));
  assert.ok(String(await renderExport(CAPTURE, META, 'txt')).includes('nk20x10 김형직군 Kim Hyong Jik'));
  const png = await renderExport(CAPTURE, META, 'png', { scale: 1 });
  assert.ok(Buffer.isBuffer(png));
});

test('exportToFile writes every format by extension and refuses to overwrite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nk20x10-export-'));
  for (const name of ['s.svg', 's.png', 's.html', 's.txt', 's.ans']) {
    const { bytes } = await exportToFile(join(dir, name), CAPTURE, META);
    assert.ok(bytes > 0);
  }
  const png = PNG.sync.read(await readFile(join(dir, 's.png')));
  const svg = await readFile(join(dir, 's.svg'), 'utf8');
  const width = Number(/width="(\d+)"/.exec(svg)![1]);
  assert.equal(png.width, 2 * width, 'PNG defaults to 2× for print');
  await assert.rejects(exportToFile(join(dir, 's.svg'), CAPTURE, META), ExportError);
  await exportToFile(join(dir, 's.svg'), CAPTURE, META, { force: true });
  await assert.rejects(exportToFile(join(dir, 's.pdf'), CAPTURE, META), RangeError);
  assert.deepEqual((await readdir(dir)).sort(), ['s.ans', 's.html', 's.png', 's.svg', 's.txt']);
  await rm(dir, { recursive: true });
});
