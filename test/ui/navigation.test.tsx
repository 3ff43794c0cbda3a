import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorLine, KEYS, mount } from '../helpers/ui.js';

test('the national view shows the header, map, grouped list and the first site in detail', async () => {
  const ui = await mount({ asOf: '2026-03-01' });
  const f = ui.frame();
  assert.match(f, /Regional Development 20×10/);
  assert.match(f, /as of 2026-03-01/);
  assert.match(f, /Inaugurated 40 of 200 \(2024: 20\/20 · 2025: 20\/20 · 2026: 0\/20\)/);
  assert.match(f, /Map · national \(z: zoom\) · OSM 2020 boundaries/);
  assert.match(f, /▾ Pyongyang 평양시/);
  assert.match(f, /▾ North Pyongan 평안북도/);
  assert.match(cursorLine(f), /Kangdong 강동군/);
  assert.match(f, /│Kangdong County  강동군/, 'detail pane shows the selected site');
  ui.unmount();
});

test('j/k and arrows move between counties; l/h, Tab and ] move between provinces; g/G jump', async () => {
  const ui = await mount({ asOf: '2026-03-01' });
  await ui.press('j');
  assert.match(cursorLine(ui.frame()), /Kangnam/);
  await ui.press(KEYS.down, KEYS.up, 'k');
  assert.match(cursorLine(ui.frame()), /Kangdong/);
  await ui.press('l');
  assert.match(cursorLine(ui.frame()), /Maengsan 맹산군/, 'first site of South Pyongan');
  await ui.press(KEYS.tab);
  assert.match(cursorLine(ui.frame()), /Kujang/, 'first site of North Pyongan');
  await ui.press(']', 'h');
  assert.match(cursorLine(ui.frame()), /Kujang/);
  await ui.press(KEYS.left);
  assert.match(cursorLine(ui.frame()), /Maengsan/);
  await ui.press('G');
  assert.match(cursorLine(ui.frame()), /Phanmun District/);
  await ui.press('g');
  assert.match(cursorLine(ui.frame()), /Pyongyang 평양시/);
  ui.unmount();
});

test('Enter on a province closes and reopens it, with its count', async () => {
  const ui = await mount({ asOf: '2026-03-01' });
  await ui.press('g', KEYS.enter);
  const closed = ui.frame();
  assert.match(closed, /▸ Pyongyang 평양시 +2/);
  assert.doesNotMatch(closed, /Kangnam 강남군/);
  await ui.press(' ');
  assert.match(ui.frame(), /Kangnam 강남군/);
  ui.unmount();
});

test('the map follows the list: the cursor county is drawn as the selection', async () => {
  const ui = await mount({ asOf: '2026-03-01' });
  const before = ui.frame();
  await ui.press('G');
  const after = ui.frame();
  assert.notEqual(before, after);
  assert.ok(after.includes('█'), 'NO_COLOR cursor glyph on the map');
  ui.unmount();
});

test('Enter on a county focuses the detail and PgDn scrolls it by a page, skipping no line', async () => {
  const ui = await mount({ asOf: '2025-12-31', rows: 30 });
  await ui.press('/');
  await ui.type('kimhyongjik');
  await ui.press(KEYS.enter, KEYS.enter);
  const top = ui.frame();
  assert.match(top, /PgUp\/PgDn scroll · Esc back/);
  const last = Number(/Detail \(1–(\d+) of/.exec(top)?.[1]);
  assert.ok(last > 1, top);
  await ui.press(KEYS.pageDown);
  // A page down keeps the last line shown as the first: no line is ever skipped.
  assert.match(ui.frame(), new RegExp(`Detail \\(${last}–`));
  await ui.press(KEYS.escape);
  assert.match(ui.frame(), /↑↓ county · ←→ province/);
  ui.unmount();
});

test('the map follows navigation: → zooms to the province, z and 0 and Esc go back to national', async () => {
  const ui = await mount({ asOf: '2026-03-01' });
  assert.match(ui.frame(), /Map · national/);
  await ui.press('l');
  let f = ui.frame();
  assert.match(f, /Map · South Pyongan 평안남도 \(z: national\)/);
  for (const name of ['Maengsan', 'Songchon', 'Sukchon']) assert.ok(f.includes(name), `${name} named on the zoomed map`);
  await ui.press('j');
  assert.match(ui.frame(), /Map · South Pyongan/, 'moving inside the province keeps the zoom');
  await ui.press('z');
  assert.match(ui.frame(), /Map · national/);
  await ui.press('z');
  assert.match(ui.frame(), /Map · South Pyongan/);
  await ui.press('0');
  assert.match(ui.frame(), /Map · national/);
  await ui.press(KEYS.tab);
  f = ui.frame();
  assert.match(f, /Map · North Pyongan 평안북도/);
  await ui.press('n');
  assert.ok(ui.frame().includes('구장군'), 'n switches county names to Hangul');
  await ui.press(KEYS.escape);
  assert.match(ui.frame(), /Map · national/);
  ui.unmount();
});

test('the boundary credit is on screen whenever the map is, at every size', async () => {
  for (const [cols, rows] of [[60, 16], [80, 24], [100, 30], [120, 40], [160, 48]] as const) {
    const ui = await mount({ asOf: '2026-03-01', cols, rows });
    const f = ui.frame();
    assert.match(f, /Map · /, `${cols}×${rows} shows a map`);
    assert.match(f, /© OpenStreetMap contributors/, `${cols}×${rows} credits the boundaries`);
    await ui.press('m');
    assert.doesNotMatch(ui.frame(), /© OpenStreetMap/);
    ui.unmount();
  }
});
