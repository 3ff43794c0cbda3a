/**
 * Source URLs in the detail pane are never cut: at the detail widths of an 80- and a 160-column
 * terminal, every source URL of every site is in the lines whole once the lines are joined (a URL
 * breaks anywhere and continues on the next lines), and no URL line is wider than the pane.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDataset } from '../../src/load/dataset.js';
import { buildSiteReport } from '../../src/model/site-report.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';
import { sanitizeInline } from '../../src/text/sanitize.js';
import { displayWidth } from '../../src/text/width.js';
import { siteDetailLines } from '../../src/view/detail-lines.js';
import { layout } from '../../src/view/layout.js';
import { plain } from '../../src/view/paint.js';

const dataset = loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR });

test('every source URL of every site is whole in the detail lines at 80 and 160 columns', () => {
  const failures: string[] = [];
  let urls = 0;
  for (const [cols, rows] of [[80, 24], [160, 48]] as const) {
    const L = layout(cols, rows, true);
    assert.ok(L.kind !== 'too-small');
    const width = L.detail.width - 2;
    for (const site of dataset.sites) {
      const report = buildSiteReport(dataset, site, { asOf: '2026-11-30', hindsight: true });
      const lines = siteDetailLines(report, width, true).map(plain);
      // URL lines fit the pane (the price table may not yet at 80 columns: not checked here).
      for (const l of lines) if (/^ {4}https?:/.test(l) && displayWidth(l) > width) failures.push(`${cols}: ${site.id}: URL line wider than ${width}: ${l}`);
      const joined = lines.map((l) => l.trim()).join('');
      for (const s of report.sources) {
        if (!s.url) continue;
        urls++;
        if (!joined.includes(sanitizeInline(s.url))) failures.push(`${cols}: ${site.id}: ${s.url} is not whole`);
      }
    }
  }
  assert.ok(urls > 50, `${urls} URLs checked`);
  assert.deepEqual(failures.slice(0, 10), []);
});
