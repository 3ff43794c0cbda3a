/** One call per export: pick the format (from the file name), render, write atomically. */
import { extname } from 'node:path';
import type { CellGrid, ExportMeta } from './types.js';
import { ansiToGrid } from './ansi-to-grid.js';
import { gridToSvg } from './svg.js';
import { gridToHtml } from './html.js';
import { gridToTextDocument } from './text-export.js';
import { writeFileAtomic } from './write-atomic.js';

export const EXPORT_FORMATS = ['svg', 'png', 'html', 'txt', 'ansi'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const BY_EXTENSION: Record<string, ExportFormat> = {
  '.svg': 'svg',
  '.png': 'png',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'txt',
  '.ans': 'ansi',
  '.ansi': 'ansi',
};

/** The format a file name asks for, or undefined for an unknown extension. */
export function formatFromPath(path: string): ExportFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

export interface ScreenCapture {
  /** The frame as printed to the terminal. */
  ansi: string;
  cols: number;
  rows: number;
}

export interface RenderOptions {
  /** PNG only; default 2 (print). */
  scale?: 1 | 2;
}

/** Renders a captured screen in one format: a string (svg, html, txt, ansi) or a Buffer (png). */
export async function renderExport(
  capture: ScreenCapture,
  meta: ExportMeta,
  format: ExportFormat,
  options: RenderOptions = {},
): Promise<string | Buffer> {
  if (format === 'ansi') return capture.ansi;
  const grid: CellGrid = await ansiToGrid(capture.ansi, capture.cols, capture.rows);
  switch (format) {
    case 'svg':
      return gridToSvg(grid, meta);
    case 'png':
      // The native PNG renderer and its fonts are loaded only when a PNG is asked for.
      return (await import('./png.js')).svgToPng(gridToSvg(grid, meta), options.scale ?? 2);
    case 'html':
      return gridToHtml(grid, meta);
    case 'txt':
      return gridToTextDocument(grid, meta);
  }
}

export interface ExportToFileOptions extends RenderOptions {
  /** Defaults to the file's extension. */
  format?: ExportFormat;
  force?: boolean;
  /** Directories exports must never write into (the app's data directory). */
  forbiddenDirs?: string[];
}

/** Renders and writes atomically; returns the format used and the number of bytes written. */
export async function exportToFile(
  path: string,
  capture: ScreenCapture,
  meta: ExportMeta,
  options: ExportToFileOptions = {},
): Promise<{ format: ExportFormat; bytes: number }> {
  const format = options.format ?? formatFromPath(path);
  if (format === undefined)
    throw new RangeError(`Unknown export format for ${path}: use .svg, .png, .html, .txt or .ans`);
  const data = await renderExport(capture, meta, format, options);
  const writeOptions: { force?: boolean; forbiddenDirs?: string[] } = {};
  if (options.force !== undefined) writeOptions.force = options.force;
  if (options.forbiddenDirs !== undefined) writeOptions.forbiddenDirs = options.forbiddenDirs;
  await writeFileAtomic(path, data, writeOptions);
  return { format, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
}
