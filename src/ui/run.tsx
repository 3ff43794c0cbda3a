/**
 * Starts the dashboard. On a terminal: the interactive app in the alternate screen, drawn through
 * the project's own output stage (src/term/terminal-screen.ts) and restored on every way out.
 * Off a terminal (pipe, CI, TERM=dumb, stdin closed): one frame of the national view, then exit 0.
 *
 * Exit codes: 0 for q; 130 for Ctrl-C and SIGINT; 143 for SIGTERM; 129 when the terminal goes
 * away (SIGHUP, or writes failing with EIO/EPIPE), quietly.
 */
import { render, renderToString } from 'ink';
import { supportsColor } from 'chalk';
import type { Atlas } from '../atlas.js';
import { ENTER_SCREEN, LEAVE_SCREEN, TerminalScreen } from '../term/terminal-screen.js';
import { terminalSize } from '../term/size.js';
import type { Lens } from '../model/status.js';
import type { ColorLevel } from '../view/paint.js';
import { firstSiteKey, viewContext } from '../view/reduce.js';
import { initialState, type ViewState } from '../view/state.js';
import { App, type AppProps } from './App.js';
import { Dashboard } from './Dashboard.js';
import { FrameSink } from './Frame.js';

export interface RunOptions {
  atlas: Atlas;
  /** The day, or a Lens (day, hindsight, stale threshold) from the command line. */
  asOf: string | Lens;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
  stderr?: { write(text: string): unknown };
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
/** Errors that mean the terminal is gone (pane closed, ssh dropped). */
const GONE = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF', 'ERR_STREAM_DESTROYED']);

export async function runDashboard(options: RunOptions): Promise<number> {
  const { atlas, asOf, stdout, stdin, env } = options;
  const stderr = options.stderr ?? process.stderr;
  const { ctx, state } = startState(atlas, asOf);
  // A dumb terminal cannot redraw in place: it gets the single frame, like a pipe.
  const interactive = stdout.isTTY === true && stdin.isTTY === true && env.TERM !== 'dumb';
  const colorLevel = colorLevelFor(env, stdout.isTTY === true);
  const size = terminalSize(interactive ? stdout : {}, env, { cols: 120, rows: 40 });
  if (size.notice) stderr.write(`${size.notice}\n`);

  if (!interactive) {
    stdout.write(`${renderToString(<Dashboard atlas={atlas} ctx={ctx} state={state} cols={size.cols} rows={size.rows} colorLevel={colorLevel} />, { columns: size.cols })}\n`);
    return 0;
  }

  let exitCode = 0;
  let gone = false;
  const write = (data: string) => {
    if (gone) return;
    try {
      stdout.write(data);
    } catch (err) {
      terminalGone(err);
    }
  };
  const screen = new TerminalScreen({ out: { write }, cols: size.cols, rows: size.rows });

  // Anything printed while the screen is ours would corrupt it: kept, and printed after.
  const held: string[] = [];
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = consoleMethods.map((m) => console[m]);
  for (const m of consoleMethods) console[m] = (...args: unknown[]) => void held.push(args.map(String).join(' '));

  write(ENTER_SCREEN);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    screen.pause();
    write(LEAVE_SCREEN);
  };

  const suspend = () => {
    // Ctrl-Z (a key in raw mode) or SIGTSTP: give the terminal back as it was, then stop.
    screen.pause();
    write(LEAVE_SCREEN);
    if (stdin.isTTY) stdin.setRawMode(false);
    process.kill(process.pid, 'SIGSTOP');
  };
  const onContinue = () => {
    // `fg`: take the screen again and draw it in full, at the size the terminal has now.
    if (gone || restored) return;
    if (stdin.isTTY) stdin.setRawMode(true);
    write(ENTER_SCREEN);
    screen.resume();
    const now = terminalSize(stdout, env, size);
    if (now.cols !== screen.cols || now.rows !== screen.rows) screen.resize(now.cols, now.rows);
  };

  // The app's frames go to the screen directly (src/ui/Frame.tsx); Ink keeps input and state.
  const session = render(
    <FrameSink value={(frame) => screen.show(frame.lines, frame.rows)}>
    <App
      atlas={atlas}
      ctx={ctx}
      initial={state}
      colorLevel={colorLevel}
      onInterrupt={() => {
        exitCode = 130;
      }}
      onSuspend={suspend}
      {...(options.onExport ? { onExport: options.onExport } : {})}
    />
    </FrameSink>,
    {
      stdout: screen.stream as unknown as NodeJS.WriteStream,
      stdin,
      exitOnCtrlC: false,
      patchConsole: false,
      // Debug mode: anything Ink itself draws is written whole to screen.stream, unthrottled; the
      // screen writes only what changed. (Ink's own incremental renderer lands full-screen frames a
      // row low.) The dashboard's frames reach the screen through the FrameSink above.
      debug: true,
    },
  );

  /**
   * The terminal is gone (SIGHUP, or reads and writes failing with EIO): there is nothing to
   * restore and nothing to unmount (Ink would switch raw mode off, which throws on a dead tty, and
   * Node's own tty reset at exit would abort). End at once, as an unhandled SIGHUP does: the shell
   * sees 129 and nothing is printed.
   */
  function terminalGone(err?: unknown) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (err !== undefined && (code === undefined || !GONE.has(code))) return;
    if (gone) return;
    gone = true;
    exitCode = 129;
    screen.pause();
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
  }
  const onSignal = (signal: NodeJS.Signals) => {
    if (signal === 'SIGHUP') return terminalGone();
    exitCode = 128 + (SIGNALS[signal] ?? 0);
    session.unmount();
  };
  const onResize = () => {
    const now = terminalSize(stdout, env, size);
    screen.resize(now.cols, now.rows);
  };
  const onStdinEnd = () => session.unmount();
  stdout.on('error', terminalGone);
  stdin.on('error', terminalGone);
  stdout.on('resize', onResize);
  for (const signal of Object.keys(SIGNALS) as NodeJS.Signals[]) process.on(signal, onSignal);
  process.on('SIGTSTP', suspend);
  process.on('SIGCONT', onContinue);
  stdin.once('end', onStdinEnd);
  process.once('exit', restore);
  try {
    await session.waitUntilExit();
  } finally {
    session.cleanup();
    restore();
    for (const signal of Object.keys(SIGNALS) as NodeJS.Signals[]) process.removeListener(signal, onSignal);
    process.removeListener('SIGTSTP', suspend);
    process.removeListener('SIGCONT', onContinue);
    stdin.removeListener('end', onStdinEnd);
    stdout.removeListener('resize', onResize);
    process.removeListener('exit', restore);
    consoleMethods.forEach((m, i) => (console[m] = originals[i]!));
    if (!gone) for (const line of held) stderr.write(`${line}\n`);
    // The error listeners stay: a write that fails after this is ignored, not a crash.
  }
  return exitCode;
}
