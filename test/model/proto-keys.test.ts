/**
 * Names that are also Object.prototype's keys (`__proto__`, `constructor`, `prototype`,
 * `hasOwnProperty`, `toString`) are plain data everywhere: as site names, source ids, facility
 * ids and alias spellings in data/, and as first-level units and county names in a --geo layer,
 * through the dashboard (frames), list, show and export.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { createElement } from 'react';
import { openAtlas } from '../../src/atlas.js';
import { loadDataset } from '../../src/load/dataset.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { viewContext } from '../../src/view/reduce.js';
import { stateForView, type View } from '../../src/view/views.js';
import { cli, copyOfData, edit } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];
const SLUGS = ['constructor', 'prototype', 'hasownproperty', 'tostring'];

/** data/ with the keys as site names, source ids (cited), a facility id (valueof) and alias spellings. */
function protoData(): string {
  const dir = copyOfData();
  const file = join(dir, 'counties', 'kimhyongjik.yaml');
  edit(file, /^site: .*$/m, 'site: "__proto__"');
  edit(file, /^site_ko: .*$/m, `site_ko: 김형직군\naliases:\n${KEYS.map((k, i) => `  - name: ${JSON.stringify(k)}\n    source: ${SLUGS[i % SLUGS.length]}\n`).join('')}`);
  edit(file, /^  - id: kimhyongjik-food$/m, '  - id: valueof');
  writeFileSync(join(dir, 'counties', 'kimhyongjik.yaml'), readFileSync(file, 'utf8').replace(/\[kimhyongjik-food\]/g, '[valueof]').replace(/facility: kimhyongjik-food\b/g, 'facility: valueof'));
  const sources = SLUGS.map((id) => `  - id: ${id}\n    outlet: ${id === 'constructor' ? '__proto__' : 'hasOwnProperty'}\n    date: 2025-08\n    kind: outside_report\n`).join('');
  writeFileSync(join(dir, 'sources.yaml'), readFileSync(join(dir, 'sources.yaml'), 'utf8') + sources);
  const others = readdirSync(join(dir, 'counties')).filter((f) => f !== 'kimhyongjik.yaml').slice(0, 2);
  others.forEach((f, i) => {
    const p = join(dir, 'counties', f);
    const name = i === 0 ? 'constructor' : 'prototype';
    const text = readFileSync(p, 'utf8');
    writeFileSync(p, /^site: .*$/m.test(text) ? text.replace(/^site: .*$/m, `site: ${name}`) : text.replace(/^county: (.*)$/m, `county: $1\nsite: ${name}`));
  });
  return dir;
}

/** The bundled layer with first-level units and county names renamed to the keys. */
function protoLayer(): string {
  const topo = JSON.parse(readFileSync(join(DEFAULT_GEO_DIR, 'counties.topo.json'), 'utf8')) as { objects: { counties: { geometries: { properties: Record<string, string> }[] } } };
  const provinces = [...new Set(topo.objects.counties.geometries.map((g) => g.properties.province!))];
  topo.objects.counties.geometries.forEach((g, i) => {
    g.properties.province = KEYS[provinces.indexOf(g.properties.province!) % KEYS.length]!;
    g.properties.name_en = KEYS[i % KEYS.length]!;
  });
  const file = join(scratchDir('nk20x10-proto-'), 'proto.topo.json');
  writeFileSync(file, JSON.stringify(topo));
  return file;
}

test('__proto__, constructor, prototype and hasOwnProperty as names and ids are plain data in the dashboard, list, show and export', async () => {
  const data = protoData();
  const validate = await cli('validate', '--data', data);
  assert.equal(validate.code, 0, validate.err);
  const layer = protoLayer();

  for (const [label, atlas] of [
    ['data', openAtlas(loadDataset({ dataDir: data, geoDir: DEFAULT_GEO_DIR }))],
    ['--geo layer', openAtlas(loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR }), layer)],
  ] as const) {
    const ctx = viewContext(atlas.dataset);
    const views: View[] = [{ kind: 'national' }, { kind: 'province', id: 'ryanggang' }, { kind: 'county', id: 'kimhyongjik' }];
    for (const view of views) {
      const frame = renderToString(createElement(Dashboard, { atlas, ctx, state: stateForView(ctx, view, '2025-12-31'), cols: 160, rows: 48, colorLevel: 1 }), { columns: 160 });
      assert.match(frame, /20×10|Ryanggang|Kim/, `${label}: the ${view.kind} view draws`);
      if (label === 'data' && view.kind === 'county') assert.match(frame, /__proto__/, 'the site named __proto__ is shown by its name');
    }
  }

  const show = await cli('show', '__proto__', '--data', data, '--as-of', '2025-12-31');
  assert.equal(show.code, 0, show.err);
  assert.match(show.out, /^__proto__ {2}김형직군/m);
  for (const name of ['constructor', 'prototype', 'hasOwnProperty', 'toString']) {
    const r = await cli('show', name, '--data', data);
    // 2: an unknown or ambiguous name is a usage error (src/cli/exit-codes.ts).
    assert.ok(r.code === 0 || r.code === 2, `show ${name}: a result or a clear "not found" (${r.err})`);
    if (r.code === 2) assert.match(r.err, /no |not |unknown|ambiguous/i);
  }
  const json = await cli('show', '__proto__', '--data', data, '--format', 'json');
  assert.equal((JSON.parse(json.out) as { name_en: string }).name_en, '__proto__');
  for (const format of ['table', 'csv', 'json']) {
    const list = await cli('list', '--data', data, '--format', format, '--role', 'all');
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /__proto__/);
    assert.match(list.out, /constructor/);
  }
  const badProvince = await cli('list', '--data', data, '--province', '__proto__');
  assert.equal(badProvince.code, 2, 'an unknown first-level unit is a usage error, not a crash');
  const out = scratchDir();
  const exp = await cli('export', '--data', data, '--view', 'county:__proto__', '--format', 'txt', '-o', join(out, 'p.txt'));
  assert.equal(exp.code, 0, exp.err);
  assert.match(readFileSync(join(out, 'p.txt'), 'utf8'), /__proto__/);
  const layerExport = await cli('export', '--geo', layer, '--format', 'txt', '-o', join(out, 'layer.txt'));
  assert.equal(layerExport.code, 0, layerExport.err);
});
