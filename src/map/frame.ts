/**
 * Composes a map frame as plain data (rows of cells with a character and optional colours) from a
 * raster, a selection and a status per county. Pure: no Ink, no React, no ANSI. Cheap: one pass
 * over the cells with array look-ups; nothing is rasterised here.
 */
import { brailleChar, type MapRaster } from './raster.js';
import { GLYPH_FILL_16, LABEL_COLOUR, LEGEND, LEGEND_16, SEA_LINE_COLOUR, STALE_MARK, type CountyStatus, type MapStatus } from './legend.js';
import type { CellLabel } from './county-labels.js';

export interface FrameCell {
  char: string;
  /** #rrggbb, absent when colour is off or nothing is drawn. */
  fg?: string;
  bg?: string;
  bold?: boolean;
}

export interface MapFrame {
  cols: number;
  rows: number;
  /** rows × cols cells. Treat as read-only: blank cells share one frozen object. */
  cells: FrameCell[][];
}

export interface FrameOptions {
  /** Registry id of the selected county. */
  selected?: string | undefined;
  /** Status per county id; counties not listed are `none`. */
  statuses?: ReadonlyMap<string, CountyStatus> | Readonly<Record<string, CountyStatus>>;
  /** NO_COLOR: no fg/bg; statuses shown by glyphs instead. */
  noColor?: boolean;
  /** Draw first-level labels. Default true. */
  labels?: boolean;
  /** County names (province zoom), from placeCountyLabels. */
  countyLabels?: readonly CellLabel[];
  /** 'ansi16': colours from LEGEND_16 for 8/16-colour terminals. Default 'truecolor'. */
  palette?: 'truecolor' | 'ansi16';
  /** County ids whose status is stale: dotted over with STALE_MARK on every other empty cell. */
  stale?: ReadonlySet<string>;
}

/**
 * The cells the selection highlight paints: the county's touched cells that are connected
 * (8-neighbourhood) to its anchor cell, so a county is highlighted exactly once even where a
 * stray dot of it (an islet, a sliver) lands in a distant cell. A county that owns no cell at this
 * size gets the one cell holding its interior point (its seat marker). Row-major cell indices.
 */
