/**
 * Composes a map frame as plain data (rows of cells with a character and optional colours) from a
 * raster, a selection and a status per county. Pure: no Ink, no React, no ANSI. Cheap: one pass
 * over the cells with array look-ups; nothing is rasterised here.
 */
import { brailleChar, type MapRaster } from './raster.js';
import { LABEL_COLOUR, LEGEND, SEA_LINE_COLOUR, STALE_MARK, type CountyStatus, type MapStatus } from './legend.js';

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
  /** County ids whose status is stale: dotted over with STALE_MARK on every other empty cell. */
  stale?: ReadonlySet<string>;
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
  const staleCounty: boolean[] = prepared.ids.map((id) => options.stale?.has(id) ?? false);

  const selected = new Uint8Array(cols * rows);
  const si = options.selected === undefined ? undefined : prepared.index.get(options.selected);
  if (si !== undefined) {
    for (let t = raster.touchStart[si]!; t < raster.touchStart[si + 1]!; t++) selected[raster.touchCells[t]!] = 1;
  }

  const labelAt = new Map<number, string>();
  if (options.labels ?? true) {
    for (const l of raster.labels) {
      for (let i = 0; i < l.text.length; i++) labelAt.set(l.row * cols + l.col + i, l.text[i]!);
    }
  }

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
        // The county under the cursor must stay visible: its glyph wins over a label.
        const char = status === 'cursor' ? glyph! : label ?? glyph ?? (bits ? brailleChar(bits) : ' ');
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
      const entry = LEGEND[status];
      const out: FrameCell = { char: label ?? (bits ? brailleChar(bits) : dotted ? STALE_MARK.glyph : ' '), bg: entry.colour };
      if (dotted) out.fg = entry.line;
      if (label !== undefined || strong) out.fg = entry.text;
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
