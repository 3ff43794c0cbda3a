import { test } from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import { LEGEND, MAP_STATUSES, legendEntries } from '../../src/map/legend.js';

test('the legend covers the status vocabulary in display order', () => {
  assert.deepEqual(MAP_STATUSES, ['cursor', 'selected', 'under_construction', 'inaugurated', 'operating', 'underproducing', 'operating_for_show', 'disrupted', 'unknown', 'none']);
  assert.deepEqual(legendEntries().map((e) => e.status), [...MAP_STATUSES]);
});

test('every status has its own colour and its own one-column NO_COLOR glyph', () => {
  const entries = legendEntries();
  assert.equal(new Set(entries.map((e) => e.colour)).size, entries.length);
  assert.equal(new Set(entries.map((e) => e.glyph)).size, entries.length);
  for (const e of entries) {
    assert.match(e.colour, /^#[0-9A-F]{6}$/);
    assert.match(e.text, /^#[0-9A-F]{6}$/);
    assert.equal(stringWidth(e.glyph), 1, `${e.status} glyph ${e.glyph}`);
    assert.ok(e.label.length > 0);
  }
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test('the programme progression gets darker step by step, and text on every fill is legible', () => {
  const l = ['under_construction', 'inaugurated', 'operating'].map((s) => luminance(LEGEND[s as 'operating'].colour));
  assert.ok(l[0]! > l[1]! && l[1]! > l[2]!);
  for (const e of legendEntries()) {
    const [hi, lo] = [luminance(e.colour), luminance(e.text)].sort((a, b) => b - a);
    assert.ok((hi! + 0.05) / (lo! + 0.05) >= 4.5, `${e.status}: contrast of text on fill`);
  }
});

test('NO_COLOR counts only when set to something', async () => {
  const { noColorRequested } = await import('../../src/map/legend.js');
  assert.equal(noColorRequested({ NO_COLOR: '1' }), true);
  assert.equal(noColorRequested({ NO_COLOR: '' }), false);
  assert.equal(noColorRequested({}), false);
});
