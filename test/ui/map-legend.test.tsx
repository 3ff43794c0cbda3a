/**
 * The map legend as a user reads it: at every size users run (80×24 to 200×60), nationally and
 * zoomed to a province, on several days, every glyph the map draws is explained in the legend under
 * it, with colour every fill the map paints is in the legend, and no legend line is cut.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { lineToCells } from '../../src/term/cells.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import { countyStatusView } from '../../src/atlas.js';
import { reduce } from '../../src/view/reduce.js';
import { layout } from '../../src/view/layout.js';
import { lensOf, type ViewState } from '../../src/view/state.js';
import { visibleSites } from '../../src/view/list-rows.js';
import { mapPaneLines } from '../../src/view/map-lines.js';
import { plain, type ColorLevel } from '../../src/view/paint.js';
import { LEGEND } from '../../src/map/legend.js';
import { bundledAtlas } from '../helpers/ui.js';

const SIZES = [[80, 24], [100, 30], [120, 40], [140, 45], [160, 48], [200, 60]] as const;
const atlas = bundledAtlas();
/** Every NO_COLOR glyph a map cell can hold for a status or mark (LEGEND, and ':' for stale). */
const GLYPHS = new Set([...Object.values(LEGEND).map((e) => e.glyph).filter((g) => g !== ' '), ':']);
/** A legend line: entries "<glyph> <words>", one or two spaces apart. */
const ENTRY = /^(?:[^A-Za-z\s] [A-Za-z][A-Za-z ]*?)(?: {1,2}[^A-Za-z\s] [A-Za-z][A-Za-z ]*?)*$/;

function states(asOf: string): Record<string, ViewState> {
  const { ctx, state } = startState(atlas, asOf);
  const act = (s: ViewState, ...a: Parameters<typeof reduce>[1][]) => a.reduce((acc, x) => reduce(acc, x, ctx), s);
  return {
    [`${asOf} national`]: state,
    [`${asOf} zoomed`]: act(state, { type: 'map-zoom' }),
    [`${asOf} list moved, zoomed`]: act(state, { type: 'move', delta: 12 }, { type: 'map-zoom' }),
  };
}

/** The inner lines of the map pane in a NO_COLOR frame (between its title and its bottom border). */
function mapPane(frame: string[], cols: number): string[] {
  const top = frame.findIndex((l) => l.includes('│Map · '));
  assert.ok(top > 0, 'a map pane');
  const x = lineToCells(frame[top]!, cols).findIndex((c, i, all) => c.ch === '│' && all[i + 1]?.ch === 'M');
  const out: string[] = [];
  for (let y = top + 1; y < frame.length; y++) {
    const cells = lineToCells(frame[y]!, cols);
    if (cells[x]?.ch !== '│') break;
    const end = cells.findIndex((c, i) => i > x && c.ch === '│');
    out.push(cells.slice(x + 1, end).map((c) => c.ch).join('').trimEnd());
  }
  return out;
}

for (const asOf of ['2025-06-30', '2025-12-31', '2026-11-30']) {
  test(`map legend, ${asOf}: every glyph the map draws is in the legend, nothing cut, at every size`, () => {
    const failures: string[] = [];
    for (const [name, state] of Object.entries(states(asOf))) {
      const { ctx } = startState(atlas, asOf);
      for (const [cols, rows] of SIZES) {
        const at = `${name} ${cols}×${rows}`;
        const frame = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={state} cols={cols} rows={rows} colorLevel={0} />, { columns: cols }).split('\n');
        const pane = mapPane(frame, cols);
        while (pane.at(-1) === '') pane.pop();
        assert.match(pane.at(-1)!, /©/, `${at}: the credit is the last line`);
        let first = pane.length - 1;
        while (first > 0 && ENTRY.test(pane[first - 1]!)) first--;
        const legend = pane.slice(first, -1);
        const map = pane.slice(0, first);
        if (legend.length === 0) failures.push(`${at}: no legend`);
        if (map.length < 4) failures.push(`${at}: map of ${map.length} rows`);
        for (const l of legend) if (l.includes('…')) failures.push(`${at}: legend line cut: "${l}"`);
        const explained = new Set(legend.flatMap((l) => [...l.matchAll(/(?:^| )([^A-Za-z\s]) [A-Za-z]/g)].map((m) => m[1]!)));
        const drawn = new Set(map.join('').split('').filter((ch) => GLYPHS.has(ch)));
        for (const g of drawn) if (!explained.has(g)) failures.push(`${at}: "${g}" drawn but not in the legend ${JSON.stringify(legend)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('with colour (truecolour and 16 colours) every fill the map paints is in its legend, nothing cut', () => {
  const failures: string[] = [];
  for (const asOf of ['2025-06-30', '2026-11-30']) {
    for (const [name, state] of Object.entries(states(asOf))) {
      const { ctx } = startState(atlas, asOf);
      const lens = lensOf(state);
      const visible = new Set(visibleSites(ctx.dataset, state).map((s) => s.id));
      const { statuses, stale } = countyStatusView(ctx.dataset.sites.filter((s) => visible.has(s.id)), lens);
      for (const [cols, rows] of SIZES) {
        const L = layout(cols, rows, true);
        if (L.kind === 'too-small' || !L.map) continue;
        for (const colorLevel of [1, 3] as ColorLevel[]) {
          const at = `${name} ${cols}×${rows} level ${colorLevel}`;
          const site = ctx.dataset.sites.find((s) => `site:${s.id}` === state.cursor);
          const lines = mapPaneLines(atlas, L.map.width - 2, L.map.height - 3, { selected: site?.county.id, statuses, stale, colorLevel, province: state.mapProvince, names: 'en' });
          const isLegend = (l: (typeof lines)[number]) => !/[\u2800-\u28ff]/.test(plain(l)) && l.some((s) => !s.bg && !s.fg && /^ [A-Za-z]/.test(s.text));
          let first = lines.length - 1;
          while (first > 0 && isLegend(lines[first - 1]!)) first--;
          const legend = lines.slice(first, -1);
          if (legend.length === 0) failures.push(`${at}: no legend`);
          for (const l of legend) if (plain(l).includes('…') || plain(l).length > L.map.width - 2) failures.push(`${at}: legend line cut: "${plain(l)}"`);
          const fills = new Set(legend.flatMap((l) => l.map((s) => s.bg).filter(Boolean)));
          for (const l of lines.slice(0, first)) for (const s of l) if (s.bg && !fills.has(s.bg)) failures.push(`${at}: fill ${s.bg} drawn but not in the legend`);
        }
      }
    }
  }
  assert.deepEqual([...new Set(failures)], []);
});
