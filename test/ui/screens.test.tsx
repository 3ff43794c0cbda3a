import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { openAtlas } from '../../src/atlas.js';
import { loadDataset } from '../../src/load/dataset.js';
import { DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { copyOfData, edit } from '../helpers/cli.js';
import { KEYS, mount } from '../helpers/ui.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'nk20x10.js');

test('? shows every key in a help overlay and any key closes it', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  await ui.press('?');
  const help = ui.frame();
  for (const k of ['↑ ↓  k j', '← →  h l', 'Enter Space', 'PgUp PgDn', '/', 't T', 'q  Ctrl-C']) assert.ok(help.includes(k), k);
  await ui.press('x');
  assert.doesNotMatch(ui.frame(), /│Keys/);
  ui.unmount();
});

test('m hides and shows the map', async () => {
  const ui = await mount({ asOf: '2025-12-31' });
  await ui.press('m');
  assert.doesNotMatch(ui.frame(), /Map · /);
  await ui.press('m');
  assert.match(ui.frame(), /Map · /);
  ui.unmount();
});

test('a tiny terminal is told what size is needed', async () => {
  const ui = await mount({ asOf: '2025-12-31', cols: 50, rows: 12 });
  assert.match(ui.frame(), /needs a terminal of at least 60×16/);
  assert.match(ui.frame(), /This one is 50×12/);
  ui.unmount();
});

test('narrow and medium terminals stack the panes without losing the list or detail', async () => {
  for (const [cols, rows] of [[80, 24], [110, 30]] as const) {
    const ui = await mount({ asOf: '2025-12-31', cols, rows });
    const f = ui.frame();
    assert.match(f, /Provinces · /, `${cols}×${rows}`);
    assert.match(f, /Detail/, `${cols}×${rows}`);
    for (const line of f.split('\n')) assert.ok([...line].length <= cols + 2, `${cols}×${rows}: line too long: ${line}`);
    await ui.press(KEYS.down);
    ui.unmount();
  }
});

test('off a terminal the binary prints one frame of the national view and exits 0', () => {
  const r = spawnSync(process.execPath, [BIN, '--as-of', '2026-03-01'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '160', LINES: '48' } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Inaugurated 40 of 200/);
  assert.match(r.stdout, /▾ Pyongyang 평양시/);
  assert.match(r.stdout, /Map · national \(z: zoom\) · OSM 2020 boundaries/);
  assert.match(r.stdout, /© OpenStreetMap contributors/);
  assert.doesNotMatch(r.stdout, /\u001b/, 'no escape codes when piped');
});

test('with NO_COLOR even a forced-colour run prints no colour codes', () => {
  const r = spawnSync(process.execPath, [BIN], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '3' } });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /\u001b\[/);
});

test('hostile strings in the data never reach the screen', async () => {
  const dir = copyOfData();
  const file = join(dir, 'counties', 'kimhyongjik.yaml');
  edit(file, /^site: .*$/m, 'site: "Kim\\u001b]0;pwned\\u0007 Hyong\\u202e Jik\\r County"');
  edit(file, /- text: since Aug\. 12.*$/m, '- text: "\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007since Aug. 12 \\u202eevil"');
  const atlas = openAtlas(loadDataset({ dataDir: dir, geoDir: DEFAULT_GEO_DIR }));
  const ui = await mount({ asOf: '2025-12-31', atlas });
  await ui.press('/');
  await ui.type('kimhyongjik');
  await ui.press(KEYS.enter);
  const frames = [ui.frame()];
  for (let i = 0; i < 8; i++) {
    await ui.press(KEYS.pageDown);
    frames.push(ui.frame());
  }
  assert.match(frames[0]!, /Kim Hyong Jik County/);
  for (const f of frames) assert.doesNotMatch(f, /[\u001b\u0007\u202e\r]/);
  assert.ok(frames.some((f) => f.includes('since Aug. 12 evil')), 'the quote is shown, cleaned');
  ui.unmount();
});
