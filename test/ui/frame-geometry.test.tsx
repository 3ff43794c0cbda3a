/**
 * Every frame fits its terminal exactly, at every size from the minimum to 220×60 and in every
 * mode: as many lines as the terminal has rows, none wider than its columns, and every pane a
 * closed box at the place the layout gives it, with its title on the row under the top border.
 * This is the class of fault where a pane's content is drawn over its title or border, or the
 * frame runs past the last row (the terminal then scrolls and the header is lost).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { lineToCells } from '../../src/term/cells.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import { layout, HEADER_ROWS, type Box } from '../../src/view/layout.js';
import { reduce } from '../../src/view/reduce.js';
import type { ViewState } from '../../src/view/state.js';
import { displayWidth } from '../../src/text/width.js';
import { bundledAtlas } from '../helpers/ui.js';

const COLS = [60, 61, 70, 79, 80, 81, 99, 100, 101, 120, 139, 140, 141, 160, 220];
const ROWS = [16, 17, 18, 19, 20, 21, 24, 30, 40, 48, 60];

const atlas = bundledAtlas();
const { ctx, state: initial } = startState(atlas, '2025-12-31');
const act = (s: ViewState, ...actions: Parameters<typeof reduce>[1][]) => actions.reduce((acc, a) => reduce(acc, a, ctx), s);
const modes: Record<string, ViewState> = {
  list: initial,
  'detail focused, scrolled': act(initial, { type: 'move', delta: 3 }, { type: 'activate' }, { type: 'scroll', delta: 2 }),
  help: act(initial, { type: 'open', overlay: 'help' }),
  'search typed': act(initial, { type: 'open', overlay: 'search' }, { type: 'search-input', text: 'k' }),
  filter: act(initial, { type: 'open', overlay: 'filter' }),
  'map off, message': act(initial, { type: 'toggle-map' }, { type: 'message', text: 'Exported SVG to ./nk20x10-national-2025-12-31.svg' }),
  'gap view, cursor moved': act(initial, { type: 'cycle-mode' }, { type: 'move', delta: 7 }),
  'gap view, last row': act(initial, { type: 'cycle-mode' }, { type: 'last' }),
  'gap view, help': act(initial, { type: 'cycle-mode' }, { type: 'open', overlay: 'help' }),
  'gap view, search typed': act(initial, { type: 'cycle-mode' }, { type: 'open', overlay: 'search' }, { type: 'search-input', text: 'k' }),
  'gap view, filter': act(initial, { type: 'cycle-mode' }, { type: 'open', overlay: 'filter' }, { type: 'filter-move', delta: 9 }),
  'timeline view': act(initial, { type: 'cycle-mode' }, { type: 'cycle-mode' }),
};

function frameAt(state: ViewState, cols: number, rows: number): string[] {
  const out = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={state} cols={cols} rows={rows} colorLevel={0} />, { columns: cols });
  return out.split('\n');
}

/**
 * Where each pane's top-left corner is, by layout kind (mirrors Dashboard's boxes). The Gap and
 * Timeline views have one pane filling the area between header and footer.
 */
function placed(cols: number, rows: number, showMap: boolean, mode: ViewState['mode'] = 'sites'): { name: string; box: Box; x: number; y: number }[] {
  const L = layout(cols, rows, showMap);
  if (L.kind === 'too-small') return [];
  if (mode !== 'sites') return [{ name: mode, box: { width: cols, height: rows - 3 }, x: 0, y: HEADER_ROWS }];
  const y = HEADER_ROWS;
  const out: { name: string; box: Box; x: number; y: number }[] = [];
  if (L.kind === 'wide') {
    let x = 0;
    if (L.map) out.push({ name: 'map', box: L.map, x, y }), (x += L.map.width);
    out.push({ name: 'list', box: L.list, x, y });
    out.push({ name: 'detail', box: L.detail, x: x + L.list.width, y });
  } else if (L.kind === 'medium') {
    if (L.map) out.push({ name: 'map', box: L.map, x: 0, y });
    out.push({ name: 'list', box: L.list, x: 0, y: y + (L.map?.height ?? 0) });
    out.push({ name: 'detail', box: L.detail, x: L.list.width, y });
  } else {
    out.push({ name: 'list', box: L.list, x: 0, y });
    if (L.map) out.push({ name: 'map', box: L.map, x: L.list.width, y });
    out.push({ name: 'detail', box: L.detail, x: L.list.width, y: y + (L.map?.height ?? 0) });
  }
  return out;
}

