/**
 * The whole screen as text, composed from pre-fitted lines: header, bordered panes, footer. Pure.
 *
 * This is what Ink's <Box>/<Text> layout used to produce for the dashboard (the same round borders,
 * dimmed unless focused, the bold title, the content cut to the pane), built directly as one string
 * per terminal row. Ink no longer lays out or re-serialises the 160×48 frame on every keystroke
 * (issue 12, keystroke → frame latency); it keeps the input and the React state.
 */
import { displayWidth } from '../text/width.js';
import type { Layout } from './layout.js';
import { HEADER_ROWS } from './layout.js';
import { fitLine, text, type Line } from './paint.js';

/** A bordered pane placed on the screen: position and size in cells, borders included. */
export interface PanePlacement {
  x: number;
  y: number;
  width: number;
  height: number;
  /** One line, bold, cut with … to the inner width. */
  title: string;
  /** Content lines below the title; cut to the inner width and to the rows left. */
  lines: readonly Line[];
  /** A focused pane's border is drawn at full brightness; others are dimmed (in colour). */
  focused?: boolean;
}

/** The panes of a layout, placed: x/y of each pane in cells. Returns [] for 'too-small'. */
export function placePanes(L: Layout, content: { map?: Omit<PanePlacement, 'x' | 'y' | 'width' | 'height'>; list: Omit<PanePlacement, 'x' | 'y' | 'width' | 'height'>; detail: Omit<PanePlacement, 'x' | 'y' | 'width' | 'height'> }): PanePlacement[] {
  if (L.kind === 'too-small') return [];
  const top = HEADER_ROWS;
  const out: PanePlacement[] = [];
  const map = L.map && content.map ? L.map : null;
  if (L.kind === 'wide') {
    let x = 0;
    if (map && content.map) {
      out.push({ ...content.map, x, y: top, ...map });
      x += map.width;
    }
    out.push({ ...content.list, x, y: top, ...L.list });
    out.push({ ...content.detail, x: x + L.list.width, y: top, ...L.detail });
  } else if (L.kind === 'medium') {
    let y = top;
    if (map && content.map) {
      out.push({ ...content.map, x: 0, y, ...map });
      y += map.height;
    }
    out.push({ ...content.list, x: 0, y, ...L.list });
    out.push({ ...content.detail, x: L.list.width, y: top, ...L.detail });
  } else {
    out.push({ ...content.list, x: 0, y: top, ...L.list });
    let y = top;
    if (map && content.map) {
      out.push({ ...content.map, x: L.list.width, y, ...map });
      y += map.height;
    }
    out.push({ ...content.detail, x: L.list.width, y, ...L.detail });
  }
  return out;
}

export interface FrameSpec {
  cols: number;
  rows: number;
  /** Full-width lines at the top (cut to `cols`). */
  header: readonly Line[];
  /** Panes that tile the rows between header and footer (they must not overlap). */
  panes: readonly PanePlacement[];
  /** Full-width lines at the bottom (cut to `cols`). */
  footer: readonly Line[];
  paint: (line: Line) => string;
  /** Whether borders may be dimmed (false without colour). */
  color: boolean;
}

/**
 * A piece of a row: painted text exactly `width` cells wide starting at column `x`, its styles
 * closed at its end. The screen turns each distinct piece into cells once (src/term/cells.ts), so
 * a keystroke that changes the detail pane does not re-read the map beside it on the same rows.
 */
export interface FramePiece {
  x: number;
  width: number;
  text: string;
}

/** A frame as lines (what a terminal shows, trailing blanks trimmed) and as pieces per row. */
export interface ComposedFrame {
  lines: string[];
  rows: FramePiece[][];
}

/**
 * The frame for `spec`: header lines, then the rows covered by panes, then footer lines, one
 * string (styled with the painter) per row, trailing blanks trimmed as a terminal frame would show
 * them, and the same rows as pieces. Rows: header + the panes' bottom edge + footer (`spec.rows`
 * for a dashboard layout). No line is wider than `spec.cols` cells.
 */
