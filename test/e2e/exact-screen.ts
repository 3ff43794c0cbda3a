/**
 * Exact screens: the real binary in a tmux pane and the same app rendered off-screen are driven by
 * the same keys, and after every step the pane's whole text must equal the off-screen frame, line
 * by line. Any drift (a row drawn too low, a stale line left behind, a frame taller than the
 * terminal, a character of the wrong width) shows up as a differing line, whatever the text.
 *
 * The walk uses every key binding (list and province moves, Enter, Space, PgUp/PgDn, search with
 * typing and Esc, filter toggles, t/T, m, help with scrolling, export in each format) and resizes;
 * a full redraw (one column wider and back) must leave the screen unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { createElement } from 'react';
import type { Atlas } from '../../src/atlas.js';
import { exportFromApp } from '../../src/cli/commands/dashboard.js';
import { App } from '../../src/ui/App.js';
import { startState } from '../../src/ui/run.js';
import { renderSized } from '../helpers/ink-render.js';

/** One step: keys (tmux key names, or literal text) with the bytes a terminal sends for them, or a resize. */
export type Step = { label: string; tmux: string[]; bytes: string | string[]; slow?: boolean } | { label: string; resize: 'wider' | 'other' | 'back' };

const K: Record<string, string> = {
  Up: '\u001b[A', Down: '\u001b[B', Right: '\u001b[C', Left: '\u001b[D', Home: '\u001b[1~', End: '\u001b[4~',
  PPage: '\u001b[5~', NPage: '\u001b[6~', BTab: '\u001b[Z', Enter: '\r', Escape: '\u001b', BSpace: '\u007f', Tab: '\t', Space: ' ',
};
const key = (name: string): Step => ({ label: name, tmux: [name], bytes: K[name] ?? name });
const typed = (text: string): Step => ({ label: `type "${text}"`, tmux: ['-l', text], bytes: text });
const exportAs = (choice: string, format: string): Step[] => [key('e'), { ...key(choice), label: `${choice} (export ${format})`, slow: true }];

/** The walk: 80+ steps that use every binding of src/view/keymap.ts. */
export const WALK: Step[] = [
  ...['j', 'j', 'k', 'Down', 'Up', 'Down', 'l', 'Right', 'h', 'Left', 'Tab', 'BTab', ']', '[', 'G', 'g', 'End', 'Home'].map(key),
  key('j'), key('Enter'), key('Enter'), key('Space'), key('Space'),
  key('j'), key('Enter'), key('NPage'), key('NPage'), key('PPage'), key('Escape'),
  key('/'), typed('kimxyz'), key('Down'), key('Up'), { label: 'three Backspaces in one read', tmux: ['BSpace', 'BSpace', 'BSpace'], bytes: '\u007f\u007f\u007f' }, key('BSpace'), key('BSpace'), key('BSpace'), typed('김형직'), key('Enter'),
  key('Enter'), key('NPage'), key('Escape'),
  key('/'), typed('xyz'), key('Escape'),
  key('f'), key('j'), key('Space'), key('j'), key('Space'), key('k'), key('Space'), key('Enter'),
  key('f'), key('c'), key('Escape'),
  key('t'), key('t'), key('T'), key('t'), key('T'), key('T'),
  key('m'), key('m'),
  key('?'), key('NPage'), key('Down'), key('x'),
  key('e'), key('Escape'),
  { label: 'four keys in one read', tmux: ['-l', 'jjlk'], bytes: 'jjlk' },
  key('e'),
  { label: 'Enter (export PNG) and two keys while it runs', tmux: ['Enter', 'j', 'j'], bytes: ['\r', 'j', 'j'], slow: true },
  ...exportAs('2', 'SVG'), ...exportAs('3', 'HTML'), ...exportAs('4', 'TXT'), ...exportAs('5', 'ANSI'), ...exportAs('Enter', 'PNG'),
  { label: 'one column wider (full redraw)', resize: 'wider' },
  { label: 'back (full redraw)', resize: 'back' },
  key('j'), key('l'),
  { label: 'resize to another size', resize: 'other' },
  key('j'), key('?'), key('x'), key('m'),
  { label: 'resize back', resize: 'back' },
  key('m'), key('k'), key('Enter'), key('NPage'),
];

export interface WalkResult {
  steps: number;
  failures: string[];
}

const norm = (text: string, rows: number) => {
  const lines = stripVTControlCharacters(text).split('\n').map((l) => l.trimEnd());
  while (lines.length < rows) lines.push('');
  return lines.slice(0, Math.max(rows, lines.length));
};

function diff(expected: string[], actual: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length) && out.length < 12; i++) {
    if (expected[i] !== actual[i]) out.push(`  row ${i + 1}\n    frame:  ${JSON.stringify(expected[i] ?? '∅')}\n    screen: ${JSON.stringify(actual[i] ?? '∅')}`);
  }
  return out.join('\n');
}

