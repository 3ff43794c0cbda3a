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
