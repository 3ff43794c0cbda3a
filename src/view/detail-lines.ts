/**
 * The detail pane as styled lines: status and who says so, the CONTESTED line, a status bar per
 * facility, every dated statement (timeline and quotes) with state media beside outside sources
 * by month, prices, products, notes and sources (relay outlets kept). Every string from data
 * goes through the sanitiser here.
 */
import type { SiteReport, StatusReport } from '../model/site-report.js';
import { contestedSummary, sourceName, statementRows, type Statement } from '../model/statements.js';
import { STRENGTH_LABELS, type Stance, type Status } from '../model/vocabulary.js';
import { statusWord } from './status-words.js';
import { sanitizeInline } from '../text/sanitize.js';
import { renderTable } from '../text/table.js';
import { displayWidth, padCells, truncateCells, wrapCells } from '../text/width.js';
import type { ListRow } from './list-rows.js';
import { text, wrapLine, type Line } from './paint.js';
import { CONTESTED, MUTED, STANCE_MARK, statusColour } from './theme.js';

const BAR_STEPS: Record<Status, number> = {
  selected: 1,
  under_construction: 2,
  inaugurated: 3,
  operating: 4,
  underproducing: 3,
  operating_for_show: 3,
  disrupted: 3,
  unknown: 0,
};
/** Off-scale statuses: drawn in their own colour with their map glyph instead of a solid bar. */
const BAR_MARK: Partial<Record<Status, string>> = { disrupted: '!', underproducing: '-', operating_for_show: '~' };

/** Four steps from selected to operating; off-scale statuses are drawn in their own colour with a mark. */
export function statusBar(status: Status | null, noColor: boolean): Line {
  if (!status) return [text('········', { fg: MUTED })];
  const filled = BAR_STEPS[status] * 2;
  const full = (BAR_MARK[status] ?? '█').repeat(filled);
  return [text(full, noColor ? {} : { fg: statusColour(status) }), text('░'.repeat(8 - filled), { fg: MUTED })];
}

function stanceTag(stance: Stance, noColor: boolean, long = false) {
  const m = STANCE_MARK[stance];
  return text(long ? `[${m.long}]` : m.short.padEnd(3), noColor ? { bold: true } : { fg: m.colour, bold: true });
}

function statusLine(label: string, s: StatusReport | null, noColor: boolean): Line {
  if (!s) return [text(label, { bold: true }), text('nothing known yet', { fg: MUTED })];
  return [
    text(label, { bold: true }),
    text(statusWord(s.status).toUpperCase() + (s.uncertain ? '?' : ''), noColor ? { bold: true } : { fg: statusColour(s.status), bold: true }),
    text(` (${STRENGTH_LABELS[s.strength]}${s.stale ? ', STALE' : ''}) ${sincePhrase(s.since_label)} · `),
    stanceTag(s.claimed_by, noColor),
    text(` ${s.sources.join(', ')}`, { fg: MUTED }),
  ];
}

/** "since 24 Mar 2025"; a period that is itself "since Apr 2025" is not doubled. */
export function sincePhrase(label: string): string {
  return label.startsWith('since ') ? label : `since ${label}`;
}

/**
 * Under the status line: when the statement became public, how old the newest evidence is
 * (stale or not), the mode, and why the status is uncertain. Wrapped to the pane.
 */
export function statusNoteLines(r: SiteReport, width: number): Line[] {
  const s = r.status;
  if (!s) return [];
  const mode = r.hindsight ? "hindsight: today's knowledge of that day" : 'as known on that day';
  const age = s.stale
    ? `STALE: newest evidence ${s.newest_evidence}, older than ${r.stale_after_months} months`
    : `newest evidence ${s.newest_evidence}`;
  // A source dated only by month or year is not shown as a day: "Published Aug 2025 (counted from 2025-08-31)".
  const lines = [`Published ${s.published_label} · ${age} · ${mode}`, ...s.uncertain_reasons.map((u) => `Uncertain: ${u}`)];
  return lines.flatMap((l) => wrapCells(sanitizeInline(l), Math.max(20, width) - 2).map((w): Line => [text(`  ${w}`, { fg: MUTED })]));
}

/**
 * The whole detail of a site for a pane `width` cells wide (inner width; at least 20 is used).
 * Every line fits the width: text and source URLs wrap, only facility names are shortened with "…".
 */
