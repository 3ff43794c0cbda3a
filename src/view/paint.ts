/**
 * Styled text as data (segments), and the one place it becomes ANSI. Colour depth is chosen by
 * the caller (0 = none), so the terminal, NO_COLOR, pipes and exports each get what they need.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { displayWidth, truncateCells } from '../text/width.js';

export interface Seg {
  text: string;
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export type Line = Seg[];

export type ColorLevel = 0 | 1 | 2 | 3;

export function painter(level: ColorLevel): (line: Line) => string {
  const chalk = new Chalk({ level });
  return (line) => line.map((seg) => paintSeg(chalk, seg, level)).join('');
}

function paintSeg(chalk: ChalkInstance, seg: Seg, level: ColorLevel): string {
  if (level === 0 || seg.text === '') return seg.text;
  let c: ChalkInstance = chalk;
  if (seg.fg) c = c.hex(seg.fg);
  if (seg.bg) c = c.bgHex(seg.bg);
  if (seg.bold) c = c.bold;
  if (seg.dim) c = c.dim;
  if (seg.inverse) c = c.inverse;
  if (seg.underline) c = c.underline;
  return c(seg.text);
}

export function text(t: string, style: Omit<Seg, 'text'> = {}): Seg {
  return { text: t, ...style };
}

/** Plain text of a line (for tests and text exports). */
export function plain(line: Line): string {
  return line.map((s) => s.text).join('');
}

/** The line cut to `width` cells (the last segment that does not fit ends with …). */
export function fitLine(line: Line, width: number): Line {
  let used = 0;
  const out: Line = [];
  for (const seg of line) {
    const w = displayWidth(seg.text);
    if (used + w <= width) {
      out.push(seg);
      used += w;
      continue;
    }
    const room = width - used;
    if (room > 0) out.push({ ...seg, text: truncateCells(seg.text, room) });
    break;
  }
  return out;
}
