import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUnitMappings, readUnitMappings } from '../../src/geo/unit-mappings.js';
import { mapLines } from '../../src/view/map-lines.js';
import { countyStatuses } from '../../src/atlas.js';
import { plain } from '../../src/view/paint.js';
import { bundledAtlas } from '../helpers/ui.js';

const atlas = bundledAtlas();

test('every unit mapping names a real site drawn as the mapped layer unit, with a source', () => {
  const mappings = readUnitMappings();
  assert.deepEqual(mappings.map((m) => m.site).sort(), ['phanmun', 'taean']);
  for (const m of mappings) {
    const site = atlas.dataset.sites.find((s) => s.id === m.site);
    assert.ok(site, `${m.site} is a site`);
    assert.equal(site.county.id, m.unit, `${m.site} is drawn as ${m.unit}`);
    assert.equal(site.county.name_ko, m.unit_name_ko);
    assert.equal(site.name_ko, m.name_ko, 'the name state media use is the site\'s name');
    assert.ok(atlas.prepared.index.has(m.unit), `${m.unit} has a shape in the layer`);
    assert.ok(m.sources.some((s) => s.url?.startsWith('http')), `${m.site} cites a source with a URL`);
  }
});

test('the map labels a renamed unit with the name state media use (Hangul)', () => {
  const statuses = countyStatuses(atlas.dataset.sites, '2026-11-30');
  const text = mapLines(atlas, 100, 30, { selected: undefined, statuses, colorLevel: 0, province: 'nampo', names: 'ko' }).map(plain).join('\n');
  assert.ok(text.includes('대안구역'), text);
  assert.ok(!text.includes('대안군'));
});

test('a bad mapping file is refused with its line and field', () => {
  const bad = 'mappings:\n  - site: x\n    name_en: X\n    name_ko: 엑스\n    unit: kp-x\n    unit_name_ko: 엑스군\n    relation: merged\n    note: n\n    sources: [{outlet: o, date: 2026-02, says: s}]\n';
  assert.throws(() => parseUnitMappings(bad), /geo\/unit-mappings\.yaml:7 mappings\.0\.relation:/);
});
