/** Writing command output: everything from data passes through the sanitiser on the way out. */
import { safeJson, sanitizeBlock } from '../text/sanitize.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** True when `err` goes to a terminal (progress lines are shown only then). Absent: not a terminal. */
  errIsTTY?: boolean;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  get errIsTTY() {
    return process.stderr.isTTY === true;
  },
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
