import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'nk20x10.js');

test('the installed binary runs and reports exit codes', () => {
  const ok = spawnSync(process.execPath, [BIN, 'validate'], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^ok: /);
  const ambiguous = spawnSync(process.execPath, [BIN, 'show', 'Unsan'], { encoding: 'utf8' });
  assert.equal(ambiguous.status, 2);
  const usage = spawnSync(process.execPath, [BIN, 'list', '--nope'], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /unknown option '--nope'/);
});

test('--version prints the package version; --help lists the commands', async () => {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal((await cli('--version')).out, `${pkg.version}\n`);
  const help = await cli('--help');
  assert.equal(help.code, 0);
  for (const command of ['validate', 'list', 'show']) assert.match(help.out, new RegExp(`\\n  ${command}`));
  for (const command of ['validate', 'list', 'show']) {
    const r = await cli(command, '--help');
    assert.equal(r.code, 0);
    assert.match(r.out, new RegExp(`^Usage: nk20x10 ${command}`));
  }
});

test('an unknown command is a usage error', async () => {
  const r = await cli('frobnicate');
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown command "frobnicate"/);
});

test('absurd COLUMNS/LINES off a terminal are clamped with a message, never sized as given', () => {
  const run = (COLUMNS: string, LINES: string) => spawnSync(process.execPath, [BIN, '--as-of', '2025-12-31'], { encoding: 'utf8', env: { ...process.env, COLUMNS, LINES }, maxBuffer: 64 << 20 });
  const huge = run('1e9', '1e9');
  assert.equal(huge.status, 0, huge.stderr);
  assert.equal(huge.stderr, 'nk20x10: COLUMNS="1e9" is larger than 1000; using 1000; LINES="1e9" is larger than 500; using 500.\n');
  const lines = huge.stdout.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 500);
  const zero = run('0', 'abc');
  assert.equal(zero.status, 0, zero.stderr);
  assert.equal(zero.stderr, 'nk20x10: COLUMNS="0" is not a size; using 120; LINES="abc" is not a size; using 40.\n');
  assert.equal(zero.stdout.replace(/\n$/, '').split('\n').length, 40);
});