function problems(lines: string[], cols: number, rows: number, showMap: boolean, mode: ViewState['mode'] = 'sites'): string[] {
  const found: string[] = [];
  if (lines.length !== rows) found.push(`${lines.length} lines for ${rows} rows`);
  lines.forEach((l, i) => displayWidth(l) > cols && found.push(`line ${i + 1} is ${displayWidth(l)} cells wide`));
  const grid = lines.map((l) => lineToCells(l, cols).map((c) => c.ch));
  const at = (r: number, c: number) => grid[r]?.[c] ?? '∅';
  for (const { name, box, x, y } of placed(cols, rows, showMap, mode)) {
    const [right, bottom] = [x + box.width - 1, y + box.height - 1];
    const corners = `${at(y, x)}${at(y, right)}${at(bottom, x)}${at(bottom, right)}`;
    if (corners !== '╭╮╰╯') found.push(`${name} pane corners are "${corners}"`);
    for (let r = y + 1; r < bottom; r++) if (at(r, x) !== '│' || at(r, right) !== '│') found.push(`${name} pane side broken on row ${r + 1}`);
    if (at(y + 1, x + 1) === ' ' || at(y + 1, x + 1) === '─') found.push(`${name} pane has no title`);
    const total = placed(cols, rows, showMap, mode).reduce((sum, p) => sum + p.box.width * p.box.height, 0);
    if (total !== cols * (rows - 3)) found.push(`panes cover ${total} cells of ${cols * (rows - 3)}`);
  }
  return [...new Set(found)];
}

for (const [mode, state] of Object.entries(modes)) {
  test(`frame geometry: ${mode}, ${COLS.length * ROWS.length} sizes from 60×16 to 220×60`, () => {
    const failures: string[] = [];
    for (const cols of COLS) {
      for (const rows of ROWS) {
        const p = problems(frameAt(state, cols, rows), cols, rows, state.showMap, state.mode);
        if (p.length) failures.push(`${cols}×${rows}: ${p.slice(0, 3).join('; ')}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('80×24 is usable: at least 8 list rows, help scrolls, footer keeps ? help and q quit', () => {
  const lines = frameAt(initial, 80, 24);
  const list = placed(80, 24, true).find((p) => p.name === 'list')!;
  const listRows = lines
    .slice(list.y + 2, list.y + list.box.height - 1)
    .filter((l) => lineToCells(l, 80).slice(list.x + 1, list.x + list.box.width - 1).some((c) => c.ch.trim() !== '')).length;
  assert.ok(listRows >= 8, `${listRows} list rows:\n${lines.join('\n')}`);
  assert.match(lines.at(-1)!, /\? help · q quit\s*$/);
  const help = frameAt(modes.help!, 80, 24);
  assert.match(help.join('\n'), /Help \(1–\d+ of \d+, PgUp\/PgDn\)/);
  const scrolled = frameAt(act(modes.help!, { type: 'scroll-overlay', delta: 5 }), 80, 24);
  assert.match(scrolled.join('\n'), /Help \(6–\d+ of \d+, PgUp\/PgDn\)/);
  for (const cols of [60, 70, 80, 99, 100, 140, 220]) assert.match(frameAt(initial, cols, 24).at(-1)!, /\? help · q quit\s*$/, `footer at ${cols} columns`);
});
