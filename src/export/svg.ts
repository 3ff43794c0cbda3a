/**
 * Cell grid → SVG that looks like the terminal screen, framed with provenance.
 *
 * - Text sits on the cell grid: a run of same-style narrow characters is one `<text>` whose `x`
 *   list gives every character its cell's left edge (x = col × CELL_WIDTH); each wide character
 *   is its own `<text>` pinned to exactly two cells with textLength + lengthAdjust.
 * - Backgrounds are `<rect>`s, merged along each row.
 * - Box drawing, block elements and braille are drawn as shapes (glyphs.ts), so borders join
 *   and map dots appear whatever fonts the viewer has.
 * - Every string from the grid or the meta goes through sanitizeInline and XML escaping.
 * - Deterministic: no clock, no randomness; `generatedAt: null` gives byte-identical output.
 */
import type { Cell, CellGrid, ExportMeta } from './types.js';
import { cleanLine, safeText, xmlEscape } from './escape.js';
import { sanitizeInline } from '../text/sanitize.js';
import { visualStyle, textStyleKey, type VisualStyle } from './cell-style.js';
import { isFullWidthBlock, vectorShapes } from './glyphs.js';
import { BASELINE, CELL_HEIGHT, CELL_WIDTH, FONT_SIZE, FRAME, UNDERLINE_H, UNDERLINE_Y, WIDE_FONT_SIZE, num } from './geometry.js';
import { DEFAULT_BG, DEFAULT_FG } from './palette.js';
import { DEFAULT_FONT_FAMILY, WIDE_FONT_FAMILY } from './fonts.js';
import { layoutFrame } from './frame-layout.js';
import { displayWidth } from '../text/width.js';

const BOX = { cw: CELL_WIDTH, ch: CELL_HEIGHT };

/** Collects elements per colour so each colour's group is written once, in first-use order. */
class ColourGroups {
  private readonly groups = new Map<string, string[]>();
  add(colour: string, element: string): void {
    let list = this.groups.get(colour);
    if (!list) this.groups.set(colour, (list = []));
    list.push(element);
  }
  render(open: (colour: string) => string, close = '</g>'): string {
    let out = '';
    for (const [colour, list] of this.groups) out += `${open(colour)}${list.join('')}${close}`;
    return out;
  }
}

function rectEl(x: number, y: number, w: number, h: number, opacity?: number): string {
  const op = opacity === undefined ? '' : ` fill-opacity="${num(opacity)}"`;
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"${op}/>`;
}

/** Characters the Latin font is known to have (ASCII, Latin-1, Latin Extended-A). */
function isRunChar(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c >= 0xa1 && c <= 0x17f && c !== 0x132 && c !== 0x133);
}

/**
 * Frame text (title, credits, labels) as element content, laid on a monospace grid of
 * `size × 0.6` px per cell: Latin segments and wide segments (Hangul, set in the Hangul font and
 * pinned to two cells per character) each start a new text chunk at their own x. Separate chunks
 * matter: resvg shapes a whole chunk with a fallback font when that font has every character in
 * it, which would set the Latin in the Hangul font.
 */
function frameText(text: string, x0: number, size: number): string {
  const cell = size * FRAME.advanceEm;
  let out = '';
  let seg = '';
  let segWide = false;
  let segStart = 0;
  let col = 0;
  const flush = () => {
    if (seg === '') return;
    const x = num(x0 + segStart * cell);
    if (segWide)
      out += `<tspan x="${x}" font-family="${xmlEscape(WIDE_FONT_FAMILY)}" textLength="${num((col - segStart) * cell)}" lengthAdjust="spacingAndGlyphs">${xmlEscape(seg)}</tspan>`;
    else out += `<tspan x="${x}">${xmlEscape(seg)}</tspan>`;
    seg = '';
  };
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const w = displayWidth(segment);
    const wide = w === 2;
    if (seg !== '' && wide !== segWide) flush();
    if (seg === '') {
      segStart = col;
      segWide = wide;
    }
    seg += segment;
    col += w;
  }
  flush();
  return out;
}

/** A printable ASCII character needs no sanitising; anything else goes through sanitizeInline. */
function cellText(char: string): string {
  if (char.length === 1) {
    const c = char.charCodeAt(0);
    if (c > 0x20 && c < 0x7f) return char;
  }
  return sanitizeInline(char);
}

interface TextRun {
  key: string;
  style: VisualStyle;
  xs: number[];
  text: string;
  y: number;
  endCol: number;
}

function textAttrs(style: VisualStyle): string {
  return `fill="${style.fg}"${style.bold ? ' font-weight="bold"' : ''}${style.italic ? ' font-style="italic"' : ''}`;
}

/**
 * The screen's content in screen coordinates (origin at the top-left cell), without the
 * screen's default background. Used for the screen and for legend glyphs.
 */