export function siteDetailLines(r: SiteReport, width: number, noColor: boolean): Line[] {
  const w = Math.max(20, width);
  const clean = sanitizeInline;
  const wrap = (t: string, indent = 2) => wrapCells(clean(t), w - indent).map((l) => [text(' '.repeat(indent) + l)]);
  const heading = (t: string): Line => [text(`── ${t} `, { bold: true }), text('─'.repeat(Math.max(0, w - t.length - 4)), { fg: MUTED })];
  const lines: Line[] = [];

  // Hanja is left to `show` and JSON: the export fonts have no Hanja glyphs.
  lines.push([text(clean(r.name_en), { bold: true }), text(`  ${clean(r.name_ko)}`)]);
  lines.push(...wrapLine([text(`${r.province_en} ${r.province_ko} · ${r.year}${r.role === 'batch' ? ' batch' : ` ${r.role}`} · ${r.county.type}`, { fg: MUTED })], w, 2));
  lines.push(...wrapLine(statusLine(`As of ${r.as_of}: `, r.status, noColor), w, 2));
  lines.push(...statusNoteLines(r, w));
  if (r.status?.contested) {
    // Wrapped, never cut: the words of both sides are the point of the line.
    lines.push(
      ...wrapLine(
        [
          text(' CONTESTED ', noColor ? { bold: true, inverse: true } : { bg: CONTESTED, fg: '#000000', bold: true }),
          text(` ${sanitizeInline(contestedSummary(r.status.state_view, r.status.outside_view))}`),
        ],
        w,
        2,
      ),
    );
  }
  if (r.province_note) lines.push(...wrap(`Note: ${r.province_note}`, 0).map((l) => l.map((s) => ({ ...s, fg: MUTED }))));

  if (r.facilities.length) {
    lines.push([], heading('Facilities'));
    const nameWidth = Math.min(26, Math.max(...r.facilities.map((f) => f.name.length)));
    for (const f of r.facilities) {
      // Wrapped under the bar: a narrow pane shows the label, date and stance on the next lines.
      lines.push(
        ...wrapLine(
          [
            text(`  ${padCells(truncateCells(clean(f.name), nameWidth), nameWidth)} `),
            ...statusBar(f.status?.status ?? null, noColor),
            text(` ${f.status ? f.status.label + (f.status.uncertain ? '?' : '') : 'not reported'}`),
            ...(f.status ? [text(` ${f.status.since} `, { fg: MUTED }), stanceTag(f.status.claimed_by, noColor)] : []),
          ],
          w,
          Math.min(nameWidth + 12, Math.floor(w / 2)),
        ),
      );
    }
  }

  if (r.statements.length) {
    lines.push([], heading('State media · outside sources, by date'));
    lines.push(...comparisonLines(r.statements, w, noColor));
  }

  if (r.prices.length) {
    lines.push([], heading('Prices (won)'));
    const table = renderTable(
      [{ header: 'Item', max: 24 }, { header: 'Won', align: 'right' }, { header: 'Kind' }, { header: 'Unit', max: 12 }, { header: 'Date' }],
      r.prices.map((p) => [clean(p.item + (p.item_ko ? ` ${p.item_ko}` : '')), p.won.toLocaleString('en-US'), p.market, clean(p.unit), p.date + (p.uncertain ? '?' : '')]),
    );
    table.forEach((l, i) => lines.push([text(`  ${l}`, i < 2 ? { bold: i === 0, fg: i === 1 ? MUTED : undefined } : {})]));
    const cited = [...new Set(r.prices.map((p) => p.source))];
    lines.push([text(`  source: ${cited.join(', ')}`, { fg: MUTED })]);
  }

  if (r.products.length) {
    lines.push([], heading('Products'));
    lines.push(...wrap(r.products.map((p) => p.name + (p.name_ko ? ` ${p.name_ko}` : '')).join(' · ')));
  }
  if (r.notes.length) {
    lines.push([], heading('Notes'));
    for (const n of r.notes) lines.push(...wrapCells(clean(n.text + (n.uncertain ? ' (uncertain)' : '')), w - 4).map((l, i) => [text(i === 0 ? `  • ${l}` : `    ${l}`)]));
  }
  lines.push([], heading('Sources'));
  for (const s of r.sources) {
    const head: Line = [text(`  ${s.id}`, { bold: true }), text(` ${clean(sourceName(s))}, ${s.date} `), stanceTag(s.kind, noColor), ...(s.uncertain ? [text(' ?')] : [])];
    lines.push(...wrapLine(head, w, 4));
    // A URL is never shortened: it breaks anywhere and continues on the next lines, whole when joined.
    if (s.url) for (const part of wrapCells(clean(s.url), Math.max(1, w - 4))) lines.push([text(`    ${part}`, { fg: MUTED })]);
  }
  return lines;
}

/**
 * Inner detail width (cells) from which the comparison is drawn in two columns: two columns of at
 * least 26 cells, the 2-cell indent and the 3-cell " │ " separator. From src/view/layout.ts: a
 * 160×48 terminal gives a 58-cell detail (wide layout, map shown), 140×48 gives 51, 100×30 (medium)
 * gives 56, 102 columns and up in the medium layout give 58+, and hiding the map (m) in the wide
 * layout gives 80+. Narrower, the statements alternate in date order, each with its stance mark.
 */
