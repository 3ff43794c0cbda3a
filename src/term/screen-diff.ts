/**
 * The bytes that turn what a terminal shows into the next frame: for each row, only the runs of
 * cells that changed, each placed with an absolute cursor move. Pure: the caller keeps the cells.
 *
 * Never writes a line break or past the last row or column, so the terminal never scrolls and a
 * frame can fill the whole screen; every run starts and ends with a style reset, so no style leaks
 * into cells that were not redrawn.
 */
import { BLANK, lineToCells, piecesToCells, type Cell, type CellPiece } from './cells.js';

const CSI = '\u001b[';
const RESET = `${CSI}0m`;

/** A screen's contents: `rows` arrays of `cols` cells, plus the lines they were made from. */
export interface Screen {
  cols: number;
  rows: number;
  lines: string[];
  cells: Cell[][];
}

/** A blank screen of `cols`×`rows` cells (what a terminal shows after clearing). */
export function blankScreen(cols: number, rows: number): Screen {
  const row = Array.from({ length: cols }, () => BLANK);
  return { cols, rows, lines: Array.from({ length: rows }, () => ''), cells: Array.from({ length: rows }, () => row) };
}

/** Two cells unchanged for the eye: same character, same style. */
const same = (a: Cell | undefined, b: Cell | undefined) => a !== undefined && b !== undefined && a.ch === b.ch && a.sgr === b.sgr;

/**
 * Redrawing a few equal cells costs less than a cursor move (≈8 bytes): runs closer than this
 * many cells are joined.
 */
const JOIN_GAP = 6;

/**
 * Diffs `frame` (lines of styled text, at most `prev.rows` are used) against `prev`, which must
 * have the same size. `pieces`, when given, holds the same rows as pieces (src/view/frame.ts):
 * changed rows are then made from cached pieces instead of re-reading the whole line. Returns the
 * bytes to write (empty when nothing changed) and the new screen.
 */
export function diffScreen(prev: Screen, frame: readonly string[], pieces?: readonly (readonly CellPiece[])[]): { bytes: string; next: Screen } {
  const { cols, rows } = prev;
  const lines: string[] = [];
  const cells: Cell[][] = [];
  let bytes = '';
  for (let r = 0; r < rows; r++) {
    const line = frame[r] ?? '';
    lines.push(line);
    if (line === prev.lines[r]) {
      cells.push(prev.cells[r]!);
      continue;
    }
    const before = prev.cells[r]!;
    const rowPieces = pieces?.[r];
    const after = rowPieces ? piecesToCells(rowPieces, cols) : lineToCells(line, cols);
    cells.push(after);
    bytes += rowRuns(before, after, r, cols);
  }
  return { bytes, next: { cols, rows, lines, cells } };
}

/** The bytes that redraw the changed runs of one row (`r` counts from 0). */
function rowRuns(before: readonly Cell[], after: readonly Cell[], r: number, cols: number): string {
  let out = '';
  let c = 0;
  while (c < cols) {
    if (same(before[c], after[c])) {
      c++;
      continue;
    }
    const start = c;
    let end = c;
    // Extend the run while more changes follow within the join gap.
    for (let k = c + 1; k < cols && k <= end + JOIN_GAP; k++) if (!same(before[k], after[k])) end = k;
    // A run never starts inside a two-cell character, old or new: a continuation cell carries its
    // character's style, so it differs only where the character itself differs, one cell earlier.
    // A run that ends on a two-cell character draws both its cells.
    out += `${CSI}${r + 1};${start + 1}H${drawCells(after, start, end)}`;
    c = end + 1;
  }
  return out;
}

/** Cells `start`..`end` as text with styles, ending with a reset. */
function drawCells(cells: readonly Cell[], start: number, end: number): string {
  let out = RESET;
  let sgr = '';
  for (let i = start; i <= end; i++) {
    const cell = cells[i]!;
    if (cell.ch === '') continue;
    if (cell.sgr !== sgr) {
      out += RESET + cell.sgr;
      sgr = cell.sgr;
    }
    out += cell.ch;
  }
  return sgr ? out + RESET : out;
}

/** Bytes that clear the screen and draw `frame` in full; with the screen that results. */
export function fullRedraw(cols: number, rows: number, frame: readonly string[], pieces?: readonly (readonly CellPiece[])[]): { bytes: string; next: Screen } {
  const { bytes, next } = diffScreen(blankScreen(cols, rows), frame, pieces);
  return { bytes: `${RESET}${CSI}H${CSI}2J${bytes}`, next };
}
