/** What a cell looks like once the terminal's rules are applied: inverse swaps, dim halves. */
import type { Cell } from './types.js';
import { DEFAULT_BG, DEFAULT_FG, isHexColour, mixHex } from './palette.js';

export interface VisualStyle {
  /** Always a colour (defaults resolved). */
  fg: string;
  /** Undefined when it is the screen's default background (nothing to paint). */
  bg: string | undefined;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export function visualStyle(cell: Cell): VisualStyle {
  // Colours go into markup: anything but #rrggbb (only possible in a hand-made grid) is ignored.
  let fg = cell.fg !== undefined && isHexColour(cell.fg) ? cell.fg.toLowerCase() : DEFAULT_FG;
  let bg = cell.bg !== undefined && isHexColour(cell.bg) ? cell.bg.toLowerCase() : undefined;
  if (cell.inverse) {
    const f = fg;
    fg = bg ?? DEFAULT_BG;
    bg = f;
  }
  if (cell.dim) fg = mixHex(fg, bg ?? DEFAULT_BG, 0.5);
  if (bg === DEFAULT_BG) bg = undefined;
  return { fg, bg, bold: !!cell.bold, italic: !!cell.italic, underline: !!cell.underline };
}

/** Key for grouping cells whose text can share one element. */
export function textStyleKey(s: VisualStyle): string {
  return `${s.fg}|${s.bold ? 'b' : ''}${s.italic ? 'i' : ''}`;
}
