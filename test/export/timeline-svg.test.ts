/**
 * The timeline chart as vector SVG (issue 12, point 3), parsed as XML: one vertex per month per
 * batch at the right height, the target line or its off-scale note, the as-of cursor, disruption
 * marks with tooltips naming site and outlet, escaped text, determinism, and a PNG that renders.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { timelineChartSvg, timelineSvgGeometry } from '../../src/export/timeline-svg.js';
import { svgToPng } from '../../src/export/png.js';
import { sampleRollout } from '../helpers/rollout-fixture.js';
import type { Rollout } from '../../src/model/rollout.js';

const BOX = { width: 1280, height: 720 };

function parse(fragment: string, box = BOX): Element {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}">${fragment}</svg>`;
  const doc = new DOMParser({ onError: (level, msg) => assert.fail(`${level}: ${msg}`) }).parseFromString(svg, 'image/svg+xml');
  return doc.documentElement!;
}

function all(el: Element, tag: string, cls?: string): Element[] {
  return Array.from(el.getElementsByTagName(tag)).filter((e) => cls === undefined || e.getAttribute('class') === cls);
}

function points(el: Element): [number, number][] {
  return el.getAttribute('points')!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

/** The fixture scaled so the stacked total nears the target. */
function nearTarget(): Rollout {
  const base = sampleRollout();
  return sampleRollout({ series: base.series.map((s) => ({ ...s, cumulative: s.cumulative.map((c) => c * 4) })), total: base.total.map((t) => t * 4) });
}

test('one polyline per batch, one vertex per month, each at its stacked cumulative count on the y scale', () => {
  const r = sampleRollout();
  const root = parse(timelineChartSvg(r, BOX));
  const { plot, yMax } = timelineSvgGeometry(r, BOX);
  const lines = all(root, 'polyline', 'series');
  assert.deepEqual(lines.map((l) => l.getAttribute('data-batch')).sort(), ['2024', '2025', '2026']);
  const yOf = (v: number) => plot.y + plot.height - (v / yMax) * plot.height;
  for (const line of lines) {
    const i = r.series.findIndex((s) => String(s.batch) === line.getAttribute('data-batch'));
    const pts = points(line);
    assert.equal(pts.length, r.months.length, `batch ${r.series[i]!.batch}: one vertex per month`);
    pts.forEach(([x, y], m) => {
      const stacked = r.series.slice(0, i + 1).reduce((n, s) => n + s.cumulative[m]!, 0);
      assert.ok(Math.abs(y - yOf(stacked)) < 0.01, `batch ${r.series[i]!.batch} month ${r.months[m]}: y ${y} for ${stacked}`);
      assert.ok(Math.abs(x - (plot.x + ((m + 0.5) * plot.width) / r.months.length)) < 0.01, 'x at the month centre');
    });
  }
  // The 2024 line reaches 20 in February 2025 and the 2025 line (stacked) 40 in December 2025.
  const byBatch = (b: string) => points(lines.find((l) => l.getAttribute('data-batch') === b)!);
  assert.ok(Math.abs(byBatch('2024')[r.months.indexOf('2025-02')]![1] - yOf(20)) < 0.01);
  assert.ok(Math.abs(byBatch('2025')[r.months.indexOf('2025-12')]![1] - yOf(40)) < 0.01);
});

test('target: off scale at 40 of 200 (a note, no line); on the scale near it, a dashed line at y(200)', () => {
  const off = parse(timelineChartSvg(sampleRollout(), BOX));
  const offTarget = all(off, 'g', 'target')[0]!;
  assert.equal(offTarget.getAttribute('data-off-scale'), 'true');
  assert.match(offTarget.textContent!, /↑ target 200 \(off scale\)/);
  assert.equal(all(offTarget, 'line').length, 0);

  const r = nearTarget();
  const on = parse(timelineChartSvg(r, BOX));
  const { plot, yMax } = timelineSvgGeometry(r, BOX);
  const line = all(all(on, 'g', 'target')[0]!, 'line')[0]!;
  const y = plot.y + plot.height - (200 / yMax) * plot.height;
  assert.equal(Number(line.getAttribute('y1')), Number(y.toFixed(2)));
  assert.equal(line.getAttribute('y1'), line.getAttribute('y2'));
  assert.equal(line.getAttribute('stroke-dasharray'), '6 4');
  assert.ok(yMax >= 200);
});

