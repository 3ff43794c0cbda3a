/**
 * Writing command output: the one path every command's stdout and stderr go through.
 * Everything from data passes through the sanitiser on the way out (printLines, printJson).
 *
 * A reader that stops early (`nk20x10 gap | head -1`) closes the pipe: later writes fail with
 * EPIPE. That is not an error: the rest of the output is dropped quietly and the exit status is
 * unchanged (0). Any other write failure (a full disk, `> /dev/full`) is reported once on stderr
 * and makes the exit status 3 (EXIT.output).
 */
import { safeJson, sanitizeBlock } from '../text/sanitize.js';
import { EXIT } from './exit-codes.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** True when `err` goes to a terminal (progress lines are shown only then). Absent: not a terminal. */
  errIsTTY?: boolean;
  /** Why writing the output failed (not a closed pipe), if it did: the caller then exits EXIT.output. */
  failure?(): string | undefined;
}

/** Error codes meaning the reader went away (pipe closed, terminal gone): stop writing, quietly. */
export const READER_GONE: ReadonlySet<string> = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'EIO', 'ENXIO', 'EBADF', 'ECONNRESET']);

interface Guarded {
  gone: boolean;
  failure: string | undefined;
}

const guards = new WeakMap<NodeJS.WritableStream, Guarded>();

/**
 * Takes over the error handling of `stream` (once): a closed reader marks it gone (writes are then
 * dropped); another failure is recorded, reported on `report` and sets process.exitCode to
 * EXIT.output (for a failure that arrives after the command has returned). Returns the state.
 */
export function guardStream(stream: NodeJS.WritableStream, name: string, report?: (text: string) => void): Guarded {
  let g = guards.get(stream);
  if (g) return g;
  const state: Guarded = { gone: false, failure: undefined };
  g = state;
  guards.set(stream, state);
  stream.on('error', (err: NodeJS.ErrnoException) => fail(state, name, err, report));
  return state;
}

function fail(g: Guarded, name: string, err: NodeJS.ErrnoException, report?: (text: string) => void): void {
  if (g.gone) return;
  g.gone = true;
  if (READER_GONE.has(err.code ?? '')) return;
  g.failure = `cannot write to ${name}: ${err.code ?? err.message}`;
  process.exitCode = EXIT.output;
  report?.(`nk20x10: ${g.failure}\n`);
}

/** A writer for `stream` that never throws and drops text once the reader has gone. */
export function streamWriter(stream: NodeJS.WritableStream, name: string, report?: (text: string) => void): (text: string) => void {
  return (text) => {
    const g = guardStream(stream, name, report);
    if (g.gone) return;
    try {
      stream.write(text);
    } catch (err) {
      // A file or a destroyed stream can throw synchronously instead of emitting 'error'.
      fail(g, name, err as NodeJS.ErrnoException, report);
    }
  };
}

const writeErr = streamWriter(process.stderr, 'stderr');

/** The process's stdout and stderr, through streamWriter. */
export const processOutput: Output = {
  out: streamWriter(process.stdout, 'stdout', writeErr),
  err: writeErr,
  get errIsTTY() {
    return process.stderr.isTTY === true;
  },
  failure: () => guardStream(process.stdout, 'stdout', writeErr).failure ?? guardStream(process.stderr, 'stderr').failure,
};

/** Lines for a terminal, sanitised. */
export function printLines(write: (text: string) => void, lines: string[]): void {
  write(lines.map(sanitizeBlock).join('\n') + '\n');
}

/**
 * JSON output: C0 and C1 controls, bidi controls, U+2028/U+2029 and lone surrogates are written as
 * \uXXXX (see safeJson), so nothing in it acts on a terminal and JSON.parse gives the exact values.
 */
export function printJson(write: (text: string) => void, value: unknown): void {
  write(`${safeJson(value, 2)}\n`);
}
