/**
 * The interactive dashboard: keys → commands (view/keymap) → new state (view/reduce) → redraw.
 * Owns only the state and the terminal size; drawing is Dashboard's, exporting is the caller's.
 */
import { useApp, useInput, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { Atlas } from '../atlas.js';
import { commandFor } from '../view/keymap.js';
import type { ColorLevel } from '../view/paint.js';
import { acceptSearch, reduce, type ViewContext } from '../view/reduce.js';
import type { ViewState } from '../view/state.js';
import { Dashboard } from './Dashboard.js';

export interface AppProps {
  atlas: Atlas;
  ctx: ViewContext;
  initial: ViewState;
  colorLevel: ColorLevel;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  size?: { cols: number; rows: number };
  /** Writes an export of the current screen; resolves to a message for the footer. */
  onExport?: (format: string, state: ViewState, size: { cols: number; rows: number }) => Promise<string>;
  /** Ctrl-C was pressed (the app then quits; the caller exits 130 as for SIGINT). */
  onInterrupt?: () => void;
  /** Ctrl-Z was pressed: the caller gives the terminal back and stops the process. */
  onSuspend?: () => void;
}

export function App({ atlas, ctx, initial, colorLevel, size, onExport, onInterrupt, onSuspend }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [state, setState] = useState(initial);
  const current = useRef(state);
  const exports = useRef<Promise<unknown>>(Promise.resolve());
  const [dims, setDims] = useState(() => size ?? { cols: stdout.columns || 100, rows: stdout.rows || 40 });

  useEffect(() => {
    if (size) return;
    const onResize = () => setDims({ cols: stdout.columns || 100, rows: stdout.rows || 40 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, size]);

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  const update = (next: ViewState) => {
    current.current = next;
    setState(next);
  };

  const handle = (input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
    const s = current.current;
    if (key.ctrl && input === 'z') return onSuspend?.();
    if (key.ctrl && input === 'c') onInterrupt?.();
    const command = commandFor(s, input, key);
    switch (command.type) {
      case 'none':
        return;
      case 'accept-search':
        return update(acceptSearch(s, ctx));
      case 'export-format': {
        const closed = { ...s, overlay: null, message: `Exporting ${command.format.toUpperCase()}…` };
        update(closed);
        if (!onExport) return update({ ...closed, message: 'Export is not available in this session.' });
        // One export at a time, in the order asked: their messages cannot overtake each other.
        const job = () => onExport(command.format, { ...closed, message: null }, dims);
        exports.current = exports.current.then(job).then(
          (message) => update({ ...current.current, message }),
          (err: unknown) => update({ ...current.current, message: `Export failed: ${(err as Error).message}` }),
        );
        return;
      }
      default:
        return update(reduce(s, command, ctx));
    }
  };

  useInput((input, key) => {
    // Several keys in one read (typed fast, or queued while an export ran) arrive as one string:
    // each is applied in order, except text typed into the search box, which is taken whole.
    const special = key.ctrl || key.meta || key.return || key.escape || key.tab || key.backspace || key.delete;
    const chars = [...input];
    if (special || chars.length <= 1) return handle(input, key);
    // Control characters inside a chunk keep their meaning (Enter, Tab, Backspace); text typed into
    // the search box is taken in runs.
    const asKey = (ch: string) =>
      ch === '\r' || ch === '\n' ? { ...key, return: true } : ch === '\t' ? { ...key, tab: true } : ch === '\u007f' || ch === '\b' ? { ...key, backspace: true } : undefined;
    let typed = '';
    const flush = () => {
      if (typed) handle(typed, key);
      typed = '';
    };
    for (const ch of chars) {
      const special = asKey(ch);
      if (special) {
        flush();
        handle(ch, special);
      } else if (current.current.overlay === 'search') typed += ch;
      else handle(ch, key);
    }
    flush();
  });

  return <Dashboard atlas={atlas} ctx={ctx} state={state} cols={dims.cols} rows={dims.rows} colorLevel={colorLevel} />;
}
