/**
 * The Gap view (`v`) as a user sees it: whole frames at 160×48 and 80×24, the keys that move,
 * open and leave it, filters and search applied to its rows, and `v` in the help and footer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { lineToCells } from '../../src/term/cells.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import { helpRows } from '../../src/view/keymap.js';
import { reduce } from '../../src/view/reduce.js';
import type { ViewState } from '../../src/view/state.js';
import { bundledAtlas, cursorLine, KEYS, mount } from '../helpers/ui.js';

const atlas = bundledAtlas();
const { ctx, state: initial } = startState(atlas, '2025-12-31');
const act = (s: ViewState, ...actions: Parameters<typeof reduce>[1][]) => actions.reduce((acc, a) => reduce(acc, a, ctx), s);
const gap = act(initial, { type: 'cycle-mode' });

function frame(state: ViewState, cols: number, rows: number): string[] {
  return renderToString(<Dashboard atlas={atlas} ctx={ctx} state={state} cols={cols} rows={rows} colorLevel={0} />, { columns: cols }).split('\n');
}

/** The text in cells [from, to) of a frame line. */
function cells(line: string, cols: number, from: number, to: number): string {
  return lineToCells(line, cols)
    .slice(from, to)
    .map((c) => c.ch)
    .join('')
    .trimEnd();
}

const CONTESTED_2025_12_31 = ['Kujang', 'Kusong', 'Unsan', 'Kim Hyong Jik', 'Songchon', 'Sukchon'];

test('gap view at 160×48: header and footer name it; contested sites first, each side in its own column', () => {
  const lines = frame(gap, 160, 48);
  assert.equal(lines.length, 48);
  assert.match(lines[0]!, /^ nk20x10 {3}GAP VIEW {2}Regional Development 20×10/);
  assert.match(lines[2]!, /^╭─+╮$/);
  assert.match(lines[3]!, /^│Gap · state media \| outside sources · 42 sites, 6 contested · contested first, then oldest outside report +│$/);
  const header = lines[4]!;
  const [sm, out] = [header.indexOf('│ SM  State media: latest claim'), header.indexOf('│ OUT Outside sources: latest report')];
  assert.ok(sm > 0 && out > sm, header);
  // Three lines per site here: name | status · period · age; province · year | outlet; CONTESTED | quote.
  const body = lines.slice(6, 47);
  const names = body.filter((_l, i) => i % 3 === 0).map((l) => cells(l, 160, 2, sm).replace(/ [^\x00-\x7f].*$/, ''));
  assert.deepEqual(names.slice(0, 6), CONTESTED_2025_12_31);
  assert.match(cells(body[0]!, 160, 0, 2), /^│▶/, 'the cursor starts on the first row');
  const khj = body.findIndex((l) => l.includes('Kim Hyong Jik 김형직군 !'));
  assert.deepEqual(body.slice(khj, khj + 3), [
    '│ Kim Hyong Jik 김형직군 !          │ operating (state claim)? · Apr 2025 – 18 Aug 2025 · 4 mo   │ far below capacity (reported)? · Aug 2025 · 4 mo            │',
    '│ Ryanggang · 2024                  │ Rodong Sinmun via Daily NK                                 │ Daily NK via europesays.com (mirror)                        │',
    '│ CONTESTED                         │ The new factories in "20 cities and counties" achieved "r… │ “since Aug. 12, the provincial prosecutor\'s office has bee… │',
  ]);
  assert.match(lines[47]!, /^ Gap view · ↑↓ site · Enter open · Esc sites · v timeline · \/ search · f filter · t\/T date · e export · \? help · q quit/);
});

test('gap view at 80×24: each side wraps its facts whole, the quote takes the lines left, the contested ones first', () => {
  const lines = frame(gap, 80, 24);
  assert.equal(lines.length, 24);
  for (const l of lines) assert.ok(lineToCells(l, 80).length <= 80);
  assert.match(lines[0]!, /GAP VIEW/);
  assert.equal(lines[3], '│Gap · state media | outside sources · 42 sites, 6 contested                   │');
  assert.match(lines[4]!, /^│ Site +│ SM  State media +│ OUT Outside sources +│$/);
  assert.equal(lines[5], `│${'─'.repeat(78)}│`);
  assert.deepEqual(lines.slice(6, 12), [
    '│▶Kujang 구장군  │ operating (state claim)?     │ operating for show           │',
    '│ !              │ Apr 2025 – 18 Aug 2025       │ (reported, stale)?           │',
    '│ North Pyongan  │ 4 mo                         │ 4 Apr 2025 · 8 mo            │',
    '│ · 2024         │ Rodong Sinmun via Daily NK   │ Daily NK via The Press       │',
    '│ CONTESTED      │ The new factories in "20     │ United (mirror)              │',
    '│                │ cities and counties" achiev… │ Empty promises: N. Korea’s … │',
  ]);
  assert.match(lines[23]!, /^ Gap view · .*\? help · q quit\s*$/);
});