export const TWO_COLUMN_MIN_WIDTH = 57;

/**
 * The claims-vs-reports section: statements (timeline entries and quotes) in rows by period
 * (month, or year for year-only dates). From TWO_COLUMN_MIN_WIDTH cells: STATE MEDIA | OUTSIDE
 * SOURCES, a claim and the report of the same period at the same height; narrower, one column in
 * date order, each statement headed by its stance in words. Takes the inner pane width in cells.
 */
export function comparisonLines(statements: readonly Statement[], width: number, noColor: boolean): Line[] {
  const rows = statementRows(statements);
  const out: Line[] = [];
  const rowRule = (label: string, w: number): Line => [text(`  ${label} `, { bold: true }), text('┄'.repeat(Math.max(0, w - displayWidth(label) - 3)), { fg: MUTED })];
  if (width >= TWO_COLUMN_MIN_WIDTH) {
    const col = Math.floor((width - 5) / 2);
    const sep = (l: Line) => [text('  '), ...l, text(' '.repeat(Math.max(0, col - lineWidth(l))) + ' │ ', { fg: MUTED })];
    const title = (t: string, stance: Stance): Line => [text(t, noColor ? { bold: true } : { fg: STANCE_MARK[stance].colour, bold: true })];
    out.push([...sep(title('STATE MEDIA', 'state_media')), ...title('OUTSIDE SOURCES', 'outside_report')]);
    for (const row of rows) {
      out.push(rowRule(row.period_label, width));
      const left = row.state_media.flatMap((s, i) => [...(i ? [[] as Line] : []), ...statementBlock(s, col, noColor, false)]);
      const right = row.outside.flatMap((s, i) => [...(i ? [[] as Line] : []), ...statementBlock(s, col, noColor, false)]);
      for (let i = 0; i < Math.max(left.length, right.length); i++) out.push([...sep(left[i] ?? []), ...(right[i] ?? [])]);
    }
    return out;
  }
  for (const row of rows) {
    out.push(rowRule(row.period_label, width));
    const inRow = [...row.state_media, ...row.outside].sort((a, b) => statements.indexOf(a) - statements.indexOf(b));
    inRow.forEach((s, i) => out.push(...(i ? [[] as Line] : []), ...statementBlock(s, width - 2, noColor, true).map((l) => [text('  '), ...l])));
  }
  return out;
}

/**
 * One statement in `w` cells: its stance (in words when `long`) and date; its kind and title, or
 * a quote's words (wrapped, never cut); who said it and where (outlets with relay, wrapped).
 */
function statementBlock(s: Statement, w: number, noColor: boolean, long: boolean): Line[] {
  const clean = sanitizeInline;
  const m = STANCE_MARK[s.stance];
  const tag = text(long ? `[${m.long}]` : m.short, noColor ? { bold: true } : { fg: m.colour, bold: true });
  const head: Line = [tag, text(` ${clean(s.date_label)}${s.uncertain ? ' ?' : ''}`, { bold: true })];
  const words = s.kind === 'quote' ? `“${s.text}”${s.translated ? ' (tr.)' : ''}` : `${s.kind}: ${s.text}`;
  const by = s.speaker ? `— ${s.speaker}; ${s.outlets.join('; ')}` : s.outlets.join('; ');
  return [
    ...wrapLine(head, w, 2),
    ...wrapCells(clean(words), w).map((l): Line => [text(l)]),
    ...wrapCells(clean(by), w).map((l): Line => [text(l, { fg: MUTED })]),
  ];
}

function lineWidth(line: Line): number {
  return line.reduce((n, s) => n + displayWidth(s.text), 0);
}

/** Detail for a province row: its sites and their statuses. */
export function provinceDetailLines(row: Extract<ListRow, { kind: 'province' }>, sites: ListRow[], noColor: boolean): Line[] {
  const lines: Line[] = [
    [text(`${row.name_en} `, { bold: true }), text(row.name_ko)],
    [text(`${row.count} program site${row.count === 1 ? '' : 's'} · Enter opens or closes the province`, { fg: MUTED })],
    [],
  ];
  for (const r of sites) {
    if (r.kind !== 'site') continue;
    const s = r.site;
    lines.push([
      text(`  ${padCells(truncateCells(sanitizeInline(s.name_en), 22), 22)} `),
      ...statusBar(s.status, noColor),
      text(` ${s.label}${s.contested ? ' · CONTESTED' : ''}`),
      text(`  ${s.year}`, { fg: MUTED }),
    ]);
  }
  return lines;
}
