/**
 * ANSI frame → cell grid, through a real terminal emulator (xterm.js, headless), so that what
 * the export shows is what a terminal would show: SGR colours (16, 256, truecolor), bold, dim,
 * italic, underline, inverse, cursor movement and erasing, and wide characters taking two cells.
 * Widths follow Unicode 11 (close to string-width, which Ink lays out with).
 */
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import type { Cell, CellGrid } from './types.js';
import { packedRgbToHex, paletteHex } from './palette.js';

const { Terminal } = xtermHeadless;
const { Unicode11Addon } = unicode11;

/** The subset of xterm's IBufferCell that is read here. */
interface XtermCell {
  getChars(): string;
  getWidth(): number;
  isFgRGB(): boolean;
  isFgPalette(): boolean;
  isBgRGB(): boolean;
  isBgPalette(): boolean;
  getFgColor(): number;
  getBgColor(): number;
  isBold(): number;
  isDim(): number;
  isItalic(): number;
  isUnderline(): number;
  isInverse(): number;
  isInvisible(): number;
}

function colour(rgb: boolean, palette: boolean, value: number): string | undefined {
  if (rgb) return packedRgbToHex(value);
  if (palette) return paletteHex(value);
  return undefined;
}

function toCell(c: XtermCell): Cell {
  const w = c.getWidth();
  const width: 0 | 1 | 2 = w === 0 ? 0 : w === 2 ? 2 : 1;
  const chars = c.getChars();
  const cell: Cell = { char: width === 0 ? '' : c.isInvisible() || chars === '' ? ' ' : chars, width };
  const fg = colour(c.isFgRGB(), c.isFgPalette(), c.getFgColor());
  const bg = colour(c.isBgRGB(), c.isBgPalette(), c.getBgColor());
  if (fg !== undefined) cell.fg = fg;
  if (bg !== undefined) cell.bg = bg;
  if (c.isBold()) cell.bold = true;
  if (c.isDim()) cell.dim = true;
  if (c.isItalic()) cell.italic = true;
  if (c.isUnderline()) cell.underline = true;
  if (c.isInverse()) cell.inverse = true;
  return cell;
}

function blankRow(cols: number): Cell[] {
  return Array.from({ length: cols }, (): Cell => ({ char: ' ', width: 1 }));
}

/**
 * Feeds an ANSI frame (as Ink prints it: lines separated by `\n`) to a `cols` × `rows` terminal and
 * reads back the visible screen. One trailing newline is ignored (it would scroll the screen);
 * a frame taller than `rows` shows its last `rows` lines, as a terminal would.
 */
export async function ansiToGrid(ansi: string, cols: number, rows: number): Promise<CellGrid> {
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1 || cols > 1000 || rows > 1000)
    throw new RangeError(`terminal size must be 1–1000 columns × 1–1000 rows, got ${cols}×${rows}`);
  const term = new Terminal({ cols, rows, scrollback: 0, allowProposedApi: true, convertEol: true });
  try {
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    const data = ansi.replace(/\r?\n$/, '');
    await new Promise<void>((resolve) => term.write(data, resolve));
    const buf = term.buffer.active;
    const top = buf.viewportY;
    const cells: Cell[][] = [];
    const scratch = buf.getNullCell();
    for (let y = 0; y < rows; y++) {
      const line = buf.getLine(top + y);
      if (!line) {
        cells.push(blankRow(cols));
        continue;
      }
      const row: Cell[] = [];
      for (let x = 0; x < cols; x++) {
        const c = line.getCell(x, scratch);
        row.push(c ? toCell(c) : { char: ' ', width: 1 });
      }
      // A wide character cut by the right edge has no continuation; show it as a blank.
      const last = row[cols - 1];
      if (last && last.width === 2) row[cols - 1] = { ...last, char: ' ', width: 1 };
      // A continuation cell takes its wide character's colours, so backgrounds span both cells.
      for (let x = 1; x < cols; x++) {
        const cur = row[x]!;
        const prev = row[x - 1]!;
        if (cur.width === 0) {
          if (prev.width === 2) row[x] = { ...prev, char: '', width: 0 };
          else row[x] = { ...cur, char: ' ', width: 1 };
        }
      }
      if (row[0]?.width === 0) row[0] = { ...row[0], char: ' ', width: 1 };
      cells.push(row);
    }
    return { cols, rows, cells };
  } finally {
    term.dispose();
  }
}

/** The screen as plain text: no escape codes, trailing spaces trimmed, wide characters once. */
export function gridToText(grid: CellGrid): string {
  return grid.cells.map((row) => row.map((c) => (c.width === 0 ? '' : c.char)).join('').replace(/ +$/, '')).join('\n');
}