export function composeFrame(spec: FrameSpec): ComposedFrame {
  const { cols, paint } = spec;
  const body: FramePiece[][] = [];
  const at = (y: number) => (body[y] ??= []);
  let bottom = spec.header.length;
  for (const pane of spec.panes) {
    bottom = Math.max(bottom, pane.y + pane.height);
    paneRows(pane, paint, spec.color).forEach((row, i) => at(pane.y + i).push(...row));
  }
  const rows: FramePiece[][] = [];
  const full = (line: Line): FramePiece[] => {
    const fitted = fitLine(line, cols);
    const w = fitted.reduce((n, seg) => n + displayWidth(seg.text), 0);
    return [{ x: 0, width: cols, text: paint(fitted) + ' '.repeat(Math.max(0, cols - w)) }];
  };
  for (const line of spec.header) rows.push(full(line));
  for (let y = spec.header.length; y < bottom; y++) rows.push(tile(body[y] ?? []));
  for (const line of spec.footer) rows.push(full(line));
  return { lines: rows.map(joinPieces), rows };
}

const ROUND = { tl: '╭', tr: '╮', bl: '╰', br: '╯', h: '─', v: '│' };

/** The rows of one pane as pieces: border, title, content, padding. */
function paneRows(pane: PanePlacement, paint: (l: Line) => string, color: boolean): FramePiece[][] {
  const { x, width, height } = pane;
  if (width < 2 || height < 2) return [];
  const inner = width - 2;
  const dim = color && !pane.focused;
  const border = (s: string) => paint([text(s, dim ? { dim: true } : {})]);
  const v = border(ROUND.v);
  const rows: FramePiece[][] = [[{ x, width, text: border(ROUND.tl + ROUND.h.repeat(inner) + ROUND.tr) }]];
  const content: Line[] = [[text(pane.title, { bold: true })], ...pane.lines.slice(0, height - 3)];
  for (let i = 0; i < height - 2; i++) {
    rows.push([
      { x, width: 1, text: v },
      { x: x + 1, width: inner, text: paintedCells(content[i] ?? [], inner, paint) },
      { x: x + width - 1, width: 1, text: v },
    ]);
  }
  rows.push([{ x, width, text: border(ROUND.bl + ROUND.h.repeat(inner) + ROUND.br) }]);
  return rows;
}

/**
 * Painted text of a line cut and padded to exactly `width` cells. Memoised per line object: the
 * panes' lines come from memoised pure functions, so a keystroke repaints only the lines it changed.
 */
const painted = new WeakMap<Line, { width: number; paint: (l: Line) => string; text: string }>();
function paintedCells(line: Line, width: number, paint: (l: Line) => string): string {
  const hit = painted.get(line);
  if (hit && hit.width === width && hit.paint === paint) return hit.text;
  const fitted = fitLine(line, width);
  const used = fitted.reduce((n, seg) => n + displayWidth(seg.text), 0);
  const text = paint(fitted) + ' '.repeat(Math.max(0, width - used));
  painted.set(line, { width, paint, text });
  return text;
}

/** A row's pieces left to right, without overlaps (the first one wins; panes must tile). */
function tile(pieces: FramePiece[]): FramePiece[] {
  pieces.sort((a, b) => a.x - b.x);
  const out: FramePiece[] = [];
  let col = 0;
  for (const p of pieces) {
    if (p.x < col) continue;
    out.push(p);
    col = p.x + p.width;
  }
  return out;
}

/** One row as text: its pieces in order, gaps as blanks, trailing blanks trimmed. */
function joinPieces(pieces: readonly FramePiece[]): string {
  let out = '';
  let col = 0;
  for (const p of pieces) {
    out += ' '.repeat(Math.max(0, p.x - col)) + p.text;
    col = p.x + p.width;
  }
  return out.trimEnd();
}
