/**
 * Every command, in every --format, into a pipe whose reader has gone (`nk20x10 gap | head -1`):
 * no stack trace, nothing on stderr, exit 0. The commands and formats are read from `--help`, so a
 * new command or format is covered without editing this file.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { COMMAND_NAMES } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'nk20x10.js');
const FIXTURE = join(PACKAGE_ROOT, 'test', 'fixtures', 'geo-import', 'feature-ids.geojson');
const cache = scratchDir('nk20x10-cache-');

/** The formats a command's --help offers (`--format a|b|c`), or [] when it has no --format. */
async function formatsOf(command: string): Promise<string[]> {
  const help = await cli(command, '--help');
  assert.equal(help.code, 0, help.err);
  const m = /--format ([a-z0-9]+(?:\|[a-z0-9]+)+)/.exec(help.out);
  return m ? m[1]!.split('|') : [];
}

/** Arguments that make `command` succeed with output on stdout, in `format`, writing any file into `dir`. */
function invocation(command: string, format: string | undefined, dir: string): string[] {
  const f = format ? ['--format', format] : [];
  const asOf = ['--as-of', '2025-12-31'];
  switch (command) {
    case 'validate':
      return ['validate', '--warnings'];
    case 'list':
    case 'gap':
      return [command, ...asOf, ...f];
    case 'show':
      return ['show', 'Kim Hyong Jik', ...asOf, ...f];
    case 'export':
      return ['export', '--view', 'gap', ...asOf, ...f, '-o', join(dir, `slide.${format ?? 'png'}`), '--no-timestamp', '--force'];
    case 'geo':
      return ['geo', 'import', FIXTURE, '--out', join(dir, `layer-${format ?? 'text'}.topo.json`), '--min-match', '1', '--force', ...f];
    default:
      throw new Error(`closed-pipe test: no invocation for the command "${command}"; add one`);
  }
}

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the binary with stdout a pipe whose read end is closed before it starts, or after the first chunk. */
function runClosed(args: string[], when: 'at-start' | 'after-first-chunk'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: cache } });
    if (when === 'at-start') child.stdout.destroy();
    else child.stdout.once('data', () => child.stdout.destroy());
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

test('every command and format into a pipe closed early: exit 0, nothing on stderr', async () => {
  const dir = scratchDir();
  const cases: string[][] = [['--version'], ['--help'], ['--as-of', '2025-12-31']];
  for (const command of COMMAND_NAMES) {
    cases.push([command, '--help']);
    const formats = await formatsOf(command);
    if (formats.length === 0) cases.push(invocation(command, undefined, dir));
    for (const format of formats) cases.push(invocation(command, format, dir));
  }
  // The list above must include every format of list and gap (the cases).
  assert.ok(cases.some((c) => c.join(' ').includes('gap --as-of 2025-12-31 --format csv')));
  for (const args of cases) {
    // The two ways of closing run side by side (distinct outputs: export and geo write with --force).
    // export prints one line after its slide is written: closing at the start is the only case (and the slow one).
    const whens = args[0] === 'export' && args[1] !== '--help' ? (['at-start'] as const) : (['at-start', 'after-first-chunk'] as const);
    const runs = await Promise.all(whens.map(async (when) => ({ when, r: await runClosed(args, when) })));
    for (const { when, r } of runs) {
      const label = `nk20x10 ${args.join(' ')} (reader gone ${when})`;
      assert.doesNotMatch(r.stderr, /\bat |Error|EPIPE/, `${label}: stack trace or error on stderr:\n${r.stderr}`);
      assert.equal(r.stderr, '', `${label}: stderr`);
      assert.deepEqual([r.status, r.signal], [0, null], label);
    }
  }
});

test('the shell case of the issue: gap --format csv | head -1 prints one line, exit 0, no stack trace', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" gap --as-of 2025-12-31 --format csv 2>&1 | head -1; echo "exit $?"`], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cache },
  });
  // `sh` reports the last command's status; the node status is checked through a subshell below.
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2, r.stdout);
  assert.match(lines[0]!, /^site_id,name_en,/);
  const status = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" gap --as-of 2025-12-31 --format json 2>/dev/null | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cache },
  });
  assert.equal(status.stdout.trim(), '0');
});

test('a failing stdout that is not a closed pipe (a full disk) exits 3 with one line naming stdout', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" list --as-of 2025-12-31 > /dev/full`], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } });
  assert.equal(r.status, 3);
  assert.equal(r.stderr, 'nk20x10: cannot write to stdout: ENOSPC\n');
});
