/**
 * The detail pane's claims-vs-reports section, the CONTESTED line and the help overlay as lines
 * (issue 12, points 2 and 5): rows by month keep a claim and the report of its month at the same
 * height; every statement of every site is in its camp's column; the CONTESTED line says both
 * sides in words and is never cut at any pane width; source names keep the relay; help wraps.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSiteReport } from '../../src/model/site-report.js';
import { buildStatements, contestedSummary, sourceName, type StatementInput } from '../../src/model/statements.js';
import { sanitizeInline } from '../../src/text/sanitize.js';
import { displayWidth } from '../../src/text/width.js';
import { helpLines } from '../../src/view/chrome-lines.js';
import { comparisonLines, siteDetailLines, TWO_COLUMN_MIN_WIDTH } from '../../src/view/detail-lines.js';
import { plain } from '../../src/view/paint.js';
import { bundledAtlas } from '../helpers/ui.js';

const SOURCES: Record<string, { outlet: string; via?: string }> = {
  kcna: { outlet: 'KCNA', via: 'KCNA Watch' },
  dnk: { outlet: 'Daily NK', via: 'Business Insider Polska' },
  mou: { outlet: 'News1' },
};
const byId = (id: string) => SOURCES[id];
const st = (stance: StatementInput['stance'], date: string, text: string, source: string): StatementInput => ({ stance, kind: 'report', date, text, sources: [source], uncertain: false });

/** Splits a two-column line at the separator in display column `sep`: [left, right], trimmed at the end. */
function columns(line: string, sep: number): [string, string] {
  let x = 0;
  let left = '';
  let right = '';
  for (const ch of line) {
    if (x < sep) left += ch;
    else if (x > sep) right += ch;
    x += displayWidth(ch);
  }
  return [left.trimEnd(), right.trim()];
}

/** Display column of the header's "│". */
function sepColumn(header: string): number {
  return displayWidth(header.slice(0, header.indexOf('│')));
}

test('two columns: a claim and the report of the same month start on the same line, whatever came before', () => {
  const statements = buildStatements(
    [
      st('outside_report', '2025-01', 'A long outside report that wraps over several lines of its narrow column before the next month begins', 'dnk'),
      st('state_media', '2025-02-11', 'Inauguration', 'kcna'),
      st('rok_government', '2025-02', 'MOU: built', 'mou'),
      st('state_media', '2025-03-24', 'Claim with no answer', 'kcna'),
      st('state_media', '2025', 'Undated within the year', 'kcna'),
    ],
    byId,
  );
  const lines = comparisonLines(statements, 70, true).map(plain);
  const sep = sepColumn(lines[0]!);
  assert.deepEqual(columns(lines[0]!, sep), ['  STATE MEDIA', 'OUTSIDE SOURCES']);
  const rules = lines.filter((l) => /┄$/.test(l)).map((l) => l.replace(/ ┄+$/, '').trim());
  assert.deepEqual(rules, ['2025', 'Jan 2025', 'Feb 2025', 'Mar 2025'], 'a year row first, then the months in order');
  const feb = lines.findIndex((l) => l.startsWith('  Feb 2025 '));
  assert.deepEqual(columns(lines[feb + 1]!, sep), ['  SM 11 Feb 2025', 'ROK Feb 2025']);
  assert.deepEqual(columns(lines[feb + 2]!, sep), ['  report: Inauguration', 'report: MOU: built']);
  assert.deepEqual(columns(lines[feb + 3]!, sep), ['  KCNA via KCNA Watch', 'News1']);
  const mar = lines.findIndex((l) => l.startsWith('  Mar 2025 '));
  assert.deepEqual(columns(lines[mar + 1]!, sep), ['  SM 24 Mar 2025', ''], 'a claim with no report of its month has an empty right side');
  for (const l of lines) assert.ok(displayWidth(l) <= 70, l);
});

test('narrower than the threshold, statements alternate in date order with their stance in words', () => {
  const statements = buildStatements([st('state_media', '2025-02-11', 'Inauguration', 'kcna'), st('outside_report', '2025-02-20', 'Idle', 'dnk'), st('state_media', '2025-02-25', 'Operating', 'kcna')], byId);
  const lines = comparisonLines(statements, TWO_COLUMN_MIN_WIDTH - 1, true).map(plain);
  assert.ok(!lines.some((l) => l.includes('│')));
  assert.deepEqual(
    lines.filter((l) => l.startsWith('  [')),
    ['  [STATE MEDIA] 11 Feb 2025', '  [OUTSIDE REPORT] 20 Feb 2025', '  [STATE MEDIA] 25 Feb 2025'],
  );
  assert.ok(lines.includes('  Daily NK via Business Insider Polska'), 'the relay is kept');
});

