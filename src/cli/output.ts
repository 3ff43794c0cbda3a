/** Writing command output: everything from data passes through the sanitiser on the way out. */
import { sanitizeBlock } from '../text/sanitize.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Lines for a terminal, sanitised. */
export function printLines(write: (text: string) => void, lines: string[]): void {
  write(lines.map(sanitizeBlock).join('\n') + '\n');
}

/** JSON is safe by construction: JSON.stringify escapes every control character. */
export function printJson(write: (text: string) => void, value: unknown): void {
  write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One CSV field, quoted when needed, with controls removed (CSV files are opened in terminals too). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = sanitizeBlock(String(value));
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
