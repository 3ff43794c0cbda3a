/**
 * The output stage of the interactive dashboard, owned openly instead of patched inside Ink.
 *
 * Ink renders in its `debug` mode, where every render writes the whole frame (lines joined by
 * '\n') to the stream it was given. That stream is `TerminalScreen.stream`: it keeps the latest
 * frame, and once per turn of the event loop writes to the real terminal only the cells that
 * differ from what the terminal shows (src/term/screen-diff.ts), with absolute cursor moves and
 * inside a synchronized update. The frame is therefore exactly what the terminal shows after every
 * write, whatever Ink's own cursor arithmetic would have done; resizes, a resumed process and any
 * doubt give a cleared screen and a full redraw.
 */
import { EventEmitter } from 'node:events';
import type { CellPiece } from './cells.js';
import { diffScreen, fullRedraw, type Screen } from './screen-diff.js';

const CSI = '\u001b[';
/** Synchronized output (DEC mode 2026): terminals that know it show the update at once. */
const BEGIN_SYNC = `${CSI}?2026h`;
const END_SYNC = `${CSI}?2026l`;
export const ENTER_SCREEN = `${CSI}?1049h${CSI}?25l${CSI}H`;
export const LEAVE_SCREEN = `${CSI}0m${CSI}?25h${CSI}?1049l`;

/** The stdout-like object Ink writes frames to: the size it should lay out for, and write(). */
export interface FrameStream extends EventEmitter {
  readonly isTTY: true;
  columns: number;
  rows: number;
  write(data: string, callback?: () => void): boolean;
}

export interface TerminalScreenOptions {
  /** Where the bytes go (the real terminal). Errors from it are the caller's to handle. */
  out: { write(data: string): unknown };
  cols: number;
  rows: number;
}

export class TerminalScreen {
  readonly stream: FrameStream;
  /** Bytes written by each flush, newest last (kept for the benchmark; capped). */
  readonly writes: number[] = [];
  private screen: Screen | null = null;
  private frame: readonly string[] = [];
  private pieces: readonly (readonly CellPiece[])[] | undefined;
  private pending = false;
  private active = true;
  private readonly out: TerminalScreenOptions['out'];

  constructor(options: TerminalScreenOptions) {
    this.out = options.out;
    const stream = new EventEmitter() as FrameStream;
    Object.assign(stream, {
      isTTY: true,
      columns: options.cols,
      rows: options.rows,
      write: (data: string, callback?: () => void) => {
        if (data !== '') this.setFrame(data);
        callback?.();
        return true;
      },
    });
    this.stream = stream;
  }

  get cols(): number {
    return this.stream.columns;
  }

  get rows(): number {
    return this.stream.rows;
  }

  /** The frame most recently given by Ink, as lines. */
  get lastFrame(): readonly string[] {
    return this.frame;
  }

  private setFrame(data: string): void {
    this.show(data.split('\n'));
  }

  /**
   * Takes a whole frame as lines (styled text, one per row, no line breaks) to draw at the next
   * flush: the app's own frames arrive here directly, without going through Ink's output.
   * `pieces`, when given, are the same rows as pieces (src/view/frame.ts), for a cheaper diff.
   */
  show(lines: readonly string[], pieces?: readonly (readonly CellPiece[])[]): void {
    this.frame = lines;
    this.pieces = pieces;
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    // Renders within one turn (several keys in one read, a resize and the re-render it causes)
    // reach the terminal as one update: the last frame.
    setImmediate(() => this.flush());
  }

  /** Writes what changed since the last flush (everything after invalidate()). */
  flush(): void {
    this.pending = false;
    if (!this.active) return;
    const { cols, rows } = this;
    const { bytes, next } = this.screen && this.screen.cols === cols && this.screen.rows === rows ? diffScreen(this.screen, this.frame, this.pieces) : fullRedraw(cols, rows, this.frame, this.pieces);
    this.screen = next;
    if (bytes === '') return;
    const data = BEGIN_SYNC + bytes + END_SYNC;
    if (this.writes.length >= 10_000) this.writes.shift();
    this.writes.push(Buffer.byteLength(data));
    this.out.write(data);
  }

  /** Forget what the terminal shows: the next flush clears the screen and draws in full. */
  invalidate(): void {
    this.screen = null;
    this.schedule();
  }

  /** A new terminal size: Ink and the app are told through the stream; the next frame is drawn in full. */
  resize(cols: number, rows: number): void {
    this.stream.columns = cols;
    this.stream.rows = rows;
    this.invalidate();
    this.stream.emit('resize');
  }

  /** Stop writing (suspended, exiting, or the terminal is gone); resume() redraws in full. */
  pause(): void {
    this.active = false;
  }

  resume(): void {
    this.active = true;
    this.invalidate();
  }
}