test('the gap cursor stays in view at the last row', () => {
  for (const [cols, rows] of [[160, 48], [80, 24], [60, 16]] as const) {
    const lines = frame(act(gap, { type: 'last' }), cols, rows);
    assert.ok(lines.some((l) => l.startsWith('│▶')), `${cols}×${rows}`);
  }
});

test('v cycles Sites → Gap → Timeline → Sites; j/k move; Enter opens the site in Sites with its detail; Esc goes back', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  assert.match(ui.frame().split('\n').at(-1)!, /v gap\/timeline/);
  await ui.press('v');
  assert.match(ui.frame(), /GAP VIEW/);
  assert.match(cursorLine(ui.frame()), /Kujang/);
  await ui.press('j', 'j', 'j', KEYS.down, 'k');
  assert.match(cursorLine(ui.frame()), /Kim Hyong Jik 김형직군 !/);
  await ui.press(KEYS.enter);
  const opened = ui.frame();
  assert.doesNotMatch(opened, /GAP VIEW/);
  assert.match(opened, /│Kim Hyong Jik County  김형직군/, 'the detail shows the site');
  assert.match(cursorLine(opened), /Kim Hyong Jik/, 'the list cursor is on it');
  assert.match(opened.split('\n').at(-1)!, /PgUp\/PgDn scroll · Esc back/, 'the detail is focused');
  await ui.press('v', 'v');
  assert.match(ui.frame(), /TIMELINE VIEW/);
  assert.match(ui.frame(), /│Timeline · cumulative inaugurations by month against the 200-site target/);
  assert.match(ui.frame().split('\n').at(-1)!, /^ Timeline view · Esc sites/);
  await ui.press('v');
  assert.doesNotMatch(ui.frame(), /TIMELINE VIEW|GAP VIEW/);
  assert.match(ui.frame(), /Provinces · /);
  await ui.press('v');
  assert.match(cursorLine(ui.frame()), /Kim Hyong Jik/, 'the gap cursor is where it was left');
  await ui.press(KEYS.escape);
  assert.doesNotMatch(ui.frame(), /GAP VIEW/);
  assert.match(ui.frame(), /Provinces · /);
  ui.unmount();
});

test('in the gap view, search moves the cursor to the site, filters apply to the rows, t steps the date', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  await ui.press('v', '/');
  await ui.type('Kilju');
  await ui.press(KEYS.enter);
  assert.match(ui.frame(), /GAP VIEW/);
  assert.match(cursorLine(ui.frame()), /Kilju 길주군/);
  // The filter list: statuses, then contested (index 8).
  await ui.press('f', ...Array(8).fill('j'), ' ', KEYS.enter);
  assert.match(ui.frame(), /filter: contested/);
  assert.match(ui.frame(), /│Gap · state media \| outside sources · 6 sites, 6 contested/);
  await ui.press('t');
  assert.match(ui.frame(), /as of 2025-12-30/);
  assert.match(ui.frame(), /GAP VIEW/);
  await ui.press('m', 'z', 'h');
  assert.match(ui.frame(), /GAP VIEW/, 'map and province keys do nothing here');
  ui.unmount();
});

test('the help lists v and what the keys do in the Gap view', () => {
  const rows = helpRows();
  assert.ok(rows.some(([k, h]) => k === 'v' && /Sites → Gap.*→ Timeline/.test(h)));
  assert.ok(rows.some(([k, h]) => k === 'In Gap' && /Enter open the site/.test(h)));
  const help = frame(act(gap, { type: 'open', overlay: 'help' }), 160, 48).join('\n');
  assert.match(help, /│v +view: Sites → Gap/);
});
