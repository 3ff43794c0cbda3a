/**
 * Every numeric and date option, in every command whose --help offers it, refuses bad values with
 * exit 2 and a message naming the option, the value and what is expected. Commands are found from
 * their --help text, so an option added to a command is checked there too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMAND_NAMES } from '../../src/cli/main.js';
import { cli } from '../helpers/cli.js';

/** How to reach each command with its required positionals (nothing is read before options are checked). */
const PREFIX: Record<string, string[]> = { '': [], show: ['show', 'Kusong'], geo: ['geo', 'import', 'no-such-file.geojson'] };
const prefixOf = (command: string) => PREFIX[command] ?? [command];

/** option → [bad value, what the message must say after "nk20x10: "]. `V` stands for the value as typed. */
const BAD: Record<string, [string, RegExp | string][]> = {
  '--as-of': [
    ['yesterday', '--as-of: "yesterday" is not a day (YYYY-MM-DD)'],
    ['2025-2-1', '--as-of: "2025-2-1" is not a day (YYYY-MM-DD)'],
    ['-1', '--as-of: "-1" is not a day (YYYY-MM-DD)'],
    ['', '--as-of: "" is not a day (YYYY-MM-DD)'],
    ['2025-02-29', '--as-of: 2025-02-29 does not exist (Feb 2025 has 28 days)'],
    ['2025-13-01', '--as-of: month 13 does not exist in 2025-13-01'],
    ['2999-01-01', /^--as-of: 2999-01-01 is after today \(\d{4}-\d\d-\d\d\); nothing is known about the future$/],
  ],
  '--stale-after': ['-3', '1.5', '121', 'soon', ''].map((v) => [v, `--stale-after must be a whole number of months from 0 to 120, like 6 (got "${v}")`]),
  '--year': ['25', '-2025', '0999', 'next', ''].map((v) => [v, `--year must be a program year of four digits, like 2025 (got "${v}")`]),
  '--size': ['0x0', 'big', '-1x5', '20x10', ''].map((v) => [v, `--size must be COLSxROWS (60x16 to 400x200 cells) or a 16:9 preset: slide or 16:9 (1920×1080 px), 16:9-small (1280×720 px) (got "${v}")`]),
  '--scale': ['3', '-1', '1.5', ''].map((v) => [v, `--scale must be 1 or 2 (got "${v}")`]),
  '--min-match': ['-1', 'many', '1.5', ''].map((v) => [v, `--min-match must be a whole number of counties from 0 to 100000, like 190 (got "${v}")`]),
};

async function helpOf(command: string): Promise<string> {
  const r = command === '' ? await cli('--hindsight', '--help') : await cli(command, '--help');
  assert.equal(r.code, 0);
  return r.out;
}

test('numeric and date options: exit 2, the option, the value and what is expected', async () => {
  const seen = new Set<string>();
  for (const command of ['', ...COMMAND_NAMES]) {
    const help = await helpOf(command);
    for (const [option, cases] of Object.entries(BAD)) {
      if (!new RegExp(`${option}\\b`).test(help)) continue;
      seen.add(option);
      for (const [value, expected] of cases) {
        const args = [...prefixOf(command), option, value];
        const r = await cli(...args);
        const label = `nk20x10 ${args.join(' ')}`;
        assert.equal(r.code, 2, `${label}: ${r.err}`);
        assert.equal(r.out, '', label);
        const message = r.err.split('\n')[0]!.replace(/^nk20x10: /, '');
        if (typeof expected === 'string') assert.equal(message, expected, label);
        else assert.match(message, expected, label);
        assert.match(r.err, /\n\nUsage: nk20x10/, `${label}: the usage follows`);
      }
    }
  }
  assert.deepEqual([...seen].sort(), Object.keys(BAD).sort(), 'every option in the table is offered by some command');
});

test('a value with terminal escapes is shown sanitised', async () => {
  for (const args of [['list', '--year', '\u001b[2J20x'], ['export', '--scale', '\u001b]0;x\u0007'], ['list', '--format', '\u001b[31mred'], ['list', '--province', '\u009b31m']]) {
    const r = await cli(...args);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.err, /[\u001b\u0007\u009b]/, args.join(' '));
  }
});
