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

/**
 * Wraps a styled line to lines of at most `width` cells, at spaces, keeping each word's style;
 * continuation lines start with `indent` spaces. A word wider than a line is broken between
 * characters. Never drops text (only the spaces where it breaks).
 */
export function wrapLine(line: Line, width: number, indent = 0): Line[] {
  const room = Math.max(1, width);
  const pad = Math.min(indent, Math.max(0, room - 1));
  const out: Line[] = [];
  let cur: Line = [];
  let used = 0;
  const push = (seg: Seg) => {
    const last = cur[cur.length - 1];
    if (last && last.fg === seg.fg && last.bg === seg.bg && last.bold === seg.bold && last.dim === seg.dim && last.inverse === seg.inverse && last.underline === seg.underline) last.text += seg.text;
    else cur.push({ ...seg });
  };
  const newLine = () => {
    // Trailing spaces at a break are dropped.
    const last = cur[cur.length - 1];
    if (last) last.text = last.text.replace(/ +$/, '');
    out.push(cur);
    cur = pad ? [{ text: ' '.repeat(pad) }] : [];
    used = pad;
  };
  for (const seg of line) {
    for (const piece of seg.text.split(/( +)/)) {
      if (piece === '') continue;
      const w = displayWidth(piece);
      if (/^ +$/.test(piece)) {
        if ((used > pad || out.length === 0) && used + w <= room) {
          push({ ...seg, text: piece });
          used += w;
        }
        continue;
      }
      if (used + w > room && used > pad) newLine();
      if (w <= room - used) {
        push({ ...seg, text: piece });
        used += w;
        continue;
      }
      for (const { segment } of new Intl.Segmenter().segment(piece)) {
        const cw = displayWidth(segment);
        if (used + cw > room && used > pad) newLine();
        push({ ...seg, text: segment });
        used += cw;
      }
    }
  }
  out.push(cur);
  return out;
}
