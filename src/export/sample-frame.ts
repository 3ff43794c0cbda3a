/**
 * A synthetic but realistic dashboard frame (what Ink would print) for the export benchmark,
 * the tests and eyeballing renders: a braille map with coloured county fills, box-drawn panels,
 * Hangul names, block-glyph legend, 16/256/truecolor text with bold, dim, italic, underline,
 * inverse. Deterministic.
 */
import { displayWidth } from '../text/width.js';

const ESC = '\u001b[';
const RESET = `${ESC}0m`;

/** SGR helpers. */
export const sgr = {
  fg: (r: number, g: number, b: number) => `${ESC}38;2;${r};${g};${b}m`,
  bg: (r: number, g: number, b: number) => `${ESC}48;2;${r};${g};${b}m`,
  fg256: (n: number) => `${ESC}38;5;${n}m`,
  bg256: (n: number) => `${ESC}48;5;${n}m`,
  code: (...codes: number[]) => `${ESC}${codes.join(';')}m`,
  reset: RESET,
};

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** One styled piece of a line: [text, SGR prefix]. */
type Piece = [string, string];

function line(pieces: Piece[], width: number): string {
  let out = '';
  let used = 0;
  for (const [text, style] of pieces) {
    out += style + text + RESET;
    used += displayWidth(text);
  }
  return out + ' '.repeat(Math.max(0, width - used));
}

const STATUS = [
  { label: 'Operating', colour: '#2C7FB8', glyph: '▓' },
  { label: 'Inaugurated', colour: '#7FCDBB', glyph: '▒' },
  { label: 'Under construction', colour: '#EDF8B1', glyph: '░' },
  { label: 'Disrupted', colour: '#D55E00', glyph: '!' },
  { label: 'Status unknown', colour: '#969696', glyph: '?' },
] as const;

const SITES = [
  ['김형직군', 'Kim Hyong Jik', 'Operating'],
  ['성천군', 'Songchon', 'Inaugurated'],
  ['강동군', 'Kangdong', 'Under construction'],
  ['은파군', 'Unpa', 'Operating'],
  ['구성시', 'Kusong', 'Disrupted'],
  ['신포시', 'Sinpo', 'Status unknown'],
  ['덕천시', 'Tokchon', 'Inaugurated'],
  ['함주군', 'Hamju', 'Operating'],
] as const;

/** The sample frame and the legend that goes with it. */
export function sampleFrame(cols = 160, rows = 48): { ansi: string; legend: { label: string; colour: string; glyph: string }[] } {
  const mapW = Math.max(20, Math.floor(cols * 0.62));
  const sideW = cols - mapW;
  const lines: string[] = [];
  // Title bar.
  lines.push(
    line(
      [
        [' nk20x10 ', sgr.code(1, 7)],
        [' Regional Development 20×10 ', sgr.fg(255, 255, 255) + sgr.bg(40, 60, 90)],
        [' 지방발전 20×10 정책 ', sgr.fg256(230) + sgr.bg256(24)],
        [' as of 2025-06-30', sgr.code(2)],
      ],
      cols,
    ),
  );
  const bodyRows = rows - 2;
  // Map panel (rounded box) + side panel (square box).
  for (let r = 0; r < bodyRows; r++) {
    const pieces: Piece[] = [];
    const border = sgr.fg256(245);
    if (r === 0) {
      pieces.push(['╭─ Map ' + '─'.repeat(mapW - 8) + '╮', border]);
      pieces.push(['┌─ Sites ' + '─'.repeat(sideW - 10) + '┐', sgr.fg(120, 160, 200)]);
    } else if (r === bodyRows - 1) {
      pieces.push(['╰' + '─'.repeat(mapW - 2) + '╯', border]);
      pieces.push(['└' + '─'.repeat(sideW - 2) + '┘', sgr.fg(120, 160, 200)]);
    } else {
      pieces.push(['│', border]);
      // Braille map: sea dots outside an ellipse, county fills (truecolor bg) inside.
      const inner = mapW - 2;
      let cx = 0;
      while (cx < inner) {
        const u = (cx - inner / 2) / (inner / 2.3);
        const v = (r - bodyRows / 2) / (bodyRows / 2.2);
        const inside = u * u + v * v < 1;
        const seg = Math.min(inner - cx, 6);
        let text = '';
        for (let k = 0; k < seg; k++) {
          const bits = ((cx + k) * 37 + r * 11) % 255;
          text += String.fromCharCode(0x2800 + (inside ? bits | 0x01 : (cx + k + r) % 5 === 0 ? 0x40 : 0));
        }
        if (inside) {
          const st = STATUS[Math.abs(Math.floor(u * 3) + Math.floor(v * 3) * 2) % STATUS.length]!;
          const [rr, gg, bb] = hexRgb(st.colour);
          pieces.push([text, sgr.bg(rr, gg, bb) + sgr.fg(0, 0, 0)]);
        } else pieces.push([text, sgr.fg(138, 138, 138)]);
        cx += seg;
      }
      pieces.push(['│', border]);
      // Side panel.
      const side = sideW - 2;
      const i = r - 1;
      const site = SITES[i % SITES.length]!;
      let content: Piece[];
      if (i < SITES.length) {
        const st = STATUS.find((s) => s.label === site[2])!;
        const [rr, gg, bb] = hexRgb(st.colour);
        content = [
          [` ${st.glyph} `, sgr.fg(rr, gg, bb)],
          [site[0], i === 0 ? sgr.code(1) : ''],
          [` ${site[1]}`, i === 0 ? sgr.code(4) : ''],
          [`  ${site[2]}`, sgr.code(2)],
        ];
      } else if (i === SITES.length + 1) {
        content = [[' Legend', sgr.code(1, 3)]];
      } else if (i > SITES.length + 1 && i <= SITES.length + 1 + STATUS.length) {
        const st = STATUS[i - SITES.length - 2]!;
        const [rr, gg, bb] = hexRgb(st.colour);
        content = [[' ', ''], ['  ', sgr.bg(rr, gg, bb)], [` ${st.glyph} ${st.label}`, '']];
      } else if (i === SITES.length + STATUS.length + 3) {
        content = [[' Blocks ', ''], ['█▀▄▌▐ ░▒▓ ▖▗▘▝', sgr.fg256(208)]];
      } else if (i === SITES.length + STATUS.length + 4) {
        content = [[' Joins  ', ''], ['┬┼┴ ╔═╦╗ ║╠╬╣ ┏━┓ ┗━┛', sgr.fg256(110)]];
      } else if (i === SITES.length + STATUS.length + 5) {
        content = [[' Source: KCNA, Rodong Sinmun; 38 North imagery', sgr.fg256(244)]];
      } else content = [];
      const used = content.reduce((n, [t]) => n + displayWidth(t), 0);
      const cut = used > side ? [[' …', ''] as Piece] : content;
      pieces.push(...cut);
      pieces.push([' '.repeat(Math.max(0, side - (used > side ? 2 : used))), '']);
      pieces.push(['│', sgr.fg(120, 160, 200)]);
    }
    lines.push(line(pieces, cols));
  }
  // Status line.
  lines.push(
    line(
      [
        [' e', sgr.code(1, 33)],
        [' export  ', ''],
        ['q', sgr.code(1, 33)],
        [' quit  ', ''],
        ['↑↓', sgr.code(1, 33)],
        [' move  ', ''],
        ['Boundaries © OSM contributors', sgr.code(3, 2)],
      ],
      cols,
    ),
  );
  return { ansi: lines.join('\n') + '\n', legend: STATUS.map((s) => ({ ...s })) };
}
