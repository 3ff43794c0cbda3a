/** Header, footer and overlays (help, search, filter, export) as styled lines. */
import { statusWord } from './status-words.js';
import { sanitizeInline } from '../text/sanitize.js';
import { displayWidth, padCells, truncateCells } from '../text/width.js';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, helpRows } from './keymap.js';
import type { FilterOption } from './reduce.js';
import type { SearchHit } from './search.js';
import type { ViewState } from './state.js';
export { asOfLabel, headerLines } from './header-lines.js';
import { text, wrapLine, type Line } from './paint.js';
import { MUTED } from './theme.js';

/** Footer hints, most important first: the footer drops hints from the end of this order. */
const BROWSE_HINTS: [hint: string, priority: number][] = [
  ['↑↓ county', 2],
  ['←→ province', 3],
  ['Enter open', 5],
  ['/ search', 4],
  ['f filter', 6],
  ['t/T date', 7],
  ['m map', 9],
  ['e export', 8],
  ['v gap/timeline', 10],
  ['? help', 0],
  ['q quit', 1],
];
/** Footer in the Gap and Timeline modes: the mode's name first, so the footer says which is shown. */
const GAP_HINTS: [string, number][] = [
  ['Gap view', 0],
  ['↑↓ site', 3],
  ['Enter open', 2],
  ['Esc sites', 4],
  ['v timeline', 5],
  ['/ search', 7],
  ['f filter', 6],
  ['t/T date', 8],
  ['e export', 9],
  ['? help', 0],
  ['q quit', 1],
];
const TIMELINE_HINTS: [string, number][] = [
  ['Timeline view', 0],
  ['Esc sites', 2],
  ['v sites', 3],
  ['t/T date', 4],
  ['H hindsight', 6],
  ['e export', 5],
  ['? help', 0],
  ['q quit', 1],
];
const DETAIL_HINTS: [string, number][] = [
  ['PgUp/PgDn scroll', 2],
  ['Esc back', 3],
  ['↑↓ county', 4],
  ['t/T date', 5],
  ['? help', 0],
  ['q quit', 1],
];

/**
 * Keeps the hints that fit in `width` cells (with " · " between them), dropping the least
 * important first, in their original order. "? help" and "q quit" go last.
 */
export function fitHints(hints: readonly [string, number][], width: number): string {
  const byPriority = [...hints].sort((a, b) => a[1] - b[1]);
  let kept = byPriority.length;
  const join = (n: number) => hints.filter((h) => byPriority.indexOf(h) < n).map(([t]) => t).join(' · ');
  while (kept > 0 && displayWidth(` ${join(kept)}`) > width) kept--;
  return ` ${join(kept)}`;
}

export function footerLine(state: ViewState, width: number): Line {
  if (state.message) return [text(truncateCells(` ${sanitizeInline(state.message)}`, width), { bold: true })];
  const hints =
    state.overlay === 'search'
      ? fitHints([['type to search', 3], ['↑↓ choose', 2], ['Enter go', 1], ['Esc cancel', 0]], width)
      : state.overlay === 'filter'
        ? fitHints([['↑↓ move', 1], ['Space toggle', 2], ['c clear', 3], ['Enter close', 0]], width)
        : state.overlay === 'export'
          ? fitHints([[`1–${EXPORT_FORMATS.length} choose format`, 1], ['Enter PNG', 2], ['Esc cancel', 0]], width)
          : state.overlay === 'help'
            ? fitHints([['↑↓ PgUp/PgDn scroll', 1], ['any other key closes', 0]], width)
            : fitHints(state.mode === 'gap' ? GAP_HINTS : state.mode === 'timeline' ? TIMELINE_HINTS : state.focus === 'detail' ? DETAIL_HINTS : BROWSE_HINTS, width);
  return [text(truncateCells(hints, width), { fg: MUTED })];
}

/** The help legend: what the status words and the list marks mean, in the lines an unwrapped help shows. */
const HELP_LEGEND = [
  'Status: computed for the as-of date from reports published by then (H: in hindsight);',
  '"state claim" = state media alone, "reported" = outside sources alone, "confirmed" = both;',
  'stale = newest report older than the threshold; CONTESTED = state media and outside',
  'reports disagree on whether the site works. In the list: * state claim, ✓ confirmed,',
  '° stale, ! contested. Any key closes this help.',
];

/** The list marks, as the legend explains them. */
const HELP_MARKS = ['* state claim', '✓ confirmed', '° stale', '! contested'];

/**
 * The help overlay for a pane `width` cells wide (omitted: unwrapped): one row per key binding
 * (keymap.ts helpRows), its description wrapped under itself, then the legend wrapped to the
 * width, so no mark (* ✓ ° !) is ever cut off.
 */
