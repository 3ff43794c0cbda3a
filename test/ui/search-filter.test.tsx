import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorLine, KEYS, mount } from '../helpers/ui.js';

test('search by Hangul finds the county live and Enter selects it', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  await ui.press('/');
  await ui.type('김형');
  const live = ui.frame();
  assert.match(live, /Search: 김형/);
  assert.match(live, /Kim Hyong Jik 김형직군 2024/);
  await ui.press(KEYS.enter);
  assert.match(cursorLine(ui.frame()), /Kim Hyong Jik/);
  assert.match(ui.frame(), /CONTESTED/);
  ui.unmount();
});

test('search by a Revised Romanization spelling and by a Daily NK spelling', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  await ui.press('/');
  await ui.type('Jaeryeong');
  assert.match(ui.frame(), /Jaeryong 재령군 2024/);
  assert.match(ui.frame(), /= Jaeryeong-gun/, 'says which spelling matched');
  await ui.press(KEYS.enter);
  assert.match(cursorLine(ui.frame()), /Jaeryong/);
  await ui.press('/');
  await ui.type('Kunjang');
  await ui.press(KEYS.enter);
  assert.match(cursorLine(ui.frame()), /Kujang/);
  ui.unmount();
});

test('Esc cancels a search and a search with no match says so', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  await ui.press('/');
  await ui.type('zzzz');
  assert.match(ui.frame(), /no match/);
  await ui.press(KEYS.backspace, KEYS.escape);
  assert.doesNotMatch(ui.frame(), /Search:/);
  ui.unmount();
});

test('filter by status (contested) and by year narrows the list and the header says so', async () => {
  const ui = await mount({ asOf: '2025-09-30' });
  await ui.press('f');
  assert.match(ui.frame(), /\[ \] status: contested/);
  // Options: 8 statuses, then contested, then stale.
  for (let i = 0; i < 8; i++) await ui.press('j');
  await ui.press(' ', KEYS.enter);
  const f = ui.frame();
  assert.match(f, /filter: contested/);
  // Kim Hyong Jik (shut since April, reported in August) and the three North Pyongan sites Daily NK
  // found operating for show, each against Rodong's April–August 2025 claim.
  assert.match(f, /Provinces · 4 sites/);
  assert.match(f, /Kim Hyong Jik/);
  assert.match(f, /Kujang 구장군 +for show !/, 'the outside report is the headline (no * for a state claim); contested is !');
  assert.doesNotMatch(f, /Songchon County/);
  await ui.press('f', 'c', KEYS.enter);
  assert.doesNotMatch(ui.frame(), /filter:/);
  await ui.press('f');
  // The filter cursor stays where it was (contested); stale, then the years follow: 2022, 2024, 2025, 2026.
  for (let i = 0; i < 4; i++) await ui.press('j');
  await ui.press(' ', KEYS.enter);
  assert.match(ui.frame(), /filter: 2025/);
  // The 20 of the 2025 batch (all broke ground by 28 Feb 2025) and the related Unsan paper mill.
  assert.match(ui.frame(), /Provinces · 21 sites/);
  ui.unmount();
});

test('search finds provinces and the capital by any spelling and moves the map there', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  for (const [query, title] of [
    ['Phyongyang', 'Pyongyang 평양시'],
    ['평양', 'Pyongyang 평양시'],
    ['Jagang', 'Chagang 자강도'],
    ["Namp'o", 'Nampo 남포시'],
    ['Nampho', 'Nampo 남포시'],
    ['Kaesong', 'Kaesong 개성특별시'],
    ['Rason', 'Rason 라선시'],
  ] as const) {
    await ui.press('/');
    await ui.type(query);
    assert.ok(ui.frame().includes(` map: ${title}`), query);
    await ui.press(KEYS.enter);
    assert.ok(ui.frame().includes(`Map · ${title}`), `${query} moves the map to ${title}`);
    await ui.press('0');
  }
  ui.unmount();
});

test('a near-miss gets the command line\'s "did you mean" in the app', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  await ui.press('/');
  await ui.type('Kimhyongjk');
  const f = ui.frame();
  assert.match(f, /no match/);
  assert.match(f, /did you mean "Kim Hyong Jik"/);
  ui.unmount();
});

test('keys that arrive in one read are applied in order: three Backspaces, text, Enter', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  await ui.press('/');
  await ui.press('Kimxyz');
  await ui.press('\u007f\u007f\u007f');
  assert.match(ui.frame(), /Search: Kim▏/);
  assert.doesNotMatch(ui.frame(), /\ufffd/);
  await ui.press('jjk');
  assert.match(ui.frame(), /Search: Kimjjk▏/, 'in the search box a chunk is text');
  ui.unmount();
});

test('at 80×24 the filter scrolls: the option under the cursor is always on screen', async () => {
  const ui = await mount({ asOf: '2025-12-31', cols: 80, rows: 24 });
  await ui.press('f');
  for (let i = 0; i < 12; i++) {
    await ui.press('j');
    assert.match(ui.frame(), /│\[[ x]\] /, `after ${i + 1} moves`);
  }
  // Scrolled down with the cursor (the title says which lines show); before, options past the pane were unreachable.
  const first = Number(/Filter \((\d+)–\d+ of \d+/.exec(ui.frame())?.[1]);
  assert.ok(first > 1, ui.frame());
  ui.unmount();
});
