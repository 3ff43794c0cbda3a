/** Whole frames show the evidence model: strength, staleness, the latest report, hindsight (issue 10). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { KEYS, mount } from '../helpers/ui.js';

async function settled(frame: () => string, re: RegExp): Promise<string> {
  for (let i = 0; i < 40 && !re.test(frame()); i++) await delay(50);
  return frame();
}

test('at 2026-11-30 the frame says the latest report, counts stale sites, marks them in list, detail and legend', async () => {
  const ui = await mount({ asOf: '2026-11-30' });
  const f = ui.frame();
  const [header1, header2] = f.split('\n');
  assert.match(header1!, /as of 2026-11-30 · latest report 2026-\d\d-\d\d$/);
  assert.match(header2!, /· {2}\d+ contested {2}· {2}\d+ stale/);
  assert.match(f, /Songchon 성천군 operating\*° !/, 'list: state claim (*), stale (°), contested (!)');
  assert.match(f, /(^|│| ): [Ss]tale( |│|$)/m, 'NO_COLOR legend: the stale mark');
  await ui.press('/');
  await ui.type('kimhyongjik');
  await ui.press(KEYS.enter);
  const d = await settled(ui.frame, /Kim Hyong Jik County  김형직군/);
  assert.match(d, /As of 2026-11-30: FAR BELOW CAPACITY\? \(reported, STALE\)/);
  assert.match(d, /Published Aug 2025 \(counted from 2025-08-31\) · STALE:/, "Daily NK's August report, dated by month, counted from its last day");
  assert.match(d, /2025-08-31, older than 6 months/);
  assert.match(d, /CONTESTED/);
  ui.unmount();
});

test('hindsight at 2025-06-30: the header says so and Kim Hyong Jik shows the shutdown since April', async () => {
  const ui = await mount({ asOf: '2025-06-30' });
  await ui.press('/');
  await ui.type('kimhyongjik');
  await ui.press(KEYS.enter);
  let d = await settled(ui.frame, /Kim Hyong Jik County  김형직군/);
  assert.match(d, /As of 2025-06-30: OPERATING\? \(state claim\) since 2/, 'known then: the March state claim');
  assert.match(d, /Published 2025-03-24 · newest evidence 2025-03-24/);
  await ui.press('H');
  d = await settled(ui.frame, /HINDSIGHT/);
  assert.match(d.split('\n')[0]!, /as of 2025-06-30 HINDSIGHT · latest report/);
  assert.match(d, /As of 2025-06-30: DISRUPTED\? \(reported\) since A/, 'the shutdown since April, reported in August');
  assert.match(d, /Published Aug 2025 \(counted from 2025-08-31\) · newest/);
  ui.unmount();
});
