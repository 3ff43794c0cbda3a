/**
 * Starts the dashboard. On a terminal: the interactive app in the alternate screen, restored on
 * exit. Off a terminal (pipe, CI): one frame of the national view, then exit 0.
 */
import { render, renderToString } from 'ink';
import { supportsColor } from 'chalk';
import type { Atlas } from '../atlas.js';
import type { ColorLevel } from '../view/paint.js';
import { firstSiteKey, viewContext } from '../view/reduce.js';
import { initialState, type ViewState } from '../view/state.js';
import { App, type AppProps } from './App.js';
import { Dashboard } from './Dashboard.js';
import { installInkOutputCache } from './ink-output-cache.js';

export interface RunOptions {
  atlas: Atlas;
  asOf: string;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
  onExport?: AppProps['onExport'];
}

/** Colour depth: none with NO_COLOR (set and non-empty), else what the terminal supports. */
export function colorLevelFor(env: NodeJS.ProcessEnv, isTTY: boolean): ColorLevel {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY && env.FORCE_COLOR === undefined) return 0;
  return supportsColor ? (supportsColor.level as ColorLevel) : 0;
}

export function startState(atlas: Atlas, asOf: string): { ctx: ReturnType<typeof viewContext>; state: ViewState } {
  const ctx = viewContext(atlas.dataset);
  const state = initialState(asOf);
  return { ctx, state: { ...state, cursor: firstSiteKey(ctx, state) } };
}

export async function runDashboard(options: RunOptions): Promise<number> {
  const { atlas, asOf, stdout, stdin, env } = options;
  const { ctx, state } = startState(atlas, asOf);
  const interactive = stdout.isTTY === true && stdin.isTTY === true;
  const colorLevel = colorLevelFor(env, stdout.isTTY === true);

  if (!interactive) {
    const cols = stdout.columns || Number(env.COLUMNS) || 120;
    const rows = Number(env.LINES) || 40;
    stdout.write(`${renderToString(<Dashboard atlas={atlas} ctx={ctx} state={state} cols={cols} rows={rows} colorLevel={colorLevel} />, { columns: cols })}\n`);
    return 0;
  }

  await installInkOutputCache();
  stdout.write('\u001b[?1049h\u001b[H');
  const restore = () => stdout.write('\u001b[?25h\u001b[?1049l');
  process.once('exit', restore);
  try {
    const instance = render(<App atlas={atlas} ctx={ctx} initial={state} colorLevel={colorLevel} {...(options.onExport ? { onExport: options.onExport } : {})} />, {
      stdout,
      stdin,
      exitOnCtrlC: false,
      patchConsole: true,
      // Ink throttles frames to maxFps; 60 keeps a keystroke's redraw within one 16 ms frame.
      maxFps: 60,
      // Rewrite only the lines that changed.
      incrementalRendering: true,
    });
    await instance.waitUntilExit();
  } finally {
    restore();
    process.removeListener('exit', restore);
  }
  return 0;
}
