import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTable } from '../../src/text/table.js';
import { displayWidth, truncateCells } from '../../src/text/width.js';

test('columns line up by display width when rows mix Hangul and Latin', () => {
  const lines = renderTable(
    [{ header: 'Item' }, { header: 'Won', align: 'right' }],
    [
      ['세숫비누 face soap', '2,500'],
      ['sneakers', '20,000'],
    ],
  );
  const won = lines.map((l) => displayWidth(l));
  assert.equal(new Set(won).size, 1, lines.join('\n'));
  assert.ok(lines[2]!.endsWith(' 2,500'));
});

test('truncation never splits a wide character', () => {
  assert.equal(truncateCells('김형직군', 4), '김…');
  assert.equal(displayWidth(truncateCells('김형직군', 5)), 5);
});

test('display width agrees with string-width on the fast path and off it', async () => {
  const { default: stringWidth } = await import('string-width');
  for (const t of ['abc', 'Sŏngch’ŏn-gun', '· … – —', '⣿⠁', '─│╭', '█▓▒░', '김형직군 Kim', '👩‍🏭', 'e\u0301', 'soft\u00adhyphen', '金亨稷']) {
    assert.equal(displayWidth(t), stringWidth(t), JSON.stringify(t));
  }
});
