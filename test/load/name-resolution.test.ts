import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NameIndex, type Named } from '../../src/registry/name-index.js';
import { looseKey, nameKey } from '../../src/registry/normalize.js';

test('name keys fold diacritics, apostrophes, spacing and administrative suffixes', () => {
  assert.equal(nameKey('Kim Hyong Jik County'), 'kimhyongjik');
  assert.equal(nameKey('Kimhyŏngjik-kun'), 'kimhyongjik');
  assert.equal(nameKey('Sŏngch’ŏn-gun'), 'songchon');
  assert.equal(nameKey('성천군'), '성천');
  assert.equal(nameKey('Usi'), 'usi', 'a name ending in "si" is not a suffix');
  assert.equal(nameKey('우시군'), '우시');
  assert.equal(nameKey('중구역'), '중구역', 'one-syllable stems stay whole');
});

test('loose keys merge DPRK, MR, RR and registry spellings of the same name', () => {
  for (const group of [
    ['Jaeryong', 'Chaeryŏng-gun', 'Jaeryeong-gun', 'Chaeryong'],
    ['Unpha', 'Unpa', 'Eunpa-gun', 'Ŭnp’a-gun'],
    ['Jangphung', 'Changpung', 'Jangpung-gun', 'Changp’ung-gun'],
    ['Cholwon', 'Chorwon', 'Cheorwon-gun'],
  ]) {
    assert.equal(new Set(group.map(looseKey)).size, 1, group.join(' / '));
  }
});

const place = (id: string, province: string): Named => ({ id, label: `${id} label`, provinceKeys: [province] });

test('a shared name is ambiguous, and a province or id settles it', () => {
  const index = new NameIndex<Named>();
  const np = place('kp-north-pyongan-unsan', 'North Pyongan');
  const sp = place('kp-south-pyongan-unsan', 'South Pyongan');
  index.add(np, ['Unsan', '운산군']);
  index.add(sp, ['Unsan', '은산군']);
  const r = index.resolve('Unsan');
  assert.equal(r.kind, 'ambiguous');
  assert.deepEqual(r.kind === 'ambiguous' && r.candidates.map((c) => c.id), [np.id, sp.id]);
  assert.equal(index.resolve('Unsan, North Pyongan').kind, 'found');
  assert.equal(index.resolve('Unsan (South Pyongan)').kind === 'found' && sp.id, sp.id);
  assert.deepEqual(index.resolve('은산군'), { kind: 'found', target: sp });
  assert.deepEqual(index.resolve('kp-north-pyongan-unsan'), { kind: 'found', target: np });
});

test('an unknown name suggests the nearest names', () => {
  const index = new NameIndex<Named>();
  index.add(place('kimhyongjik', 'Ryanggang'), ['Kimhyongjik']);
  index.add(place('kimjongsuk', 'Ryanggang'), ['Kimjongsuk']);
  const r = index.resolve('Kimhyongjk');
  assert.equal(r.kind, 'unknown');
  assert.equal(r.kind === 'unknown' && r.suggestions[0]?.id, 'kimhyongjik');
  const none = index.resolve('Zzzzzzzz');
  assert.deepEqual(none, { kind: 'unknown', suggestions: [] });
});