test('every statement of every site (timeline entries and quotes) is in its own camp\'s column, whole', () => {
  const atlas = bundledAtlas();
  const failures: string[] = [];
  for (const site of atlas.dataset.sites) {
    const r = buildSiteReport(atlas.dataset, site, '2026-11-30');
    assert.equal(r.statements.length, r.timeline.length + r.quotes.length, site.id);
    const lines = comparisonLines(r.statements, 58, true).map(plain);
    const sep = sepColumn(lines[0]!);
    const flat = (t: string) => t.replace(/\s+/g, '');
    const left = flat(lines.map((l) => columns(l, sep)[0]).join(' '));
    const right = flat(lines.map((l) => columns(l, sep)[1]).join(' '));
    for (const s of r.statements) {
      const words = flat(sanitizeInline(s.kind === 'quote' ? s.text : `${s.kind}: ${s.text}`));
      const [own, other] = s.camp === 'state_media' ? [left, right] : [right, left];
      if (!own.includes(words) || other.includes(words)) failures.push(`${site.id}: ${s.camp} ${s.date} ${s.text.slice(0, 40)}`);
      for (const o of s.outlets) if (!own.includes(flat(sanitizeInline(o)))) failures.push(`${site.id}: outlet ${o}`);
    }
  }
  assert.deepEqual(failures.slice(0, 10), []);
});

test('Kim Hyong Jik, with no state-media quote, shows its state-media statements in the comparison', () => {
  const atlas = bundledAtlas();
  const r = buildSiteReport(atlas.dataset, atlas.dataset.sites.find((s) => s.id === 'kimhyongjik')!, '2026-11-30');
  assert.equal(r.quotes.filter((q) => q.stance === 'state_media').length, 0);
  const state = r.statements.filter((s) => s.camp === 'state_media');
  assert.deepEqual(state.map((s) => [s.date, s.kind, s.outlets.join('; ')]), [
    ['2024-03-06/2024-03-10', 'groundbreaking', 'Chosun Sinbo; NK News'],
    ['2025-02-11', 'inauguration', 'Rodong Sinmun via KCNA Watch; Yonhap via newspic.kr'],
    ['2025-03-24', 'batch claim', 'Rodong Sinmun via Daily NK'],
    ['2025-04/2025-08-18', 'batch claim', 'Rodong Sinmun via Daily NK'],
  ]);
});

test('the CONTESTED line of every contested site says both sides with outlets and dates, wrapped, never cut, at every width 20..200', () => {
  const atlas = bundledAtlas();
  let checked = 0;
  for (const asOf of ['2025-09-30', '2026-11-30']) {
    for (const site of atlas.dataset.sites) {
      const r = buildSiteReport(atlas.dataset, site, asOf);
      if (!r.status?.contested) continue;
      const want = sanitizeInline(`CONTESTED ${contestedSummary(r.status.state_view, r.status.outside_view)}`).replace(/\s+/g, ' ');
      assert.match(want, /state media: \S.* \(.+, .*\d{4}\) · (outside report|ROK government|analyst): \S.* \(.+, .*\d{4}\)$/, want);
      for (let w = 20; w <= 200; w++) {
        const lines = siteDetailLines(r, w, true).map(plain);
        const first = lines.findIndex((l) => l.startsWith(' CONTESTED '));
        assert.ok(first > 0, `${site.id} at ${w}: no CONTESTED line`);
        let end = first + 1;
        while (end < lines.length && /^ {2}\S/.test(lines[end]!) && !/^ {2}(Note|Published)/.test(lines[end]!)) end++;
        const block = lines.slice(first, end);
        for (const l of block) {
          assert.ok(displayWidth(l) <= w, `${site.id} at ${w}: wider than the pane: ${l}`);
          assert.ok(!l.includes('…'), `${site.id} at ${w}: cut: ${l}`);
        }
        assert.equal(block.join(' ').replace(/\s+/g, ' ').trim(), want, `${site.id} at ${w}`);
      }
      checked++;
    }
  }
  assert.ok(checked >= 2, `contested sites checked: ${checked}`);
});

test('source names keep the relay outlet in the detail pane ("Daily NK via Business Insider Polska")', () => {
  assert.equal(sourceName({ outlet: 'Daily NK', via: 'Business Insider Polska' }), 'Daily NK via Business Insider Polska');
  assert.equal(sourceName({ outlet: 'KCNA' }), 'KCNA');
  const atlas = bundledAtlas();
  const r = buildSiteReport(atlas.dataset, atlas.dataset.sites.find((s) => s.id === 'kusong')!, '2026-11-30');
  for (const w of [30, 58, 90]) {
    // Flattened: at 30 cells the id itself is broken between characters.
    const text = siteDetailLines(r, w, true).map(plain).join('').replace(/\s+/g, '');
    assert.ok(text.includes('dailynk-2024-11-soldiers-via-businessinsiderDailyNKviaBusinessInsiderPolska,2024-11'), `Sources at ${w}`);
  }
});

test('help lines wrap to the pane: no line is wider, and the list marks * ✓ ° ! are all explained', () => {
  for (let w = 20; w <= 140; w++) {
    const lines = helpLines(w).map(plain);
    for (const l of lines) assert.ok(displayWidth(l) <= w, `${w}: ${l}`);
    const text = lines.join(' ').replace(/\s+/g, ' ');
    // Each mark stands on one line with its meaning.
    for (const mark of ['* state claim', '✓ confirmed', '° stale', '! contested']) assert.ok(lines.some((l) => l.trim() === mark), `${w}: ${mark}`);
    for (const words of ['CONTESTED = state media and outside reports disagree on whether the site works.', 'Any key closes this help.']) assert.ok(text.includes(words), `${w}: ${words}`);
  }
});
