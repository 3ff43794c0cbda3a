/**
 * The dashboard's two header rows, fitted to the terminal by dropping or shortening whole parts,
 * lowest priority first, never by cutting a word: the as-of date (and HINDSIGHT) and the counts
 * always survive whole. Pure.
 */
import { statusWord } from './status-words.js';
import { displayWidth } from '../text/width.js';
import type { Progress } from './progress.js';
import { VIEW_MODE_LABELS, type ViewState } from './state.js';
import { text, type Line } from './paint.js';
import { MUTED } from './theme.js';

/**
 * The header's "as of 2025-06-30 · latest report 2025-06-12", or in hindsight "as of 2025-06-30
 * HINDSIGHT · latest report 2026-02-09". `long` (exports) says what each mode means.
 */
export function asOfLabel(state: Pick<ViewState, 'asOf' | 'hindsight'>, latestReport: string | undefined, long = false): string {
  const mode = state.hindsight ? (long ? " in HINDSIGHT (today's knowledge of that day)" : ' HINDSIGHT') : long ? ' (what was known on that day)' : '';
  return `as of ${state.asOf}${mode} · latest report ${latestReport ?? 'none'}`;
}

const width = (line: Line) => line.reduce((n, s) => n + displayWidth(s.text), 0);

/** The first of `candidates` (most complete first) that fits in `cells`, else the last one. */
function firstFitting(candidates: readonly Line[], cells: number): Line {
  return candidates.find((c) => width(c) <= cells) ?? candidates[candidates.length - 1]!;
}

/**
 * Header line 1: program name, view mode, title and as-of date. From widest to narrowest it drops
 * the Korean title, shortens "latest report" to "latest", shortens the title to "20×10", drops the
 * latest-report date, then the title; the as-of date and HINDSIGHT are never dropped or cut.
 */
function titleLine(progress: Progress, state: ViewState, cells: number): Line {
  const mode = state.mode === 'sites' ? [] : [text(' '), text(` ${VIEW_MODE_LABELS[state.mode].toUpperCase()} VIEW `, { bold: true, inverse: true })];
  const lead = [text(' nk20x10 ', { bold: true, inverse: true }), ...mode];
  const asOf = `as of ${state.asOf}${state.hindsight ? ' HINDSIGHT' : ''}`;
  const latest = progress.latestReport ?? 'none';
  const titles = [' Regional Development 20×10 · 지방발전 20×10 정책', ' Regional Development 20×10', ' 20×10', ''];
  const dates = [`${asOf} · latest report ${latest}`, `${asOf} · latest ${latest}`, asOf];
  const steps: [title: number, date: number][] = [[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [3, 2]];
  return firstFitting(
    steps.map(([t, d]): Line => [...lead, ...(titles[t] ? [text(titles[t]!, { bold: true })] : []), text(`  ${dates[d]!}`, { bold: true })]),
    cells,
  );
}

/**
 * Header line 2: inaugurations against the target, then the contested, stale and filter counts
 * and the per-year breakdown. Narrower, it tightens the separators, shortens the years
 * ("2024 20/20"), names the filter by its count, then drops the years, the filter and the stale
 * count, in that order; "Inaugurated N of T" and the contested count are never dropped.
 */
function countsLine(progress: Progress, state: ViewState, contested: number, cells: number): Line {
  const lead = text(` Inaugurated ${progress.inaugurated} of ${progress.target} `, { bold: true });
  const yearsLong = `(${progress.byYear.map((y) => `${y.year}: ${y.inaugurated}/${y.known === y.planned ? y.planned : `${y.known} known of ${y.planned}`}`).join(' · ')})`;
  const yearsShort = `(${progress.byYear.map((y) => `${y.year} ${y.inaugurated}/${y.known === y.planned ? y.planned : `${y.known}of${y.planned}`}`).join(', ')})`;
  const filterParts = [...state.filter.statuses.map((s) => (s === 'contested' || s === 'stale' ? s : statusWord(s))), ...state.filter.years.map(String)];
  const filterLong = filterParts.length ? `filter: ${filterParts.join(', ')}` : '';
  const filterShort = filterParts.length ? `${filterParts.length} filter${filterParts.length === 1 ? '' : 's'}` : '';
  const counts = [`${contested} contested`, `${progress.stale} stale`];
  type Pick = { years: string; stale: boolean; filter: string; sep: string };
  const picks: Pick[] = [
    { years: yearsLong, stale: true, filter: filterLong, sep: '  ·  ' },
    { years: yearsLong, stale: true, filter: filterLong, sep: ' · ' },
    { years: yearsShort, stale: true, filter: filterLong, sep: ' · ' },
    { years: yearsShort, stale: true, filter: filterShort, sep: ' · ' },
    { years: '', stale: true, filter: filterLong, sep: ' · ' },
    { years: '', stale: true, filter: filterShort, sep: ' · ' },
    { years: '', stale: false, filter: filterShort, sep: ' · ' },
    { years: '', stale: false, filter: '', sep: ' · ' },
  ];
  return firstFitting(
    picks.map((p): Line => {
      const rest = [...(p.years ? [p.years] : []), counts[0]!, ...(p.stale ? [counts[1]!] : []), ...(p.filter ? [p.filter] : [])];
      return [lead, text(`${p.years ? '' : '· '}${rest.join(p.sep)}`, { fg: MUTED })];
    }),
    cells,
  );
}

/**
 * The two header rows for a terminal `cells` wide (at least MIN_COLS, 60): each the most complete
 * variant that fits, so nothing is cut mid-word (test/ui/header.test.tsx checks every width 60–240).
 */
export function headerLines(progress: Progress, state: ViewState, contested: number, cells: number): Line[] {
  return [titleLine(progress, state, cells), countsLine(progress, state, contested, cells)];
}