export function renderCells(cells: readonly (readonly Cell[])[]): string {
  const bgs = new ColourGroups();
  const fills = new ColourGroups();
  const strokes = new Map<string, Map<number, string[]>>();
  const dots = new ColourGroups();
  const texts: string[] = [];
  const wides: string[] = [];
  const underlines = new ColourGroups();

  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    const top = r * CELL_HEIGHT;
    const baseline = top + BASELINE;
    const styles = row.map((c) => visualStyle(c));

    // Backgrounds, merged along the row.
    for (let c = 0; c < row.length; ) {
      const bg = styles[c]!.bg;
      let e = c + 1;
      while (e < row.length && styles[e]!.bg === bg) e++;
      if (bg !== undefined) bgs.add(bg, rectEl(c * CELL_WIDTH, top, (e - c) * CELL_WIDTH, CELL_HEIGHT));
      c = e;
    }

    // Underlines, merged along the row.
    for (let c = 0; c < row.length; ) {
      const s = styles[c]!;
      let e = c + 1;
      if (s.underline) {
        while (e < row.length && styles[e]!.underline && styles[e]!.fg === s.fg) e++;
        underlines.add(s.fg, rectEl(c * CELL_WIDTH, top + UNDERLINE_Y, (e - c) * CELL_WIDTH, UNDERLINE_H));
      }
      c = e;
    }

    // Foreground.
    let run: TextRun | undefined;
    const flush = () => {
      if (run) texts.push(`<text x="${run.xs.map(num).join(' ')}" y="${num(run.y)}" ${textAttrs(run.style)}>${xmlEscape(run.text)}</text>`);
      run = undefined;
    };
    // Full-width rectangles still open for merging with the next cell: key → [x0, x1, colour, y, h, opacity].
    let open = new Map<string, [number, number, string, number, number, number | undefined]>();
    const closeRects = (keep: Set<string>) => {
      const next = new Map<string, [number, number, string, number, number, number | undefined]>();
      for (const [k, v] of open) {
        if (keep.has(k)) next.set(k, v);
        else fills.add(v[2], rectEl(v[0], top + v[3], v[1] - v[0], v[4], v[5]));
      }
      open = next;
    };

    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!;
      if (cell.width === 0) continue;
      const style = styles[c]!;
      const x = c * CELL_WIDTH;
      const shapes = vectorShapes(cell.char, BOX);
      const touched = new Set<string>();
      if (shapes) {
        flush();
        const cp = cell.char.charCodeAt(0);
        for (const s of shapes) {
          if (s.kind === 'rect') {
            const mergeable = s.x === 0 && s.w === CELL_WIDTH && (cp < 0x2580 || isFullWidthBlock(cp));
            if (mergeable) {
              const key = `${style.fg}|${s.y}|${s.h}|${s.opacity ?? ''}`;
              const o = open.get(key);
              if (o && o[1] === x) o[1] = x + CELL_WIDTH;
              else {
                if (o) fills.add(o[2], rectEl(o[0], top + o[3], o[1] - o[0], o[4], o[5]));
                open.set(key, [x, x + CELL_WIDTH, style.fg, s.y, s.h, s.opacity]);
              }
              touched.add(key);
            } else fills.add(style.fg, rectEl(x + s.x, top + s.y, s.w, s.h, s.opacity));
          } else if (s.kind === 'dot') {
            dots.add(style.fg, `<circle cx="${num(x + s.cx)}" cy="${num(top + s.cy)}" r="${num(s.r)}"/>`);
          } else {
            let byWidth = strokes.get(style.fg);
            if (!byWidth) strokes.set(style.fg, (byWidth = new Map()));
            let list = byWidth.get(s.width);
            if (!list) byWidth.set(s.width, (list = []));
            list.push(`<path transform="translate(${num(x)} ${num(top)})" d="${s.d}"/>`);
          }
        }
        closeRects(touched);
        continue;
      }
      closeRects(touched);
      const text = cellText(cell.char);
      const points = [...text];
      if (cell.char === ' ' || text.trim() === '') {
        flush();
        continue;
      }
      if (cell.width === 2) {
        flush();
        wides.push(
          `<text x="${num(x)}" y="${num(baseline)}" textLength="${num(2 * CELL_WIDTH)}" lengthAdjust="spacingAndGlyphs" ${textAttrs(style)}>${xmlEscape(text)}</text>`,
        );
        continue;
      }
      if (points.length !== 1 || !isRunChar(text.charCodeAt(0))) {
        // Anything beyond Latin stands alone, pinned to its cell: a glyph the Latin font lacks
        // then cannot switch a whole run to the fallback font, nor spill into the next cell.
        flush();
        texts.push(
          `<text x="${num(x)}" y="${num(baseline)}" textLength="${num(CELL_WIDTH)}" lengthAdjust="spacingAndGlyphs" ${textAttrs(style)}>${xmlEscape(text)}</text>`,
        );
        continue;
      }
      const key = textStyleKey(style);
      if (run && run.key === key && run.endCol === c) {
        run.xs.push(x);
        run.text += text;
        run.endCol = c + 1;
      } else {
        flush();
        run = { key, style, xs: [x], text, y: baseline, endCol: c + 1 };
      }
    }
    flush();
    closeRects(new Set());
  }

  let out = '';
  out += bgs.render((c) => `<g fill="${c}" shape-rendering="crispEdges">`);
  out += fills.render((c) => `<g fill="${c}" shape-rendering="crispEdges">`);
  for (const [colour, byWidth] of strokes)
    for (const [w, list] of byWidth)
      out += `<g fill="none" stroke="${colour}" stroke-width="${num(w)}">${list.join('')}</g>`;
  out += dots.render((c) => `<g fill="${c}">`);
  out += texts.join('');
  if (wides.length > 0)
    out += `<g font-family="${xmlEscape(WIDE_FONT_FAMILY)}" font-size="${num(WIDE_FONT_SIZE)}">${wides.join('')}</g>`;
  out += underlines.render((c) => `<g fill="${c}" shape-rendering="crispEdges">`);
  return out;
}

