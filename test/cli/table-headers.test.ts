/**
 * Every column of every table the CLI prints has a header: `list` and `gap` in table and md
 * format (formats read from --help, so a new one is checked too). The list's flag letters are
 * explained once, under the table.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIST_FLAGS } from '../../src/cli/commands/list.js';
import { displayWidth } from '../../src/text/width.js';
import { renderTable } from '../../src/text/table.js';
import { cli } from '../helpers/cli.js';

const ARGS = ['--as-of', '2025-09-30'];

/** A line as terminal cells: a two-cell character fills its cell and the next (''). */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const ch of Array.from(line)) {
    out.push(ch);
    for (let i = 1; i < displayWidth(ch); i++) out.push('');
  }
  return out;
}

/**
 * Checks a plain table (header, a rule of ─ runs, rows up to the first blank line): each run of
 * the rule is a column, each column has a non-blank header over it, and no header or row cell
 * lies outside the columns. Returns the number of columns and the rows.
 */
function checkPlainTable(lines: string[], label: string): { columns: number; rows: string[][] } {
  const rule = cells(lines[1]!);
  const spans: [number, number][] = [];
  rule.forEach((c, i) => {
    if (c !== '─') return;
    const last = spans[spans.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else spans.push([i, i + 1]);
  });
  const inSpan = (i: number) => spans.some(([a, b]) => i >= a && i < b);
  const end = lines.indexOf('', 2);
  const body = lines.slice(2, end < 0 ? undefined : end);
  const rows: string[][] = [];
  for (const [n, line] of [lines[0]!, ...body].entries()) {
    const c = cells(line);
    c.forEach((ch, i) => assert.ok(ch === ' ' || ch === '' || inSpan(i), `${label}: line ${n + 1} has "${ch}" at cell ${i}, outside every headed column:\n${line}`));
    rows.push(spans.map(([a, b]) => c.slice(a, b).join('').trim()));
  }
  rows[0]!.forEach((h, i) => assert.notEqual(h, '', `${label}: column ${i + 1} has no header`));
  return { columns: spans.length, rows: rows.slice(1) };
}

/** Splits a Markdown table row on its unescaped pipes. */
function mdCells(line: string): string[] {
  return line.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

async function formatsOf(command: string): Promise<string[]> {
  return /--format ([a-z|]+)/.exec((await cli(command, '--help')).out)![1]!.split('|');
}

test('list and gap, table and md: as many headers as columns, none empty', async () => {
  let checked = 0;
  for (const command of ['list', 'gap']) {
    for (const format of await formatsOf(command)) {
      if (format !== 'table' && format !== 'md') continue;
      const out = await cli(command, ...ARGS, ...(command === 'list' ? ['--role', 'all'] : []), '--format', format);
      assert.equal(out.code, 0, out.err);
      const lines = out.out.split('\n');
      const label = `${command} --format ${format}`;
      if (format === 'md') {
        const start = lines.findIndex((l) => l.startsWith('|'));
        const header = mdCells(lines[start]!);
        assert.ok(header.every((h) => h !== ''), `${label}: an empty header`);
        assert.ok(/^\|(-+\|)+$/.test(lines[start + 1]!), `${label}: separator`);
        assert.equal(mdCells(lines[start + 1]!).length, header.length, `${label}: separator cells`);
        for (const row of lines.slice(start + 2).filter((l) => l.startsWith('|'))) assert.equal(mdCells(row).length, header.length, `${label}: ${row.slice(0, 80)}`);
      } else if (command === 'gap') {
        // Two columns split by │ (┼ in the rule): every two-column line splits at the rule's ┼.
        const at = cells(lines[1]!).indexOf('┼');
        const headers = lines[0]!.split('│').map((h) => h.trim());
        assert.equal(headers.length, lines[1]!.split('┼').length, `${label}: headers vs columns`);
        assert.ok(headers.every((h) => h !== ''), `${label}: an empty header`);
        for (const line of lines.filter((l) => l.includes('│'))) assert.equal(cells(line).indexOf('│'), at, `${label}: ${line}`);
      } else {
        const { columns, rows } = checkPlainTable(lines, label);
        assert.equal(columns, 8, label);
        assert.ok(rows.length > 20, label);
      }
      checked++;
    }
  }
  assert.equal(checked, 3, 'list table, gap table, gap md');
});

test('list table: flags are letters in their own headed column, explained once under the table', async () => {
  const r = await cli('list', ...ARGS, '--role', 'all');
  const lines = r.out.split('\n');
  const { rows } = checkPlainTable(lines, 'list');
  const flags = rows.map((row) => row[7]!);
  const used = new Set(flags.flatMap((f) => f.split(' ').filter(Boolean)));
  assert.deepEqual([...used].sort(), LIST_FLAGS.map((f) => f.letter).sort(), 'all three flags occur in this sample');
  const kim = rows.find((row) => row[3] === '김형직군')!;
  assert.equal(kim[7], '! ?', 'Kim Hyong Jik: contested, uncertain');
  assert.equal(kim[0], '2024', 'the year column holds the year alone');
  assert.equal(lines.filter((l) => l.startsWith('Flags: ')).length, 1);
  assert.equal(lines.at(-2), `Flags: ${LIST_FLAGS.map((f) => `${f.letter} ${f.meaning}`).join(' · ')}.`);
});

test('renderTable refuses a column without a header', () => {
  assert.throws(() => renderTable([{ header: 'Site' }, { header: '' }], [['a', 'b']]), /column 2 has no header/);
});
