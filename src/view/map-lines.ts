/** The map pane as styled lines, from the geography core's frame (rasterised once per size). */
import type { Atlas } from '../atlas.js';
import { composeFrame } from '../geo/frame.js';
import { LEGEND, STALE_MARK, type CountyStatus } from '../geo/legend.js';
import { text, type Line } from './paint.js';

export function mapLines(
  atlas: Atlas,
  width: number,
  height: number,
  selected: string | undefined,
  statuses: ReadonlyMap<string, CountyStatus>,
  noColor: boolean,
  stale?: ReadonlySet<string>,
): Line[] {
  if (width < 10 || height < 4) return [];
  const frame = composeFrame(atlas.rasterFor(width, height), { selected, statuses, noColor, ...(stale ? { stale } : {}) });
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

/** One-line legend of the statuses present, with glyphs when colour is off; `stale` adds the stale mark. */
export function legendLine(present: ReadonlySet<string>, noColor: boolean, stale = false): Line {
  const out: Line = [];
  for (const entry of Object.values(LEGEND)) {
    if (entry.status === 'cursor' || entry.status === 'none' || !present.has(entry.status)) continue;
    out.push(noColor ? text(`${entry.glyph} `) : text('  ', { bg: entry.colour }), text(` ${entry.label}  `));
  }
  if (stale) out.push(noColor ? text(`${STALE_MARK.glyph} `) : text(STALE_MARK.glyph.repeat(2), { fg: STALE_MARK.colour, bg: '#D0D0D0' }), text(' Stale  '));
  return out;
}