test('the as-of cursor stands at the as-of day inside the last month', () => {
  for (const asOf of ['2026-11-30', '2026-11-01', '2026-11-15']) {
    const r = sampleRollout({ as_of: asOf });
    const root = parse(timelineChartSvg(r, BOX));
    const { plot } = timelineSvgGeometry(r, BOX);
    const line = all(all(root, 'g', 'cursor')[0]!, 'line')[0]!;
    const day = Number(asOf.slice(8));
    const expected = plot.x + ((r.months.length - 1 + (day - 0.5) / 30) * plot.width) / r.months.length;
    assert.ok(Math.abs(Number(line.getAttribute('x1')) - expected) < 0.01, `${asOf}: ${line.getAttribute('x1')} vs ${expected}`);
    assert.ok(Number(line.getAttribute('x1')) <= plot.x + plot.width);
    assert.match(all(root, 'g', 'cursor')[0]!.textContent!, new RegExp(`as of ${day} Nov 2026`));
  }
});

test('one disruption mark per report under its month, with a tooltip naming the site, the status and the outlet', () => {
  const r = sampleRollout();
  const root = parse(timelineChartSvg(r, BOX));
  const marks = all(root, 'g', 'marker');
  assert.equal(marks.length, r.markers.length);
  const tips = marks.map((m) => all(m, 'title')[0]!.textContent);
  assert.deepEqual(tips, [
    'Kujang County: operating for show — Daily NK, published 4 Apr 2025 (about 2025-04-04) [src-kujang]',
    'Kusong City: operating for show — Daily NK, published 4 Apr 2025 (about 2025-04-04) [src-kusong]',
    'Unsan County: operating for show — Daily NK, published 4 Apr 2025 (about 2025-04-04) [src-unsan-north-pyongan]',
    'Kim Hyong Jik County: disrupted — Daily NK, published 31 Aug 2025 (about since 2025-04) [src-kimhyongjik]',
    'Kim Hyong Jik County: far below capacity — Daily NK, published 31 Aug 2025 (about 2025-08) [src-kimhyongjik]',
  ]);
  const { plot } = timelineSvgGeometry(r, BOX);
  for (const m of marks) {
    const c = all(m, 'circle')[0]!;
    const month = r.months.indexOf(m.getAttribute('data-month')!);
    assert.ok(Math.abs(Number(c.getAttribute('cx')) - (plot.x + ((month + 0.5) * plot.width) / r.months.length)) < 0.01);
    assert.ok(Number(c.getAttribute('cy')) > plot.y + plot.height, 'under the time axis');
  }
  // Visible labels (a slide has no tooltips).
  assert.match(all(root, 'g', 'marker-labels')[0]!.textContent!, /Kujang: for show.*Kusong: for show.*Unsan: for show.*Kim Hyong Jik: disrupted.*Kim Hyong Jik: far below capacity/);
});

test('legend names every batch with its count, the markers, the cursor and the undated reports', () => {
  const root = parse(timelineChartSvg(sampleRollout(), BOX));
  const texts = all(all(root, 'g', 'legend')[0]!, 'text').map((t) => t.textContent);
  for (const want of ['2024 batch 20/20', '2025 batch 20/20', '2026 batch 0/20', 'outside report of disruption (5)', 'as-of date 30 Nov 2026', '2 disruption reports dated only by year (not marked)'])
    assert.ok(texts.includes(want), `${want} in ${texts.join(' | ')}`);
});

test('hostile site names and outlets are sanitised and escaped; output is deterministic', () => {
  const r = sampleRollout();
  const evil = sampleRollout({
    markers: r.markers.map((m) => ({ ...m, name_en: 'Kujang</title><script>alert(1)</script>\u001b[31m\u202e&', outlet: 'Daily "NK" <b>' })),
  });
  const svg = timelineChartSvg(evil, BOX);
  assert.ok(!svg.includes('<script') && !svg.includes('\u001b') && !svg.includes('\u202e'));
  const root = parse(svg);
  assert.match(all(root, 'g', 'marker')[0]!.getElementsByTagName('title')[0]!.textContent!, /^Kujang<\/title><script>alert\(1\)<\/script>&: .*Daily "NK" <b>/);
  assert.equal(timelineChartSvg(evil, BOX), svg);
});

test('small and empty boxes still parse; a PNG renders', () => {
  for (const box of [{ width: 320, height: 180 }, { width: 640, height: 360 }, { width: 1920, height: 1080 }]) parse(timelineChartSvg(sampleRollout(), box), box);
  parse(timelineChartSvg(sampleRollout({ months: [], series: [], total: [], markers: [] }), BOX));
  const png = svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">${timelineChartSvg(sampleRollout(), { width: 640, height: 360 })}</svg>`, 1);
  assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
});
