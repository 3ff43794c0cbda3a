import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NameIndex, type Named } from '../../src/registry/name-index.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';
import type { County } from '../../src/registry/types.js';

const registry = loadRegistry(DEFAULT_GEO_DIR);

test('the registry has every county-level unit: 197 in 13 first-level units', () => {
  assert.equal(registry.counties.length, 197);
  assert.equal(new Set(registry.counties.map((c) => c.province)).size, 13);
  assert.equal(registry.provinces.length, 13);
  for (const c of registry.counties) {
    assert.match(c.id, /^kp-/);
    assert.ok(c.name_en && c.name_ko, c.id);
    assert.ok(c.seat.lat > 37 && c.seat.lat < 43.1 && c.seat.lon > 124 && c.seat.lon < 131, c.id);
  }
});

test('every unit carries MR and RR spellings, and DPRK forms get their ROK spelling', () => {
  const byId = (id: string) => registry.byId.get(id)!;
  const names = (c: County) => c.spellings.map((s) => s.name);
  assert.ok(names(byId('kp-south-pyongan-songchon')).includes('Sŏngch’ŏn-gun'));
  assert.ok(names(byId('kp-south-pyongan-songchon')).includes('Seongcheon-gun'));
  assert.ok(names(byId('kp-nampo-ryonggang')).includes('용강군'));
  assert.ok(names(byId('kp-nampo-ryonggang')).includes('Yonggang-gun'));
  const derived = byId('kp-south-pyongan-songchon').spellings.find((s) => s.name === 'Seongcheon-gun');
  assert.equal(derived?.derived, true, 'rule-made spellings are marked as derived');
});

test('every registry spelling resolves to its own unit or is reported as shared', () => {
  const index = new NameIndex<Named & { county: County }>();
  for (const c of registry.counties) index.add({ id: c.id, label: c.name_en, provinceKeys: [c.province], county: c }, c.spellings.map((s) => s.name));
  const shared: string[] = [];
  for (const c of registry.counties) {
    for (const s of c.spellings) {
      const r = index.resolve(s.name);
      if (r.kind === 'found') assert.equal(r.target.id, c.id, `${s.name} → ${r.target.id}, expected ${c.id}`);
      else if (r.kind === 'ambiguous') {
        assert.ok(r.candidates.some((x) => x.id === c.id), s.name);
        shared.push(s.name);
      } else assert.fail(`${s.name} (${c.id}) does not resolve`);
    }
  }
  assert.ok(shared.includes('Unsan'), 'Unsan is shared by 운산군 and 은산군');
});
