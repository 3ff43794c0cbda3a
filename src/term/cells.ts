/**
 * A frame line (text with SGR styles) as terminal cells: what a terminal holds after drawing it.
 * Tokenizing is @alcalzone/ansi-tokenize's (the tokenizer Ink itself uses); widths are
 * string-width's, through the project's one display-width function, so a cell here is a cell in
 * the layout.
 */
import { ansiCodesToString, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { displayWidth } from '../text/width.js';

/**
 * One terminal cell. `ch` is the grapheme drawn there (a space when blank), or '' for the right
 * half of a two-cell character; `sgr` is the SGR sequence that styles it ('' = default style).
 */
export interface Cell {
  ch: string;
  sgr: string;
}

export const BLANK: Cell = Object.freeze({ ch: ' ', sgr: '' });

/**
 * The `cols` cells a terminal shows for one line of a frame: styles applied, two-cell characters
 * followed by a continuation cell, the rest padded with blanks. A character that would cross the
 * last column is dropped (a terminal would wrap it to the next row); text past `cols` is cut.
 * Takes a line without line breaks; returns exactly `cols` cells.
 */
export function lineToCells(line: string, cols: number): Cell[] {
  const cells: Cell[] = [];
  for (const char of styledCharsFromTokens(tokenize(line))) {
    const width = Math.max(1, displayWidth(char.value));
    if (cells.length + width > cols) break;
    const sgr = char.styles.length ? ansiCodesToString(char.styles) : '';
    cells.push({ ch: char.value, sgr });
    for (let i = 1; i < width; i++) cells.push({ ch: '', sgr });
  }
  while (cells.length < cols) cells.push(BLANK);
  return cells;
}

/** A run of styled text exactly `width` cells wide at column `x` (its styles closed at its end). */
export interface CellPiece {
  x: number;
  width: number;
  text: string;
}

/** Cells of pieces already seen: frames repeat most of their pieces from one keystroke to the next. */
const pieceCache = new Map<string, Cell[]>();
const PIECE_CACHE_MAX = 20_000;

/**
 * The `cols` cells of one row given as pieces (from src/view/frame.ts): each piece is turned into
 * cells once and reused while it recurs; gaps and the rest of the row are blank; cells past `cols`
 * are cut. Gives the same cells as lineToCells on the row's text, as long as every piece starts
 * and ends with no style active. Returns a new array the caller may keep.
 */
export function piecesToCells(pieces: readonly CellPiece[], cols: number): Cell[] {
  const row: Cell[] = new Array<Cell>(cols).fill(BLANK);
  for (const piece of pieces) {
    const key = `${piece.width}\u0000${piece.text}`;
    let cells = pieceCache.get(key);
    if (cells === undefined) {
      cells = lineToCells(piece.text, piece.width);
      if (pieceCache.size >= PIECE_CACHE_MAX) pieceCache.clear();
      pieceCache.set(key, cells);
    }
    const n = Math.min(cells.length, cols - piece.x);
    for (let i = 0; i < n; i++) row[piece.x + i] = cells[i]!;
  }
  return row;
}
