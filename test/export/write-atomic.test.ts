import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/export/write-atomic.js';
import { ExportError } from '../../src/export/errors.js';

async function sandbox(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'nk20x10-write-'));
}

function isExportError(code: string, ...inMessage: string[]) {
  return (e: unknown) => {
    assert.ok(e instanceof ExportError, `ExportError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    for (const s of inMessage) assert.ok(e.message.includes(s), `"${e.message}" mentions ${s}`);
    return true;
  };
}

/** Files in a directory, so a test can see no temporary file was left behind. */
async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

test('writes a new file (string or bytes) and leaves no temporary file', async () => {
  const dir = await sandbox();
  await writeFileAtomic(join(dir, 'a.svg'), '<svg/>');
  await writeFileAtomic(join(dir, 'b.png'), new Uint8Array([137, 80, 78, 71]));
  assert.equal(await readFile(join(dir, 'a.svg'), 'utf8'), '<svg/>');
  assert.deepEqual([...(await readFile(join(dir, 'b.png')))], [137, 80, 78, 71]);
  assert.deepEqual(await listing(dir), ['a.svg', 'b.png']);
  await rm(dir, { recursive: true });
});

test('refuses to overwrite an existing file without force, naming it; overwrites with force', async () => {
  const dir = await sandbox();
  const file = join(dir, 'screen.svg');
  await writeFile(file, 'old');
  await assert.rejects(writeFileAtomic(file, 'new'), isExportError('EXISTS', file, 'overwrite', '--force'));
  assert.equal(await readFile(file, 'utf8'), 'old', 'untouched');
  await writeFileAtomic(file, 'new', { force: true });
  assert.equal(await readFile(file, 'utf8'), 'new');
  assert.deepEqual(await listing(dir), ['screen.svg']);
  await rm(dir, { recursive: true });
});

test('refuses to write inside a forbidden directory, also via .. and via a symlink', async () => {
  const dir = await sandbox();
  const data = join(dir, 'data');
  await mkdir(join(data, 'sub'), { recursive: true });
  await mkdir(join(dir, 'out'));
  await mkdir(join(dir, 'data2'));
  await symlink(data, join(dir, 'link'));
  const opts = { forbiddenDirs: [data] };
  for (const target of [
    join(data, 'x.svg'),
    join(data, 'sub', 'x.svg'),
    `${dir}/out/../data/x.svg`,
    join(dir, 'link', 'x.svg'),
    join(dir, 'link', 'sub', 'x.svg'),
  ])
    await assert.rejects(writeFileAtomic(target, 'x', opts), isExportError('FORBIDDEN', target), target);
  // Even with force, and even when the forbidden directory is given through a symlink or with ..
  await assert.rejects(writeFileAtomic(join(data, 'x.svg'), 'x', { force: true, forbiddenDirs: [join(dir, 'link')] }), isExportError('FORBIDDEN'));
  await assert.rejects(writeFileAtomic(join(data, 'x.svg'), 'x', { forbiddenDirs: [`${dir}/out/../data/`] }), isExportError('FORBIDDEN'));
  assert.deepEqual(await listing(data), ['sub']);
  // A sibling whose name merely starts with the forbidden one is fine.
  await writeFileAtomic(join(dir, 'data2', 'x.svg'), 'x', opts);
  await writeFileAtomic(join(dir, 'out', 'x.svg'), 'x', opts);
  await rm(dir, { recursive: true });
});

test('a missing directory or a file in the way gives a clear error naming the path', async () => {
  const dir = await sandbox();
  const missing = join(dir, 'nope', 'x.svg');
  await assert.rejects(writeFileAtomic(missing, 'x'), isExportError('NO_DIRECTORY', missing, 'does not exist'));
  await writeFile(join(dir, 'file'), 'f');
  const underFile = join(dir, 'file', 'x.svg');
  await assert.rejects(writeFileAtomic(underFile, 'x'), isExportError('NOT_A_DIRECTORY', underFile, 'not a directory'));
  await mkdir(join(dir, 'adir'));
  await assert.rejects(writeFileAtomic(join(dir, 'adir'), 'x', { force: true }), isExportError('NOT_A_DIRECTORY', 'is a directory'));
  assert.deepEqual(await listing(dir), ['adir', 'file']);
  await rm(dir, { recursive: true });
});

test('an unwritable directory gives a clear error saying so', async () => {
  const root = process.getuid?.() === 0;
  // Root ignores permission bits; /sys refuses new files even to root.
  const dir = root ? '/sys' : await sandbox();
  if (!existsSync(dir)) return;
  if (!root) await chmod(dir, 0o555);
  try {
    const target = join(dir, 'x.svg');
    await assert.rejects(writeFileAtomic(target, 'x'), isExportError('UNWRITABLE', target, 'not writable'));
    assert.ok(!(await listing(dir)).some((f) => f.includes('x.svg')), 'no temporary file left');
  } finally {
    if (!root) {
      await chmod(dir, 0o755);
      await rm(dir, { recursive: true });
    }
  }
});

test('a failure while writing removes the temporary file', async () => {
  const dir = await sandbox();
  // Not writable data makes the write itself fail after the temporary file exists.
  await assert.rejects(writeFileAtomic(join(dir, 'x.svg'), 42 as unknown as string), isExportError('WRITE_FAILED', 'x.svg'));
  assert.deepEqual(await listing(dir), []);
  await rm(dir, { recursive: true });
});

test('paths in messages are sanitised', async () => {
  const dir = await sandbox();
  await writeFile(join(dir, 'e\u001b]0;x\u0007.svg'), 'old');
  await assert.rejects(writeFileAtomic(join(dir, 'e\u001b]0;x\u0007.svg'), 'new'), (e: unknown) => {
    assert.ok(e instanceof ExportError);
    assert.ok(!e.message.includes('\u001b') && !e.message.includes('\u0007'));
    return true;
  });
  await rm(dir, { recursive: true });
});
