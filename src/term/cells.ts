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
 *
 * Lines of one-cell characters styled only by SGR sequences (the dashboard's frames: chalk output
 * over English text, borders, braille and blocks) are read by a direct scan; anything else (wide or
 * combining characters, other escape sequences) by @alcalzone/ansi-tokenize. The two give the same
 * characters and the same looks; the `sgr` strings are spelt differently, which costs at most a
 * redraw of a few cells when the same text is read both ways.
 */
export function lineToCells(line: string, cols: number): Cell[] {
  return scanCells(line, cols) ?? tokenizedCells(line, cols);
}

/** lineToCells through Ink's tokenizer: every kind of text, slower. */
export function tokenizedCells(line: string, cols: number): Cell[] {
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

/** Text that is one cell per UTF-16 unit (the same set src/text/width.ts measures by length). */
const ONE_CELL = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2500-\u259f\u2800-\u28ff]*$/;
const SGR_PART = /\u001b\[([0-9;]*)m/g;

/** SGR attributes by their "on" code (bold, dim, italic, underline, blink, inverse, hidden, strike), in the order written. */
const ATTR_ORDER = [1, 2, 3, 4, 5, 7, 8, 9];
const ATTRS = new Set(ATTR_ORDER);

/** Cells by a direct scan, or undefined when the line has anything but SGR and one-cell text. */
function scanCells(line: string, cols: number): Cell[] | undefined {
  const cells: Cell[] = [];
  const attrs = new Set<number>();
  let fg = '';
  let bg = '';
  let sgr = '';
  let last = 0;
  // A stray ESC (any other escape sequence) is not in ONE_CELL, so such a line goes the slow way.
  const text = (run: string): boolean => {
    if (!ONE_CELL.test(run)) return false;
    const style = sgr;
    for (let i = 0; i < run.length && cells.length < cols; i++) cells.push(style === '' && run[i] === ' ' ? BLANK : { ch: run[i]!, sgr: style });
    return true;
  };
  SGR_PART.lastIndex = 0;
  for (let m = SGR_PART.exec(line); m !== null; m = SGR_PART.exec(line)) {
    if (!text(line.slice(last, m.index))) return undefined;
    last = m.index + m[0].length;
    const p = m[1] === '' ? [0] : m[1]!.split(';').map(Number);
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      if (c === 0) {
        attrs.clear();
        fg = bg = '';
      } else if (ATTRS.has(c)) attrs.add(c);
      else if (c === 22) attrs.delete(1), attrs.delete(2);
      else if (c >= 23 && c <= 29) attrs.delete(c - 20);
      else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) fg = String(c);
      else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) bg = String(c);
      else if (c === 39) fg = '';
      else if (c === 49) bg = '';
      else if (c === 38 || c === 48) {
        // 38;5;N (256 colours) or 38;2;R;G;B (true colour); 48 the same for the background.
        const n = p[i + 1] === 5 ? 1 : p[i + 1] === 2 ? 3 : -1;
        if (n < 0 || i + 1 + n >= p.length) return undefined;
        const code = p.slice(i, i + 2 + n).join(';');
        if (c === 38) fg = code;
        else bg = code;
        i += 1 + n;
      } else return undefined;
    }
    const codes = [...ATTR_ORDER.filter((a) => attrs.has(a)).map(String), fg, bg].filter((x) => x !== '');
    sgr = codes.length ? `\u001b[${codes.join(';')}m` : '';
  }
  if (!text(line.slice(last))) return undefined;
  while (cells.length < cols) cells.push(BLANK);
  return cells;
}

/** A run of styled text exactly `width` cells wide at column `x` (its styles closed at its end). */
export interface CellPiece {
  x: number;
  width: number;
  text: string;
}

/**
 * Cells of pieces already seen, by width then text: frames repeat most of their pieces from one
 * keystroke to the next (keyed by the piece's own string, whose hash V8 keeps, not a new key).
 */
const pieceCache = new Map<number, Map<string, Cell[]>>();
let pieceCount = 0;
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
    let byText = pieceCache.get(piece.width);
    if (byText === undefined) pieceCache.set(piece.width, (byText = new Map()));
    let cells = byText.get(piece.text);
    if (cells === undefined) {
      cells = lineToCells(piece.text, piece.width);
      if (++pieceCount > PIECE_CACHE_MAX) {
        pieceCache.clear();
        pieceCount = 1;
        pieceCache.set(piece.width, (byText = new Map()));
      }
      byText.set(piece.text, cells);
    }
    const n = Math.min(cells.length, cols - piece.x);
    for (let i = 0; i < n; i++) row[piece.x + i] = cells[i]!;
    // A two-cell character cut by the right edge is dropped: its left half alone at the last column
    // would make the terminal wrap it onto the next row (and scroll from the last one).
    if (n > 0 && n < cells.length && cells[n]!.ch === '') row[piece.x + n - 1] = BLANK;
  }
  return row;
}
