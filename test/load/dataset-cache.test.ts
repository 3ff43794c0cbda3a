import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { cacheDir, loadDatasetCached } from '../../src/load/dataset-cache.js';
import { loadDataset } from '../../src/load/dataset.js';
import type { Dataset } from '../../src/model/types.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';
import { resolvePlace } from '../../src/model/places.js';
import { copyOfData, edit } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

/** Everything in the model, as plain data (Maps as entry lists; the name index is rebuilt, not stored). */
const snapshot = (d: Dataset) =>
  JSON.stringify({
    sites: d.sites,
    sources: [...d.sources.entries()],
    policy: { ...d.policy, facts: [...d.policy.facts.entries()] },
    counties: d.registry.counties,
    provinces: d.registry.provinces,
  });

test('a cached load gives exactly the model a fresh load gives, and an edit invalidates it', async () => {
  const dataDir = copyOfData();
  const cache = scratchDir('nk-cache-');
  const options = { dataDir, geoDir: DEFAULT_GEO_DIR, version: 'test', cache };
  const fresh = loadDataset(options);
  await loadDatasetCached(options);
  assert.equal(readdirSync(cache).length, 1, 'the first load writes one entry');
  const cached = await loadDatasetCached(options);
  assert.equal(snapshot(cached), snapshot(fresh), 'same model from the cache');
  const kunjang = resolvePlace(cached, 'Kunjang');
  assert.equal(kunjang.kind === 'found' && kunjang.target.id, 'kujang', 'names resolve after a cache load');
  assert.equal(statSync(cache).mode & 0o777, 0o700, 'the cache directory is the user’s alone');
  assert.equal(statSync(join(cache, readdirSync(cache)[0]!)).mode & 0o777, 0o600, 'entries are the user’s alone');

  edit(join(dataDir, 'counties', 'kimhyongjik.yaml'), /^    status: disrupted$/m, '    status: operating');
  const edited = await loadDatasetCached(options);
  assert.equal(snapshot(edited), snapshot(loadDataset(options)), 'the edit is seen, not the stale cache');
  assert.equal(readdirSync(cache).length, 1, 'only the latest entry per dataset is kept');
  assert.notEqual(await loadDatasetCached({ ...options, version: 'other' }), undefined);
  assert.equal(readdirSync(cache).length, 1, 'another code version replaces the entry too');
});

/** A tiny synthetic dataset (one county, two prices): a full load is fast enough for a thousand misses. */
function miniDataset(): { dataDir: string; geoDir: string; file: string } {
  const root = scratchDir('nk-mini-');
  const dataDir = join(root, 'data');
  const geoDir = join(root, 'geo');
  mkdirSync(join(dataDir, 'counties'), { recursive: true });
  mkdirSync(geoDir);
  const csv = readFileSync(join(DEFAULT_GEO_DIR, 'counties.csv'), 'utf8').split('\n');
  writeFileSync(join(geoDir, 'counties.csv'), `${csv[0]}\n${csv.find((l) => l.startsWith('kp-ryanggang-kimhyongjik,'))}\n`);
  writeFileSync(join(geoDir, 'variants.yaml'), 'variants: []\n');
  writeFileSync(join(dataDir, 'sources.yaml'), 'sources:\n  - id: s1\n    outlet: Test Outlet (synthetic)\n    date: 2025-04\n    kind: outside_report\n');
  const facts = ['counties-per-year', 'years', 'target-total', 'regional-units', 'counties-done-2025'];
  writeFileSync(join(dataDir, 'policy.yaml'), `name_en: Test\nname_ko: 시험\nfacts:\n${facts.map((id) => `  - {id: ${id}, label: ${id}, value: 1, sources: [s1]}\n`).join('')}timeline: []\nclaims: []\n`);
  const file = join(dataDir, 'counties', 'k.yaml');
  writeFileSync(file, priceFile([1000, 2000]));
  return { dataDir, geoDir, file };
}
const priceFile = (won: number[]) =>
  `id: k\ncounty: kp-ryanggang-kimhyongjik\nsite: Test Site\nsite_ko: 시험군\nyear: 2024\nrole: batch\nmilestones: []\nprices:\n${won.map((w, i) => `  - {item: item${i}, unit: piece, won: ${w}, market: state, date: 2025-04, source: s1}\n`).join('')}`;

