import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDatasetCached } from '../../src/load/dataset-cache.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';
import { resolvePlace } from '../../src/model/places.js';
import { listSites } from '../../src/model/site-summary.js';
import { copyOfData, edit } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const snapshot = (d: Awaited<ReturnType<typeof loadDatasetCached>>) =>
  JSON.stringify(listSites(d, '2025-09-30', { roles: ['batch', 'pilot', 'related'] }));

test('a cached load gives the same model as a fresh one, and an edit invalidates it', async () => {
  const dataDir = copyOfData();
  const cache = scratchDir('nk-cache-');
  const options = { dataDir, geoDir: DEFAULT_GEO_DIR, version: 'test', cache };
  const fresh = await loadDatasetCached(options);
  assert.equal(readdirSync(cache).length, 1, 'the first load writes the cache');
  const cached = await loadDatasetCached(options);
  assert.ok(snapshot(cached) === snapshot(fresh), 'same model from the cache');
  const kunjang = resolvePlace(cached, 'Kunjang');
  assert.equal(kunjang.kind === 'found' && kunjang.target.id, 'kujang', 'names resolve after a cache load');

  // The site-wide report (4-space indent), not the food factory's (8 spaces).
  edit(join(dataDir, 'counties', 'kimhyongjik.yaml'), /^    status: disrupted$/m, '    status: operating');
  const edited = await loadDatasetCached(options);
  assert.ok(snapshot(edited) !== snapshot(fresh), 'the edit is seen, not the stale cache');
});

test('an unusable cache directory only means no cache', async () => {
  const parentIsAFile = join(DEFAULT_GEO_DIR, 'counties.csv', 'cache');
  const options = { dataDir: copyOfData(), geoDir: DEFAULT_GEO_DIR, version: 'test', cache: parentIsAFile };
  const d = await loadDatasetCached(options);
  assert.equal(d.sites.length > 50, true);
});

test('a cache never hides invalid data: errors still surface on a miss', async () => {
  const dataDir = copyOfData();
  const cache = scratchDir('nk-cache-');
  edit(join(dataDir, 'counties', 'kimhyongjik.yaml'), /won: 2500\b/, 'won: -1');
  await assert.rejects(loadDatasetCached({ dataDir, geoDir: DEFAULT_GEO_DIR, version: 'test', cache }), /won: must be a positive whole number of won/);
  assert.equal(readdirSync(cache).length, 0);
});
