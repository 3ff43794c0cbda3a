import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mount } from '../helpers/ui.js';

test('t and T step the as-of date by milestone and statuses follow', async () => {
  const ui = await mount({ asOf: '2025-01-01' });
  assert.match(ui.frame(), /Inaugurated 1 of 200/);
  await ui.press('T');
  assert.match(ui.frame(), /as of 2025-01-07/);
  assert.match(ui.frame(), /Inaugurated 2 of 200/, 'Jaeryong was inaugurated on 7 Jan 2025');
  await ui.press('t');
  assert.match(ui.frame(), /as of 2024-12-20/);
  assert.match(ui.frame(), /Inaugurated 1 of 200/, 'Songchon, the first, on 20 Dec 2024');
  // Sinpho's offshore farm (28 Dec 2024) is context, not a program status: no step stops there.
  await ui.press('t');
  assert.match(ui.frame(), /as of 2024-(0\d|1[01])-\d\d/);
  assert.match(ui.frame(), /Inaugurated 0 of 200/);
  ui.unmount();
});

test('stepping before the first milestone says there is none', async () => {
  const ui = await mount({ asOf: '2022-01-01' });
  await ui.press('t');
  assert.match(ui.frame(), /No earlier milestone\./);
  ui.unmount();
});
