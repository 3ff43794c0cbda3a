/** Every name a hint or an ambiguity message offers is itself accepted, for every site and county. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePlaceLookup, typedNameFor } from '../../src/model/place-hints.js';
import { resolvePlace } from '../../src/model/places.js';
import { bundledAtlas } from '../helpers/ui.js';

const dataset = bundledAtlas().dataset;

function offered(message: string): string[] {
  return [...message.matchAll(/(?:did you mean |, |\[)"([^"]+)"/g)].map((m) => m[1]!);
}

test('the typed name offered for each place resolves back to that place', () => {
  const places = [...dataset.sites.map((s) => resolvePlace(dataset, s.id)), ...dataset.registry.counties.map((c) => dataset.places.resolve(c.id))];
  for (const r of places) {
    assert.equal(r.kind, 'found');
    if (r.kind !== 'found') continue;
    const name = typedNameFor(dataset, r.target);
    const back = resolvePlace(dataset, name);
    // A county holding program sites stands for its sites; offer names only for what they resolve to.
    if (r.target.kind === 'county' && r.target.sites.length > 0) continue;
    assert.ok(back.kind === 'found' && back.target.id === r.target.id, `${r.target.id}: "${name}" gives ${back.kind}`);
  }
});

test('hints for near-misses and ambiguous names only offer names that are accepted', () => {
  const queries = [
    'Kaesong', 'Kaesongg', 'Pyongyng', 'Kimhyongjk', 'Kangdongg', 'Unsan', 'Kujangg', 'Songchn',
    ...dataset.sites.map((s) => s.name_en.slice(0, -2)),
    ...dataset.sites.map((s) => `${s.name_en.replace(/ .*/, '')}x`),
  ];
  let checked = 0;
  for (const q of queries) {
    const r = resolvePlace(dataset, q);
    if (r.kind === 'found') continue;
    for (const name of offered(describePlaceLookup(dataset, q, r))) {
      const back = resolvePlace(dataset, name);
      assert.equal(back.kind, 'found', `"${q}" offers "${name}", which is ${back.kind}`);
      checked++;
    }
  }
  assert.ok(checked > 20, `${checked} offered names checked`);
});
