import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openAtlas } from '../../src/atlas.js';
import { exportCurrentScreen } from '../../src/cli/commands/export.js';
import { loadDataset } from '../../src/load/dataset.js';
import { DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { startState } from '../../src/ui/run.js';
import { cli, copyOfData } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

/** Every file under a directory with its content hash and modification time. */
function fingerprint(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push(`${p} ${s.mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    }
  };
  walk(dir);
  return out.join('\n');
}

test('validate, list, show, export and the dashboard never modify the data directory', async () => {
  const data = copyOfData();
  const before = fingerprint(data);
  const out = scratchDir();
  for (const args of [
    ['validate'],
    ['list', '--format', 'json'],
    ['show', 'kimhyongjik', '--format', 'json'],
    ['export', '--view', 'county:kimhyongjik', '--format', 'svg', '-o', join(out, 'k.svg')],
  ]) {
    const r = await cli(...args, '--data', data);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
  }
  const bin = join(PACKAGE_ROOT, 'bin', 'nk20x10.js');
  const dash = spawnSync(process.execPath, [bin, '--data', data], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: scratchDir() } });
  assert.equal(dash.status, 0, dash.stderr);
  assert.equal(fingerprint(data), before, 'no file in data/ was written, touched or added');
});

test('a failing validate leaves the bad file exactly as it was', async () => {
  const data = copyOfData();
  const file = join(data, 'counties', 'kimhyongjik.yaml');
  const bad = readFileSync(file, 'utf8').replace('won: 2500', 'won: -1');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, bad);
  const before = fingerprint(data);
  assert.equal((await cli('validate', '--data', data)).code, 1);
  assert.equal(fingerprint(data), before);
});

test('exports refuse the data directory: -o inside it, --pack into it, and e run from inside it', async () => {
  const data = copyOfData();
  const before = fingerprint(data);
  const intoFile = await cli('export', '--data', data, '-o', join(data, 'counties', 'shot.svg'));
  assert.equal(intoFile.code, 3);
  assert.match(intoFile.err, /refus|data/i);
  const intoPack = await cli('export', '--data', data, '--pack', join(data, 'pack'), '--format', 'txt');
  assert.equal(intoPack.code, 3);
  const atlas = openAtlas(loadDataset({ dataDir: data, geoDir: DEFAULT_GEO_DIR }));
  const { state } = startState(atlas, '2025-12-31');
  await assert.rejects(exportCurrentScreen(atlas, state, 'svg', { cols: 120, rows: 40 }, data), /data|forbidden|refus/i);
  assert.equal(fingerprint(data), before, 'nothing was written into data/');
});
