import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { startState } from '../../src/ui/run.js';
import { bundledAtlas } from '../helpers/ui.js';

// ink-testing-library renders at a fixed 100 columns: the medium layout (map over list, detail beside).
test('at 100 columns the medium layout puts the map above the list, and keys work', async () => {
  const atlas = bundledAtlas();
  const { ctx, state } = startState(atlas, '2025-12-31');
  const app = render(<App atlas={atlas} ctx={ctx} initial={state} colorLevel={0} size={{ cols: 100, rows: 40 }} />);
  await delay(30);
  const first = app.lastFrame() ?? '';
  const lines = first.split('\n');
  const mapRow = lines.findIndex((l) => l.includes('Map · '));
  const listRow = lines.findIndex((l) => l.includes('Provinces · '));
  assert.ok(mapRow >= 0 && listRow > mapRow, first);
  assert.ok(lines.every((l) => [...l].length <= 102), 'nothing wider than the terminal');
  app.stdin.write('j');
  await delay(30);
  assert.notEqual(app.lastFrame(), first);
  app.unmount();
});
