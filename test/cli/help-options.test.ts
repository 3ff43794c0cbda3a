/**
 * Each command's --help names every option it accepts (long form, and the short one if any), and
 * every option its --help names is accepted: the help is checked against the parser's table, so
 * the two cannot drift. `nk20x10 --help` names the dashboard's options too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Options } from '../../src/cli/args.js';
import { COMMAND_NAMES } from '../../src/cli/main.js';
import { cli } from '../helpers/cli.js';

/** Each command's module (with its OPTIONS) and how to ask it for help. */
const MODULES: Record<string, { load: () => Promise<{ OPTIONS: Options }>; help: string[]; mentions?: string[] }> = {
  '': { load: () => import('../../src/cli/commands/dashboard.js'), help: ['help', 'dashboard'] },
  validate: { load: () => import('../../src/cli/commands/validate.js'), help: ['validate', '--help'] },
  list: { load: () => import('../../src/cli/commands/list.js'), help: ['list', '--help'] },
  show: { load: () => import('../../src/cli/commands/show.js'), help: ['show', '--help'] },
  gap: { load: () => import('../../src/cli/commands/gap.js'), help: ['gap', '--help'] },
  export: { load: () => import('../../src/cli/commands/export.js'), help: ['export', '--help'] },
  // geo import's help points at the dashboard's --geo FILE, which it does not take itself.
  geo: { load: () => import('../../src/cli/commands/geo-import.js'), help: ['geo', '--help'], mentions: ['geo'] },
};

/** The long options a help text names (`--name`), without the ones it only mentions. */
function namedOptions(help: string): Set<string> {
  return new Set([...help.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
}

function checkHelp(label: string, help: string, options: Options, mentions: string[] = []): void {
  for (const [name, o] of Object.entries(options)) {
    assert.match(help, new RegExp(`(?<![\\w-])--${name}(?![\\w-])`), `${label} --help does not name --${name}`);
    if (o.short) assert.match(help, new RegExp(`(?<![\\w-])-${o.short}(?![\\w-])`), `${label} --help does not name -${o.short}`);
  }
  for (const name of namedOptions(help)) {
    assert.ok(name in options || mentions.includes(name), `${label} --help names --${name}, which ${label || 'the dashboard'} does not accept`);
  }
}

test('every command: --help names exactly the options it accepts', async () => {
  assert.deepEqual(Object.keys(MODULES).filter(Boolean).sort(), [...COMMAND_NAMES].sort(), 'a command without an entry here: add it');
  for (const [command, m] of Object.entries(MODULES)) {
    const { OPTIONS } = await m.load();
    const r = await cli(...m.help);
    assert.equal(r.code, 0, r.err);
    checkHelp(`nk20x10 ${command}`.trim(), r.out, OPTIONS, m.mentions);
  }
});

test('help COMMAND is COMMAND --help', async () => {
  for (const command of COMMAND_NAMES) assert.deepEqual(await cli('help', command), await cli(command, '--help'), command);
  assert.deepEqual(await cli('help', 'dashboard'), await cli('--hindsight', '--help'));
  const bad = await cli('help', 'lsit');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /^nk20x10: help: unknown command "lsit"; one of: dashboard, validate, list/);
});

test('nk20x10 --help names every command and every option of the dashboard', async () => {
  const r = await cli('--help');
  for (const command of COMMAND_NAMES) assert.match(r.out, new RegExp(`\\n  ${command}\\b`), command);
  const { OPTIONS } = await MODULES['']!.load();
  for (const name of Object.keys(OPTIONS)) assert.match(r.out, new RegExp(`--${name}\\b`), `--${name}`);
  assert.match(r.out, /--version/);
});
