/**
 * The help and the export overlay say what `e` really offers: every format of EXPORT_FORMATS is
 * named in the help line of `e`, in the export overlay and by the keys that choose it (number and
 * letter), and each key the help names chooses that format. Whole frames at 160×48 and 80×24.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import { commandFor, EXPORT_FORMAT_NAMES, EXPORT_FORMATS, helpRows } from '../../src/view/keymap.js';
import { reduce } from '../../src/view/reduce.js';
import { bundledAtlas } from '../helpers/ui.js';

const atlas = bundledAtlas();
const { ctx, state } = startState(atlas, '2025-12-31');

test('every export format is named in the help of e and of the export overlay, and its keys choose it', () => {
  const rows = new Map(helpRows());
  const e = rows.get('e')!;
  const inExport = rows.get('In export')!;
  const exporting = reduce(state, { type: 'open', overlay: 'export' }, ctx);
  EXPORT_FORMATS.forEach((f, i) => {
    assert.ok(e.includes(EXPORT_FORMAT_NAMES[f]), `${f} in "${e}"`);
    assert.match(inExport, new RegExp(`1–${EXPORT_FORMATS.length} or .*\\b${f[0]}\\b`), `${f} in "${inExport}"`);
    assert.deepEqual(commandFor(exporting, String(i + 1), {}), { type: 'export-format', format: f });
    assert.deepEqual(commandFor(exporting, f[0]!, {}), { type: 'export-format', format: f });
  });
  assert.deepEqual(commandFor(exporting, String(EXPORT_FORMATS.length + 1), {}), { type: 'none' }, 'no key past the last format');
  // The help as the Gap view shows it (one full-width pane): the line of e names every format.
  const gapHelp = reduce(reduce(state, { type: 'cycle-mode' }, ctx), { type: 'open', overlay: 'help' }, ctx);
  const help = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={gapHelp} cols={160} rows={48} colorLevel={0} />, { columns: 160 });
  assert.match(help, /│e +export this screen \(PNG, SVG, HTML, text, ANSI text\) +│/);
  for (const [cols, rows] of [[160, 48], [80, 24]] as const) {
    const overlay = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={exporting} cols={cols} rows={rows} colorLevel={0} />, { columns: cols });
    EXPORT_FORMATS.forEach((f, i) => assert.match(overlay, new RegExp(`│ ${i + 1} {2}${EXPORT_FORMAT_NAMES[f]}\\b`), `${cols}×${rows} overlay ${f}`));
  }
});
