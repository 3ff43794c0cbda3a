/**
 * Filters that match nothing: table and md say on stderr what matched nothing and why, exit 0;
 * csv is the header line alone and json `[]`, with nothing on stderr. Formats come from --help.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GAP_CSV_COLUMNS } from '../../src/cli/commands/gap.js';
import { cli } from '../helpers/cli.js';

async function formatsOf(command: string): Promise<string[]> {
  const m = /--format ([a-z|]+)/.exec((await cli(command, '--help')).out);
  assert.ok(m, `${command} --help names its formats`);
  return m[1]!.split('|');
}

const EMPTY: [string[], string][] = [
  [['--year', '1999'], 'no program sites for --year 1999 as of 2025-12-31; program years are 2022 (pilot), 2024–2026'],
  [['--year', '2026', '--as-of', '2025-06-01'], 'no program sites for --year 2026 as of 2025-06-01; none of the 20 matching sites was known yet on that day; try a later --as-of'],
  [['--province', 'Rason', '--year', '2024'], 'no program sites for --year 2024 --province Rason as of 2025-12-31; Rason has none in 2024; sites are in South Pyongan, North Pyongan, Chagang, South Hwanghae, North Hwanghae, Kangwon, South Hamgyong, North Hamgyong, Ryanggang, Nampo'],
];

test('list and gap: an empty result in every format', async () => {
  for (const command of ['list', 'gap']) {
    for (const format of await formatsOf(command)) {
      for (const [filters, message] of EMPTY) {
        const args = [command, '--as-of', '2025-12-31', ...filters, '--format', format];
        const label = args.join(' ');
        const r = await cli(...args);
        assert.equal(r.code, 0, `${label}: ${r.err}`);
        if (format === 'json') {
          assert.equal(r.out, '[]\n', label);
          assert.equal(r.err, '', label);
        } else if (format === 'csv') {
          assert.equal(r.out.split('\n').filter(Boolean).length, 1, `${label}: the header line alone`);
          assert.match(r.out, command === 'gap' ? new RegExp(`^${GAP_CSV_COLUMNS.join(',')}\n$`) : /^id,name_en,/, label);
          assert.equal(r.err, '', label);
        } else {
          assert.equal(r.err, `nk20x10: ${message}\n`, label);
          assert.match(r.out, /\b0 sites as of /, `${label}: the footer still counts 0 sites`);
        }
      }
    }
  }
});

test('list --status that nothing has says how many sites the other filters kept', async () => {
  const r = await cli('list', '--as-of', '2024-03-01', '--status', 'disrupted');
  assert.equal(r.code, 0);
  assert.match(r.err, /^nk20x10: no program sites for --status disrupted as of 2024-03-01; \d+ sites? w(as|ere) known then under the other filters; none has --status disrupted\n$/);
});

test('a result with rows prints nothing on stderr', async () => {
  for (const command of ['list', 'gap']) {
    for (const format of await formatsOf(command)) {
      const r = await cli(command, '--as-of', '2025-12-31', '--year', '2024', '--format', format);
      assert.equal(r.code, 0);
      assert.equal(r.err, '', `${command} --format ${format}`);
    }
  }
});
