/**
 * Lays out the frame around the screen (title, subtitle, as-of, legend, credits, note,
 * generation time) in px: which lines go where. Shared by the SVG; the HTML lets CSS flow.
 */
import type { CellGrid, ExportMeta, LegendItem } from './types.js';
import { cleanLine, cleanText } from './escape.js';
import { displayWidth, wrapCells } from '../text/width.js';
import { CELL_HEIGHT, CELL_WIDTH, FRAME } from './geometry.js';
import { isHexColour } from './palette.js';

export interface FrameLine {
  /** Sanitised, unescaped text. */
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  colour: string;
  bold?: boolean;
}

export interface LegendPlacement {
  item: LegendItem;
  /** Sanitised label and glyph; swatch colour validated (#rrggbb, else grey). */
  label: string;
  glyph: string;
  swatch: string;
  /** Top-left of the item box (swatch, glyph cell, label on one line of CELL_HEIGHT). */
  x: number;
  y: number;
  swatchSize: number;
  glyphX: number;
  /** 1, or 2 for a wide glyph. */
  glyphCells: 1 | 2;
  labelX: number;
}

export interface FrameLayout {
  width: number;
  height: number;
  screen: { x: number; y: number; width: number; height: number };
  lines: FrameLine[];
  legend: LegendPlacement[];
}

const LEGEND_SWATCH = 14;
const LEGEND_GAP = 8;
const LEGEND_ITEM_GAP = 28;

function cellsFor(px: number, size: number): number {
  return Math.max(8, Math.floor(px / (size * FRAME.advanceEm)));
}

export function textWidthPx(text: string, size: number): number {
  return displayWidth(text) * size * FRAME.advanceEm;
}

export function layoutFrame(grid: CellGrid, meta: ExportMeta): FrameLayout {
  const { pad, lineGap } = FRAME;
  const screenW = grid.cols * CELL_WIDTH;
  const screenH = grid.rows * CELL_HEIGHT;
  const innerW = Math.max(screenW, 480, (meta.pageWidth ?? 0) - 2 * pad);
  const width = innerW + 2 * pad;
  const lines: FrameLine[] = [];
  let y: number = pad;

  const block = (text: string, size: number, colour: string, bold = false) => {
    const clean = cleanText(text).trim();
    if (clean === '') return;
    for (const line of wrapCells(clean, cellsFor(innerW, size))) {
      y += size;
      lines.push(bold ? { text: line, x: pad, y, size, colour, bold } : { text: line, x: pad, y, size, colour });
      y += size * (lineGap - 1);
    }
  };

  block(meta.title, FRAME.titleSize, FRAME.text, true);
  if (meta.subtitle) block(meta.subtitle, FRAME.subtitleSize, FRAME.muted);
  block(`Data as of ${cleanText(meta.asOf)}`, FRAME.metaSize, FRAME.text);
  y += 10;
  const screen = { x: pad + Math.floor((innerW - screenW) / 2), y: Math.round(y), width: screenW, height: screenH };
  y = screen.y + screenH + 18;

  const legend: LegendPlacement[] = [];
  let x = pad;
  let rowTop = y;
  for (const item of meta.legend) {
    const label = cleanLine(item.label);
    const glyph = [...new Intl.Segmenter().segment(cleanText(item.glyph))][0]?.segment ?? ' ';
    const glyphCells: 1 | 2 = displayWidth(glyph) >= 2 ? 2 : 1;
    const itemW =
      LEGEND_SWATCH + LEGEND_GAP + glyphCells * CELL_WIDTH + LEGEND_GAP + textWidthPx(label, FRAME.legendSize);
    if (x > pad && x + itemW > pad + innerW) {
      x = pad;
      rowTop += CELL_HEIGHT + 8;
    }
    const glyphX = x + LEGEND_SWATCH + LEGEND_GAP;
    legend.push({
      item,
      label,
      glyph,
      swatch: isHexColour(item.colour) ? item.colour.toLowerCase() : '#808080',
      x,
      y: rowTop,
      swatchSize: LEGEND_SWATCH,
      glyphX,
      glyphCells,
      labelX: glyphX + glyphCells * CELL_WIDTH + LEGEND_GAP,
    });
    x += Math.ceil(itemW) + LEGEND_ITEM_GAP;
  }
  y = legend.length > 0 ? rowTop + CELL_HEIGHT + 14 : y;

  for (const credit of meta.credits) block(credit, FRAME.creditSize, FRAME.muted);
  if (meta.schematicNote) {
    y += 4;
    block(meta.schematicNote, FRAME.creditSize + 1, FRAME.note);
  }
  if (meta.generatedAt !== null) {
    y += 4;
    block(`Generated ${cleanText(meta.generatedAt)}`, FRAME.creditSize, FRAME.muted);
  }
  const height = Math.max(meta.pageHeight ?? 0, Math.ceil(y + pad - FRAME.creditSize * (lineGap - 1)));
  return { width, height, screen, lines, legend };
}
