/**
 * The on-screen timeline chart (issue 12, point 3): a whole frame at 100×20, colours per batch,
 * the target on and off the scale, and the frame contract at every size from 40×8 to 220×60.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timelineChartLines } from '../../src/view/timeline-chart.js';
import { plain, type Line } from '../../src/view/paint.js';
import { displayWidth } from '../../src/text/width.js';
import { BATCH_COLOURS, MARKER_COLOUR } from '../../src/view/timeline-style.js';
import { sampleRollout } from '../helpers/rollout-fixture.js';
import { loadDataset } from '../../src/load/dataset.js';
import { rolloutAt } from '../../src/model/rollout.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';

const frame = (lines: Line[]) => lines.map(plain);

test('whole frame at 100×20 without colour: batches stacked in their glyphs, the scale from the data (60), markers, cursor, legend in words', () => {
  assert.deepEqual(frame(timelineChartLines(sampleRollout(), 100, 20, true)), [
    'Inaugurated, cumulative: 40 of 200 by 30 Nov 2026 · target 200 ↑ off scale',
    '60┤ ↑ target 200 (off scale)                                                                       │',
    '  │                                                                                                │',
    '50┤                                                                                                │',
    '  │                                                                                                │',
    '  │                                                                                                │',
    '40┤                                                ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓',
    '  │                                                ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓',
    '30┤                                                ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓',
    '  │                                                ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓',
    '  │                                                ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓',
    '20┤        █████████████████████████████████████████████████████████████████████████████████████████',
    '  │    █████████████████████████████████████████████████████████████████████████████████████████████',
    '10┤    █████████████████████████████████████████████████████████████████████████████████████████████',
    '  │    █████████████████████████████████████████████████████████████████████████████████████████████',
    '  │    █████████████████████████████████████████████████████████████████████████████████████████████',
    ' 0└─────────────────!───────────────!──────────────────────────────────────────────────────────────┴',
    '       2025                                            2026                                         ',
    '█ 2024 batch 20/20  ▓ 2025 batch 20/20  ▒ 2026 batch 0/20  ! outside report of disruption (5)',
    '│ as-of date 30 Nov 2026  + 2 disruption reports dated only by year (not marked)',
  ]);
});

test('the y scale comes from the data: the same top label at every size (60 for 40 sites, 200 near the target)', () => {
  const base = sampleRollout();
  const near = sampleRollout({ series: base.series.map((s) => ({ ...s, cumulative: s.cumulative.map((c) => c * 4) })), total: base.total.map((t) => t * 4) });
  for (const [r, top] of [[base, '60'], [near, '200']] as const) {
    const tops = new Set<string>();
    for (const [w, h] of [[78, 17], [98, 23], [118, 33], [138, 38], [158, 41], [198, 53], [60, 14], [100, 20]]) {
      const lines = frame(timelineChartLines(r, w!, h!, true));
      tops.add(lines.map((l) => /^ *(\d+)┤/.exec(l)?.[1]).find(Boolean) ?? 'none');
    }
    assert.deepEqual([...tops], [top]);
  }
});

test('the legend says it in words at every size: as-of date, outside report of disruption, reports dated only by year', () => {
  for (const w of [60, 78, 98, 118, 158, 198]) {
    const legend = frame(timelineChartLines(sampleRollout(), w, 24, true)).slice(-3).join(' ');
    // The as-of entry keeps its date (at 78 cells, the 80×24 screen, it once read "│ as-of date" alone), and nothing is cut.
    assert.match(legend, /│ as-of date 30 Nov 2026/, `${w}`);
    assert.doesNotMatch(legend, /…/, `${w}`);
    assert.match(legend, /! (outside report of disruption|disruption report) \(5\)/, `${w}`);
    assert.match(legend, /\+ 2 disruption reports dated only by year/, `${w}`);
    assert.doesNotMatch(legend, /\+2!|│as of|!disruption/, `${w}`);
  }
});

test('with colour: one colour per batch, eighth blocks for part rows (14 = 3½ rows), markers in the marker colour', () => {
  const lines = timelineChartLines(sampleRollout(), 100, 20, false);
  const colours = new Set(lines.slice(0, -2).flatMap((l) => l.filter((s) => /[▁-█]/.test(s.text)).flatMap((s) => [s.fg, s.bg])));
  assert.ok(colours.has(BATCH_COLOURS[0]) && colours.has(BATCH_COLOURS[1]), [...colours].join(' '));
  assert.ok(!colours.has(BATCH_COLOURS[2]), 'the 2026 batch has nothing to draw');
  // January 2025 (14 of 60 on 15 rows, 4 a row) ends in a half block, in the 2024 colour.
  assert.deepEqual(lines[12], [
    { text: '  │', fg: '#9A9A9A' },
    { text: '    ' },
    { text: `▄▄▄▄${'█'.repeat(89)}`, fg: BATCH_COLOURS[0] },
  ]);
  const axis = lines[16]!;
  assert.deepEqual(axis.filter((s) => s.text === '!').map((s) => s.fg), [MARKER_COLOUR, MARKER_COLOUR]);
  // The legend swatches carry the batch colours.
  assert.deepEqual(lines[18]!.filter((s) => s.text === '█').map((s) => s.fg), [...BATCH_COLOURS.slice(0, 3)]);
});

test('near the target the scale reaches it: a dashed target line on the row labelled 200', () => {
  const base = sampleRollout();
  const r = sampleRollout({ series: base.series.map((s) => ({ ...s, cumulative: s.cumulative.map((c) => c * 4) })), total: base.total.map((t) => t * 4) });
  const lines = frame(timelineChartLines(r, 60, 14, true));
  assert.equal(lines[0], 'Inaugurated, cumulative: 160 of 200 by 30 Nov 2026');
  assert.match(lines[1]!, /^200┤┄+│$/);
  assert.ok(!lines.join('\n').includes('off scale'));
  assert.match(lines[3]!, /^150┤ +▓+$/, '160 reaches the row labelled 150 (7 of 9 rows of 22.2)');
  assert.doesNotMatch(lines[2]!, /▓/, 'and no further');
});

test('no data: one line saying so, then blank lines, exactly the height', () => {
  const lines = frame(timelineChartLines(sampleRollout({ months: [], series: [], total: [], markers: [] }), 50, 8, false));
  assert.deepEqual(lines, ['No roll-out data.', '', '', '', '', '', '', '']);
});

test('every size from 40×8 to 220×60 gives exactly `height` lines of at most `width` cells, the axis and the legend', () => {
  const samples = [sampleRollout(), sampleRollout({ months: ['2024-06'], series: [{ batch: 2024, cumulative: [0], sites: 20 }], total: [0], markers: [], as_of: '2024-06-01' })];
  for (const r of samples)
    for (let w = 40; w <= 220; w++)
      for (let h = 8; h <= 60; h++) {
        const lines = timelineChartLines(r, w, h, (w + h) % 2 === 0);
        assert.equal(lines.length, h, `${w}×${h}`);
        for (const l of lines) assert.ok(displayWidth(plain(l)) <= w, `${w}×${h}: ${plain(l)}`);
        const axis = lines.findIndex((l) => /^ *0└/.test(plain(l)));
        if (h >= 9) assert.ok(axis >= h - 5 && axis <= h - 3, `${w}×${h}: time axis`);
        if (axis >= 0) assert.match(plain(lines[axis + 2]!), /^. ?2024 /, `${w}×${h}: legend`);
      }
});

test('the bundled data draws: as of 30 Nov 2026 the title says 40 of 200', () => {
  const dataset = loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR });
  const lines = frame(timelineChartLines(rolloutAt(dataset, { asOf: '2026-11-30' }), 120, 24, true));
  assert.match(lines[0]!, /40 of the 200-site target by 30 Nov 2026/);
  assert.equal(lines.length, 24);
});
