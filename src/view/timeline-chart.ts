/**
 * The timeline chart as screen lines: cumulative inaugurations against the target, one series per
 * batch, disruption markers on the time axis, the as-of cursor.
 *
 * Layout, top to bottom: a title line; the plot (stacked bars in block characters, one band of
 * columns per month, batches stacked oldest at the bottom, so the top edge is the total; a y axis
 * with labels on the left; the target as a dashed line when on the scale, otherwise the title and
 * the top of the axis say "target 200 ↑"); the time axis with `!` under every month in which an
 * outside report of disruption was published; the year labels; the legend.
 * With colour, bars use eighth blocks (▁…█) for 1/8-row resolution, one colour per batch; without
 * colour, whole cells in one glyph per batch (█ ▓ ▒ ░). The as-of cursor `│` runs up the column of
 * the as-of day wherever the bars leave room.
 */
import type { Rollout } from '../model/rollout.js';
import { displayWidth, padCells } from '../text/width.js';
import { fitLine, type Line, type Seg } from './paint.js';
import {
  AXIS_COLOUR,
  CURSOR_COLOUR,
  MARKER_COLOUR,
  MARKER_GLYPH,
  TARGET_COLOUR,
  batchColour,
  batchGlyph,
  legendItems,
  monthLabel,
  titleVariants,
  yScale,
} from './timeline-style.js';

/** Values labelled on the y axis: the smallest step that divides the scale's top and puts labels two or more rows apart. */
const LABEL_STEPS = [10, 20, 30, 40, 50, 60, 100, 200, 300, 400, 500, 1000, 2000, 5000] as const;

const EIGHTHS = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

interface Cell {
  ch: string;
  fg?: string;
  bg?: string;
  bold?: boolean;
}

/**
 * The chart as exactly `height` lines, each at most `width` display cells (any width/height ≥ 1;
 * designed for 40×8 up to 220×60). Takes a Rollout (model/rollout.ts); `noColor` draws batches in
 * distinct glyphs instead of colours. Pure.
 */
