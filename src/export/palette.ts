/**
 * The one colour table for exports: the theme's default foreground/background and the xterm
 * 256-colour palette (16 ANSI colours, the 6×6×6 cube, the 24-step grey ramp) as `#rrggbb`.
 * The 16 ANSI colours are xterm.js's defaults (Tango), which is what most Linux terminals show.
 */

export const DEFAULT_FG = '#d0d0d0';
export const DEFAULT_BG = '#121212';

const ANSI_16 = [
  '#2e3436', '#cc0000', '#4e9a06', '#c4a000', '#3465a4', '#75507b', '#06989a', '#d3d7cf',
  '#555753', '#ef2929', '#8ae234', '#fce94f', '#729fcf', '#ad7fa8', '#34e2e2', '#eeeeec',
] as const;

function hex2(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');
}

export function rgbToHex(r: number, g: number, b: number): string {
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
}

function buildPalette(): readonly string[] {
  const out: string[] = [...ANSI_16];
  const levels = [0, 95, 135, 175, 215, 255] as const;
  for (let r = 0; r < 6; r++)
    for (let g = 0; g < 6; g++) for (let b = 0; b < 6; b++) out.push(rgbToHex(levels[r]!, levels[g]!, levels[b]!));
  for (let i = 0; i < 24; i++) {
    const v = 8 + 10 * i;
    out.push(rgbToHex(v, v, v));
  }
  return Object.freeze(out);
}

/** Index 0–255 → `#rrggbb`. */
export const PALETTE_256: readonly string[] = buildPalette();

export function paletteHex(index: number): string {
  return PALETTE_256[index] ?? DEFAULT_FG;
}

/** A 24-bit integer 0xRRGGBB → `#rrggbb`. */
export function packedRgbToHex(rgb: number): string {
  return `#${(rgb & 0xffffff).toString(16).padStart(6, '0')}`;
}

const HEX = /^#[0-9a-f]{6}$/i;

export function isHexColour(s: string): boolean {
  return HEX.test(s);
}

/** Mixes two `#rrggbb` colours: t = 0 gives `a`, t = 1 gives `b`. */
export function mixHex(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const ch = (p: number, s: number) => (p >> s) & 0xff;
  return rgbToHex(
    ch(pa, 16) + (ch(pb, 16) - ch(pa, 16)) * t,
    ch(pa, 8) + (ch(pb, 8) - ch(pa, 8)) * t,
    ch(pa, 0) + (ch(pb, 0) - ch(pa, 0)) * t,
  );
}
