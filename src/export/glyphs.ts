/**
 * Vector shapes for the characters that fonts draw badly or not at all at export time, in one
 * cell's coordinates (origin at the cell's top-left, `cw` × `ch` pixels, integers):
 * box drawing (U+2500–U+257F) as bars and arcs through the cell centre so borders join across
 * cells, block elements (U+2580–U+259F) as rectangles (shades as opacity), and braille
 * (U+2800–U+28FF) as dots. Pure geometry; svg.ts turns it into elements.
 */
import { num as fmt } from './geometry.js';

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; opacity?: number }
  | { kind: 'stroke'; d: string; width: number }
  | { kind: 'dot'; cx: number; cy: number; r: number };

export interface CellBox {
  cw: number;
  ch: number;
}

export function isBraille(cp: number): boolean {
  return cp >= 0x2800 && cp <= 0x28ff;
}
export function isBoxDrawing(cp: number): boolean {
  return cp >= 0x2500 && cp <= 0x257f;
}
export function isBlockElement(cp: number): boolean {
  return cp >= 0x2580 && cp <= 0x259f;
}
/** True when `char` is drawn as shapes rather than as a font glyph. */
export function isVectorGlyph(char: string): boolean {
  if (char.length !== 1) return false;
  const cp = char.charCodeAt(0);
  return isBraille(cp) || isBoxDrawing(cp) || isBlockElement(cp);
}

// ---------------------------------------------------------------------------------------------
// Box drawing. Each entry: arms up, right, down, left as 0 none, 1 light, 2 heavy, 3 double.
const ARMS: Record<number, string> = {};
const ARM_LIST =
  '2500:0101 2501:0202 2502:1010 2503:2020 250C:0110 250D:0210 250E:0120 250F:0220 2510:0011 2511:0012 2512:0021 ' +
  '2513:0022 2514:1100 2515:1200 2516:2100 2517:2200 2518:1001 2519:1002 251A:2001 251B:2002 251C:1110 251D:1210 ' +
  '251E:2110 251F:1120 2520:2120 2521:2210 2522:1220 2523:2220 2524:1011 2525:1012 2526:2011 2527:1021 2528:2021 ' +
  '2529:2012 252A:1022 252B:2022 252C:0111 252D:0112 252E:0211 252F:0212 2530:0121 2531:0122 2532:0221 2533:0222 ' +
  '2534:1101 2535:1102 2536:1201 2537:1202 2538:2101 2539:2102 253A:2201 253B:2202 253C:1111 253D:1112 253E:1211 ' +
  '253F:1212 2540:2111 2541:1121 2542:2121 2543:2112 2544:2211 2545:1122 2546:1221 2547:2212 2548:1222 2549:2122 ' +
  '254A:2221 254B:2222 2550:0303 2551:3030 2552:0310 2553:0130 2554:0330 2555:0013 2556:0031 2557:0033 2558:1300 ' +
  '2559:3100 255A:3300 255B:1003 255C:3001 255D:3003 255E:1310 255F:3130 2560:3330 2561:1013 2562:3031 2563:3033 ' +
  '2564:0313 2565:0131 2566:0333 2567:1303 2568:3101 2569:3303 256A:1313 256B:3131 256C:3333 2574:0001 2575:1000 ' +
  '2576:0100 2577:0010 2578:0002 2579:2000 257A:0200 257B:0020 257C:0201 257D:1020 257E:0102 257F:2010';
for (const pair of ARM_LIST.split(' ')) {
  const [cp, arms] = pair.split(':') as [string, string];
  ARMS[parseInt(cp, 16)] = arms;
}
/** Dashed lines: code point → [dashes, vertical, heavy]. */
const DASHED: Record<number, [number, boolean, boolean]> = {
  0x2504: [3, false, false], 0x2505: [3, false, true], 0x2506: [3, true, false], 0x2507: [3, true, true],
  0x2508: [4, false, false], 0x2509: [4, false, true], 0x250a: [4, true, false], 0x250b: [4, true, true],
  0x254c: [2, false, false], 0x254d: [2, false, true], 0x254e: [2, true, false], 0x254f: [2, true, true],
};

