/**
 * ink-testing-library's harness with a terminal size of our choosing: its fake stdout is fixed at
 * 100 columns (ink-testing-library#16), too narrow for the wide layout. Same approach: fake
 * streams, debug rendering, frames captured as written. Like the binary (src/ui/run.tsx), the tree
 * is rendered inside a FrameSink: the dashboard's frames arrive as lines, not through Ink's output.
 */
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import { createElement, type ReactElement } from 'react';
import { FrameSink } from '../../src/ui/Frame.js';
import type { ComposedFrame } from '../../src/view/frame.js';

class SizedStdout extends EventEmitter {
  frames: string[] = [];
  constructor(public columns: number, public rows: number) {
    super();
  }
  write = (frame: string) => {
    // Ink writes '' when the app draws through the frame sink instead (src/ui/Frame.tsx).
    if (frame !== '') this.frames.push(frame);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export function renderSized(tree: ReactElement, columns: number, rows: number) {
  const stdout = new SizedStdout(columns, rows);
  const stdin = new FakeStdin();
  // The same path as the binary (src/ui/run.tsx): frames go through the FrameSink, not Ink's output.
  const sunk = createElement(FrameSink, { value: (frame: ComposedFrame) => stdout.write(frame.lines.join('\n')) }, tree);
  const instance = inkRender(sunk, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new SizedStdout(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    stdin,
    lastFrame: () => stdout.frames.at(-1) ?? '',
    frameCount: () => stdout.frames.length,
    /** Changes the terminal size and tells the app, as a terminal resize does. */
    resize(cols: number, rows: number) {
      stdout.columns = cols;
      stdout.rows = rows;
      stdout.emit('resize');
    },
    unmount: () => instance.unmount(),
  };
}
