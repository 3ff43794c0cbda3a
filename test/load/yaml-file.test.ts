import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseYamlText, readYamlFile } from '../../src/load/yaml-file.js';
import { scratchDir } from '../helpers/scratch.js';

test('paths are located at the line and column of their value', () => {
  const r = parseYamlText('f.yaml', 'a: 1\nlist:\n  - x: 2\n  - y: [3, 4]\n');
  assert.ok(r.ok);
  assert.deepEqual(r.value.locate(['list', 1, 'y', 1]), { line: 4, col: 12 });
  assert.deepEqual(r.value.locate(['list', 0, 'x']), { line: 3, col: 8 });
  // A missing field points at its nearest parent.
  assert.deepEqual(r.value.locate(['list', 0, 'missing']), { line: 3, col: 5 });
});

test('duplicate keys are an error at the duplicate', () => {
  const r = parseYamlText('f.yaml', 'id: a\nname: x\nid: b\n');
  assert.ok(!r.ok);
  assert.equal(r.errors[0]!.line, 3);
  assert.match(r.errors[0]!.message, /unique/i);
});

test('an alias bomb is stopped, not expanded', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const r = parseYamlText('bomb.yaml', lines.join('\n'));
  assert.ok(!r.ok);
  assert.match(r.errors[0]!.message, /alias/i);
});

test('invalid UTF-8 is refused with the line where it starts', () => {
  const dir = scratchDir('nk-yaml-');
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, Buffer.concat([Buffer.from('a: ok\nb: "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]));
  const r = readYamlFile(file);
  assert.ok(!r.ok);
  assert.equal(r.errors[0]!.message, 'invalid UTF-8');
  assert.equal(r.errors[0]!.line, 2);
});

test('a missing file is a located error, not an exception', () => {
  const r = readYamlFile('/nonexistent/nk20x10.yaml');
  assert.ok(!r.ok);
  assert.match(r.errors[0]!.message, /cannot read: ENOENT/);
});
