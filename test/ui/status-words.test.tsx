/**
 * One status, one name: every status word on every view (list, detail, map legend, filter, gap
 * view, timeline) is one that statusWord (src/view/status-words.ts) gives, full or short. Any other
 * spelling of a status that the code base has used ("underproducing", "low output", "Status
 * unknown", "Selected for the program", the data's ids) fails the test wherever it appears.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import { LEGEND } from '../../src/map/legend.js';
import { STATUS_LABELS, STATUSES } from '../../src/model/vocabulary.js';
import { reduce } from '../../src/view/reduce.js';
import { STATUS_WORDS } from '../../src/view/status-words.js';
import type { ViewState } from '../../src/view/state.js';
import { bundledAtlas } from '../helpers/ui.js';

const atlas = bundledAtlas();
/** Every way a status has been spelled: the words statusWord gives, the legend's labels, the ids, and old list words. */
const SPELLINGS = [
  ...STATUS_WORDS,
  ...Object.values(LEGEND).map((e) => e.label),
  ...Object.values(STATUS_LABELS),
  ...STATUSES.flatMap((s) => [s, s.replace(/_/g, ' ')]),
  'low output',
  'underproducing',
]
  .map((s) => s.toLowerCase())
  .filter((s) => s !== 'not in the programme' && s !== 'selected county');
const PATTERN = new RegExp(`(?<![a-z])(${[...new Set(SPELLINGS)].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z])`, 'gi');

test('every status word on every view comes from statusWord', () => {
  const { ctx, state } = startState(atlas, '2025-12-31');
  const act = (s: ViewState, ...a: Parameters<typeof reduce>[1][]) => a.reduce((acc, x) => reduce(acc, x, ctx), s);
  const views: [string, ViewState][] = [];
  for (let i = 0; i < 60; i += 3) views.push([`list row ${i}`, act(state, { type: 'move', delta: i })]);
  views.push(['filter', act(state, { type: 'open', overlay: 'filter' })]);
  views.push(['filter set', { ...state, filter: { statuses: [...STATUSES], years: [], cursor: 0 } }]);
  views.push(['gap', act(state, { type: 'cycle-mode' })]);
  views.push(['gap, last', act(state, { type: 'cycle-mode' }, { type: 'last' })]);
  views.push(['timeline', act(state, { type: 'cycle-mode' }, { type: 'cycle-mode' })]);
  const seen = new Map<string, string>();
  for (const [name, s] of views) {
    for (const [cols, rows] of [[100, 30], [160, 48]] as const) {
      const frame = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={s} cols={cols} rows={rows} colorLevel={0} />, { columns: cols });
      for (const m of frame.matchAll(PATTERN)) seen.set(m[1]!.toLowerCase(), `${name} ${cols}×${rows}`);
    }
  }
  const stray = [...seen].filter(([w]) => !STATUS_WORDS.has(w));
  assert.deepEqual(stray, []);
  // The views do show the statuses outside reports describe, in statusWord's words.
  for (const w of ['far below capacity', 'operating for show', 'for show', 'inaugurated', 'operating']) assert.ok(seen.has(w), `"${w}" shown`);
});