export function helpLines(width?: number): Line[] {
  const rows = helpRows();
  const room = width === undefined ? Number.MAX_SAFE_INTEGER : Math.max(1, width);
  // The key column shrinks in a narrow pane so a description keeps at least half the width.
  const keyWidth = Math.min(Math.max(...rows.map(([k]) => displayWidth(k))) + 2, Math.max(2, Math.floor(room / 2)));
  return [
    [text('Keys', { bold: true })],
    [],
    ...rows.flatMap(([k, h]): Line[] => {
      const desc = wrapLine([text(h)], Math.max(1, room - keyWidth));
      const key = displayWidth(k) + 1 <= keyWidth ? [text(padCells(k, keyWidth), { bold: true })] : null;
      // A key wider than its column gets a line of its own.
      const lead: Line[] = key ? [] : wrapLine([text(k, { bold: true })], room);
      return [...lead, ...desc.map((d, i): Line => [...(i === 0 && key ? key : [text(' '.repeat(keyWidth))]), ...d])];
    }),
    [],
    ...(width === undefined
      ? HELP_LEGEND.map((l): Line => [text(l, { fg: MUTED })])
      : [
          // Wrapped, each list mark on its own line so a mark is never parted from its meaning.
          ...wrapLine([text(HELP_LEGEND.join(' ').replace(/ In the list: .*$/, ''), { fg: MUTED })], room),
          ...wrapLine([text('In the list:', { fg: MUTED })], room),
          ...HELP_MARKS.flatMap((m) => wrapLine([text(`  ${m}`, { fg: MUTED })], room, 4)),
          ...wrapLine([text('Any key closes this help.', { fg: MUTED })], room),
        ]),
  ];
}

/** The search overlay: the query, the hits (provinces marked as such), or "no match" and the hint (`searchHint`). */
export function searchLines(query: string, hits: readonly SearchHit[], index: number, width: number, height: number, hint = ''): Line[] {
  const out: Line[] = [[text('Search: ', { bold: true }), text(sanitizeInline(query)), text('▏', { bold: true })], []];
  if (query && hits.length === 0) {
    out.push([text('no match', { fg: MUTED })]);
    if (hint) for (const l of wrapWords(sanitizeInline(hint), width)) out.push([text(l, { fg: MUTED })]);
  }
  hits.slice(0, Math.max(1, height - 4)).forEach((h, i) => {
    const [en, ko] = h.kind === 'site' ? [h.site.name_en, h.site.name_ko] : [h.province.name_en, h.province.name_ko];
    const label = h.kind === 'site' ? ` ${en.replace(/ (County|City)$/, '')} ${ko} ${h.site.year}` : ` map: ${en} ${ko}`;
    out.push([text(truncateCells(sanitizeInline(label), width), i === index ? { inverse: true } : {})]);
    // Say which spelling matched when it is not the name shown.
    if (i === index && h.matched !== en && h.matched !== ko) out.push([text(truncateCells(sanitizeInline(`   = ${h.matched}`), width), { fg: MUTED })]);
  });
  return out;
}

function wrapWords(s: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.map((l) => truncateCells(l, width));
}

/**
 * The filter menu: a title line, a line saying what the counts are (blank without them), then one line per option, "[x] status: operating (12)",
 * the option under the cursor in inverse. `counts` (list-rows.ts filterOptionCounts) gives, per
 * option, the sites it alone shows on the as-of date; an option with none is dimmed.
 */
export function filterLines(options: readonly FilterOption[], state: ViewState, counts?: readonly number[]): Line[] {
  const out: Line[] = [[text('Filter', { bold: true }), text('  (none checked = show all)', { fg: MUTED })], counts ? [text('(n): its sites on the as-of date', { fg: MUTED })] : []];
  options.forEach((o, i) => {
    const on = o.kind === 'status' ? state.filter.statuses.includes(o.value) : state.filter.years.includes(o.value);
    const label = o.kind === 'status' ? `status: ${o.value === 'contested' || o.value === 'stale' ? o.value : statusWord(o.value)}` : `year: ${o.value}`;
    const n = counts?.[i];
    const style = { ...(i === state.filter.cursor ? { inverse: true } : {}), ...(n === 0 ? { fg: MUTED } : {}) };
    out.push([text(`${on ? '[x]' : '[ ]'} ${label}${n === undefined ? '' : ` (${n})`}`, style)]);
  });
  return out;
}

export function exportLines(): Line[] {
  return [
    [text('Export this screen', { bold: true })],
    [],
    ...EXPORT_FORMATS.map((f, i): Line => [text(` ${i + 1}  ${EXPORT_FORMAT_NAMES[f]}${f === 'png' ? '  (Enter)' : ''}`)]),
    [],
    [text('Written to the current directory, named after the view and the date.', { fg: MUTED })],
  ];
}
