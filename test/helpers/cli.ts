/** Runs the CLI in-process and captures what a user would see. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { scratchDir } from './scratch.js';

// In-process commands use the model cache: keep it in a scratch directory, never the user's.
process.env.XDG_CACHE_HOME = scratchDir('nk20x10-cache-');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** A scratch copy of the bundled data directory that a test may break. */
export function copyOfData(): string {
  const dir = join(scratchDir('nk20x10-data-'), 'data');
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

/** Replaces the first occurrence of `from` in a file, failing loudly when it is not there. */
export function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}

/** 1-based line of the first line in `file` that contains `needle`. */
export function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`lineOf: ${needle} not in ${file}`);
  return index + 1;
}