/** A vector drawing placed over the screen's cells: an SVG fragment in px, origin at cell (col, row). */
export interface ScreenOverlay {
  col: number;
  row: number;
  svg: string;
}

/**
 * The whole export: frame, header, screen, legend, credits. `overlays` (a slide's vector chart)
 * are drawn over the screen's cells; their markup is trusted (built by src/export, not from input).
 */
export function gridToSvg(grid: CellGrid, meta: ExportMeta, overlays: readonly ScreenOverlay[] = []): string {
  const layout = layoutFrame(grid, meta);
  const family = meta.fontFamily ? safeText(meta.fontFamily) : xmlEscape(DEFAULT_FONT_FAMILY);
  const { screen } = layout;
  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${meta.displayWidth ?? layout.width}" height="${meta.displayHeight ?? layout.height}" viewBox="0 0 ${layout.width} ${layout.height}"` +
      ` data-cols="${grid.cols}" data-rows="${grid.rows}" data-cell-width="${CELL_WIDTH}" data-cell-height="${CELL_HEIGHT}">\n`,
  );
  parts.push(`<title>${xmlEscape(cleanLine(meta.title))}</title>\n`);
  parts.push(`<rect width="100%" height="100%" fill="${FRAME.background}"/>\n`);

  // Header and footer text.
  parts.push(`<g font-family="${family}">`);
  for (const l of layout.lines) {
    parts.push(
      `<text x="${num(l.x)}" y="${num(l.y)}" font-size="${num(l.size)}" fill="${l.colour}"${l.bold ? ' font-weight="bold"' : ''} xml:space="preserve">${frameText(l.text, l.x, l.size)}</text>`,
    );
  }
  // Legend: swatch, the glyph as it appears on screen, label.
  for (const p of layout.legend) {
    const midY = p.y + CELL_HEIGHT / 2;
    parts.push(
      `<rect x="${num(p.x)}" y="${num(midY - p.swatchSize / 2)}" width="${p.swatchSize}" height="${p.swatchSize}" fill="${p.swatch}" stroke="${FRAME.border}"/>`,
    );
    const glyphCell: Cell[] =
      p.glyphCells === 2
        ? [{ char: p.glyph, width: 2, fg: DEFAULT_FG }, { char: '', width: 0, fg: DEFAULT_FG }]
        : [{ char: p.glyph, width: 1, fg: DEFAULT_FG }];
    parts.push(
      `<rect x="${num(p.glyphX)}" y="${num(p.y)}" width="${p.glyphCells * CELL_WIDTH}" height="${CELL_HEIGHT}" fill="${DEFAULT_BG}"/>`,
    );
    parts.push(
      `<g transform="translate(${num(p.glyphX)} ${num(p.y)})" font-size="${num(FONT_SIZE)}">${renderCells([glyphCell])}</g>`,
    );
    parts.push(
      `<text x="${num(p.labelX)}" y="${num(p.y + BASELINE - 1)}" font-size="${FRAME.legendSize}" fill="${FRAME.text}" xml:space="preserve">${frameText(p.label, p.labelX, FRAME.legendSize)}</text>`,
    );
  }
  parts.push('</g>\n');

  // The screen.
  parts.push(
    `<rect x="${num(screen.x - 0.5)}" y="${num(screen.y - 0.5)}" width="${screen.width + 1}" height="${screen.height + 1}" fill="${DEFAULT_BG}" stroke="${FRAME.border}"/>\n`,
  );
  parts.push(
    `<g id="screen" transform="translate(${num(screen.x)} ${num(screen.y)})" font-family="${family}" font-size="${num(FONT_SIZE)}">`,
  );
  parts.push(renderCells(grid.cells));
  for (const o of overlays) parts.push(`<g transform="translate(${num(o.col * CELL_WIDTH)} ${num(o.row * CELL_HEIGHT)})">${o.svg}</g>`);
  parts.push('</g>\n</svg>\n');
  return parts.join('');
}
