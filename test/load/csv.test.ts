import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvRecords, parseCsv } from '../../src/load/csv.js';

test('quoted fields keep commas, quotes and newlines, and rows keep their line numbers', () => {
  const rows = parseCsv('a,b\n"x, y","say ""hi"""\n"multi\nline",z\r\nlast,1');
  assert.deepEqual(rows.map((r) => r.fields), [['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', 'z'], ['last', '1']]);
  assert.deepEqual(rows.map((r) => r.line), [1, 2, 3, 5]);
});

test('records are keyed by the header and missing trailing fields are empty', () => {
  assert.deepEqual(csvRecords('\ufeffid,name\nk1\n'), [{ line: 2, record: { id: 'k1', name: '' } }]);
});
