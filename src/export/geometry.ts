/** Pixel geometry of an export at 1× (PNG 2× scales everything): cell size, fonts, frame. */
import { LATIN_ADVANCE_EM, LATIN_ASCENT_EM, LATIN_DESCENT_EM } from './fonts.js';

/** Cell width and height in px; integers, so cell edges and box lines fall on pixel boundaries. */
export const CELL_WIDTH = 10;
export const CELL_HEIGHT = 22;
/** Latin font size whose advance is exactly one cell. */
export const FONT_SIZE = CELL_WIDTH / LATIN_ADVANCE_EM;
/** Baseline offset within a cell: the font's line box centred in the cell. */
export const BASELINE = Math.round(
  (CELL_HEIGHT - (LATIN_ASCENT_EM + LATIN_DESCENT_EM) * FONT_SIZE) / 2 + LATIN_ASCENT_EM * FONT_SIZE,
);
/** Font size for wide (two-cell) characters; their width is then pinned with textLength. */
export const WIDE_FONT_SIZE = 18;
/** Underline: offset from the cell top and thickness. */
export const UNDERLINE_Y = CELL_HEIGHT - 3;
export const UNDERLINE_H = 1;

/** The frame around the screen. */
export const FRAME = {
  pad: 24,
  titleSize: 22,
  subtitleSize: 15,
  metaSize: 14,
  legendSize: 14,
  creditSize: 12,
  lineGap: 1.45,
  /** Approximate advance of one cell of frame text, per px of font size (monospace). */
  advanceEm: LATIN_ADVANCE_EM,
  background: '#1e1e1e',
  border: '#4a4a4a',
  text: '#e8e8e8',
  muted: '#a8a8a8',
  note: '#e6b450',
} as const;

/** Number → shortest stable decimal string (≤ 2 places), for deterministic SVG. */
export function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = n.toFixed(2).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}
