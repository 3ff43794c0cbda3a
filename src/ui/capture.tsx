/** One frame of a view, rendered off-screen with full colour: what exports are made from. */
import { renderToString } from 'ink';
import type { Atlas } from '../atlas.js';
import type { ViewContext } from '../view/reduce.js';
import type { ViewState } from '../view/state.js';
import { Dashboard } from './Dashboard.js';

export function captureScreen(atlas: Atlas, ctx: ViewContext, state: ViewState, cols: number, rows: number): { ansi: string; cols: number; rows: number } {
  // The export shows the screen itself, without overlays or footer messages.
  const clean: ViewState = { ...state, overlay: null, message: null };
  const ansi = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={clean} cols={cols} rows={rows} colorLevel={3} />, { columns: cols });
  return { ansi, cols, rows };
}
