/** The map pane as styled lines, from the geography core's frame (rasterised once per size). */
import type { Atlas } from '../atlas.js';
import { composeFrame } from '../map/frame.js';
import { LEGEND, type CountyStatus } from '../map/legend.js';
import { text, type Line } from './paint.js';

export function mapLines(atlas: Atlas, width: number, height: number, selected: string | undefined, statuses: ReadonlyMap<string, CountyStatus>, noColor: boolean): Line[] {
  if (width < 10 || height < 4) return [];
  const frame = composeFrame(atlas.rasterFor(width, height), { selected, statuses, noColor });
  return frame.cells.map((row) => {
    const line: Line = [];
    for (const cell of row) {
      const last = line[line.length - 1];
      if (last && last.fg === cell.fg && last.bg === cell.bg && last.bold === cell.bold) last.text += cell.char;
      else line.push({ text: cell.char, ...(cell.fg ? { fg: cell.fg } : {}), ...(cell.bg ? { bg: cell.bg } : {}), ...(cell.bold ? { bold: true } : {}) });
    }
    return line;
  });
}

/** One-line legend of the statuses present, with glyphs when colour is off. */
export function legendLine(present: ReadonlySet<string>, noColor: boolean): Line {
  const out: Line = [];
  for (const entry of Object.values(LEGEND)) {
    if (entry.status === 'cursor' || entry.status === 'none' || !present.has(entry.status)) continue;
    out.push(noColor ? text(`${entry.glyph} `) : text('  ', { bg: entry.colour }), text(` ${entry.label}  `));
  }
  return out;
}
