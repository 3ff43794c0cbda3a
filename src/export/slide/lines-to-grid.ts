/**
 * Styled lines (src/view/paint.ts) → a cell grid, directly: no ANSI and no terminal emulator in
 * between, so a composed slide is exactly the blocks it was laid out from. Text is sanitised here
 * (every string of a slide passes through this one function before a renderer sees it).
 */
import type { Cell, CellGrid } from '../types.js';
import type { Line } from '../../view/paint.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { displayWidth } from '../../text/width.js';
import { isHexColour } from '../palette.js';

/** A block of lines placed on the grid at a cell position, clipped to `width` × `height` cells. */
export interface Placed {
  lines: readonly Line[];
  col: number;
  row: number;
  width: number;
  height: number;
}

const segmenter = new Intl.Segmenter();

function blank(): Cell {
  return { char: ' ', width: 1 };
}

/**
 * A `cols` × `rows` grid with each block's lines written at its place. A character that would
 * cross its block's right edge is dropped (a wide one is never split). Colours that are not
 * `#rrggbb` are ignored.
 */
export function linesToGrid(blocks: readonly Placed[], cols: number, rows: number): CellGrid {
  const cells: Cell[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, blank));
  for (const b of blocks) {
    const right = Math.min(cols, b.col + b.width);
    b.lines.slice(0, b.height).forEach((line, i) => {
      const r = b.row + i;
      if (r < 0 || r >= rows) return;
      const row = cells[r]!;
      let c = b.col;
      for (const seg of line) {
        const style: Omit<Cell, 'char' | 'width'> = {};
        if (seg.fg && isHexColour(seg.fg)) style.fg = seg.fg.toLowerCase();
        if (seg.bg && isHexColour(seg.bg)) style.bg = seg.bg.toLowerCase();
        if (seg.bold) style.bold = true;
        if (seg.dim) style.dim = true;
        if (seg.inverse) style.inverse = true;
        if (seg.underline) style.underline = true;
        for (const { segment } of segmenter.segment(sanitizeInline(seg.text))) {
          const w = displayWidth(segment);
          if (w === 0) continue;
          if (c + w > right) return;
          if (w >= 2) {
            row[c] = { char: segment, width: 2, ...style };
            row[c + 1] = { char: '', width: 0, ...style };
            c += 2;
          } else {
            row[c] = { char: segment, width: 1, ...style };
            c += 1;
          }
        }
      }
    });
  }
  return { cols, rows, cells };
}

/** The grid as styled lines, one per row (trailing blanks dropped): for the ANSI slide. */
export function gridToLines(grid: CellGrid): Line[] {
  return grid.cells.map((row) => {
    const line: Line = [];
    for (const cell of row) {
      if (cell.width === 0) continue;
      const last = line[line.length - 1];
      const same = last && last.fg === cell.fg && last.bg === cell.bg && !!last.bold === !!cell.bold && !!last.dim === !!cell.dim && !!last.inverse === !!cell.inverse && !!last.underline === !!cell.underline;
      if (same) last.text += cell.char;
      else
        line.push({
          text: cell.char,
          ...(cell.fg ? { fg: cell.fg } : {}),
          ...(cell.bg ? { bg: cell.bg } : {}),
          ...(cell.bold ? { bold: true } : {}),
          ...(cell.dim ? { dim: true } : {}),
          ...(cell.inverse ? { inverse: true } : {}),
          ...(cell.underline ? { underline: true } : {}),
        });
    }
    const last = line[line.length - 1];
    if (last && !last.bg && !last.underline && !last.inverse) last.text = last.text.replace(/ +$/, '');
    return line;
  });
}
