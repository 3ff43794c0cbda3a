import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { App } from '../../src/ui/App.js';
import { startState } from '../../src/ui/run.js';
import { renderSized } from '../helpers/ink-render.js';
import { bundledAtlas } from '../helpers/ui.js';

test('a resize storm (300 size changes) never throws and ends laid out for the last size', async () => {
  const atlas = bundledAtlas();
  const { ctx, state } = startState(atlas, '2025-12-31');
  // No fixed size: the app follows the terminal.
  const app = renderSized(<App atlas={atlas} ctx={ctx} initial={state} colorLevel={0} />, 160, 48);
  await delay(30);
  for (let i = 0; i < 300; i++) {
    app.resize(10 + ((i * 37) % 200), 3 + ((i * 13) % 60));
    if (i % 50 === 0) await delay(1);
  }
  app.resize(20, 6);
  await delay(50);
  assert.match(app.lastFrame(), /Needs 60×16/);
  assert.match(app.lastFrame(), /This is 20×6/);
  app.resize(100, 30);
  await delay(50);
  const frame = app.lastFrame();
  assert.match(frame, /Provinces · /);
  for (const line of frame.split('\n')) assert.ok([...line].length <= 101, `line wider than 100: ${line}`);
  app.unmount();
});
