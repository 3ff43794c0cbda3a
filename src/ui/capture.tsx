/** One frame of a view, rendered off-screen with full colour: what the app's `e` screenshot is made from. */
import { renderToString } from 'ink';
import type { Atlas } from '../atlas.js';
import type { ViewContext } from '../view/reduce.js';
import type { ViewState } from '../view/state.js';
import { Dashboard } from './Dashboard.js';

/**
 * Key hints a screenshot leaves out, each replaced by as many spaces so that pane borders stay
 * where they are: the scroll hint in a pane title and the map's zoom key.
 */
const KEY_HINTS: [RegExp, string][] = [
  [/, PgUp\/PgDn\)/g, ')'],
  [/ \(z: (?:national|zoom)\)/g, ''],
];

/**
 * The screen of `state` at `cols` × `rows` as ANSI text, without overlays, footer messages, the
 * footer's key hints (its last row is left out: the result has `rows - 1` rows) or the key hints in
 * pane titles.
 */
export function captureScreen(atlas: Atlas, ctx: ViewContext, state: ViewState, cols: number, rows: number): { ansi: string; cols: number; rows: number } {
  const clean: ViewState = { ...state, overlay: null, message: null };
  const full = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={clean} cols={cols} rows={rows} colorLevel={3} />, { columns: cols });
  let ansi = full.split('\n').slice(0, rows - 1).join('\n');
  for (const [hint, keep] of KEY_HINTS) ansi = ansi.replace(hint, (m) => keep + ' '.repeat(m.length - keep.length));
  return { ansi, cols, rows: rows - 1 };
}
