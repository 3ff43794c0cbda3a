import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { mount } from '../helpers/ui.js';

/** Waits (up to 2 s) for the frame to match: a loaded machine may redraw later than the press helper waits. */
async function settled(frame: () => string, re: RegExp): Promise<string> {
  for (let i = 0; i < 40 && !re.test(frame()); i++) await delay(50);
  return frame();
}

test('t and T step the as-of date by milestone and statuses follow', async () => {
  const ui = await mount({ asOf: '2025-01-01' });
  assert.match(ui.frame(), /Inaugurated 1 of 200/);
  await ui.press('T');
  assert.match(ui.frame(), /as of 2025-01-07/);
  assert.match(ui.frame(), /Inaugurated 1 of 200/, 'Jaeryong was inaugurated on 7 Jan 2025, but reported on the 8th');
  await ui.press('T');
  assert.match(await settled(ui.frame, /as of 2025-01-08/), /as of 2025-01-08/);
  assert.match(ui.frame(), /Inaugurated 2 of 200/, 'known once JoongAng reported it');
  await ui.press('t', 't', 't');
  assert.match(ui.frame(), /as of 2024-1[012]-\d\d/);
  ui.unmount();
});

test('stepping before the first milestone says there is none', async () => {
  const ui = await mount({ asOf: '2022-01-01' });
  await ui.press('t');
  assert.match(ui.frame(), /No earlier milestone\./);
  ui.unmount();
});

test('H switches to hindsight and back, and the header says which', async () => {
  const ui = await mount({ asOf: '2025-06-30' });
  assert.doesNotMatch(ui.frame(), /HINDSIGHT/);
  await ui.press('H');
  assert.match(ui.frame(), /as of 2025-06-30 HINDSIGHT · latest report 20\d\d-\d\d-\d\d/);
  await ui.press('H');
  assert.doesNotMatch(ui.frame(), /as of 2025-06-30 HINDSIGHT/);
  ui.unmount();
});

test('T steps forward to today and no further; dates after today are never offered', async () => {
  const { bundledAtlas } = await import('../helpers/ui.js');
  const { reduce, viewContext } = await import('../../src/view/reduce.js');
  const { initialState } = await import('../../src/view/state.js');
  const ctx = viewContext(bundledAtlas().dataset, '2026-11-30');
  assert.equal(ctx.dates.at(-1), '2026-11-30');
  assert.ok(ctx.dates.every((d) => d <= '2026-11-30'));
  let state = initialState('2026-03-01');
  for (let i = 0; i < 200 && state.asOf < '2026-11-30'; i++) state = reduce(state, { type: 'step-date', delta: 1 }, ctx);
  assert.equal(state.asOf, '2026-11-30');
  state = reduce(state, { type: 'step-date', delta: 1 }, ctx);
  assert.equal(state.asOf, '2026-11-30');
  assert.equal(state.message, 'Already at today (2026-11-30).');
});
