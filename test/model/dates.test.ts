import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSpan, parseDateSpan } from '../../src/model/dates.js';

test('a day, a month, a year and a range each cover the right days', () => {
  assert.deepEqual(parseDateSpan('2025-02-11'), { text: '2025-02-11', precision: 'day', start: '2025-02-11', end: '2025-02-11' });
  assert.deepEqual(parseDateSpan('2024-02'), { text: '2024-02', precision: 'month', start: '2024-02-01', end: '2024-02-29' });
  assert.deepEqual(parseDateSpan('2025'), { text: '2025', precision: 'year', start: '2025-01-01', end: '2025-12-31' });
  assert.deepEqual(parseDateSpan('2024-03-06/2024-03-10'), {
    text: '2024-03-06/2024-03-10',
    precision: 'range',
    start: '2024-03-06',
    end: '2024-03-10',
  });
});

test('days that do not exist are refused with the reason', () => {
  assert.match(String(parseDateSpan('2025-02-30')), /2025-02-30 does not exist \(Feb 2025 has 28 days\)/);
  assert.match(String(parseDateSpan('2025-13')), /month 13 does not exist/);
  assert.match(String(parseDateSpan('2025-03-10/2025-03-01')), /ends .* before it starts/);
  assert.match(String(parseDateSpan('March 7')), /is not a date/);
  assert.equal(typeof parseDateSpan('2024-02-29'), 'object');
});

test('dates read naturally on screen', () => {
  const f = (t: string) => formatSpan(parseDateSpan(t) as Exclude<ReturnType<typeof parseDateSpan>, string>);
  assert.equal(f('2025-02-11'), '11 Feb 2025');
  assert.equal(f('2025-08'), 'Aug 2025');
  assert.equal(f('2024-03-06/2024-03-10'), '6–10 Mar 2024');
  assert.equal(f('2024-12-20/2025-02-11'), '20 Dec 2024 – 11 Feb 2025');
  assert.equal(f('2025'), 'Jan–Dec 2025', 'a year is shown as the range it is');
  assert.equal(f('2025-04/2025-08'), 'Apr–Aug 2025');
  assert.equal(f('since 2025-04'), 'since Apr 2025');
});

test('ranges of months or years and "since" forms cover the right days; bad ones are refused', () => {
  assert.deepEqual(parseDateSpan('2025-04/2025-08'), { text: '2025-04/2025-08', precision: 'range', start: '2025-04-01', end: '2025-08-31' });
  assert.deepEqual(parseDateSpan('2024/2025'), { text: '2024/2025', precision: 'range', start: '2024-01-01', end: '2025-12-31' });
  assert.deepEqual(parseDateSpan('since 2025-04'), { text: 'since 2025-04', precision: 'since', start: '2025-04-01', end: '2025-04-30' });
  assert.match(String(parseDateSpan('2025-08/2025-04')), /ends .* before it starts/);
  assert.match(String(parseDateSpan('since April')), /^since: "April" is not a date/);
});
