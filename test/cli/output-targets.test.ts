/**
 * Writes never leave the output: every write target (`export -o`, `export --pack`, the app's `e`
 * key, `geo import --out`) is judged after resolving symlinks and before anything is created;
 * only a regular file is ever replaced, even with --force; a refused command creates nothing.
 * Every case fingerprints the scratch tree, a copy of data/ and the bundled geo/ before and after.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openAtlas } from '../../src/atlas.js';
import { exportCurrentScreen } from '../../src/cli/commands/export.js';
import { loadDataset } from '../../src/load/dataset.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { startState } from '../../src/ui/run.js';
import { cli, copyOfData } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

/** Every entry under a directory (symlinks not followed) with its kind and, for files, content hash. */
function fingerprint(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = lstatSync(p);
      if (s.isDirectory()) {
        out.push(`${p}/`);
        walk(p);
      } else if (s.isFile()) out.push(`${p} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
      else out.push(`${p} ${s.isSymbolicLink() ? 'symlink' : s.isFIFO() ? 'fifo' : s.isCharacterDevice() ? 'chardev' : 'other'} ${s.ino}`);
    }
  };
  walk(dir);
  return out;
}

const data = copyOfData();
const root = scratchDir('nk20x10-targets-');
const outside = join(root, 'outside.txt');
writeFileSync(outside, 'not yours');
const fifo = join(root, 'fifo');
const made = spawnSync('mkfifo', [fifo]);
const hasFifo = made.status === 0;
// A character device of our own (a copy of /dev/null's numbers) when we may make one: as root
// the old code would have replaced it with a regular file under --force.
const device = join(root, 'null-device');
const hasDevice = spawnSync('mknod', [device, 'c', '1', '3']).status === 0;
symlinkSync(outside, join(root, 'link-to-file'));
symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
symlinkSync(data, join(root, 'link-to-data'));
symlinkSync(DEFAULT_DATA_DIR, join(root, 'link-to-bundled-data'));
mkdirSync(join(root, 'a-directory'));
const geoInput = (() => {
  const registry = loadRegistry(DEFAULT_GEO_DIR);
  const c = registry.byId.get('kp-ryanggang-kimhyongjik')!;
  const [x, y, r] = [c.seat.lon, c.seat.lat, 0.03];
  const file = join(scratchDir('nk20x10-geo-in-'), 'in.geojson');
  const feature = { type: 'Feature', properties: { shapeName: c.name_en }, geometry: { type: 'Polygon', coordinates: [[[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]]] } };
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
  return file;
})();

let created = 0;
let cases = 0;
/** Runs one refused write and counts every entry that appeared or changed anywhere we watch. */
async function refused(label: string, run: () => Promise<{ code: number; err: string } | 'rejected'>, message: RegExp) {
  const before = [...fingerprint(root), ...fingerprint(data), ...fingerprint(DEFAULT_DATA_DIR), ...fingerprint(DEFAULT_GEO_DIR)];
  const r = await run();
  const after = [...fingerprint(root), ...fingerprint(data), ...fingerprint(DEFAULT_DATA_DIR), ...fingerprint(DEFAULT_GEO_DIR)];
  const changed = after.filter((e) => !before.includes(e));
  created += changed.length;
  cases++;
  if (r !== 'rejected') {
    assert.equal(r.code, 3, `${label}: exit 3 (${r.err})`);
    assert.match(r.err, message, label);
  }
  assert.deepEqual(changed, [], `${label}: nothing created or changed`);
}

const exp = (...args: string[]) => cli('export', '--data', data, '--format', 'txt', '--size', '80x24', '--no-timestamp', ...args);
const geo = (out: string, ...args: string[]) => cli('geo', 'import', geoInput, '--out', out, '--min-match', '0', ...args);

test('no write target but a regular file is replaced, even with --force; symlinks into data/ are seen through', async () => {
  const specials: [string, string][] = [
    ['a symlink to a file outside', join(root, 'link-to-file')],
    ['a dangling symlink', join(root, 'dangling')],
    ['a directory', join(root, 'a-directory')],
    ...(hasFifo ? ([['a FIFO', fifo]] as [string, string][]) : []),
    ...(hasDevice ? ([['a device node', device]] as [string, string][]) : []),
    ...(process.getuid?.() !== 0 ? ([['/dev/null', '/dev/null']] as [string, string][]) : []),
  ];
  for (const [what, path] of specials) {
    await refused(`export -o ${what} --force`, () => exp('-o', path, '--force'), /not a regular file|is a directory/);
    await refused(`geo import --out ${what} --force`, () => geo(path, '--force'), /not a regular file|is a directory/);
  }
  assert.equal(readFileSync(outside, 'utf8'), 'not yours');
  if (hasDevice) assert.ok(lstatSync(device).isCharacterDevice(), 'the device node is still a device');

  // Through a symlinked directory into data/: -o, --pack, e and geo import --out.
  await refused('export -o through a symlink into data/', () => exp('-o', join(root, 'link-to-data', 'shot.txt')), /inside/);
  await refused('export --pack through a symlink into data/', () => exp('--pack', join(root, 'link-to-data', 'pack', 'deeper')), /inside/);
  await refused('export --pack at a symlink to data/', () => exp('--pack', join(root, 'link-to-data')), /inside/);
  await refused('export --pack into data/ with ..', () => exp('--pack', join(data, 'counties', '..', 'pack')), /inside/);
  await refused('geo import --out through a symlink into data/', () => geo(join(root, 'link-to-bundled-data', 'layer.json'), '--force'), /inside the data directory/);
  for (const f of ['counties.csv', 'variants.yaml', 'README.md', 'new-layer.topo.json']) {
    await refused(`geo import --out geo/${f}`, () => geo(join(DEFAULT_GEO_DIR, f), '--force'), /refusing/);
  }
  const atlas = openAtlas(loadDataset({ dataDir: data, geoDir: DEFAULT_GEO_DIR }));
  const { state } = startState(atlas, '2025-12-31');
  await refused('e from a symlinked directory into data/', async () => {
    await assert.rejects(exportCurrentScreen(atlas, state, 'txt', { cols: 80, rows: 24 }, join(root, 'link-to-data')), /inside/);
    return 'rejected';
  }, /./);

  // A pack that would clobber one existing file without --force creates nothing at all.
  const pack = join(root, 'pack-with-one-file');
  mkdirSync(pack);
  writeFileSync(join(pack, 'index.html'), 'an older pack');
  await refused('export --pack over an existing index.html', () => exp('--pack', pack), /existing file/);
  await refused('export --pack at a file', () => exp('--pack', outside), /not a directory/);
  console.log(`write targets: ${cases} refused cases (special files: ${specials.map((s) => s[0]).join(', ')}); files created or changed outside the intended output: ${created}`);
  assert.equal(created, 0);
});

test('an accepted pack goes where its symlinked directory really points, and --force replaces regular files', async () => {
  const real = scratchDir('nk20x10-pack-real-');
  const link = join(root, 'link-to-pack');
  symlinkSync(real, link);
  const r = await exp('--pack', join(link, 'p'));
  assert.equal(r.code, 0, r.err);
  assert.ok(readdirSync(join(real, 'p')).includes('index.html'));
  const again = await exp('--pack', join(link, 'p'), '--force');
  assert.equal(again.code, 0, again.err);
});