export function timelineChartLines(rollout: Rollout, width: number, height: number, noColor: boolean): Line[] {
  const w = Math.max(0, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const { max: needed, targetOnScale } = yScale(rollout);
  const title = pick(titleVariants(rollout, targetOnScale), w);
  const out: Line[] = [];
  const legend = legendLines(rollout, w, noColor, targetOnScale);
  const plotRows = h - 3 - legend.length;
  if (rollout.months.length === 0 || plotRows < 2 || w < 12) {
    out.push(fitLine([{ text: rollout.months.length === 0 ? 'No roll-out data.' : title, bold: true }], w));
    while (out.length < h) out.push([]);
    return out.slice(0, h);
  }

  // The scale's top comes from the data (yScale), the same at every size; the y axis labels 0 on
  // the axis row, then multiples of a step that divides the top, at least two rows apart, each on
  // the row whose top is nearest its value.
  const yMax = needed;
  const rowsPer = (v: number) => (v / yMax) * plotRows;
  const step = LABEL_STEPS.find((s) => yMax % s === 0 && rowsPer(s) >= 2) ?? LABEL_STEPS.find((s) => rowsPer(s) >= 2) ?? yMax;
  const labelWidth = String(yMax).length;
  const gutter = labelWidth + 1;
  const plotCols = w - gutter;
  const n = rollout.months.length;
  const rowLabel = new Map<number, string>();
  for (let v = step; v <= yMax; v += step) rowLabel.set(Math.round(rowsPer(v)) - 1, String(v));

  // Grid of plot cells: row 0 is the top. Cells are shared and never mutated (columns of one
  // month are the same column); marks replace cells.
  const grid: Cell[][] = Array.from({ length: plotRows }, () => new Array<Cell>(plotCols).fill(BLANK));
  // Month m owns columns firstCol(m) … firstCol(m + 1) − 1; when months outnumber columns a
  // column shows the last month that falls in it (the cumulative count at the end of its span).
  const firstCol = (m: number) => Math.floor((m * plotCols) / n);
  const colMonth: number[] = [];
  for (let m = 0; m < n; m++) colMonth[firstCol(m)] = m;
  for (let c = 1; c < plotCols; c++) colMonth[c] ??= colMonth[c - 1]!;
  const centreCol = (m: number) => Math.min(plotCols - 1, Math.floor((firstCol(m) + Math.max(firstCol(m), firstCol(m + 1) - 1)) / 2));
  const columns = new Map<number, Cell[]>();
  for (let c = 0; c < plotCols; c++) {
    const m = colMonth[c]!;
    let column = columns.get(m);
    if (!column) columns.set(m, (column = monthColumn(rollout, m, yMax, plotRows, noColor)));
    for (let r = 0; r < plotRows; r++) grid[r]![c] = column[r]!;
  }

  // Target line (on the scale) in empty cells.
  if (targetOnScale) {
    const r = plotRows - Math.round((rollout.target / yMax) * plotRows);
    const row = grid[Math.max(0, Math.min(plotRows - 1, r))]!;
    const dash: Cell = { ch: '┄', fg: TARGET_COLOUR };
    row.forEach((cell, c) => {
      if (cell.ch === ' ') row[c] = dash;
    });
  }

  // As-of cursor: the column of the as-of day inside the last month.
  const day = Number(rollout.as_of.slice(8, 10)) || 1;
  const dim = daysIn(rollout.months[n - 1]!);
  const cursorCol = Math.min(plotCols - 1, Math.floor(((n - 1 + (day - 0.5) / dim) * plotCols) / n));
  const cursor: Cell = { ch: '│', fg: CURSOR_COLOUR };
  for (const row of grid) if (row[cursorCol]!.ch === ' ' || row[cursorCol]!.ch === '┄') row[cursorCol] = cursor;

  // Off-scale target note at the top of the plot, where the bars leave room.
  if (!targetOnScale) writeText(grid[0]!, `↑ target ${rollout.target} (off scale)`, TARGET_COLOUR, 1);

  out.push(fitLine([{ text: title, bold: true }], w));
  for (let i = 0; i < plotRows; i++) {
    const label = rowLabel.get(plotRows - 1 - i);
    const axis: Seg = { text: `${padCells(label ?? '', labelWidth, 'right')}${label ? '┤' : '│'}`, fg: AXIS_COLOUR };
    out.push(fitLine([axis, ...cellsToSegs(grid[i]!, noColor)], w));
  }

  // Time axis with markers, then year labels.
  const axisCells: Cell[] = Array.from({ length: plotCols }, () => ({ ch: '─', fg: AXIS_COLOUR }));
  for (const mk of rollout.markers) {
    const m = rollout.months.indexOf(mk.month);
    if (m < 0) continue;
    const c = centreCol(m);
    axisCells[c] = { ch: MARKER_GLYPH, fg: MARKER_COLOUR, bold: true };
  }
  if (axisCells[cursorCol]!.ch === '─') axisCells[cursorCol] = { ch: '┴', fg: CURSOR_COLOUR };
  out.push(fitLine([{ text: `${padCells('0', labelWidth, 'right')}└`, fg: AXIS_COLOUR }, ...cellsToSegs(axisCells, noColor)], w));

  const labelCells: Cell[] = Array.from({ length: plotCols }, () => ({ ch: ' ' }));
  // Years at their Januaries; the first month named in full ("Dec 2024") where it fits.
  let free = 0;
  rollout.months.forEach((month, m) => {
    const c = firstCol(m);
    const text = month.endsWith('-01') ? month.slice(0, 4) : '';
    if (!text || c < free || c + displayWidth(text) > plotCols) return;
    writeText(labelCells, text, AXIS_COLOUR, c);
    free = c + displayWidth(text) + 1;
  });
  const first = rollout.months[0]!;
  if (!first.endsWith('-01')) {
    const nextJan = rollout.months.findIndex((x) => x.endsWith('-01'));
    // Two spaces at least before the next year, or "Dec 2024 2025" could read as "Dec 2025".
    const room = (nextJan < 0 ? plotCols : firstCol(nextJan)) - 2;
    if (displayWidth(monthLabel(first)) <= room) writeText(labelCells, monthLabel(first), AXIS_COLOUR, 0);
  }
  out.push(fitLine([{ text: ' '.repeat(gutter) }, ...cellsToSegs(labelCells, noColor)], w));

  out.push(...legend);
  return out;
}

const BLANK: Cell = { ch: ' ' };

/**
 * One month's column of plot cells, top row first: the batches stacked oldest at the bottom, each
 * top rounded to an eighth of a row (colour) or a whole row (no colour).
 */
function monthColumn(rollout: Rollout, m: number, yMax: number, plotRows: number, noColor: boolean): Cell[] {
  const units = noColor ? 1 : 8;
  let acc = 0;
  const tops = rollout.series.map((s) => {
    acc += s.cumulative[m] ?? 0;
    return Math.round((Math.min(acc, yMax) / yMax) * plotRows * units);
  });
  const top = tops[tops.length - 1] ?? 0;
  const column = new Array<Cell>(plotRows).fill(BLANK);
  for (let r = 0; r < plotRows; r++) {
    const lo = r * units;
    const fill = Math.max(0, Math.min(units, top - lo));
    if (fill === 0) break;
    const bottomBatch = tops.findIndex((t) => t > lo);
    const topBatch = tops.findIndex((t) => t >= lo + fill);
    let cell: Cell;
    if (noColor) cell = { ch: batchGlyph(bottomBatch) };
    else if (bottomBatch === topBatch || fill < units) {
      // One batch, or a part-filled top cell: the batch filling most of it.
      const share = (i: number) => Math.min(tops[i]!, lo + fill) - Math.max(i === 0 ? 0 : tops[i - 1]!, lo);
      let best = bottomBatch;
      for (let i = bottomBatch; i <= topBatch; i++) if (share(i) > share(best)) best = i;
      cell = { ch: EIGHTHS[fill]!, fg: batchColour(best) };
    } else {
      // A full cell crossed by a boundary: the lower batch as an eighth block over the upper's colour.
      cell = { ch: EIGHTHS[tops[bottomBatch]! - lo]!, fg: batchColour(bottomBatch), bg: batchColour(topBatch) };
    }
    column[plotRows - 1 - r] = cell;
  }
  return column;
}

/**
 * The legend in words, on one line when it fits, else wrapped to two (three in a very narrow pane): each batch
 * with its count, "! outside report of disruption", "│ as-of date 30 Nov 2026", the target, and
 * the events the chart cannot place ("2 disruption reports dated only by year, not marked").
 * An entry is never split; in a very narrow pane the shorter words are used, still in words.
 */
function legendLines(rollout: Rollout, width: number, noColor: boolean, targetOnScale: boolean): Line[] {
  const items = legendItems(rollout, noColor, targetOnScale);
  const build = (short: boolean, gap: string): Line[] => {
    const lines: Line[] = [[]];
    let used = 0;
    for (const it of items) {
      const entry: Line = [noColor ? { text: it.glyph } : { text: it.glyph, fg: it.colour }, { text: ` ${short ? it.short : it.label}` }];
      const w = lineWidth(entry);
      if (used > 0 && used + gap.length + w > width) {
        lines.push([]);
        used = 0;
      }
      const line = lines[lines.length - 1]!;
      if (used > 0) line.push({ text: gap });
      line.push(...entry);
      used += (used > 0 ? gap.length : 0) + w;
    }
    return lines;
  };
  for (const candidate of [build(false, '  '), build(false, ' '), build(true, '  '), build(true, ' ')]) {
    if (candidate.length <= 2 && candidate.every((l) => lineWidth(l) <= width)) return candidate;
  }
  // Narrower than any pane on screen (the timeline pane is 78 cells at 80×24): three lines at most, fitted.
  return build(true, ' ').slice(0, 3).map((l) => fitLine(l, width));
}

function lineWidth(line: Line): number {
  return line.reduce((s, seg) => s + displayWidth(seg.text), 0);
}

function pick(variants: string[], width: number): string {
  return variants.find((v) => displayWidth(v) <= width) ?? variants[variants.length - 1]!;
}

/** Writes text into blank cells from column `at` (stops at the row's end or a drawn cell). */
function writeText(row: Cell[], text: string, fg: string, at: number): void {
  let c = at;
  for (const ch of text) {
    if (c >= row.length || row[c]!.ch !== ' ' || displayWidth(ch) !== 1) return;
    row[c] = { ch, fg };
    c++;
  }
}

/** Merges runs of same-style cells into segments (no colour without colour). */
function cellsToSegs(cells: Cell[], noColor: boolean): Line {
  const out: Line = [];
  let last: Cell | undefined;
  for (const cell of cells) {
    if (last && (noColor || (last.fg === cell.fg && last.bg === cell.bg && last.bold === cell.bold))) {
      out[out.length - 1]!.text += cell.ch;
      continue;
    }
    out.push(noColor ? { text: cell.ch } : { text: cell.ch, ...(cell.fg ? { fg: cell.fg } : {}), ...(cell.bg ? { bg: cell.bg } : {}), ...(cell.bold ? { bold: true } : {}) });
    last = cell;
  }
  return out;
}

function daysIn(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
