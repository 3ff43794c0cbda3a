/** Header, footer and overlays (help, search, filter, export) as styled lines. */
import { STATUS_LABELS } from '../model/vocabulary.js';
import { sanitizeInline } from '../text/sanitize.js';
import { padCells, truncateCells } from '../text/width.js';
import { EXPORT_FORMATS, helpRows } from './keymap.js';
import type { Progress } from './progress.js';
import type { FilterOption } from './reduce.js';
import type { SearchHit } from './search.js';
import type { ViewState } from './state.js';
import { text, type Line } from './paint.js';
import { MUTED } from './theme.js';

export function headerLines(progress: Progress, state: ViewState, contested: number, width: number): Line[] {
  const years = progress.byYear.map((y) => `${y.year}: ${y.inaugurated}/${y.known === y.planned ? y.planned : `${y.known} known of ${y.planned}`}`).join(' · ');
  return [
    [
      text(' nk20x10 ', { bold: true, inverse: true }),
      text(' Regional Development 20×10 · 지방발전 20×10 정책', { bold: true }),
      text(truncateCells(`   ${asOfLabel(state, progress.latestReport)}`, Math.max(0, width - 60)), { bold: true }),
    ],
    [
      text(` Inaugurated ${progress.inaugurated} of ${progress.target} `, { bold: true }),
      text(truncateCells(`(${years})  ·  ${contested} contested  ·  ${progress.stale} stale${filterSummary(state)}`, Math.max(0, width - 30)), { fg: MUTED }),
    ],
  ];
}

/**
 * The header's "as of 2025-06-30 · latest report 2025-06-12", or in hindsight "as of 2025-06-30
 * HINDSIGHT · latest report 2026-02-09". `long` (exports) says what each mode means.
 */
export function asOfLabel(state: Pick<ViewState, 'asOf' | 'hindsight'>, latestReport: string | undefined, long = false): string {
  const mode = state.hindsight ? (long ? " in HINDSIGHT (today's knowledge of that day)" : ' HINDSIGHT') : long ? ' (what was known on that day)' : '';
  return `as of ${state.asOf}${mode} · latest report ${latestReport ?? 'none'}`;
}

function filterSummary(state: ViewState): string {
  const parts = [...state.filter.statuses.map((s) => (s === 'contested' || s === 'stale' ? s : STATUS_LABELS[s])), ...state.filter.years.map(String)];
  return parts.length ? `  ·  filter: ${parts.join(', ')}` : '';
}

export function footerLine(state: ViewState, width: number): Line {
  if (state.message) return [text(truncateCells(` ${sanitizeInline(state.message)}`, width), { bold: true })];
  const hints =
    state.overlay === 'search'
      ? 'type to search · ↑↓ choose · Enter go · Esc cancel'
      : state.overlay === 'filter'
        ? '↑↓ move · Space toggle · c clear · Enter close'
        : state.overlay === 'export'
          ? '1–5 choose format · Enter PNG · Esc cancel'
          : state.focus === 'detail'
            ? 'PgUp/PgDn scroll · Esc back · ↑↓ county · t/T date · ? help · q quit'
            : '↑↓ county · ←→ province · Enter open · / search · f filter · t/T date · m map · e export · ? help · q quit';
  return [text(truncateCells(` ${hints}`, width), { fg: MUTED })];
}

export function helpLines(): Line[] {
  const rows = helpRows();
  const keyWidth = Math.max(...rows.map(([k]) => k.length)) + 2;
  return [
    [text('Keys', { bold: true })],
    [],
    ...rows.map(([k, h]): Line => [text(padCells(k, keyWidth), { bold: true }), text(h)]),
    [],
    [text('Status: computed for the as-of date from reports published by then (H: in hindsight);', { fg: MUTED })],
    [text('"state claim" = state media alone, "reported" = outside sources alone, "confirmed" = both;', { fg: MUTED })],
    [text('stale = newest report older than the threshold; CONTESTED = state media and outside', { fg: MUTED })],
    [text('reports disagree on whether the site works. In the list: * state claim, ✓ confirmed,', { fg: MUTED })],
    [text('° stale, ! contested. Any key closes this help.', { fg: MUTED })],
  ];
}

export function searchLines(query: string, hits: readonly SearchHit[], index: number, width: number, height: number): Line[] {
  const out: Line[] = [[text('Search: ', { bold: true }), text(sanitizeInline(query)), text('▏', { bold: true })], []];
  if (query && hits.length === 0) out.push([text('no match', { fg: MUTED })]);
  hits.slice(0, Math.max(1, height - 4)).forEach((h, i) => {
    const label = ` ${h.site.name_en.replace(/ (County|City)$/, '')} ${h.site.name_ko} ${h.site.year}`;
    out.push([text(truncateCells(sanitizeInline(label), width), i === index ? { inverse: true } : {})]);
    // Say which spelling matched when it is not the name shown.
    if (i === index && h.matched !== h.site.name_en && h.matched !== h.site.name_ko) out.push([text(truncateCells(sanitizeInline(`   = ${h.matched}`), width), { fg: MUTED })]);
  });
  return out;
}

export function filterLines(options: readonly FilterOption[], state: ViewState): Line[] {
  const out: Line[] = [[text('Filter', { bold: true }), text('  (none checked = show all)', { fg: MUTED })], []];
  options.forEach((o, i) => {
    const on = o.kind === 'status' ? state.filter.statuses.includes(o.value) : state.filter.years.includes(o.value);
    const label = o.kind === 'status' ? `status: ${o.value === 'contested' || o.value === 'stale' ? o.value : STATUS_LABELS[o.value]}` : `year: ${o.value}`;
    out.push([text(`${on ? '[x]' : '[ ]'} ${label}`, i === state.filter.cursor ? { inverse: true } : {})]);
  });
  return out;
}

export function exportLines(): Line[] {
  return [
    [text('Export this screen', { bold: true })],
    [],
    ...EXPORT_FORMATS.map((f, i): Line => [text(` ${i + 1}  ${f.toUpperCase()}${f === 'png' ? '  (Enter)' : ''}`)]),
    [],
    [text('Written to the current directory, named after the view and the date.', { fg: MUTED })],
  ];
}
