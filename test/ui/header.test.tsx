/**
 * The header as a user reads it: at every terminal width from the minimum (60) to 240, in every
 * view mode, with hindsight on and with filters, both header rows keep the as-of date whole and
 * the counts whole, and no word is cut: every word shown is a word of the full header. Narrower
 * terminals drop or shorten whole parts instead (title, "latest report", the per-year figures).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import { composeFrame } from '../../src/view/frame.js';
import { headerLines } from '../../src/view/chrome-lines.js';
import { progressAt } from '../../src/view/progress.js';
import { reduce } from '../../src/view/reduce.js';
import { lensOf, type ViewState } from '../../src/view/state.js';
import { visibleSites } from '../../src/view/list-rows.js';
import { displayWidth } from '../../src/text/width.js';
import { bundledAtlas } from '../helpers/ui.js';

const atlas = bundledAtlas();
const { ctx, state: initial } = startState(atlas, '2026-11-30');
const act = (s: ViewState, ...actions: Parameters<typeof reduce>[1][]) => actions.reduce((acc, a) => reduce(acc, a, ctx), s);
const gap = act(initial, { type: 'cycle-mode' });
const timeline = act(gap, { type: 'cycle-mode' });
const STATES: Record<string, ViewState> = {
  sites: initial,
  gap,
  timeline,
  'timeline, hindsight': act(timeline, { type: 'toggle-hindsight' }),
  'sites, three filters': { ...initial, filter: { statuses: ['operating_for_show', 'under_construction'], years: [2025], cursor: 0 } },
};

/** The two header rows of the frame as a terminal `cols` wide shows them (composeFrame, no colour). */
function header(state: ViewState, cols: number): string[] {
  const visible = visibleSites(ctx.dataset, state);
  const lines = headerLines(progressAt(ctx.dataset, lensOf(state)), state, visible.filter((s) => s.contested).length, cols);
  return composeFrame({ cols, rows: 2, header: lines, panes: [], footer: [], paint: (l) => l.map((s) => s.text).join(''), color: false }).lines;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
/** The documented short forms: "(2024 20/20, 2025 20/20)" for the years, "3 filters" for the filter. */
const SHORT_FORM = /^(\(?\d{4}|\d+\/\d+[,)]|\d+|filters?)$/;

for (const [name, state] of Object.entries(STATES)) {
  test(`header, ${name}: at every width 60–240 the as-of date and counts are whole and no word is cut`, () => {
    const full = header(state, 1000);
    const known = new Set(words(full.join(' ')));
    const asOf = `as of ${state.asOf}${state.hindsight ? ' HINDSIGHT' : ''}`;
    const visible = visibleSites(ctx.dataset, state);
    const contested = `${visible.filter((s) => s.contested).length} contested`;
    const failures: string[] = [];
    for (let cols = 60; cols <= 240; cols++) {
      const [top, counts] = header(state, cols);
      const at = `${cols}: `;
      if (!top!.includes(asOf)) failures.push(`${at}no "${asOf}" in "${top}"`);
      if (!counts!.includes(' Inaugurated ') || !counts!.includes(contested)) failures.push(`${at}counts cut: "${counts}"`);
      for (const line of [top!, counts!]) {
        if (displayWidth(line) > cols) failures.push(`${at}wider than the terminal: "${line}"`);
        if (line.includes('…')) failures.push(`${at}cut with …: "${line}"`);
        for (const w of words(line)) if (!known.has(w) && !SHORT_FORM.test(w)) failures.push(`${at}"${w}" is not a word of the full header: "${line}"`);
      }
    }
    assert.deepEqual(failures.slice(0, 10), []);
  });
}

test('the frames at the sizes users run show the header whole, in every view mode', () => {
  for (const [cols, rows] of [[80, 24], [100, 30], [120, 40], [140, 45], [160, 48], [200, 60]] as const) {
    for (const [name, state] of Object.entries(STATES)) {
      const lines = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={state} cols={cols} rows={rows} colorLevel={0} />, { columns: cols }).split('\n');
      assert.deepEqual(lines.slice(0, 2), header(state, cols).map((l) => l.trimEnd()), `${name} ${cols}×${rows}`);
      assert.match(lines[0]!, new RegExp(`as of ${state.asOf}`), `${name} ${cols}×${rows}`);
    }
  }
  // The widest terminals show everything: the Korean title, the latest report and the years.
  const [top, counts] = header(timeline, 240);
  assert.match(top!, /^ nk20x10 {3}TIMELINE VIEW {2}Regional Development 20×10 · 지방발전 20×10 정책 {2}as of 2026-11-30 · latest report 2026-02-10 *$/);
  assert.match(counts!, /^ Inaugurated 40 of 200 \(2024: 20\/20 · 2025: 20\/20 · 2026: 0\/20\) {2}· {2}6 contested {2}· {2}63 stale *$/);
});
