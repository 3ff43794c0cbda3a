/**
 * Plain-text tables whose columns line up by display width, so Hangul (two cells a character)
 * aligns with Latin text. Cells must already be sanitised.
 */
import { displayWidth, padCells, truncateCells } from './width.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Upper bound on the column width in cells. */
  max?: number;
}

/**
 * The header line, a rule of ─ under each column, then one line per row. Every column must have a
 * header (throws otherwise: a headless column is a defect readers cannot decode).
 */
export function renderTable(columns: Column[], rows: string[][], gap = '  '): string[] {
  const headless = columns.findIndex((c) => c.header.trim() === '');
  if (headless >= 0) throw new Error(`renderTable: column ${headless + 1} has no header`);
  const widths = columns.map((c, i) =>
    Math.min(c.max ?? Infinity, Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? '')))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => padCells(truncateCells(cell, widths[i]!), widths[i]!, columns[i]!.align))
      .join(gap)
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}
