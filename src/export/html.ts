/**
 * Cell grid → one self-contained HTML file: inline CSS, no scripts, no external requests (a CSP
 * forbids any). The header, legend and credits are HTML text; the screen is the same vector
 * drawing as the SVG export, inlined (so box lines join, braille dots and backgrounds fill their
 * cells exactly, whatever fonts the browser has; its text stays selectable), followed by the
 * screen as plain text in a collapsible block for copying names out.
 *
 * Choice: inline SVG rather than a grid of spans. Spans depend on the browser's fallback fonts
 * for box drawing (gaps between rows) and on line boxes for backgrounds (stripes); the SVG does
 * not.
 */
import type { Cell, CellGrid, ExportMeta } from './types.js';
import { cleanLine, cleanText, safeLine, xmlEscape } from './escape.js';
import { renderCells } from './svg.js';
import { gridToText } from './ansi-to-grid.js';
import { DEFAULT_BG, DEFAULT_FG, isHexColour } from './palette.js';
import { CELL_HEIGHT, CELL_WIDTH, FONT_SIZE, FRAME, num } from './geometry.js';
import { DEFAULT_FONT_FAMILY } from './fonts.js';
import { displayWidth } from '../text/width.js';
import { sanitizeBlock, sanitizeInline } from '../text/sanitize.js';

/** Inside <style> entities are not decoded, so a family list is filtered rather than escaped. */
function cssFamily(family: string): string {
  return sanitizeInline(family).replace(/[^\p{L}\p{N} ,'"._-]/gu, '');
}

function inlineSvg(cells: Cell[][], cols: number, rows: number, family: string, cls: string, label?: string): string {
  const w = cols * CELL_WIDTH;
  const h = rows * CELL_HEIGHT;
  const aria = label === undefined ? ' aria-hidden="true"' : ` role="img" aria-label="${xmlEscape(label)}"`;
  return (
    `<svg class="${cls}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"${aria}>` +
    `<rect width="${w}" height="${h}" fill="${DEFAULT_BG}"/>` +
    `<g font-family="${xmlEscape(family)}" font-size="${num(FONT_SIZE)}">${renderCells(cells)}</g></svg>`
  );
}

export function gridToHtml(grid: CellGrid, meta: ExportMeta): string {
  const family = meta.fontFamily ?? DEFAULT_FONT_FAMILY;
  const p = (cls: string, text: string) => (cleanLine(text) === '' ? '' : `<p class="${cls}">${safeLine(text)}</p>`);

  const legend = meta.legend
    .map((item) => {
      const swatch = isHexColour(item.colour) ? item.colour.toLowerCase() : '#808080';
      const glyph = [...new Intl.Segmenter().segment(cleanText(item.glyph))][0]?.segment ?? ' ';
      const cells: Cell[] =
        displayWidth(glyph) >= 2
          ? [{ char: glyph, width: 2, fg: DEFAULT_FG }, { char: '', width: 0, fg: DEFAULT_FG }]
          : [{ char: glyph, width: 1, fg: DEFAULT_FG }];
      return `<li><span class="sw" style="background:${swatch}"></span>${inlineSvg([cells], cells.length, 1, family, 'g')}<span>${safeLine(item.label)}</span></li>`;
    })
    .join('');

  const css = [
    `body{margin:0;padding:${FRAME.pad}px;background:${FRAME.background};color:${FRAME.text};font-family:${cssFamily(family)};font-size:${FRAME.legendSize}px}`,
    `h1{font-size:${FRAME.titleSize}px;margin:0 0 4px}`,
    `p{margin:2px 0}`,
    `.sub{color:${FRAME.muted};font-size:${FRAME.subtitleSize}px}`,
    `.screen{display:block;margin:10px 0 16px;border:1px solid ${FRAME.border};max-width:100%;height:auto}`,
    `ul.legend{list-style:none;padding:0;margin:0 0 12px;display:flex;flex-wrap:wrap;gap:6px 28px}`,
    `ul.legend li{display:flex;align-items:center;gap:8px}`,
    `.sw{display:inline-block;width:14px;height:14px;border:1px solid ${FRAME.border}}`,
    `.credit,.gen{color:${FRAME.muted};font-size:${FRAME.creditSize}px}`,
    `.note{color:${FRAME.note};font-size:${FRAME.creditSize + 1}px;margin-top:6px}`,
    `.gen{margin-top:6px}`,
    `details{margin-top:14px;color:${FRAME.muted};font-size:${FRAME.creditSize}px}`,
    `details pre{color:${FRAME.text};background:${DEFAULT_BG};padding:8px;overflow-x:auto;font-family:inherit}`,
  ].join('\n');

  return (
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
      `<title>${safeLine(meta.title)}</title>`,
      `<style>\n${css}\n</style>`,
      '</head>',
      '<body>',
      '<header>',
      `<h1>${safeLine(meta.title)}</h1>`,
      meta.subtitle ? p('sub', meta.subtitle) : '',
      `<p class="asof">Data as of ${safeLine(meta.asOf)}</p>`,
      '</header>',
      inlineSvg(grid.cells, grid.cols, grid.rows, family, 'screen', cleanLine(meta.title)),
      legend ? `<ul class="legend">${legend}</ul>` : '',
      '<footer>',
      ...meta.credits.map((c) => p('credit', c)),
      meta.schematicNote ? p('note', meta.schematicNote) : '',
      meta.generatedAt !== null ? p('gen', `Generated ${meta.generatedAt}`) : '',
      '</footer>',
      `<details><summary>Screen as text</summary><pre>${xmlEscape(sanitizeBlock(gridToText(grid)))}</pre></details>`,
      '</body>',
      '</html>',
    ]
      .filter((l) => l !== '')
      .join('\n') + '\n'
  );
}