/**
 * Runs the walk at `cols`×`rows`: starts the binary in a tmux session (socket `socket`), mirrors
 * every step off-screen, and compares whole screens. Returns the failures (empty when exact).
 */
export async function walkAt(socket: string, bin: string, atlas: Atlas, cols: number, rows: number, asOf: string): Promise<WalkResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'xterm-256color' };
  delete env.CI;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env });
  const session = `exact-${cols}x${rows}`;
  const liveDir = mkdtempSync(join(tmpdir(), 'nk20x10-live-'));
  const mirrorDir = mkdtempSync(join(tmpdir(), 'nk20x10-mirror-'));
  const command = `NO_COLOR=1 node ${JSON.stringify(bin)} --as-of ${asOf}; echo "EXIT:$?"; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), '-c', liveDir, command);
  tmux('set-option', '-w', '-t', session, 'window-size', 'manual');

  const { ctx, state } = startState(atlas, asOf);
  // Exports run in the background on both sides: a step is compared only once the mirror's are done.
  let exporting = 0;
  const mirrorExport = exportFromApp(atlas, mirrorDir);
  const onExport: typeof mirrorExport = async (...args) => {
    exporting++;
    try {
      return await mirrorExport(...args);
    } finally {
      setImmediate(() => exporting--);
    }
  };
  const mirror = renderSized(createElement(App, { atlas, ctx, initial: state, colorLevel: 0, onExport }), cols, rows);
  const failures: string[] = [];
  let size = { cols, rows };
  const sizes: { cols: number; rows: number }[] = [];
  const other = cols >= 120 ? { cols: 80, rows: 24 } : { cols: 160, rows: 48 };

  /** Waits until the pane shows exactly the mirror's frame; returns the last difference otherwise. */
  const settle = async (label: string, timeoutMs = 8000): Promise<string[]> => {
    const until = Date.now() + timeoutMs;
    let expected: string[] = [];
    let actual: string[] = [];
    while (Date.now() < until) {
      const frame = mirror.lastFrame();
      if (exporting === 0) {
        expected = norm(frame, size.rows);
        actual = norm(tmux('capture-pane', '-p', '-t', session).replace(/\n$/, ''), size.rows);
        if (expected.length === actual.length && expected.every((l, i) => l === actual[i])) return actual;
      }
      await delay(60);
    }
    failures.push(`${cols}×${rows} ${label}: the screen is not the frame (${size.cols}×${size.rows})\n${diff(expected, actual)}`);
    return actual;
  };

  const resize = (to: { cols: number; rows: number }) => {
    size = to;
    tmux('resize-window', '-t', session, '-x', String(to.cols), '-y', String(to.rows));
    mirror.resize(to.cols, to.rows);
  };

  try {
    await settle('first frame', 30000);
    let n = 0;
    for (const step of WALK) {
      n++;
      const label = `step ${n} (${step.label})`;
      if ('resize' in step) {
        if (step.resize === 'wider') {
          const before = await settle(`${label}, before`);
          sizes.push(size);
          resize({ cols: size.cols + 1, rows: size.rows });
          await settle(label);
          resize(sizes.pop()!);
          const after = await settle(`${label}, and back`);
          if (before.join('\n') !== after.join('\n')) failures.push(`${cols}×${rows} ${label}: a full redraw changed the screen\n${diff(before, after)}`);
          continue;
        }
        if (step.resize === 'other') {
          sizes.push(size);
          resize(other);
        } else resize(sizes.pop() ?? { cols, rows });
        await settle(label);
        continue;
      }
      tmux('send-keys', '-t', session, ...step.tmux);
      for (const bytes of typeof step.bytes === 'string' ? [step.bytes] : step.bytes) mirror.stdin.write(bytes);
      // Ink tells a lone Esc from the start of a sequence by waiting briefly.
      await delay(step.tmux.includes('Escape') ? 90 : 30);
      await settle(label, step.slow ? 60000 : 8000);
    }
    // Redraw check at the end too: the final screen survives a forced full redraw.
    const before = await settle('end, before the redraw check');
    resize({ cols: size.cols + 1, rows: size.rows });
    await settle('end, one column wider');
    resize({ cols, rows });
    const after = await settle('end, back');
    if (before.join('\n') !== after.join('\n')) failures.push(`${cols}×${rows} end: a full redraw changed the screen\n${diff(before, after)}`);
    return { steps: n, failures };
  } finally {
    mirror.unmount();
    try {
      tmux('kill-session', '-t', session);
    } catch {
      // already gone
    }
    rmSync(liveDir, { recursive: true, force: true });
    rmSync(mirrorDir, { recursive: true, force: true });
  }
}