test('1,000 randomised edit-and-reopen rounds (same size, same mtime, same second): never a stale model', async () => {
  const { dataDir, geoDir, file } = miniDataset();
  const options = { dataDir, geoDir, version: 'test', cache: scratchDir('nk-cache-') };
  const mtime = statSync(file).mtime;
  // Seeded PRNG (mulberry32): the same rounds on every run.
  let seed = 20241020;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Few distinct contents, so rounds also go back to an earlier one (A → B → A) and hit the cache.
  const values = [1000, 2000, 3000, 4000, 5000, 9999];
  let current = [1000, 2000];
  let stale = 0;
  let hits = 0;
  const rounds = 1000;
  for (let round = 0; round < rounds; round++) {
    const previous = current;
    current = [values[Math.floor(random() * values.length)]!, values[Math.floor(random() * values.length)]!];
    writeFileSync(file, priceFile(current)); // same size: every value has four digits
    utimesSync(file, mtime, mtime); // same mtime as every other round
    const model = await loadDatasetCached(options);
    const seen = model.sites[0]!.prices.map((p) => p.won);
    if (JSON.stringify(seen) !== JSON.stringify(current)) stale++;
    if (JSON.stringify(previous) === JSON.stringify(current)) hits++;
  }
  console.log(`cache: ${rounds} edit-and-reopen rounds (same size, same mtime), ${hits} unchanged reopens; stale models: ${stale}`);
  assert.equal(stale, 0);
  assert.equal(readdirSync(options.cache).length, 1, 'one entry for the dataset');
});

test('an entry of the right key but the wrong shape, or damaged, is not used: the load falls back', async () => {
  const { dataDir, geoDir } = miniDataset();
  const cache = scratchDir('nk-cache-');
  const options = { dataDir, geoDir, version: 'test', cache };
  const good = snapshot(await loadDatasetCached(options));
  const entry = join(cache, readdirSync(cache)[0]!);
  const [headerLine, body] = readFileSync(entry, 'utf8').split('\n') as [string, string];
  const header = JSON.parse(headerLine) as { sha256: string };
  const reshaped = (mutate: (payload: { sites: Record<string, unknown>[] }) => void) => {
    const payload = JSON.parse(body) as { sites: Record<string, unknown>[] };
    mutate(payload);
    const text = JSON.stringify(payload);
    // A valid checksum, so only the shape check stands between this entry and the dashboard.
    return `${JSON.stringify({ ...header, sha256: createHash('sha256').update(text).digest('hex') })}\n${text}`;
  };
  const damaged = [
    reshaped((p) => void (p.sites[0]!.prices = 'not a list')),
    reshaped((p) => void (p.sites[0]!.evidence = [{ status: 'rumoured' }])),
    reshaped((p) => void delete p.sites[0]!.county),
    reshaped((p) => void (p.sites[0]!.county = 'kp-nowhere')),
    `${headerLine}\n${body.slice(0, body.length / 2)}`,
    `${headerLine}\n${body.replace('1000', '7777')}`,
    'not json at all',
  ];
  for (const text of damaged) {
    writeFileSync(entry, text);
    assert.equal(snapshot(await loadDatasetCached(options)), good, 'the fresh model, not a crash or the damaged entry');
  }
});