export function highlightCells(raster: MapRaster, id: string): number[] {
  const ci = raster.prepared.index.get(id);
  if (ci === undefined) return [];
  const { cols } = raster;
  const set = new Set<number>();
  for (let t = raster.touchStart[ci]!; t < raster.touchStart[ci + 1]!; t++) set.add(raster.touchCells[t]!);
  const start = raster.anchorCell[ci]!;
  if (start < 0 || !set.has(start)) {
    // Too small for a cell of its own at this size (or its cell went to a neighbour): a marker at its seat.
    const [c, r] = raster.projection.toCell(raster.prepared.anchors[2 * ci]!, raster.prepared.anchors[2 * ci + 1]!);
    return c >= 0 && r >= 0 && c < raster.cols && r < raster.rows ? [Math.floor(r) * cols + Math.floor(c)] : [];
  }
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const cell = queue.pop()!;
    const c = cell % cols;
    for (const d of [-cols - 1, -cols, -cols + 1, -1, 1, cols - 1, cols, cols + 1]) {
      const n = cell + d;
      const nc = n % cols;
      if (Math.abs(nc - c) > 1 || seen.has(n) || !set.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

const BLANK: FrameCell = Object.freeze({ char: ' ' });

function statusLookup(statuses: FrameOptions['statuses']): (id: string) => CountyStatus {
  if (!statuses) return () => 'none';
  if (statuses instanceof Map) return (id) => statuses.get(id) ?? 'none';
  const rec = statuses as Readonly<Record<string, CountyStatus>>;
  return (id) => (Object.hasOwn(rec, id) ? rec[id]! : 'none');
}

export function composeFrame(raster: MapRaster, options: FrameOptions = {}): MapFrame {
  const { cols, rows, cellCounty, strongDots, countyDots, prepared } = raster;
  const noColor = options.noColor ?? false;
  const statusOf = statusLookup(options.statuses);
  const countyStatus: MapStatus[] = prepared.ids.map(statusOf);
  const ansi16 = options.palette === 'ansi16';
  const legend = ansi16 ? LEGEND_16 : LEGEND;
  const staleCounty: boolean[] = prepared.ids.map((id) => options.stale?.has(id) ?? false);

  const selected = new Uint8Array(cols * rows);
  if (options.selected !== undefined) for (const cell of highlightCells(raster, options.selected)) selected[cell] = 1;

  const labelAt = new Map<number, string>();
  if (options.labels ?? true) {
    for (const l of raster.labels) {
      for (let i = 0; i < l.text.length; i++) labelAt.set(l.row * cols + l.col + i, l.text[i]!);
    }
  }
  const countyLabelCells = new Set<number>();
  for (const l of options.countyLabels ?? []) {
    l.cells.forEach((ch, i) => {
      labelAt.set(l.row * cols + l.col + i, ch);
      countyLabelCells.add(l.row * cols + l.col + i);
    });
  }
  // Without colour the selection is its glyph: a county name may cover part of it, never all of it.
  let selectedUncovered = 0;
  selected.forEach((v, cell) => {
    if (v && !countyLabelCells.has(cell)) selectedUncovered++;
  });
  const nameOverGlyph = selectedUncovered > 0;

  const cells: FrameCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: FrameCell[] = new Array<FrameCell>(cols);
    for (let c = 0; c < cols; c++) {
      const cell = r * cols + c;
      const ci = cellCounty[cell]!;
      const status: MapStatus | undefined = selected[cell] ? 'cursor' : ci >= 0 ? countyStatus[ci] : undefined;
      const strong = strongDots[cell]!;
      const bits = strong | countyDots[cell]!;
      const label = labelAt.get(cell);
      const dotted = ci >= 0 && staleCounty[ci]! && status !== 'cursor' && (r + c) % 2 === 1 && label === undefined && !bits;
      if (noColor) {
        const glyph = dotted ? STALE_MARK.glyph : status !== undefined && status !== 'none' ? LEGEND[status].glyph : undefined;
        // The county under the cursor must stay visible: its glyph wins over a first-level label,
        // and over a county name unless the name would cover every highlighted cell.
        const nameHere = nameOverGlyph && countyLabelCells.has(cell) ? label : undefined;
        const char = status === 'cursor' ? nameHere ?? glyph! : label ?? glyph ?? (bits ? brailleChar(bits) : ' ');
        line[c] = label !== undefined || status === 'cursor' ? { char, bold: true } : char === ' ' ? BLANK : { char };
        continue;
      }
      if (status === undefined) {
        line[c] = label !== undefined
          ? { char: label, fg: LABEL_COLOUR, bold: true }
          : bits
            ? { char: brailleChar(bits), fg: SEA_LINE_COLOUR }
            : BLANK;
        continue;
      }
      const entry = legend[status];
      const fill = ansi16 && GLYPH_FILL_16.has(status) ? entry.glyph : dotted ? STALE_MARK.glyph : ' ';
      const out: FrameCell = { char: label ?? (bits ? brailleChar(bits) : fill), bg: entry.colour };
      if (dotted) out.fg = entry.line;
      if (label !== undefined || strong || (fill !== ' ' && !dotted)) out.fg = entry.text;
      else if (bits) out.fg = entry.line;
      if (label !== undefined || status === 'cursor') out.bold = true;
      line[c] = out;
    }
    cells.push(line);
  }
  return { cols, rows, cells };
}

/** The frame as plain text lines (what a NO_COLOR terminal or a text export shows). */
export function frameText(frame: MapFrame): string[] {
  return frame.cells.map((row) => row.map((c) => c.char).join(''));
}