/** Line thicknesses in pixels for a cell size; odd so light and heavy lines share a centre pixel. */
export function lineWeights(box: CellBox): { light: number; heavy: number; gap: number } {
  const light = Math.max(1, Math.round(box.cw / 10));
  const heavy = light * 3;
  return { light, heavy, gap: light * 2 };
}


function boxShapes(cp: number, box: CellBox): Shape[] | undefined {
  const { cw, ch } = box;
  const { light, heavy, gap } = lineWeights(box);
  const thick = (t: number) => (t === 2 ? heavy : light);
  // The light line's pixel: x = cx .. cx+light, y = cy .. cy+light.
  const cx = Math.floor((cw - light) / 2);
  const cy = Math.floor((ch - light) / 2);
  const out: Shape[] = [];
  const rect = (x: number, y: number, w: number, h: number) => {
    if (w > 0 && h > 0) out.push({ kind: 'rect', x, y, w, h });
  };

  const dashed = DASHED[cp];
  if (dashed) {
    const [n, vertical, isHeavy] = dashed;
    const t = isHeavy ? heavy : light;
    const len = vertical ? ch : cw;
    for (let i = 0; i < n; i++) {
      const a = Math.round((i * len) / n);
      const b = Math.round(((i + 1) * len) / n - len / n / 3);
      if (vertical) rect(cx - (t - light) / 2, a, t, Math.max(1, b - a));
      else rect(a, cy - (t - light) / 2, Math.max(1, b - a), t);
    }
    return out;
  }

  // Rounded corners: a quarter circle through the cell centre (light weight).
  if (cp >= 0x256d && cp <= 0x2570) {
    const x = cx + light / 2;
    const y = cy + light / 2;
    const r = Math.min(cw, ch) / 2;
    const d =
      cp === 0x256d
        ? `M${fmt(cw)} ${fmt(y)}H${fmt(x + r)}A${fmt(r)} ${fmt(r)} 0 0 0 ${fmt(x)} ${fmt(y + r)}V${fmt(ch)}`
        : cp === 0x256e
          ? `M0 ${fmt(y)}H${fmt(x - r)}A${fmt(r)} ${fmt(r)} 0 0 1 ${fmt(x)} ${fmt(y + r)}V${fmt(ch)}`
          : cp === 0x256f
            ? `M0 ${fmt(y)}H${fmt(x - r)}A${fmt(r)} ${fmt(r)} 0 0 0 ${fmt(x)} ${fmt(y - r)}V0`
            : `M${fmt(cw)} ${fmt(y)}H${fmt(x + r)}A${fmt(r)} ${fmt(r)} 0 0 1 ${fmt(x)} ${fmt(y - r)}V0`;
    out.push({ kind: 'stroke', d, width: light });
    return out;
  }
  if (cp >= 0x2571 && cp <= 0x2573) {
    const d1 = `M${fmt(cw)} 0L0 ${fmt(ch)}`;
    const d2 = `M0 0L${fmt(cw)} ${fmt(ch)}`;
    const d = cp === 0x2571 ? d1 : cp === 0x2572 ? d2 : `${d1}${d2}`;
    out.push({ kind: 'stroke', d, width: light });
    return out;
  }

  const arms = ARMS[cp];
  if (arms === undefined) return undefined;
  const [u, r, dn, l] = [...arms].map(Number) as [number, number, number, number];
  // Straight lines: whole-cell bars (so that runs of them merge into one rectangle).
  if (u === 0 && dn === 0 && l === r) {
    if (l === 3) {
      rect(0, cy - gap, cw, light);
      rect(0, cy + gap, cw, light);
    } else rect(0, cy - (thick(l) - light) / 2, cw, thick(l));
    return out;
  }
  if (l === 0 && r === 0 && u === dn) {
    if (u === 3) {
      rect(cx - gap, 0, light, ch);
      rect(cx + gap, 0, light, ch);
    } else rect(cx - (thick(u) - light) / 2, 0, thick(u), ch);
    return out;
  }
  const anyDouble = (a: number, b: number) => a === 3 || b === 3;
  // Extent of the vertical and horizontal strokes around the centre, for joining arms to them.
  const vT = Math.max(u === 3 || dn === 3 ? 0 : Math.max(u ? thick(u) : 0, dn ? thick(dn) : 0), 0);
  const hT = Math.max(l === 3 || r === 3 ? 0 : Math.max(l ? thick(l) : 0, r ? thick(r) : 0), 0);
  const vLo = anyDouble(u, dn) ? cx - gap : vT ? cx - (vT - light) / 2 : cx; // leftmost vertical pixel
  const vHi = anyDouble(u, dn) ? cx + gap + light : vT ? cx + light + (vT - light) / 2 : cx + light;
  const hLo = anyDouble(l, r) ? cy - gap : hT ? cy - (hT - light) / 2 : cy;
  const hHi = anyDouble(l, r) ? cy + gap + light : hT ? cy + light + (hT - light) / 2 : cy + light;

  // Where a double line's strand starts/ends next to a perpendicular arm on its side.
  // side arm double → meet its inner strand; single/heavy → meet the line; none → close the corner
  // at the outer strand of the other side's double, or at the line.
  const strandStartH = (sideArm: number, otherArm: number, toRight: boolean): number => {
    if (toRight) {
      if (sideArm === 3) return cx + gap;
      if (sideArm) return cx - (thick(sideArm) - light) / 2;
      if (otherArm === 3) return cx - gap;
      if (otherArm) return cx - (thick(otherArm) - light) / 2;
      return cx - gap;
    }
    if (sideArm === 3) return cx - gap + light;
    if (sideArm) return cx + light + (thick(sideArm) - light) / 2;
    if (otherArm === 3) return cx + gap + light;
    if (otherArm) return cx + light + (thick(otherArm) - light) / 2;
    return cx + gap + light;
  };
  const strandStartV = (sideArm: number, otherArm: number, down: boolean): number => {
    if (down) {
      if (sideArm === 3) return cy + gap;
      if (sideArm) return cy - (thick(sideArm) - light) / 2;
      if (otherArm === 3) return cy - gap;
      if (otherArm) return cy - (thick(otherArm) - light) / 2;
      return cy - gap;
    }
    if (sideArm === 3) return cy - gap + light;
    if (sideArm) return cy + light + (thick(sideArm) - light) / 2;
    if (otherArm === 3) return cy + gap + light;
    if (otherArm) return cy + light + (thick(otherArm) - light) / 2;
    return cy + gap + light;
  };

  // Right arm.
  if (r === 3) {
    const s1 = strandStartH(u, dn, true);
    const s2 = strandStartH(dn, u, true);
    rect(s1, cy - gap, cw - s1, light);
    rect(s2, cy + gap, cw - s2, light);
  } else if (r) {
    const t = thick(r);
    const start = u || dn ? vLo : cx - (t - light) / 2;
    rect(start, cy - (t - light) / 2, cw - start, t);
  }
  // Left arm.
  if (l === 3) {
    const e1 = strandStartH(u, dn, false);
    const e2 = strandStartH(dn, u, false);
    rect(0, cy - gap, e1, light);
    rect(0, cy + gap, e2, light);
  } else if (l) {
    const t = thick(l);
    const end = u || dn ? vHi : cx + light + (t - light) / 2;
    rect(0, cy - (t - light) / 2, end, t);
  }
  // Down arm.
  if (dn === 3) {
    const s1 = strandStartV(l, r, true);
    const s2 = strandStartV(r, l, true);
    rect(cx - gap, s1, light, ch - s1);
    rect(cx + gap, s2, light, ch - s2);
  } else if (dn) {
    const t = thick(dn);
    const start = l || r ? hLo : cy - (t - light) / 2;
    rect(cx - (t - light) / 2, start, t, ch - start);
  }
  // Up arm.
  if (u === 3) {
    const e1 = strandStartV(l, r, false);
    const e2 = strandStartV(r, l, false);
    rect(cx - gap, 0, light, e1);
    rect(cx + gap, 0, light, e2);
  } else if (u) {
    const t = thick(u);
    const end = l || r ? hHi : cy + light + (t - light) / 2;
    rect(cx - (t - light) / 2, 0, t, end);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Block elements.
function blockShapes(cp: number, box: CellBox): Shape[] | undefined {
  const { cw, ch } = box;
  const hx = Math.round(cw / 2);
  const hy = Math.round(ch / 2);
  const R = (x: number, y: number, w: number, h: number, opacity?: number): Shape =>
    opacity === undefined ? { kind: 'rect', x, y, w, h } : { kind: 'rect', x, y, w, h, opacity };
  if (cp === 0x2580) return [R(0, 0, cw, hy)];
  if (cp >= 0x2581 && cp <= 0x2588) {
    const h = Math.round(((cp - 0x2580) * ch) / 8);
    return [R(0, ch - h, cw, h)];
  }
  if (cp >= 0x2589 && cp <= 0x258f) {
    const w = Math.max(1, Math.round(((0x2590 - cp) * cw) / 8));
    return [R(0, 0, w, ch)];
  }
  if (cp === 0x2590) return [R(hx, 0, cw - hx, ch)];
  if (cp >= 0x2591 && cp <= 0x2593) return [R(0, 0, cw, ch, (cp - 0x2590) * 0.25)];
  if (cp === 0x2594) return [R(0, 0, cw, Math.max(1, Math.round(ch / 8)))];
  if (cp === 0x2595) {
    const w = Math.max(1, Math.round(cw / 8));
    return [R(cw - w, 0, w, ch)];
  }
  // Quadrants: bits UL=1, UR=2, LL=4, LR=8.
  const QUAD: Record<number, number> = {
    0x2596: 4, 0x2597: 8, 0x2598: 1, 0x2599: 1 | 4 | 8, 0x259a: 1 | 8, 0x259b: 1 | 2 | 4,
    0x259c: 1 | 2 | 8, 0x259d: 2, 0x259e: 2 | 4, 0x259f: 2 | 4 | 8,
  };
  const q = QUAD[cp];
  if (q === undefined) return undefined;
  const out: Shape[] = [];
  if (q & 1) out.push(R(0, 0, hx, hy));
  if (q & 2) out.push(R(hx, 0, cw - hx, hy));
  if (q & 4) out.push(R(0, hy, hx, ch - hy));
  if (q & 8) out.push(R(hx, hy, cw - hx, ch - hy));
  return out;
}

/** Block elements whose shape spans the full cell width, so that runs of them can be merged. */
export function isFullWidthBlock(cp: number): boolean {
  return (cp >= 0x2580 && cp <= 0x2588) || (cp >= 0x2591 && cp <= 0x2594);
}

// ---------------------------------------------------------------------------------------------
// Braille: dots 1-2-3-7 down the left column, 4-5-6-8 down the right.
const BRAILLE_BITS: readonly [number, number, number][] = [
  [0x01, 0, 0], [0x02, 0, 1], [0x04, 0, 2], [0x40, 0, 3],
  [0x08, 1, 0], [0x10, 1, 1], [0x20, 1, 2], [0x80, 1, 3],
];

export function brailleDotRadius(box: CellBox): number {
  return Math.min(box.cw / 2, box.ch / 4) * 0.36;
}

function brailleShapes(cp: number, box: CellBox): Shape[] {
  const bits = cp - 0x2800;
  const r = brailleDotRadius(box);
  const out: Shape[] = [];
  for (const [bit, col, row] of BRAILLE_BITS) {
    if (bits & bit) out.push({ kind: 'dot', cx: (box.cw * (2 * col + 1)) / 4, cy: (box.ch * (2 * row + 1)) / 8, r });
  }
  return out;
}

const cache = new Map<string, Shape[] | undefined>();

/** The shapes for one vector glyph in a cell of the given size, or undefined for text glyphs. */
export function vectorShapes(char: string, box: CellBox): Shape[] | undefined {
  if (!isVectorGlyph(char)) return undefined;
  const key = `${char}|${box.cw}|${box.ch}`;
  if (cache.has(key)) return cache.get(key);
  const cp = char.charCodeAt(0);
  const shapes = isBraille(cp) ? brailleShapes(cp, box) : isBoxDrawing(cp) ? boxShapes(cp, box) : blockShapes(cp, box);
  cache.set(key, shapes);
  return shapes;
}
