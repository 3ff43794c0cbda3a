/**
 * Starts the dashboard. On a terminal: the interactive app in the alternate screen, restored on
 * exit. Off a terminal (pipe, CI): one frame of the national view, then exit 0.
 */
import { render, renderToString } from 'ink';
import { supportsColor } from 'chalk';
import type { Atlas } from '../atlas.js';
import type { Lens } from '../model/status.js';
import type { ColorLevel } from '../view/paint.js';
import { firstSiteKey, viewContext } from '../view/reduce.js';
import { initialState, type ViewState } from '../view/state.js';
import { App, type AppProps } from './App.js';
import { Dashboard } from './Dashboard.js';
import { installInkOutputCache, takeOverResize } from './ink-internals.js';

export interface RunOptions {
  atlas: Atlas;
  /** The day, or a Lens (day, hindsight, stale threshold) from the command line. */
  asOf: string | Lens;
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

export function startState(atlas: Atlas, asOf: string | Lens): { ctx: ReturnType<typeof viewContext>; state: ViewState } {
  const ctx = viewContext(atlas.dataset);
  const state = initialState(asOf);
  return { ctx, state: { ...state, cursor: firstSiteKey(ctx, state) } };
}

/** Signals that end the session; the exit code is 128 + the signal number, as shells expect. */
const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

export async function runDashboard(options: RunOptions): Promise<number> {
  const { atlas, asOf, stdout, stdin, env } = options;
  const { ctx, state } = startState(atlas, asOf);
  // A dumb terminal cannot redraw in place: it gets the single frame, like a pipe.
  const interactive = stdout.isTTY === true && stdin.isTTY === true && env.TERM !== 'dumb';
  const colorLevel = colorLevelFor(env, stdout.isTTY === true);

  if (!interactive) {
    const cols = stdout.columns || Number(env.COLUMNS) || 120;
    const rows = stdout.rows || Number(env.LINES) || 40;
    stdout.write(`${renderToString(<Dashboard atlas={atlas} ctx={ctx} state={state} cols={cols} rows={rows} colorLevel={colorLevel} />, { columns: cols })}\n`);
    return 0;
  }

  await installInkOutputCache();
  stdout.write('\u001b[?1049h\u001b[H');
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write('\u001b[?25h\u001b[?1049l');
  };
  let exitCode = 0;
  const session = render(<App atlas={atlas} ctx={ctx} initial={state} colorLevel={colorLevel} {...(options.onExport ? { onExport: options.onExport } : {})} />, {
    stdout,
    stdin,
    exitOnCtrlC: false,
    patchConsole: true,
    // Ink throttles frames to maxFps; 60 keeps a keystroke's redraw within one 16 ms frame.
    maxFps: 60,
    // Rewrite only the lines that changed.
    incrementalRendering: true,
  });
  // Whatever ends the session (q, a signal, the terminal going away) leaves the screen restored.
  const onSignal = (signal: NodeJS.Signals) => {
    exitCode = 128 + (SIGNALS[signal] ?? 0);
    session.unmount();
  };
  // Every resize gets a cleared screen and a full frame for the new size (see ink-internals.ts);
  // without the internals, Ink's own handling stays and clear() is the best effort.
  const redraw = await takeOverResize(stdout);
  const onResize = () => {
    if (redraw) redraw();
    else {
      stdout.write('\u001b[2J\u001b[3J\u001b[H');
      session.clear();
    }
  };
  stdout.on('resize', onResize);
  const onStdinEnd = () => session.unmount();
  for (const signal of Object.keys(SIGNALS) as NodeJS.Signals[]) process.on(signal, onSignal);
  stdin.once('end', onStdinEnd);
  process.once('exit', restore);
  try {
    await session.waitUntilExit();
  } finally {
    session.cleanup();
    restore();
    for (const signal of Object.keys(SIGNALS) as NodeJS.Signals[]) process.removeListener(signal, onSignal);
    stdin.removeListener('end', onStdinEnd);
    stdout.removeListener('resize', onResize);
    process.removeListener('exit', restore);
  }
  return exitCode;
}
