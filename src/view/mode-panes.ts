/**
 * The Gap and Timeline modes of the dashboard: which rows the gap table shows, where its cursor
 * is, and the lines and title of the one pane that fills the main area. Pure; Dashboard only
 * draws what these return.
 */
import type { GapRow } from '../model/gap.js';
import type { Rollout } from '../model/rollout.js';
import { exportLines, filterLines, helpLines } from './chrome-lines.js';
import { gapTableLines } from './gap-lines.js';
import { gapCursorIndex } from './gap-rows.js';
import { text, type Line } from './paint.js';
import { displayWidth } from '../text/width.js';
import type { FilterOption } from './reduce.js';
import type { ViewState } from './state.js';
import { timelineChartLines } from './timeline-chart.js';
import { MUTED } from './theme.js';

export interface ModePane {
  title: string;
  lines: Line[];
}

/**
 * The single pane of the Gap or Timeline mode for an inner size of `width`×`height` cells: an open
 * overlay (help, filter, export) in place of the content, else the gap table or the timeline
 * chart (`rollout`), or a one-line notice when the chart has nothing to draw.
 */
export function modePane(
  state: ViewState,
  content: { rows: readonly GapRow[]; rollout: Rollout | null; filterOptions: readonly FilterOption[]; filterCounts?: readonly number[]; search: Line[] },
  width: number,
  height: number,
  noColor: boolean,
): ModePane {
  if (state.overlay === 'help') {
    const lines = helpLines(width);
    const first = Math.min(state.overlayScroll, Math.max(0, lines.length - height));
    return { title: `Help${lines.length > height ? ` (${first + 1}–${Math.min(lines.length, first + height)} of ${lines.length}, PgUp/PgDn)` : ''}`, lines: lines.slice(first) };
  }
  if (state.overlay === 'filter') {
    const lines = filterLines(content.filterOptions, state, content.filterCounts);
    return { title: 'Filter', lines: lines.slice(Math.max(0, 2 + state.filter.cursor - height + 1)) };
  }
  if (state.overlay === 'export') return { title: 'Export', lines: exportLines() };
  if (state.overlay === 'search') return { title: 'Search', lines: content.search };
  if (state.mode === 'gap') {
    const rows = content.rows;
    const cursor = gapCursorIndex(rows, state.gapCursor);
    const contested = rows.filter((r) => r.contested).length;
    // The title drops its parts from the end, whole, when the pane is narrow.
    const parts = ['Gap', 'state media | outside sources', `${rows.length} sites, ${contested} contested`, 'contested first, then oldest outside report'];
    let n = parts.length;
    while (n > 2 && displayWidth(parts.slice(0, n).join(' · ')) > width) n--;
    return {
      title: parts.slice(0, n).join(' · '),
      lines: gapTableLines([...rows], width, cursor, noColor, height),
    };
  }
  const chart = content.rollout ? timelineChartLines(content.rollout, width, height, noColor) : [];
  return {
    title: 'Timeline · cumulative inaugurations by month against the 200-site target',
    lines: chart.length ? chart : [[text('No timeline data to draw for this date.', { fg: MUTED })]],
  };
}
