import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mount } from '../helpers/ui.js';

test('t and T step the as-of date by milestone and statuses follow', async () => {
  const ui = await mount({ asOf: '2025-01-01' });
  assert.match(ui.frame(), /Inaugurated 1 of 200/);
  await ui.press('T');
  assert.match(ui.frame(), /as of 2025-01-07/);
  assert.match(ui.frame(), /Inaugurated 2 of 200/, 'Jaeryong was inaugurated on 7 Jan 2025');
  await ui.press('t', 't');
  assert.match(ui.frame(), /as of 2024-12-2\d|as of 2024-12-1\d|as of 2024-12-0\d|as of 2024-1[01]-\d\d/);
  ui.unmount();
});

test('stepping before the first milestone says there is none', async () => {
  const ui = await mount({ asOf: '2022-01-01' });
  await ui.press('t');
  assert.match(ui.frame(), /No earlier milestone\./);
  ui.unmount();
});