test('the cache never follows a planted symlink and never writes outside its own directory', async () => {
  const { dataDir, geoDir } = miniDataset();
  const cache = scratchDir('nk-cache-');
  const victim = join(scratchDir('nk-victim-'), 'victim.txt');
  writeFileSync(victim, 'keep');
  const options = { dataDir, geoDir, version: 'test', cache };
  await loadDatasetCached(options);
  const entry = readdirSync(cache)[0]!;
  // The entry replaced by a symlink to someone else's file: not read, and replaced (not written through).
  const { rmSync } = await import('node:fs');
  rmSync(join(cache, entry));
  symlinkSync(victim, join(cache, entry));
  edit(join(dataDir, 'counties', 'k.yaml'), 'won: 1000', 'won: 1001');
  const d = await loadDatasetCached(options);
  assert.deepEqual(d.sites[0]!.prices.map((p) => p.won), [1001, 2000]);
  assert.equal(readFileSync(victim, 'utf8'), 'keep');
  assert.ok(lstatSync(join(cache, entry)).isFile(), 'the link was replaced by a regular entry');

  // A cache directory that is a symlink is not used at all.
  const elsewhere = scratchDir('nk-elsewhere-');
  const linkDir = join(scratchDir('nk-cache-parent-'), 'nk20x10');
  symlinkSync(elsewhere, linkDir);
  await loadDatasetCached({ ...options, cache: linkDir });
  assert.deepEqual(readdirSync(elsewhere), [], 'nothing written through a symlinked cache directory');
});

test('a cache directory inside data/, relative, or under an empty HOME is refused with a message', async () => {
  const { dataDir, geoDir } = miniDataset();
  const home = scratchDir('nk-home-');
  const warnings: string[] = [];
  const inside = { XDG_CACHE_HOME: join(dataDir, 'cache'), HOME: home };
  assert.deepEqual(cacheDir(inside, [dataDir, geoDir]), {
    dir: join(home, '.cache', 'nk20x10'),
    warning: `XDG_CACHE_HOME ${join(dataDir, 'cache', 'nk20x10')} is refused (it is inside ${dataDir}); using ${join(home, '.cache', 'nk20x10')}`,
  });
  await loadDatasetCached({ dataDir, geoDir, version: 'test', env: inside, onWarning: (m) => warnings.push(m) });
  assert.equal(warnings.length, 1);
  assert.deepEqual(readdirSync(dataDir).sort(), ['counties', 'policy.yaml', 'sources.yaml'], 'nothing written into data/');
  assert.equal(readdirSync(join(home, '.cache', 'nk20x10')).length, 1, 'the default was used');

  const relative = cacheDir({ XDG_CACHE_HOME: 'rel/cache', HOME: home }, [dataDir]);
  assert.equal(relative.dir, join(home, '.cache', 'nk20x10'));
  assert.match(relative.warning ?? '', /relative path/);
  const noHome = cacheDir({ HOME: '' }, [dataDir]);
  assert.equal(noHome.dir, undefined, 'an empty HOME never means the current directory');
  const cwdBefore = readdirSync(process.cwd()).sort();
  await loadDatasetCached({ dataDir, geoDir, version: 'test', env: { HOME: '', XDG_CACHE_HOME: 'relative' } });
  assert.deepEqual(readdirSync(process.cwd()).sort(), cwdBefore, 'nothing written under the current directory');
});

test('a cache never hides invalid data: errors still surface on a miss', async () => {
  const dataDir = copyOfData();
  const cache = scratchDir('nk-cache-');
  edit(join(dataDir, 'counties', 'kimhyongjik.yaml'), /won: 2500\b/, 'won: -1');
  await assert.rejects(loadDatasetCached({ dataDir, geoDir: DEFAULT_GEO_DIR, version: 'test', cache }), /won: must be a positive whole number of won/);
  assert.equal(readdirSync(cache).length, 0);
});

test('a FIFO planted among the inputs neither hangs the cache key nor gets cached', async () => {
  const { dataDir, geoDir } = miniDataset();
  const cache = scratchDir('nk-cache-');
  const { spawnSync } = await import('node:child_process');
  if (spawnSync('mkfifo', [join(dataDir, 'counties', 'pipe.yaml')]).status !== 0) return;
  await assert.rejects(loadDatasetCached({ dataDir, geoDir, version: 'test', cache }), /pipe\.yaml/);
  assert.deepEqual(readdirSync(cache), []);
});
