/**
 * Exports. Briefing slides (the `export` command, `--pack`) are composed in slide/: the view's
 * blocks (map, detail, tables, chart) laid out on a cell grid, then drawn by the renderers below.
 * The app's `e` key is a screenshot of the screen, through this pipeline:
 *
 *   ANSI frame (what Ink printed) ──► terminal emulator (@xterm/headless) ──► cell grid
 *     cell grid ──► SVG  (vector: text on the cell grid; braille, box drawing, blocks as shapes)
 *               ──► PNG  (the SVG through resvg with the bundled fonts; 1× or 2×)
 *               ──► HTML (self-contained; the screen as selectable text)
 *               ──► TXT  (plain text, provenance header/footer)
 *     ANSI frame ──► ANSI (raw, as printed)
 *
 * SVG, PNG and HTML frame the screen with title, as-of date, legend, credits (the boundary
 * attribution among them), an optional note and the generation time. Every string is sanitised (src/text/sanitize.ts) and
 * escaped. Files are written atomically, never over an existing file without force, never into
 * a forbidden directory.
 */
export type { Cell, CellGrid, ExportMeta, LegendItem } from './types.js';
export { ansiToGrid, gridToText } from './ansi-to-grid.js';
export { gridToSvg } from './svg.js';
export { gridToHtml } from './html.js';
export { gridToTextDocument } from './text-export.js';
export { writeFileAtomic, type WriteAtomicOptions } from './write-atomic.js';
export { ExportError, type ExportErrorCode } from './errors.js';
export {
  EXPORT_FORMATS,
  type ExportFormat,
  formatFromPath,
  renderExport,
  exportToFile,
  type ScreenCapture,
  type RenderOptions,
  type ExportToFileOptions,
} from './render.js';
export { CELL_WIDTH, CELL_HEIGHT } from './geometry.js';
export { DEFAULT_FG, DEFAULT_BG, PALETTE_256 } from './palette.js';
